package org.fabrique.coordinator.system.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The store's health, by {@code ping}: understood by MongoDB and by the embedded server alike
 * (Spring Boot's own MongoDB indicator sends {@code hello}, which the embedded server lacks).
 */
@Component("store")
class StoreHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    StoreHealthIndicator(ReactiveMongoTemplate mongo) {
        super("The store did not answer a ping");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1)).map(answer -> builder.up().build());
    }
}
