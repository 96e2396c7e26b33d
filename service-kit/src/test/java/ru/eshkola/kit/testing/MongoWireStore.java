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

    private static final long SLOW_MILLIS = Long.getLong("eshkola.store.slow-ms", 100);

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
        return new MongoWireStore(new Durable(new MemoryBackend(), () -> { }, Durable.NO_PIN),
                "mongo-java-server (memory backend)");
    }

    /** A store persisted to one H2 MVStore file; each write is durable before it is acknowledged. */
    public static MongoWireStore persistent(Path file) {
        // H2's background writer stays on, not for its commits (every write is committed below) but for its
        // housekeeping: it rewrites the live pages of sparse chunks so that their space is reused. Without it the
        // file only grew: 1.6 GB for 120 MB of live data under insert-then-mark-published, the outbox's pattern.
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        // replaced pages are kept 45 s by default, against file systems that reorder writes; with a commit per
        // write that is one chunk per write held back; a second keeps the file within a few times the live data
        store.setRetentionTime(1_000);
        H2Backend h2 = new IndexedH2Backend(store);
        // one commit per write command: measured (StoreBenchmark) to cost as much with commits shared between
        // concurrent writers, because a commit's time grows with the pages the writes dirtied. Each command pins
        // the version it reads: with a retention of a second, a scan slower than that (a loaded machine) otherwise
        // met chunks the housekeeping had already freed ("Chunk ... not found")
        return new MongoWireStore(new Durable(h2, h2::commit, () -> {
            MVStore.TxCounter reading = store.registerVersionUsage();
            return () -> store.deregisterVersionUsage(reading);
        }), "mongo-java-server (H2 file " + file + ")");
    }

    /**
     * H2's own behaviour, for comparison only: commits about once a second, so a SIGKILL loses up to a second of
     * acknowledged writes. The local platform never uses it.
     */
    public static MongoWireStore persistentWithDelayedCommits(Path file) {
        H2Backend h2 = new H2Backend(MVStore.open(file.toString()));
        return new MongoWireStore(new Durable(h2, () -> { }, Durable.NO_PIN),
                "mongo-java-server (H2 file, delayed commits)");
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

        /** Keeps what a command reads from being reclaimed while it runs; returns the release. */
        interface VersionPin {
            Runnable pin();
        }

        static final VersionPin NO_PIN = () -> () -> { };

        private final MongoBackend delegate;
        private final Runnable commit;
        private final VersionPin versions;

        Durable(MongoBackend delegate, Runnable commit, VersionPin versions) {
            this.delegate = delegate;
            this.commit = commit;
            this.versions = versions;
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (command.equalsIgnoreCase("hello")) {
                return hello(channel, query);
            }
            boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
            Runnable release = versions.pin();
            try {
                return delegate.handleCommand(channel, database, command, query);
            } finally {
                release.run();
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
            long start = System.nanoTime();
            Runnable release = versions.pin();
            try {
                return delegate.handleMessage(message);
            } finally {
                release.run();
                if (write) {
                    commit.run();
                }
                slowLog(message.getDatabaseName(), command, message.getDocument(), start);
            }
        }

        /**
         * Like MongoDB's slow query log: commands slower than {@code eshkola.store.slow-ms} (default 100) are
         * printed with their shape (collection and filter fields, never values), because this store scans whole
         * collections for any filter but {@code _id} alone and such a filter is the usual reason.
         */
        private void slowLog(String database, String command, Document body, long start) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= SLOW_MILLIS) {
                System.err.printf("slow %s %s.%s %d ms filter %s%n", command, database, body.get(command), millis,
                        filterShape(command, body));
            }
        }

        private static Object filterShape(String command, Document body) {
            Object filter = switch (command.toLowerCase(Locale.ROOT)) {
                case "find", "count" -> body.get(command.equals("count") ? "query" : "filter");
                case "findandmodify" -> body.get("query");
                case "update", "delete" -> body.get(command + "s") instanceof List<?> list && !list.isEmpty()
                        && list.get(0) instanceof Document first ? first.get("q") : null;
                default -> null;
            };
            return filter instanceof Document document ? document.keySet() : "-";
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
