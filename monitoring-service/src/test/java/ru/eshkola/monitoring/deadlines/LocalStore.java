package ru.eshkola.monitoring.deadlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import ru.eshkola.kit.testing.MongoWireStore;
import ru.eshkola.kit.testing.TestInfrastructure;

/**
 * For the benchmark mains: the store the local platform runs on (mongo-java-server on an H2 file, a commit per write,
 * queries naming {@code _id} narrowed through its index), in a fresh temporary file, and the test broker.
 */
final class LocalStore {

    private LocalStore() {
    }

    static ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            try {
                Path file = Files.createTempFile("monitoring-bench", ".mv.db");
                Files.delete(file);
                MongoWireStore store = MongoWireStore.persistent(file);
                store.start("127.0.0.1", 0);
                String uri = store.uri("monitoring");
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench-store", Map.of(
                        "spring.mongodb.uri", uri,
                        "spring.kafka.bootstrap-servers", TestInfrastructure.get().kafkaBootstrapServers())));
                System.out.println("store: " + store.description());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
