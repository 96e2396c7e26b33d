package ru.eshkola.kit.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire-compatible store used where no MongoDB server can run: tests (in memory) and the local
 * platform (H2 file). It wraps mongo-java-server's backend to close two gaps found in STACK.md:
 * <ul>
 * <li>it answers {@code hello} (Boot's Mongo health indicator sends it; the server only knows {@code isMaster});</li>
 * <li>with a file, every write command is committed to the file before it is acknowledged. The H2 MVStore otherwise
 * commits about once a second, and a {@code kill -9} lost that last second of acknowledged writes.</li>
 * </ul>
 */
public final class MongoWireStore implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private final MongoBackend backend;
    private final MongoServer server;
    private final String description;
    private InetSocketAddress address;

    private MongoWireStore(MongoBackend backend, String description) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        this.description = description;
    }

    public static MongoWireStore inMemory() {
        return new MongoWireStore(new Durable(new MemoryBackend(), () -> { }), "mongo-java-server (memory backend)");
    }

    /** A store persisted to one H2 MVStore file; each write is durable before it is acknowledged. */
    public static MongoWireStore persistent(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        H2Backend h2 = new H2Backend(store);
        // one commit per write command: measured (StoreBenchmark) to cost as much with commits shared between
        // concurrent writers, because a commit's time grows with the pages the writes dirtied
        return new MongoWireStore(new Durable(h2, h2::commit), "mongo-java-server (H2 file " + file + ")");
    }

    /**
     * H2's own behaviour, for comparison only: commits about once a second, so a SIGKILL loses up to a second of
     * acknowledged writes. The local platform never uses it.
     */
    public static MongoWireStore persistentWithDelayedCommits(Path file) {
        H2Backend h2 = new H2Backend(MVStore.open(file.toString()));
        return new MongoWireStore(new Durable(h2, () -> { }), "mongo-java-server (H2 file, delayed commits)");
    }

    public synchronized InetSocketAddress start(String host, int port) {
        server.bind(host, port);
        address = server.getLocalAddress();
        return address;
    }

    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public String description() {
        return description;
    }

    /** Closes the clients, then the backend (the server closes it), which commits and closes the file. */
    @Override
    public synchronized void close() {
        server.shutdownNow();
    }

    /** Delegates everything; answers {@code hello}; runs {@code commit} after every write command. */
    static final class Durable implements MongoBackend {

        private final MongoBackend delegate;
        private final Runnable commit;

        Durable(MongoBackend delegate, Runnable commit) {
            this.delegate = delegate;
            this.commit = commit;
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (command.equalsIgnoreCase("hello")) {
                return hello(channel, query);
            }
            boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
            try {
                return delegate.handleCommand(channel, database, command, query);
            } finally {
                if (write) {
                    commit.run();
                }
            }
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            String command = message.getDocument().keySet().iterator().next();
            if (command.equalsIgnoreCase("hello")) {
                return hello(message.getChannel(), message.getDocument());
            }
            boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
            try {
                return delegate.handleMessage(message);
            } finally {
                if (write) {
                    commit.run();
                }
            }
        }

        private Document hello(Channel channel, Document query) {
            Document response = delegate.handleCommand(channel, "admin", "ismaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            response.put("helloOk", Boolean.TRUE);
            return response;
        }

        @Override
        public QueryResult handleQuery(MongoQuery query) {
            return delegate.handleQuery(query);
        }

        @Override
        public void handleClose(Channel channel) {
            delegate.handleClose(channel);
        }

        @Override
        public void dropDatabase(String database) {
            delegate.dropDatabase(database);
            commit.run();
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
            commit.run();
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
}
