package org.fabrique.coordinator.design;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.designs.DesignStatus;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads design versions. Creating and publishing them is {@link DesignPublisher}'s job. */
@Service
public class Designs {

    /** Newest first, comparing semantic versions numerically (1.10.0 after 1.9.0). */
    public static final Comparator<String> NEWEST_FIRST = Comparator.comparing(SemanticVersion::parse).reversed();

    private final ReactiveMongoTemplate mongo;
    private final AsyncCache<String, Design> recent = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofSeconds(60))
            .buildAsync();

    public Designs(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A design version from a short-lived cache: for the hot paths (claims, lot views) that need a
     * version's parts and materials, which never change once published.
     */
    public Mono<Design> findCached(String slug, String version) {
        return Mono.fromFuture(recent.get(Design.id(slug, version),
                        (id, executor) -> mongo.findById(id, Design.class).toFuture()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.DESIGN_NOT_FOUND, "Design version",
                        Design.id(slug, version))));
    }

    void evict(String slug, String version) {
        recent.synchronous().invalidate(Design.id(slug, version));
    }

    public Mono<Design> find(String slug, String version) {
        return mongo.findById(Design.id(slug, version), Design.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.DESIGN_NOT_FOUND, "Design version",
                        Design.id(slug, version))));
    }

    public Flux<Design> versions(String slug) {
        return mongo.find(Query.query(Criteria.where("slug").is(slug)), Design.class)
                .sort(Comparator.comparing(Design::version, NEWEST_FIRST));
    }

    public Flux<Design> withStatus(DesignStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status)), Design.class);
    }

    /** The published versions of a design, newest first; empty when it has none. */
    public Mono<List<String>> publishedVersions(String slug) {
        return mongo.find(Query.query(Criteria.where("slug").is(slug).and("status").is(DesignStatus.PUBLISHED)), Design.class)
                .map(Design::version)
                .sort(NEWEST_FIRST)
                .collectList();
    }
}
