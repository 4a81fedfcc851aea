package org.fabrique.coordinator.system.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.mongodb.uri}, the coordinator runs its own MongoDB wire-protocol server
 * (mongo-java-server) on the loopback interface and talks to it through the ordinary driver, so
 * the code path is the same as against a real MongoDB. The H2 backend keeps the data in
 * {@code <data-dir>/store.mv.db}; the memory backend is for tests.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriConfigured.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(FabriqueProperties properties) {
        MongoBackend backend = switch (properties.store().embedded()) {
            case MEMORY -> new MemoryBackend();
            case H2 -> EmbeddedBackend.durable(openH2(properties.dataDir()));
        };
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        log.info("Embedded store ({}) listening on {}", properties.store().embedded(), server.getLocalAddress());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer, FabriqueProperties properties) {
        ConnectionString connectionString = new ConnectionString(
                embeddedMongoServer.getConnectionString() + "/" + properties.store().database());
        return () -> connectionString;
    }

    private static H2Backend openH2(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("store.mv.db").toAbsolutePath();
        try {
            return new IndexedH2Backend(file.toString());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot open the embedded store " + file
                    + " (is another coordinator using this data directory?): " + e.getMessage(), e);
        }
    }
}
