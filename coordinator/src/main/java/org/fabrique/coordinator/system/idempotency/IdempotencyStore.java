package org.fabrique.coordinator.system.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Remembers answers by idempotency key. A request first reserves its key (PENDING); the first to
 * reserve it runs, others get the stored answer once it is DONE. A reservation older than
 * {@link #TAKE_OVER_AFTER} belongs to a request that died with its coordinator and may be taken
 * over: the domain operations themselves are guarded by the same key, so running again is safe.
 */
@Component
class IdempotencyStore {

    static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(60);
    static final Duration RETENTION = Duration.ofHours(24);

    sealed interface Reservation permits Reserved, Replay, InProgress, Mismatch {
    }

    record Reserved() implements Reservation {
    }

    record Replay(StoredResponse response) implements Reservation {
    }

    record InProgress() implements Reservation {
    }

    record Mismatch() implements Reservation {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    IdempotencyStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<Reservation> reserve(String id, String fingerprint) {
        Instant now = clock.instant();
        StoredResponse pending = new StoredResponse(id, fingerprint, StoredResponse.State.PENDING, 0, null, null, null, now, null);
        return mongo.insert(pending).<Reservation>map(saved -> new Reserved())
                .onErrorResume(DuplicateKeyException.class, e -> existing(id, fingerprint, now));
    }

    private Mono<Reservation> existing(String id, String fingerprint, Instant now) {
        return mongo.findById(id, StoredResponse.class).flatMap(stored -> {
            if (!stored.fingerprint().equals(fingerprint)) {
                return Mono.just(new Mismatch());
            }
            if (stored.state() == StoredResponse.State.DONE) {
                return Mono.just(new Replay(stored));
            }
            Query abandoned = Query.query(Criteria.where("_id").is(id).and("state").is(StoredResponse.State.PENDING)
                    .and("startedAt").lt(now.minus(TAKE_OVER_AFTER)));
            return mongo.findAndModify(abandoned, Update.update("startedAt", now), FindAndModifyOptions.options().returnNew(true),
                            StoredResponse.class)
                    .<Reservation>map(taken -> new Reserved())
                    .defaultIfEmpty(new InProgress());
        }).switchIfEmpty(Mono.defer(() -> reserve(id, fingerprint)));
    }

    Mono<Void> complete(String id, int status, String contentType, String location, byte[] body) {
        Update update = new Update().set("state", StoredResponse.State.DONE).set("status", status)
                .set("contentType", contentType).set("location", location).set("body", body)
                .set("completedAt", clock.instant());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, StoredResponse.class).then();
    }

    /** Forgets a reservation whose request failed on the server's side, so that a retry runs again. */
    Mono<Void> release(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").is(StoredResponse.State.PENDING)),
                StoredResponse.class).then();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldAnswers() {
        mongo.remove(Query.query(Criteria.where("startedAt").lt(clock.instant().minus(RETENTION))), StoredResponse.class)
                .subscribe();
    }
}
