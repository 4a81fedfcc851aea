package org.fabrique.coordinator.need;

import java.time.Clock;

import com.mongodb.client.result.UpdateResult;
import org.fabrique.coordinator.need.Need.ActiveLot;
import org.fabrique.coordinator.system.store.ArrayElements;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The only code that changes a need's counters. Every operation is one conditional update on the
 * need document whose filter names the lot and the state of its entry in {@code active}; a
 * repeated or concurrent call matches nothing and changes nothing. That is what makes "no
 * over-allocation" and "returned exactly once" hold across any number of coordinator instances,
 * without multi-document transactions (the embedded store has none).
 */
@Component
public class NeedLedger {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public NeedLedger(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes {@code quantity} open items of an OPEN need for a new lot. Empty when the need is not
     * open or has fewer open items (another claim got there first).
     */
    public Mono<Need> allocate(String needId, ActiveLot lot) {
        Query query = Query.query(Criteria.where("_id").is(needId)
                .and("status").is(NeedStatus.OPEN)
                .and("open").gte(lot.quantity())
                .and("active.lotId").ne(lot.lotId()));
        Update update = new Update()
                .inc("open", -lot.quantity())
                .inc("allocated", lot.quantity())
                .push("active", lot)
                .set("updatedAt", clock.instant());
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Need.class);
    }

    /** Some items of a lot failed to print: they go back to open. Applies once, when the entry still holds {@code claimed}. */
    public Mono<Boolean> shrink(String needId, String lotId, int claimed, int printed) {
        if (printed >= claimed) {
            return Mono.just(false);
        }
        int failed = claimed - printed;
        return apply(entry(needId, lotId, claimed, ActiveLot.Stage.ALLOCATED),
                new Update().set("active.$.quantity", printed).inc("open", failed).inc("allocated", -failed));
    }

    /** A lot left the maker: its items count as shipped. */
    public Mono<Boolean> ship(String needId, String lotId, int quantity) {
        return apply(entry(needId, lotId, quantity, ActiveLot.Stage.ALLOCATED),
                new Update().set("active.$.stage", ActiveLot.Stage.SHIPPED).inc("shipped", quantity));
    }

    /** The hospital approved a lot: its items stay allocated for good and count as approved. */
    public Mono<Boolean> approve(String needId, String lotId, int quantity) {
        return apply(entry(needId, lotId, quantity, ActiveLot.Stage.SHIPPED),
                pull(lotId).inc("approved", quantity));
    }

    /** The hospital rejected a lot: its items go back to open, to be printed again. */
    public Mono<Boolean> reject(String needId, String lotId, int quantity) {
        return apply(entry(needId, lotId, quantity, ActiveLot.Stage.SHIPPED),
                pull(lotId).inc("rejected", quantity).inc("open", quantity).inc("allocated", -quantity));
    }

    /** A lot was released, expired, or never came to exist: all its items go back to open. */
    public Mono<Boolean> giveBack(String needId, String lotId, int quantity) {
        return apply(entry(needId, lotId, quantity, ActiveLot.Stage.ALLOCATED),
                pull(lotId).inc("open", quantity).inc("allocated", -quantity));
    }

    /** The need, provided its {@code active} list has this lot with this quantity (and stage, when given). */
    private static Criteria entry(String needId, String lotId, int quantity, ActiveLot.Stage stage) {
        Criteria lot = Criteria.where("lotId").is(lotId);
        Criteria amount = Criteria.where("quantity").is(quantity);
        Criteria element = stage == null ? ArrayElements.elementOf("active", lot, amount)
                : ArrayElements.elementOf("active", lot, amount, Criteria.where("stage").is(stage));
        return new Criteria().andOperator(Criteria.where("_id").is(needId), element);
    }

    private static Update pull(String lotId) {
        return new Update().pull("active", Query.query(Criteria.where("lotId").is(lotId)).getQueryObject());
    }

    private Mono<Boolean> apply(Criteria criteria, Update update) {
        update.set("updatedAt", clock.instant());
        return mongo.updateFirst(Query.query(criteria), update, Need.class).map(UpdateResult::getModifiedCount)
                .map(modified -> modified > 0);
    }
}
