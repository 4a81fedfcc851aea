package org.fabrique.coordinator.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fabrique.coordinator.FabriqueCoordinatorApplication;
import org.fabrique.coordinator.account.CoordinatorBootstrap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * A whole coordinator application, started in this JVM on a random port, against the embedded
 * store or against a given MongoDB URI (which is how two instances share one store in tests).
 * Background reapers are slowed to an hour: tests run them explicitly after moving the clock.
 */
public final class TestCoordinator implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private TestCoordinator(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Clock clock;

        Builder() {
            properties.put("server.port", 0);
            properties.put("fabrique.designs.import-on-start", false);
            properties.put("fabrique.lots.reaper-interval", "1h");
            properties.put("fabrique.events.poll-interval", "100ms");
            // Tests claim right after posting a need, through either instance.
            properties.put("fabrique.lots.claim-snapshot-ttl", "0s");
            properties.put("logging.file.name", "");
            properties.put("management.metrics.tags.application", "test");
        }

        public Builder mongoUri(String uri) {
            properties.put("spring.mongodb.uri", uri);
            return this;
        }

        public Builder embeddedMemory() {
            properties.put("fabrique.store.embedded", "MEMORY");
            return this;
        }

        public Builder embeddedH2() {
            properties.put("fabrique.store.embedded", "H2");
            return this;
        }

        public Builder property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public TestCoordinator start() {
            try {
                Path dataDir = properties.containsKey("fabrique.data-dir") ? Path.of(properties.get("fabrique.data-dir").toString())
                        : Files.createTempDirectory("fabrique-test");
                properties.putIfAbsent("fabrique.data-dir", dataDir.toString());
                SpringApplicationBuilder builder = new SpringApplicationBuilder(FabriqueCoordinatorApplication.class)
                        .logStartupInfo(false);
                if (clock != null) {
                    Clock fixed = clock;
                    builder.initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("clock", Clock.class, () -> fixed));
                }
                SpringApplication application = builder.build();
                String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new);
                return new TestCoordinator(application.run(args), dataDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ReactiveMongoTemplate mongo() {
        return bean(ReactiveMongoTemplate.class);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The first coordinator's token, as written to the data directory on first start. */
    public String coordinatorToken() {
        try {
            return Files.readString(dataDir.resolve(CoordinatorBootstrap.TOKEN_FILE)).trim();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No coordinator token in " + dataDir + " (was the store already initialised?)", e);
        }
    }

    public Api api() {
        return new Api(baseUrl());
    }

    @Override
    public void close() {
        context.close();
    }
}
