package org.fabrique.coordinator.hospital;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A hospital (or care home, or clinic) that posts needs and inspects what arrives. */
@Document("hospitals")
public record Hospital(
        @Id String id,
        String name,
        String country,
        String postcode,
        String area,
        Instant createdAt) {
}
