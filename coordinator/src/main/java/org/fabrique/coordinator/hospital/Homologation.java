package org.fabrique.coordinator.hospital;

import java.time.Instant;
import java.util.List;

import org.fabrique.designs.Material;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A hospital's approval of one design version for its site, optionally only in some materials
 * (empty: any material the design allows). Its needs target homologated versions unless the
 * hospital says any published version will do.
 */
@Document("homologations")
public record Homologation(
        @Id String id,
        String hospitalId,
        String designSlug,
        String designVersion,
        List<Material> materials,
        String by,
        Instant at) {

    public static String id(String hospitalId, String slug, String version) {
        return hospitalId + ":" + slug + "@" + version;
    }
}
