package org.fabrique.coordinator.system.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The store contract on the embedded server with the H2 file backend the coordinator uses by default. */
class EmbeddedH2StoreContractTest extends StoreContractTest {

    private MongoServer server;

    @Override
    protected String storeUri() {
        try {
            Path file = Files.createTempDirectory("fabrique-h2").resolve("store.mv.db");
            server = new MongoServer(EmbeddedBackend.durable(new H2Backend(file.toString())));
            server.bind("127.0.0.1", 0);
            return server.getConnectionString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void releaseStore() {
        server.shutdownNow();
    }
}
