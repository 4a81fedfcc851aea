package org.fabrique.coordinator.system.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The index shortcut of the embedded store changes how documents are found, never which: the same
 * random queries and guarded updates give the same answers as mongo-java-server's own backend.
 */
class IndexedH2BackendTest {

    private static final List<String> STATES = List.of("CLAIMED", "PRINTING", "SHIPPED", "APPROVED");

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void randomQueriesAndGuardedUpdatesAnswerAsTheLibraryDoes() throws Exception {
        MongoCollection<Document> indexed = collection(new IndexedH2Backend(dir.resolve("store.mv.db").toString()));
        MongoCollection<Document> reference = collection(new MemoryBackend());
        Random random = new Random(20261124);
        List<Document> lots = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lots.add(new Document("_id", "lot-" + i).append("lotNumber", "FAB-" + i).append("makerId", "maker-" + (i % 17))
                    .append("state", STATES.get(i % STATES.size())).append("version", (long) (i % 5)));
        }
        for (MongoCollection<Document> collection : List.of(indexed, reference)) {
            Mono.from(collection.createIndex(Indexes.ascending("lotNumber"), new IndexOptions().unique(true))).block();
            Mono.from(collection.insertMany(lots)).block();
        }

        int answered = 0;
        long changed = 0;
        for (int round = 0; round < 400; round++) {
            String id = "lot-" + random.nextInt(320);
            String maker = "maker-" + random.nextInt(17);
            String state = STATES.get(random.nextInt(STATES.size()));
            List<String> someIds = List.of("lot-" + random.nextInt(320), "lot-" + random.nextInt(320), "lot-" + random.nextInt(320));
            Bson filter = switch (round % 5) {
                case 0 -> Filters.and(Filters.eq("_id", id), Filters.eq("state", state));
                case 1 -> Filters.and(Filters.in("_id", someIds), Filters.eq("makerId", maker));
                case 2 -> Filters.and(Filters.in("_id", someIds), Filters.in("state", state, "PRINTING"));
                case 3 -> Filters.and(Filters.eq("lotNumber", "FAB-" + random.nextInt(320)), Filters.lt("version", 3L));
                default -> Filters.and(Filters.eq("_id", id), Filters.eq("version", (long) random.nextInt(5)),
                        Filters.ne("state", "APPROVED"));
            };
            List<Document> found = find(indexed, filter);
            assertThat(found).as("find %s", filter).isEqualTo(find(reference, filter));
            answered += found.isEmpty() ? 0 : 1;

            Bson update = Updates.combine(Updates.set("state", state), Updates.inc("version", 1L));
            // updateOne may pick any of several matches, so a filter that can match several updates them all.
            boolean several = round % 5 == 1 || round % 5 == 2;
            long changedIndexed = Mono.from(several ? indexed.updateMany(filter, update) : indexed.updateOne(filter, update))
                    .block().getModifiedCount();
            long changedReference = Mono.from(several ? reference.updateMany(filter, update) : reference.updateOne(filter, update))
                    .block().getModifiedCount();
            assertThat(changedIndexed).as("update %s", filter).isEqualTo(changedReference);
            changed += changedIndexed;
        }
        // The comparison means something only if many queries found, and many updates changed, documents.
        assertThat(answered).isGreaterThan(100);
        assertThat(changed).isGreaterThan(50);
        assertThat(find(indexed, new Document())).isEqualTo(find(reference, new Document()));
        assertThat(Files.size(dir.resolve("store.mv.db"))).isPositive();
    }

    private MongoCollection<Document> collection(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        server.bind("127.0.0.1", 0);
        MongoClient client = MongoClients.create(server.getConnectionString());
        clients.add(client);
        return client.getDatabase("fabrique").getCollection("lots");
    }

    private static List<Document> find(MongoCollection<Document> collection, Bson filter) {
        return Flux.from(collection.find(filter).sort(Sorts.ascending("_id"))).collectList().block();
    }
}
