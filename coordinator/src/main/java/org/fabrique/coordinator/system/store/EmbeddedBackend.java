package org.fabrique.coordinator.system.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Gives the embedded server the two guarantees Fabrique's invariants rest on, which
 * mongo-java-server does not give by itself:
 * <ul>
 * <li><b>Atomic single-document writes.</b> Its collections match and modify without any lock,
 * so two concurrent {@code findAndModify} on one document can both match {@code open >= n} and
 * both decrement. Here every write command runs alone (reads run together, never beside a
 * write).</li>
 * <li><b>Durable acknowledgements.</b> The H2 backend commits its MVStore about once a second, so
 * a {@code kill -9} loses writes the driver already saw acknowledged. Here the store is committed
 * before the reply of every write leaves the server: it is then in the file (the operating
 * system's page cache) and survives the death of the process.</li>
 * </ul>
 */
final class EmbeddedBackend implements MongoBackend {

    private static final Set<String> READ_ONLY_COMMANDS = Set.of(
            "find", "getmore", "aggregate", "count", "distinct", "hello", "ismaster", "ping",
            "buildinfo", "listcollections", "listindexes", "listdatabases", "getlasterror",
            "serverstatus", "dbstats", "collstats", "killcursors", "endsessions", "getparameter",
            "connectionstatus", "whatsmyuri", "getlog", "hostinfo", "getcmdlineopts", "explain");

    private final MongoBackend delegate;
    private final Runnable commit;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private EmbeddedBackend(MongoBackend delegate, Runnable commit) {
        this.delegate = delegate;
        this.commit = commit;
    }

    static EmbeddedBackend durable(H2Backend h2) {
        return new EmbeddedBackend(h2, () -> h2.getMvStore().commit());
    }

    static EmbeddedBackend inMemory(MongoBackend memory) {
        return new EmbeddedBackend(memory, () -> {
        });
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return run(mayWrite(message.getDocument()), () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return run(!READ_ONLY_COMMANDS.contains(command.toLowerCase()),
                () -> delegate.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return run(false, () -> delegate.handleQuery(query));
    }

    private <T> T run(boolean write, Supplier<T> command) {
        if (!write) {
            lock.readLock().lock();
            try {
                return command.get();
            } finally {
                lock.readLock().unlock();
            }
        }
        lock.writeLock().lock();
        try {
            T reply = command.get();
            commit.run();
            return reply;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean mayWrite(Document command) {
        if (command == null || command.isEmpty()) {
            return true;
        }
        String name = command.keySet().iterator().next().toLowerCase();
        if ("aggregate".equals(name)) {
            String pipeline = String.valueOf(command.get("pipeline"));
            return pipeline.contains("$out") || pipeline.contains("$merge");
        }
        return !READ_ONLY_COMMANDS.contains(name);
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        run(true, () -> {
            delegate.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            delegate.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
