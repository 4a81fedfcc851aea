package org.fabrique.coordinator.system.idempotency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first answer to a request made with an idempotency key, kept so that a retry gets the same
 * answer. {@code id} is the caller's identity and the key; {@code fingerprint} the SHA-256 of the
 * method, path and body, to refuse the same key on a different request.
 */
@Document("idempotency")
record StoredResponse(
        @Id String id,
        String fingerprint,
        State state,
        int status,
        String contentType,
        String location,
        byte[] body,
        Instant startedAt,
        Instant completedAt) {

    enum State { PENDING, DONE }
}
