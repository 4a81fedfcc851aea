package org.fabrique.coordinator.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator can set under {@code fabrique.*}. See docs/operations.md.
 */
@ConfigurationProperties("fabrique")
public record FabriqueProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("false") boolean demo,
        @DefaultValue Store store,
        @DefaultValue Designs designs,
        @DefaultValue Makers makers,
        @DefaultValue Lots lots,
        @DefaultValue Events events,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public enum EmbeddedBackend { H2, MEMORY }

    /** The embedded store, used when no {@code spring.mongodb.uri} is configured. */
    public record Store(@DefaultValue("H2") EmbeddedBackend embedded, @DefaultValue("fabrique") String database) {
    }

    public record Designs(
            @DefaultValue("designs") Path libraryDir,
            @DefaultValue("true") boolean importOnStart,
            @DefaultValue("50MB") DataSize maxPartSize,
            @DefaultValue("8") int maxParts) {
    }

    public record Makers(
            @DefaultValue("true") boolean selfRegistration,
            @DefaultValue("2") int newMakerBatchCap,
            @DefaultValue("50") int maxBatch) {
    }

    public record Lots(
            @DefaultValue("10m") Duration lease,
            @DefaultValue("30s") Duration heartbeat,
            @DefaultValue("15s") Duration reaperInterval,
            @DefaultValue("30s") Duration ledgerGrace,
            @DefaultValue("30s") Duration noWorkRetryAfter,
            @DefaultValue("1s") Duration claimSnapshotTtl) {
    }

    public record Events(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("2s") Duration gapWait) {
    }
}
