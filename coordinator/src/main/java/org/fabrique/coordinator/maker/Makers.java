package org.fabrique.coordinator.maker;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.fabrique.coordinator.account.Accounts;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.geo.Area;
import org.fabrique.coordinator.geo.Areas;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.coordinator.system.store.ArrayElements;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Makers, their printers and their track record. */
@Service
public class Makers {

    public record Registration(String makerId, String pseudonym, String area, TrustLevel trustLevel, String token) {
    }

    private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);
    private static final String PSEUDONYM_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final Clock clock;

    public Makers(ReactiveMongoTemplate mongo, Accounts accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Mono<Registration> register(String country, String postcode, String pseudonym, Actor createdBy) {
        Area area = Areas.of(country, postcode);
        String name = pseudonym == null || pseudonym.isBlank() ? randomPseudonym() : pseudonym.trim();
        Instant now = clock.instant();
        Maker maker = new Maker(new ObjectId().toHexString(), name, area.code().substring(0, 2), postcode.trim(),
                area.code(), TrustLevel.NEW, List.of(), Maker.TrackRecord.EMPTY, now, now);
        return mongo.insert(maker)
                .flatMap(saved -> accounts.create(Role.MAKER, saved.pseudonym(), saved.id(), null, createdBy)
                        .map(issued -> new Registration(saved.id(), saved.pseudonym(), saved.area(), saved.trustLevel(),
                                issued.token())));
    }

    public Mono<Maker> find(String makerId) {
        return mongo.findById(makerId, Maker.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.MAKER_NOT_FOUND, "Maker", makerId)));
    }

    public Flux<Maker> all() {
        return mongo.findAll(Maker.class);
    }

    public Mono<Printer> putPrinter(String makerId, String printerId, Printer printer) {
        Printer stored = printer.withId(printerId);
        Query existing = Query.query(new Criteria().andOperator(Criteria.where("_id").is(makerId),
                ArrayElements.elementOf("printers", Criteria.where("printerId").is(printerId))));
        Query absent = Query.query(Criteria.where("_id").is(makerId).and("printers.printerId").ne(printerId));
        return mongo.updateFirst(existing, new Update().set("printers.$", stored), Maker.class)
                .flatMap(replaced -> replaced.getMatchedCount() > 0 ? Mono.just(stored)
                        : mongo.updateFirst(absent, new Update().push("printers", stored), Maker.class)
                                .flatMap(added -> added.getMatchedCount() > 0 ? Mono.just(stored)
                                        : find(makerId).then(Mono.defer(() -> putPrinter(makerId, printerId, printer)))));
    }

    public Mono<Void> removePrinter(String makerId, String printerId) {
        Query query = Query.query(Criteria.where("_id").is(makerId).and("printers.printerId").is(printerId));
        return mongo.updateFirst(query, new Update().pull("printers", Query.query(Criteria.where("printerId").is(printerId)).getQueryObject()), Maker.class)
                .flatMap(result -> result.getMatchedCount() > 0 ? Mono.<Void>empty()
                        : Mono.error(ApiException.notFound(ProblemType.PRINTER_NOT_FOUND, "Printer", printerId)));
    }

    public Mono<Maker> setTrustLevel(String makerId, TrustLevel level) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(makerId)), Update.update("trustLevel", level),
                        FindAndModifyOptions.options().returnNew(true), Maker.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.MAKER_NOT_FOUND, "Maker", makerId)));
    }

    /** Records that the maker's agent is alive; written at most once a minute per maker. */
    public Mono<Void> seen(String makerId) {
        Instant now = clock.instant();
        Query stale = Query.query(Criteria.where("_id").is(makerId)
                .and("lastSeenAt").lt(now.minus(LAST_SEEN_RESOLUTION)));
        return mongo.updateFirst(stale, Update.update("lastSeenAt", now), Maker.class).then();
    }

    /** Counts a hospital's decision on one of the maker's lots; NEW makers become ESTABLISHED on their first approval. */
    public Mono<Void> recordDecision(String makerId, boolean approved, int items) {
        Update update = approved
                ? new Update().inc("record.approvedLots", 1).inc("record.approvedItems", items)
                : new Update().inc("record.rejectedLots", 1).inc("record.rejectedItems", items);
        Mono<Void> promote = approved
                ? mongo.updateFirst(Query.query(Criteria.where("_id").is(makerId).and("trustLevel").is(TrustLevel.NEW)),
                        Update.update("trustLevel", TrustLevel.ESTABLISHED), Maker.class).then()
                : Mono.empty();
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(makerId)), update, Maker.class).then(promote);
    }

    private static String randomPseudonym() {
        StringBuilder name = new StringBuilder("maker-");
        for (int i = 0; i < 6; i++) {
            name.append(PSEUDONYM_ALPHABET.charAt(RANDOM.nextInt(PSEUDONYM_ALPHABET.length())));
        }
        return name.toString();
    }
}
