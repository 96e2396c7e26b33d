package ru.eshkola.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import ru.eshkola.kit.testing.MongoWireStore;

/**
 * What the local store's durability costs: single-document upserts (the shape of an outbox write) per second and
 * their latency, from 1 and 8 client threads, against the store that commits every write before acknowledging it,
 * the H2 default (commits about once a second; loses the last second on SIGKILL) and the memory backend.
 * Prints figures; asserts nothing.
 *
 * <p>Usage: {@code StoreBenchmark [operations per run, default 20000]}.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("store-bench");
        System.out.printf("store benchmark: %d single-document upserts per run (documents of ~1 KB)%n", operations);
        System.out.printf("%-44s %8s %12s %10s %10s%n", "store", "threads", "upserts/s", "p50 ms", "p99 ms");
        List<Function<Path, MongoWireStore>> stores = List.of(
                file -> MongoWireStore.persistent(file.resolve("durable.mv")),
                file -> MongoWireStore.persistentWithDelayedCommits(file.resolve("delayed.mv")),
                file -> MongoWireStore.inMemory());
        List<String> names = List.of("H2 file, commit per write (local platform)", "H2 file, commit once a second",
                "memory");
        for (int i = 0; i < stores.size(); i++) {
            for (int threads : new int[] {1, 8}) {
                try (MongoWireStore store = stores.get(i).apply(Files.createTempDirectory(dir, "run"))) {
                    store.start("127.0.0.1", 0);
                    run(names.get(i), store, threads, operations);
                }
            }
        }
    }

    private static void run(String name, MongoWireStore store, int threads, int operations) throws Exception {
        String padding = "x".repeat(900);
        try (MongoClient client = MongoClients.create(store.uri("bench"))) {
            MongoCollection<Document> docs = client.getDatabase("bench").getCollection("docs");
            docs.insertOne(new Document("_id", "warm-up"));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long[] latencies = new long[operations];
            int perThread = operations / threads;
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * perThread;
                work.add(pool.submit(() -> {
                    for (int n = 0; n < perThread; n++) {
                        long begin = System.nanoTime();
                        docs.updateOne(Filters.eq("_id", "doc-" + (offset + n)),
                                Updates.combine(Updates.set("padding", padding), Updates.inc("version", 1)),
                                new UpdateOptions().upsert(true));
                        latencies[offset + n] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long[] done = Arrays.copyOf(latencies, perThread * threads);
            Arrays.sort(done);
            System.out.printf("%-44s %8d %12.0f %10.2f %10.2f%n", name, threads, done.length / seconds,
                    done[done.length / 2] / 1e6, done[(int) (done.length * 0.99)] / 1e6);
        }
    }
}
