package org.fabrique.coordinator.system.store;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The store contract on a real MongoDB replica set; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerStoreContractTest extends StoreContractTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    protected String storeUri() {
        String uri = MONGO.getReplicaSetUrl();
        return uri.substring(0, uri.lastIndexOf('/'));
    }
}
