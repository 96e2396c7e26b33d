package ru.eshkola.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.BulkWriteOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import ru.eshkola.kit.events.CloudEventHeaders;

/**
 * Publishes the events that aggregates saved in their outbox, then removes exactly those entries.
 *
 * <p>States of an event: <b>pending</b> (in the document's {@code outbox} array), <b>in flight</b> (sent, awaiting
 * the broker's {@code acks=all}), <b>failed</b> (the document carries {@code outboxFailure}; a retry is scheduled
 * with exponential backoff), <b>published</b> (pulled from the array). A crash between publish and pull leaves the
 * entry pending; the sweep publishes it again with the same {@code ce_id}, and consumers drop the duplicate. So an
 * event may be published twice but is never lost.
 *
 * <p>Two paths feed the relay. The fast one: after a save in this JVM ({@link OutboxSaveListener}) the saved
 * entries are queued in memory and published within milliseconds, without reading the store again. The sweep:
 * every {@link OutboxSettings#sweepInterval()} each outbox collection is searched for entries older than
 * {@link OutboxSettings#sweepAge()} (left by a crash, an outage or a full queue, from any instance); a sweeping
 * instance takes a lease on the document first so that several instances do not publish the same backlog.
 *
 * <p>One worker thread publishes, so events of one document, and documents saved one after another, keep their
 * order per partition key. The relay keeps operational time by the wall clock (when entries were recorded), never
 * the business clock a service may run on.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String LEASE = "outboxLease";
    static final String FAILURE = "outboxFailure";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final OutboxSettings settings;
    private final Set<String> collections;
    private final String source;
    private final String instance = UUID.randomUUID().toString();
    private final LinkedBlockingQueue<Pending> queue;
    /** Documents this relay has queued or in flight, with how many times: the sweep leaves them alone. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> local =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Timer lag;
    private final Counter swept;

    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService scheduler;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<byte[], byte[]> kafka, OutboxSettings settings,
            Set<String> collections, String source, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.settings = settings;
        this.collections = Set.copyOf(collections);
        this.source = source;
        this.meters = meters;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.lag = Timer.builder("eshkola.outbox.lag")
                .description("Time from an event being recorded to the broker acknowledging it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.swept = Counter.builder("eshkola.outbox.swept")
                .description("Documents whose events the sweep found unpublished (crash, outage or full queue)")
                .register(meters);
        meters.gauge("eshkola.outbox.queued", queue, LinkedBlockingQueue::size);
    }

    /** The collections whose documents carry an outbox. */
    public Set<String> collections() {
        return collections;
    }

    /**
     * Queues the entries a document was just saved with. When the queue is full the entries stay pending in the
     * store and the sweep publishes them later: nothing is lost, only delayed.
     */
    public void saved(String collection, Object documentId, List<OutboxEntry> entries) {
        if (!running || entries.isEmpty()) {
            return;
        }
        enqueue(new Pending(collection, documentId, List.copyOf(entries), 0));
    }

    private boolean enqueue(Pending pending) {
        String key = pending.key();
        local.merge(key, 1, Integer::sum);
        if (queue.offer(pending)) {
            return true;
        }
        done(pending);
        log.warn("outbox queue full ({}), {} events of {}/{} left to the sweep", settings.queueCapacity(),
                pending.entries().size(), pending.collection(), pending.documentId());
        return false;
    }

    private void done(Pending pending) {
        local.computeIfPresent(pending.key(), (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Searches every outbox collection for forgotten events once; returns how many documents it queued. */
    public int sweep() {
        int found = 0;
        for (String collection : collections) {
            try {
                found += sweep(collection);
            } catch (RuntimeException e) {
                log.warn("outbox sweep of {} failed: {}", collection, e.toString());
            }
        }
        return found;
    }

    /** Batch after batch while batches come back full, so a backlog does not wait one interval per batch. */
    private int sweep(String name) {
        int found = 0;
        int rounds = Math.max(1, settings.queueCapacity() / settings.batchSize());
        for (int round = 0; round < rounds; round++) {
            int batch = sweepBatch(name);
            found += batch;
            if (batch < settings.batchSize()) {
                break;
            }
        }
        if (found > 0) {
            swept.increment(found);
            log.info("outbox sweep queued {} documents of {} with unpublished events", found, name);
        }
        return found;
    }

    private int sweepBatch(String name) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        Instant now = Instant.now();
        Date cutoff = Date.from(now.minus(settings.sweepAge()));
        // entries written before recordedAt existed are judged by their time
        Bson old = or(lt(OutboxAggregate.FIELD + ".recordedAt", cutoff),
                and(exists(OutboxAggregate.FIELD + ".recordedAt", false), lt(OutboxAggregate.FIELD + ".time", cutoff)));
        List<Object> ids = new ArrayList<>();
        for (Document candidate : collection.find(and(old, leaseFree(now)))
                .projection(Projections.include("_id"))
                .limit(settings.batchSize())) {
            Object id = candidate.get("_id");
            if (!local.containsKey(name + "/" + id)) { // queued here already: slow, not forgotten
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        // one conditional update claims the whole batch, then the documents are read back by id: a claim per
        // document would search the collection once per document where the store has no index for the condition
        String token = UUID.randomUUID().toString();
        collection.updateMany(and(in("_id", ids), leaseFree(now)), Updates.set(LEASE, new Document("owner", instance)
                .append("token", token).append("until", Date.from(now.plus(settings.leaseDuration())))));
        int found = 0;
        for (Document claimed : collection.find(in("_id", ids))
                .projection(Projections.include(OutboxAggregate.FIELD, LEASE))) {
            if (claimed.get(LEASE) instanceof Document lease && token.equals(lease.get("token"))) {
                List<OutboxEntry> entries = OutboxDocuments.entries(claimed);
                if (!entries.isEmpty() && enqueue(new Pending(name, claimed.get("_id"), entries, 0))) {
                    found++;
                }
            }
        }
        return found;
    }

    private static Bson leaseFree(Instant now) {
        return or(exists(LEASE, false), lt(LEASE + ".until", Date.from(now)));
    }

    private void work() {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.batchSize() - 1);
                publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // never let the worker die: what was not marked stays pending and is swept later
                log.error("outbox relay batch failed; its events stay pending", e);
            } finally {
                batch.forEach(this::done);
                batch.clear();
            }
        }
    }

    private void publish(List<Pending> batch) throws InterruptedException {
        Map<Pending, List<CompletableFuture<SendResult<byte[], byte[]>>>> sends = new LinkedHashMap<>();
        RuntimeException brokerDown = null;
        for (Pending pending : batch) {
            List<CompletableFuture<SendResult<byte[], byte[]>>> futures = new ArrayList<>();
            for (OutboxEntry entry : pending.entries()) {
                if (brokerDown != null) {
                    futures.add(CompletableFuture.failedFuture(brokerDown));
                    continue;
                }
                try {
                    futures.add(kafka.send(record(entry)));
                } catch (RuntimeException e) {
                    // typically metadata unavailable after max.block.ms: do not wait that long for every entry
                    brokerDown = e;
                    futures.add(CompletableFuture.failedFuture(e));
                }
            }
            sends.put(pending, futures);
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (var send : sends.entrySet()) {
            outcomes.add(await(send.getKey(), send.getValue(), deadline));
        }
        if (settings.haltAfterPublish() && outcomes.stream().anyMatch(o -> !o.published().isEmpty())) {
            log.error("eshkola.outbox.halt-after-publish is set: halting after publishing, before marking");
            Runtime.getRuntime().halt(137);
        }
        mark(outcomes);
        for (Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                failed(outcome);
            }
        }
    }

    private Outcome await(Pending pending, List<CompletableFuture<SendResult<byte[], byte[]>>> futures, long deadline)
            throws InterruptedException {
        List<String> published = new ArrayList<>();
        List<OutboxEntry> left = new ArrayList<>();
        Throwable failure = null;
        for (int i = 0; i < futures.size(); i++) {
            OutboxEntry entry = pending.entries().get(i);
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                futures.get(i).get(wait, TimeUnit.NANOSECONDS);
                published.add(entry.eventId());
                lag.record(Duration.between(entry.recordedAt(), Instant.now()));
                meters.counter("eshkola.outbox.published", "topic", entry.topic(), "type", entry.type()).increment();
            } catch (ExecutionException | TimeoutException e) {
                failure = e instanceof ExecutionException ? e.getCause() : e;
                left.add(entry);
                meters.counter("eshkola.outbox.failures", "topic", entry.topic()).increment();
            }
        }
        return new Outcome(pending, published, left, failure);
    }

    private void mark(List<Outcome> outcomes) {
        Map<String, List<WriteModel<Document>>> updates = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.published().isEmpty()) {
                continue;
            }
            Bson update = Updates.combine(
                    Updates.pullByFilter(new Document(OutboxAggregate.FIELD,
                            new Document("eventId", new Document("$in", outcome.published())))),
                    Updates.unset(LEASE),
                    Updates.unset(FAILURE));
            updates.computeIfAbsent(outcome.pending().collection(), c -> new ArrayList<>())
                    .add(new UpdateOneModel<>(eq("_id", outcome.pending().documentId()), update));
        }
        updates.forEach((collection, models) -> {
            try {
                mongo.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(false));
            } catch (RuntimeException e) {
                // published but not marked: the sweep will publish them again and consumers will drop the copies
                log.warn("could not mark {} outbox documents of {} as published: {}", models.size(), collection,
                        e.toString());
            }
        });
    }

    private void failed(Outcome outcome) {
        Pending pending = outcome.pending();
        int attempt = pending.attempt() + 1;
        Duration wait = backoff(attempt);
        String reason = outcome.failure().getClass().getName() + ": " + outcome.failure().getMessage();
        log.warn("publishing {} events of {}/{} failed (attempt {}), retrying in {}: {}", outcome.left().size(),
                pending.collection(), pending.documentId(), attempt, wait, reason);
        try {
            Instant now = Instant.now();
            mongo.getCollection(pending.collection()).updateOne(eq("_id", pending.documentId()),
                    Updates.set(FAILURE, new Document("attempts", attempt).append("error", reason)
                            .append("at", Date.from(now))));
        } catch (RuntimeException e) {
            log.debug("could not record the outbox failure", e);
        }
        Pending retry = new Pending(pending.collection(), pending.documentId(), outcome.left(), attempt);
        local.merge(retry.key(), 1, Integer::sum);
        scheduler.schedule(() -> {
            if (running) {
                enqueue(retry);
            }
            done(retry);
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    Duration backoff(int attempt) {
        long initial = settings.retryInitial().toMillis();
        long max = settings.retryMax().toMillis();
        long millis = initial << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(Math.max(millis, initial), max));
    }

    private ProducerRecord<byte[], byte[]> record(OutboxEntry entry) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, entry.eventId());
        header(headers, CloudEventHeaders.TYPE, entry.type());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, entry.time().toString());
        if (entry.subject() != null) {
            header(headers, CloudEventHeaders.SUBJECT, entry.subject());
        }
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(entry.topic(), null, entry.key().getBytes(StandardCharsets.UTF_8),
                entry.data().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void start() {
        if (running || !settings.enabled()) {
            return;
        }
        if (settings.haltAfterPublish()) {
            log.warn("eshkola.outbox.halt-after-publish is ON: this process will halt after its first publish");
        }
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-sweep").daemon()
                .factory());
        long sweepMillis = settings.sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, Math.min(sweepMillis, 2_000), sweepMillis,
                TimeUnit.MILLISECONDS);
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::work);
        log.info("outbox relay started for collections {} (source {})", collections, source);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        try {
            worker.join(settings.sendTimeout().toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the consumers, so that what they saved while stopping is still relayed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    record Pending(String collection, Object documentId, List<OutboxEntry> entries, int attempt) {

        String key() {
            return collection + "/" + documentId;
        }
    }

    record Outcome(Pending pending, List<String> published, List<OutboxEntry> left, Throwable failure) {
    }
}
