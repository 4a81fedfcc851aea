package org.fabrique.coordinator.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person or agent that can call the API. Only the SHA-256 of its bearer token is stored; a lost
 * token is replaced, never recovered.
 */
@Document("accounts")
public record Account(
        @Id String id,
        Role role,
        String displayName,
        String makerId,
        String hospitalId,
        String tokenHash,
        boolean disabled,
        Instant createdAt,
        String createdBy) {

    public Actor toActor() {
        return new Actor(id, role, displayName, makerId, hospitalId);
    }
}
