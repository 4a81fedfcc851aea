package org.fabrique.coordinator.system.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The store contract on the embedded wire-protocol server with its in-memory backend. */
class EmbeddedMemoryStoreContractTest extends StoreContractTest {

    private MongoServer server;

    @Override
    protected String storeUri() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server.getConnectionString();
    }

    @Override
    protected void releaseStore() {
        server.shutdownNow();
    }
}
