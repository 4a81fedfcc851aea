package org.fabrique.coordinator.dashboard;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.need.NeedStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The network's figures, counted by the store: lots grouped by state, needs grouped by status,
 * and lot transitions per hour or per day. Every instance computes them from the shared store,
 * so they agree whichever coordinator answers. The live dashboard, the open data and the
 * metrics all read them here.
 *
 * <p>The pipelines use only the stages both MongoDB and the embedded server run ({@code $match},
 * {@code $unwind}, {@code $group}, {@code $dateToString}); times are bucketed in UTC.
 */
@Component
public class Figures {

    /** How finely {@link #transitions} and {@link #needsPosted} cut time. */
    public enum Bucket {
        HOUR("%Y-%m-%dT%H:00Z"), DAY("%Y-%m-%d");

        private final String format;

        Bucket(String format) {
            this.format = format;
        }
    }

    /** Lots sharing the values of the grouping fields and a state, with their items. */
    public record LotGroup(Map<String, String> key, LotState state, long lots, long quantity, long printed) {

        /**
         * The items this group stands for: what was printed once a lot is reported, what was
         * claimed before that (and for lots released or expired before printing).
         */
        public long items() {
            return Figures.items(state, quantity, printed);
        }

        public String get(String field) {
            return key.get(field);
        }
    }

    /** Needs sharing the values of the grouping fields and a status, with their counters summed. */
    public record NeedGroup(Map<String, String> key, NeedStatus status, long needs, long quantity, long open) {

        public String get(String field) {
            return key.get(field);
        }
    }

    /** Items of a design whose lots moved to {@code to} within one bucket of time. */
    public record Transitions(String bucket, String design, LotState to, long items) {
    }

    /** Items of a design asked for by needs posted within one bucket of time. */
    public record Posted(String bucket, String design, long items) {
    }

    private final ReactiveMongoTemplate mongo;

    public Figures(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Lots grouped by the given fields of the lot document and by state. */
    public Flux<LotGroup> lotsBy(String... fields) {
        Document id = groupKey(fields).append("state", "$state");
        List<Document> pipeline = List.of(new Document("$group", new Document("_id", id)
                .append("lots", new Document("$sum", 1))
                .append("quantity", new Document("$sum", "$quantity"))
                .append("printed", new Document("$sum", "$printed"))));
        return aggregate("lots", pipeline).filter(doc -> key(doc).get("state") != null)
                .map(doc -> new LotGroup(values(doc, fields), LotState.valueOf(key(doc).getString("state")),
                        number(doc, "lots"), number(doc, "quantity"), number(doc, "printed")));
    }

    /** Needs grouped by the given fields of the need document and by status. */
    public Flux<NeedGroup> needsBy(String... fields) {
        Document id = groupKey(fields).append("status", "$status");
        List<Document> pipeline = List.of(new Document("$group", new Document("_id", id)
                .append("needs", new Document("$sum", 1))
                .append("quantity", new Document("$sum", "$quantity"))
                .append("open", new Document("$sum", "$open"))));
        return aggregate("needs", pipeline).filter(doc -> key(doc).get("status") != null)
                .map(doc -> new NeedGroup(values(doc, fields), NeedStatus.valueOf(key(doc).getString("status")),
                        number(doc, "needs"), number(doc, "quantity"), number(doc, "open")));
    }

    /**
     * Items that reached each of {@code states} since {@code since}, per design and bucket of
     * time, from the lots' histories. A lot counts its printed items (its claimed quantity for
     * states before printing).
     */
    public Flux<Transitions> transitions(Instant since, Bucket bucket, LotState... states) {
        List<String> wanted = Arrays.stream(states).map(Enum::name).toList();
        Date from = Date.from(since);
        List<Document> pipeline = List.of(
                new Document("$match", new Document("updatedAt", new Document("$gte", from))),
                new Document("$unwind", "$history"),
                new Document("$match", new Document("history.to", new Document("$in", wanted))
                        .append("history.at", new Document("$gte", from))),
                new Document("$group", new Document("_id", new Document("bucket", dateToString(bucket, "$history.at"))
                        .append("design", "$designSlug").append("to", "$history.to"))
                        .append("quantity", new Document("$sum", "$quantity"))
                        .append("printed", new Document("$sum", "$printed"))));
        return aggregate("lots", pipeline).map(doc -> {
            Document key = key(doc);
            LotState to = LotState.valueOf(key.getString("to"));
            return new Transitions(key.getString("bucket"), key.getString("design"), to,
                    items(to, number(doc, "quantity"), number(doc, "printed")));
        });
    }

    /** Items asked for by the needs posted since {@code since}, per design and bucket of time. */
    public Flux<Posted> needsPosted(Instant since, Bucket bucket) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document("createdAt", new Document("$gte", Date.from(since)))),
                new Document("$group", new Document("_id", new Document("bucket", dateToString(bucket, "$createdAt"))
                        .append("design", "$designSlug"))
                        .append("quantity", new Document("$sum", "$quantity"))));
        return aggregate("needs", pipeline).map(doc -> new Posted(key(doc).getString("bucket"),
                key(doc).getString("design"), number(doc, "quantity")));
    }

    /** Items a lot in this state stands for: printed once reported, claimed before (or if never printed). */
    static long items(LotState state, long quantity, long printed) {
        return switch (state) {
            case CLAIMED, PRINTING, RELEASED, EXPIRED -> quantity;
            default -> printed;
        };
    }

    private Flux<Document> aggregate(String collection, List<Document> pipeline) {
        return mongo.getCollection(collection).flatMapMany(c -> Flux.from(c.aggregate(pipeline)));
    }

    private static Document groupKey(String... fields) {
        Document id = new Document();
        for (String field : fields) {
            id.append(field, "$" + field);
        }
        return id;
    }

    private static Document dateToString(Bucket bucket, String field) {
        return new Document("$dateToString", new Document("format", bucket.format).append("date", field));
    }

    private static Document key(Document doc) {
        return doc.get("_id", Document.class);
    }

    private static Map<String, String> values(Document doc, String... fields) {
        Document key = key(doc);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = key.get(field);
            values.put(field, value == null ? null : value.toString());
        }
        return values;
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
