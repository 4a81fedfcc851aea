package org.fabrique.coordinator.event;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.system.store.Sequences;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Appends events; the only writer of the {@code events} collection. */
@Component
public class EventLog {

    static final String SEQUENCE = "events";

    /** What a feature says happened; the log adds the sequence number and time. */
    public record Draft(String type, Actor actor, String hospitalId, String makerId, String needId, String lotId,
            Map<String, Object> data) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Sequences sequences;
    private final Clock clock;

    public EventLog(ReactiveMongoTemplate mongo, Sequences sequences, Clock clock) {
        this.mongo = mongo;
        this.sequences = sequences;
        this.clock = clock;
    }

    public Mono<Event> append(Draft draft) {
        return sequences.next(SEQUENCE).flatMap(seq -> mongo.insert(new Event(null, seq, draft.type(), clock.instant(),
                draft.actor().ref(), draft.hospitalId(), draft.makerId(), draft.needId(), draft.lotId(),
                draft.data() == null ? Map.of() : draft.data())));
    }

    /**
     * Events after {@code seq}, in order, at most {@code limit}. Asks for the sequence numbers one
     * by one ({@code $in}) rather than as a range: the embedded store answers a range by scanning
     * the whole collection, but an {@code $in} on the unique index by looking each one up.
     */
    public Flux<Event> after(long seq, int limit) {
        return lastSeq().flatMapMany(last -> {
            long upTo = Math.min(last, seq + limit);
            if (upTo <= seq) {
                return Flux.empty();
            }
            List<Long> wanted = LongStream.rangeClosed(seq + 1, upTo).boxed().toList();
            return mongo.find(Query.query(Criteria.where("seq").in(wanted)).with(Sort.by("seq")), Event.class);
        });
    }

    public Flux<Event> forLot(String lotId) {
        return mongo.find(Query.query(Criteria.where("lotId").is(lotId)).with(Sort.by("seq")), Event.class);
    }

    public Mono<Long> lastSeq() {
        return sequences.current(SEQUENCE);
    }
}
