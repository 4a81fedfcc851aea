package org.fabrique.coordinator.system.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one change: a query uses the {@code _id} index when it names
 * the {@code _id} by value among other conditions. The library uses an
 * index only when the query's fields are exactly the index's, so the guarded updates this
 * coordinator makes everywhere ({@code {_id: lot, state: …, version: …}}, or {@code {_id: {$in: […]},
 * makerId: …}}) scanned the whole collection: a heartbeat cost time in proportion to the number of
 * lots ever made. Here the index finds the candidates and the full query still decides which match.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName, getCursorRegistry());
    }

    /** An inner class: H2Database's constructor opens collections before a subclass could keep the store. */
    private final class IndexedDatabase extends H2Database {

        IndexedDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, getMvStore(), cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // The map names H2Database itself uses, so that existing stores open unchanged.
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new IndexedCollection(this, collectionName, options, store.openMap("databases." + namespace),
                    store.openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class IndexedCollection extends H2Collection {

        private static final String ID = "_id";

        IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            if (query.size() > 1) {
                List<Object> ids = lookupValues(query.get(ID));
                if (ids != null) {
                    for (Index<Object> index : getIndexes()) {
                        if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID)) {
                            Set<Object> positions = new LinkedHashSet<>();
                            for (Object id : ids) {
                                index.getPositions(new Document(ID, id)).forEach(positions::add);
                            }
                            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                        }
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** The values a condition names outright ({@code "x"} or {@code {$in: ["x", "y"]}}), or null. */
        private static List<Object> lookupValues(Object condition) {
            if (isPlainKey(condition)) {
                return List.of(condition);
            }
            if (condition instanceof Document operators && operators.size() == 1
                    && operators.get("$in") instanceof Collection<?> candidates
                    && candidates.stream().allMatch(IndexedCollection::isPlainKey)) {
                return List.copyOf(candidates);
            }
            return null;
        }

        private static boolean isPlainKey(Object value) {
            return value instanceof String || value instanceof ObjectId;
        }
    }
}
