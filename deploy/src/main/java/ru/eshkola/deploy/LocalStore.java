package ru.eshkola.deploy;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import ru.eshkola.kit.testing.MongoWireStore;

/**
 * The local platform's MongoDB-wire store: mongo-java-server with its H2 backend in one file, every write committed
 * before it is acknowledged, closed cleanly on SIGTERM. Production runs a real MongoDB replica set instead.
 *
 * <p>Usage: {@code LocalStore <file> [host] [port]}, defaults 127.0.0.1 and 27017.
 */
public final class LocalStore {

    private LocalStore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LocalStore <file> [host] [port]");
            System.exit(2);
        }
        long started = System.nanoTime();
        Path file = Path.of(args[0]).toAbsolutePath();
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 27017;
        Files.createDirectories(file.getParent());

        MongoWireStore store = MongoWireStore.persistent(file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-stop"));
        InetSocketAddress address = store.start(host, port);
        System.out.printf("eshkola store ready on %s:%d in %d ms (%s, %d MB)%n", address.getHostString(),
                address.getPort(), (System.nanoTime() - started) / 1_000_000, store.description(),
                Files.size(file) >> 20);
        stopped.await();
    }
}
