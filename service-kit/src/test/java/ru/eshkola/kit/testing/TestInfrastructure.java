package ru.eshkola.kit.testing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB-wire store that integration tests run against: started once per test JVM and shared
 * by every Spring context in it (a broker costs seconds to start, a context with its own broker ten).
 *
 * <p>{@code -Dplatform.test.backend=embedded} (the default): the in-JVM KRaft broker of spring-kafka-test, a real
 * Kafka broker, and mongo-java-server in memory. {@code -Dplatform.test.backend=containers}: Testcontainers'
 * {@code apache/kafka} and {@code mongo} images (pinned), which needs a Docker engine; without one the tests fail
 * loudly instead of being skipped.
 */
public final class TestInfrastructure {

    public static final String BACKEND_PROPERTY = "platform.test.backend";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0.16";

    private static volatile TestInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final MongoUris mongo;
    private final String description;

    private TestInfrastructure(String kafkaBootstrapServers, MongoUris mongo, String description) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongo = mongo;
        this.description = description;
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = start();
                }
                current = instance;
            }
        }
        return current;
    }

    private static TestInfrastructure start() {
        String backend = System.getProperty(BACKEND_PROPERTY, "embedded").toLowerCase(Locale.ROOT);
        TestInfrastructure started = switch (backend) {
            case "embedded" -> embedded();
            case "containers" -> containers();
            default -> throw new IllegalStateException("unknown " + BACKEND_PROPERTY + "=" + backend
                    + " (embedded or containers)");
        };
        System.out.println("[platform-tests] integration tests run against: " + started.description);
        return started;
    }

    private static TestInfrastructure embedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", "6");
        broker.afterPropertiesSet();
        MongoWireStore store = MongoWireStore.inMemory();
        store.start("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            broker.destroy();
        }, "test-infrastructure-stop"));
        return new TestInfrastructure(broker.getBrokersAsString(), store::uri,
                "embedded Kafka " + AppInfoParser.getVersion() + " KRaft broker (spring-kafka-test) + "
                        + store.description());
    }

    private static TestInfrastructure containers() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(BACKEND_PROPERTY + "=containers needs a Docker engine and none is "
                    + "reachable; run with -D" + BACKEND_PROPERTY + "=embedded instead");
        }
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        return new TestInfrastructure(kafka.getBootstrapServers(), mongo::getReplicaSetUrl,
                "Testcontainers " + KAFKA_IMAGE + " + " + MONGO_IMAGE + " (replica set)");
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri(String database) {
        return mongo.uri(database);
    }

    public String description() {
        return description;
    }

    @FunctionalInterface
    private interface MongoUris {
        String uri(String database);
    }

    /**
     * Points a Spring context at the shared infrastructure, with its own database and consumer group (cached
     * contexts stay alive; sharing a group with them would hand them this context's partitions).
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestInfrastructure infrastructure = get();
            ConfigurableEnvironment environment = context.getEnvironment();
            String application = environment.getProperty("spring.application.name", "service");
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> connection = new HashMap<>();
            connection.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
            connection.put("spring.mongodb.uri", infrastructure.mongoUri(application + "-it-" + suffix));
            connection.put("spring.cloud.stream.default.group", application + "-it-" + suffix);
            connection.put(BACKEND_PROPERTY, infrastructure.description());
            environment.getPropertySources().addFirst(new MapPropertySource("test-infrastructure", connection));

            // faster than production, still the same mechanisms; a test's own properties override these
            Map<String, Object> tuning = new HashMap<>();
            tuning.put("eshkola.outbox.sweep-interval", "1s");
            tuning.put("eshkola.outbox.sweep-age", "2s");
            tuning.put("eshkola.outbox.retry-initial", "100ms");
            tuning.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "50");
            tuning.put("spring.cloud.stream.default.consumer.back-off-max-interval", "500");
            MapPropertySource tuned = new MapPropertySource("test-tuning", tuning);
            if (ClassUtils.isPresent(TOKEN_DECODER, context.getClassLoader())) {
                trustTestTokens(environment);
            }
            if (environment.getPropertySources().contains("eshkola-defaults")) {
                environment.getPropertySources().addBefore("eshkola-defaults", tuned);
            } else {
                environment.getPropertySources().addLast(tuned);
            }
        }
    }

    static final String TOKEN_DECODER = "org.springframework.security.oauth2.jwt.JwtDecoder";
    private static final String INLINED_TEST_PROPERTIES = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;

    /**
     * A service that validates tokens trusts {@link TestTokens}' issuer: above the service's application.yml (which
     * may name the real issuer), below a test's own properties (which may point elsewhere on purpose).
     */
    private static void trustTestTokens(ConfigurableEnvironment environment) {
        Map<String, Object> security = new HashMap<>();
        security.put("eshkola.security.jwt.issuer", TestTokens.issuer());
        security.put("eshkola.security.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        security.put("eshkola.security.jwt.audience", TestTokens.AUDIENCE);
        MapPropertySource source = new MapPropertySource("test-tokens", security);
        if (environment.getPropertySources().contains(INLINED_TEST_PROPERTIES)) {
            environment.getPropertySources().addAfter(INLINED_TEST_PROPERTIES, source);
        } else {
            environment.getPropertySources().addFirst(source);
        }
    }

    /** Names the backend in each test class's report. */
    public static final class Report implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.publishReportEntry(BACKEND_PROPERTY, get().description());
        }
    }
}
