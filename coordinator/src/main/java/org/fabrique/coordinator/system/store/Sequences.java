package org.fabrique.coordinator.system.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Named counters shared by every coordinator instance (one atomic increment in the store). */
@Component
public class Sequences {

    static final String COLLECTION = "sequences";

    private final ReactiveMongoTemplate mongo;

    public Sequences(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Long> next(String name) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(counter -> ((Number) counter.get("value")).longValue());
    }

    public Mono<Long> current(String name) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(name)), Document.class, COLLECTION)
                .map(counter -> ((Number) counter.get("value")).longValue())
                .defaultIfEmpty(0L);
    }
}
