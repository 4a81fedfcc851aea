package org.fabrique.coordinator.system.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
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
 * Makes the embedded server's acknowledgements durable. Its H2 backend commits the MVStore about
 * once a second, so a {@code kill -9} loses writes the driver already saw acknowledged. Here the
 * store is committed before the reply of every write command leaves the server: the write is then
 * in the file (the operating system's page cache) and survives the death of the process.
 * Concurrent writers share commits: a commit with nothing new to write costs almost nothing.
 * (Single-document atomicity needs nothing extra: the server's collections are synchronized.)
 */
final class EmbeddedBackend implements MongoBackend {

    private static final Set<String> READ_ONLY_COMMANDS = Set.of(
            "find", "getmore", "aggregate", "count", "distinct", "hello", "ismaster", "ping",
            "buildinfo", "listcollections", "listindexes", "listdatabases", "getlasterror",
            "serverstatus", "dbstats", "collstats", "killcursors", "endsessions", "getparameter",
            "connectionstatus", "whatsmyuri", "getlog", "hostinfo", "getcmdlineopts", "explain");

    private final H2Backend delegate;

    private EmbeddedBackend(H2Backend delegate) {
        this.delegate = delegate;
    }

    static EmbeddedBackend durable(H2Backend h2) {
        return new EmbeddedBackend(h2);
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
        T reply = command.get();
        if (write) {
            delegate.getMvStore().commit();
        }
        return reply;
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
        delegate.close();
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
