package org.fabrique.coordinator.account;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates accounts and resolves bearer tokens. Resolved tokens are cached for a short while: with
 * thousands of agents heart-beating, each request must not cost a store round trip. A disabled
 * account or a replaced token stops working within {@link #CACHE_TTL}.
 */
@Service
public class Accounts {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);

    public record Issued(Account account, String token) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final AsyncCache<String, Actor> byTokenHash = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(CACHE_TTL)
            .buildAsync();

    public Accounts(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Issued> create(Role role, String displayName, String makerId, String hospitalId, Actor createdBy) {
        return create(new ObjectId().toHexString(), role, displayName, makerId, hospitalId, createdBy);
    }

    Mono<Issued> create(String id, Role role, String displayName, String makerId, String hospitalId, Actor createdBy) {
        String token = Tokens.newToken();
        Account account = new Account(id, role, displayName, makerId, hospitalId, Tokens.hash(token), false,
                clock.instant(), createdBy == null ? null : createdBy.ref());
        return mongo.insert(account).map(saved -> new Issued(saved, token));
    }

    /** The actor a bearer token stands for, or empty when the token is unknown or disabled. */
    public Mono<Actor> authenticate(String token) {
        if (!Tokens.looksLikeToken(token)) {
            return Mono.empty();
        }
        String hash = Tokens.hash(token);
        return Mono.fromFuture(byTokenHash.get(hash, (key, executor) -> mongo
                        .findOne(Query.query(Criteria.where("tokenHash").is(key).and("disabled").is(false)), Account.class)
                        .map(Account::toActor)
                        .toFuture()));
    }

    /** Replaces an account's token; the old one stops working (at once on this instance). */
    public Mono<Issued> rotateToken(String accountId) {
        String token = Tokens.newToken();
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(accountId)),
                        Update.update("tokenHash", Tokens.hash(token)), Account.class)
                .map(old -> {
                    byTokenHash.synchronous().invalidate(old.tokenHash());
                    return new Issued(old, token);
                });
    }

    public Mono<Account> setDisabled(String accountId, boolean disabled) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(accountId)),
                        Update.update("disabled", disabled), Account.class)
                .doOnNext(old -> byTokenHash.synchronous().invalidate(old.tokenHash()));
    }

    public Mono<Account> find(String accountId) {
        return mongo.findById(accountId, Account.class);
    }

    public Flux<Account> all() {
        return mongo.findAll(Account.class);
    }

    public Mono<Boolean> anyWithRole(Role role) {
        return mongo.exists(Query.query(Criteria.where("role").is(role)), Account.class);
    }
}
