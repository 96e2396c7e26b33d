package ru.eshkola.diary.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.eshkola.diary.projection.EventReader;
import ru.eshkola.diary.projection.Generations;
import ru.eshkola.diary.projection.ParsedEvent;
import ru.eshkola.diary.projection.ProjectionSettings;
import ru.eshkola.diary.projection.ProjectionWriter;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/**
 * Rebuilds the whole projection from the journal's topics, which keep every event forever.
 *
 * <p>A plain Kafka consumer with a throwaway group reads every partition from the beginning up to the end offsets
 * taken at the start, and writes into a fresh generation of collections with the same {@link ProjectionWriter} as
 * live consumption (without notifying live streams: nobody's diary changes). Live consumption keeps feeding the
 * current generation meanwhile. Then the generation pointer is switched (one write), and — after every instance has
 * seen the switch — the replay goes on from where it stopped to the end offsets of that moment, which applies in the
 * new generation whatever live consumption wrote only to the old one. Applying an event twice changes nothing, so
 * the overlap is harmless. The previous generation is kept until the next rebuild, for comparison and rollback.
 */
@Component
class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final MongoTemplate mongo;
    private final Generations generations;
    private final ProjectionWriter writer;
    private final EventReader reader;
    private final KafkaProperties kafka;
    private final ProjectionSettings settings;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    ProjectionRebuild(MongoTemplate mongo, Generations generations, ProjectionWriter writer, EventReader reader,
            KafkaProperties kafka, ProjectionSettings settings, Clock clock) {
        this.mongo = mongo;
        this.generations = generations;
        this.writer = writer;
        this.reader = reader;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a rebuild in the background; 409 while one runs on this instance. */
    Rebuild start(String requestedBy) {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("rebuild-running", "a rebuild of the projection is already running");
        }
        int from = generations.current();
        int to = nextGeneration(from);
        Rebuild rebuild = new Rebuild(EventIds.next(), "RUNNING", from, to, requestedBy, clock.instant(), null, null,
                0, 0, null);
        mongo.insert(rebuild);
        Thread.ofPlatform().name("projection-rebuild").start(() -> {
            try {
                run(rebuild);
            } finally {
                running.set(false);
            }
        });
        return rebuild;
    }

    Rebuild get(String id) {
        Rebuild rebuild = mongo.findById(id, Rebuild.class);
        if (rebuild == null) {
            throw ProblemException.notFound("rebuild", id);
        }
        return rebuild;
    }

    private int nextGeneration(int current) {
        Rebuild last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "toGeneration")).limit(1),
                Rebuild.class);
        return Math.max(current, last == null ? 0 : last.toGeneration()) + 1;
    }

    private void run(Rebuild rebuild) {
        int target = rebuild.toGeneration();
        long[] counts = new long[2];
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String collection : ProjectionWriter.collections(target)) {
                mongo.dropCollection(collection);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : EventReader.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            replay(consumer, consumer.endOffsets(partitions), target, counts);
            generations.switchTo(target);
            mongo.save(rebuild.with("SWITCHED", clock.instant(), null, counts[0], counts[1], null));
            log.info("projection generation {} is current ({} events replayed)", target, counts[0]);
            // every instance reads the pointer within generation-refresh; then nothing writes the old one any more
            Thread.sleep(settings.generationRefresh().multipliedBy(2).plusMillis(500).toMillis());
            replay(consumer, consumer.endOffsets(partitions), target, counts);
            for (int old = rebuild.fromGeneration() - 1; old >= Math.max(1, rebuild.fromGeneration() - 5); old--) {
                generations.drop(old);
            }
            mongo.save(rebuild.with("DONE", clock.instant(), clock.instant(), counts[0], counts[1], null));
            log.info("projection rebuild {} done: {} events applied, {} skipped", rebuild.id(), counts[0], counts[1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(rebuild, counts, e);
        } catch (RuntimeException e) {
            fail(rebuild, counts, e);
        }
    }

    private void fail(Rebuild rebuild, long[] counts, Exception e) {
        log.error("projection rebuild {} failed", rebuild.id(), e);
        Rebuild current = mongo.findById(rebuild.id(), Rebuild.class);
        mongo.save((current == null ? rebuild : current).with("FAILED", current == null ? null
                : current.switchedAt(), clock.instant(), counts[0], counts[1], e.toString()));
    }

    private void replay(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, int target,
            long[] counts) {
        while (!reached(consumer, end)) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<ParsedEvent> events = new ArrayList<>(records.count());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Map<String, Object> headers = new HashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), header.value());
                }
                try {
                    ParsedEvent event = reader.read(headers, record.value());
                    if (event != null) {
                        events.add(event);
                    }
                } catch (RuntimeException malformed) {
                    // live consumption dead-lettered it; a rebuild reproduces what live consumption made
                    counts[1]++;
                }
            }
            writer.apply(target, events, false);
            counts[0] += events.size();
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "diary-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }
}
