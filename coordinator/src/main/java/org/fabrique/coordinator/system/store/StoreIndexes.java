package org.fabrique.coordinator.system.store;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The indexes every query and every uniqueness rule relies on, created at start-up (creating an
 * existing index is a no-op). The unique ones are invariants: one account per token, one lot per
 * claim request, one lot per lot number, one event per sequence number.
 */
@Component
public class StoreIndexes {

    private record Definition(String collection, Index index) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("accounts", new Index().on("tokenHash", Sort.Direction.ASC).unique().named("token_unique")),
            new Definition("accounts", new Index().on("role", Sort.Direction.ASC).named("role")),
            new Definition("needs", new Index().on("status", Sort.Direction.ASC).on("open", Sort.Direction.ASC).named("claimable")),
            new Definition("needs", new Index().on("hospitalId", Sort.Direction.ASC).named("hospital")),
            new Definition("needs", new Index().on("active.lotId", Sort.Direction.ASC).named("active_lot")),
            new Definition("lots", new Index().on("claimKey", Sort.Direction.ASC).unique().sparse().named("claim_unique")),
            new Definition("lots", new Index().on("lotNumber", Sort.Direction.ASC).unique().sparse().named("lot_number_unique")),
            new Definition("lots", new Index().on("makerId", Sort.Direction.ASC).on("state", Sort.Direction.ASC).named("maker_state")),
            new Definition("lots", new Index().on("hospitalId", Sort.Direction.ASC).on("state", Sort.Direction.ASC).named("hospital_state")),
            new Definition("lots", new Index().on("needId", Sort.Direction.ASC).named("need")),
            new Definition("lots", new Index().on("state", Sort.Direction.ASC).on("leaseExpiresAt", Sort.Direction.ASC).named("lease")),
            new Definition("lots", new Index().on("ledgerPending", Sort.Direction.ASC).sparse().named("ledger_pending")),
            new Definition("events", new Index().on("seq", Sort.Direction.ASC).unique().named("seq_unique")),
            new Definition("events", new Index().on("lotId", Sort.Direction.ASC).named("lot")),
            new Definition("designs", new Index().on("slug", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("slug_status")),
            new Definition("idempotency", new Index().on("startedAt", Sort.Direction.ASC).named("started")));

    private final ReactiveMongoTemplate mongo;

    public StoreIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> ensure() {
        return Flux.fromIterable(DEFINITIONS)
                .concatMap(d -> mongo.indexOps(d.collection()).createIndex(d.index()))
                .then();
    }
}
