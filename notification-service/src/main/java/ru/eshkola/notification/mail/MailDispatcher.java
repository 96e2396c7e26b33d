package ru.eshkola.notification.mail;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes due messages from the queue and hands them to the mail server.
 *
 * <p>A round claims up to {@code batch-size} QUEUED messages whose {@code nextAttemptAt} has come with one
 * conditional update that sets a lease (owner, token, until) — the outbox relay's idea — then reads back the ones it
 * won, so several instances never send the same message at the same time, and messages of an instance that died are
 * taken by another once the lease has passed. Each claimed message is rendered and sent ({@link MailDelivery}), then
 * marked SENT; a transient failure stores the attempt count and the next attempt's time (exponential backoff) on the
 * message itself, so a restart resumes the same schedule; after {@code attempts.max} tries, or at once on a permanent
 * refusal, it becomes FAILED — visible to support, never dropped. While the breaker is open nothing is claimed.
 *
 * <p>SMTP has no idempotency key: if the process dies after the server accepted a mail and before it is marked SENT,
 * the mail goes out once more when the lease has passed. The window is one SMTP reply to one single-document update.
 */
@Component
class MailDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MongoTemplate mongo;
    private final MailTemplates templates;
    private final MailDelivery delivery;
    private final MailSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectProvider<RecipientDirectory> directory;
    private final String instance = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private ExecutorService pool;

    MailDispatcher(MongoTemplate mongo, MailTemplates templates, MailDelivery delivery, MailSettings settings, Clock clock,
            MeterRegistry meters, ObjectProvider<RecipientDirectory> directory) {
        this.mongo = mongo;
        this.templates = templates;
        this.delivery = delivery;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.directory = directory;
    }

    /** A message was queued here: look at once instead of at the next poll. */
    void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                handled = round();
            } catch (RuntimeException e) {
                // the store hiccuped: whatever was claimed keeps its lease and is taken again after it
                log.warn("mail sender round failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (handled < settings.batchSize()) {
                try {
                    Duration pause = delivery.refusing() ? delivery.openFor().dividedBy(4) : settings.pollInterval();
                    wakeUp.tryAcquire(Math.max(pause.toMillis(), 10), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round: claim, send, mark. Returns how many messages it claimed. */
    int round() throws InterruptedException {
        if (delivery.refusing()) {
            return 0;
        }
        List<Message> claimed = claim();
        if (claimed.isEmpty()) {
            return 0;
        }
        // one chunk per SMTP conversation: each sends its messages one after another over one connection
        int conversations = Math.min(settings.concurrency(), claimed.size());
        List<Future<?>> sends = new ArrayList<>(conversations);
        for (int c = 0; c < conversations; c++) {
            List<Message> chunk = new ArrayList<>();
            for (int i = c; i < claimed.size(); i += conversations) {
                chunk.add(claimed.get(i));
            }
            sends.add(pool.submit(() -> {
                try (MailDelivery.Connection connection = delivery.connection()) {
                    for (Message message : chunk) {
                        process(connection, message);
                    }
                }
            }));
        }
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("sending a message failed unexpectedly; it stays leased and is retried", e.getCause());
            }
        }
        return claimed.size();
    }

    private List<Message> claim() {
        MongoCollection<Document> collection = mongo.getCollection(Message.COLLECTION);
        Date due = Date.from(clock.instant());
        Instant wall = Instant.now();
        Bson claimable = and(eq("state", MessageState.QUEUED.name()), lte("nextAttemptAt", due), leaseFree(wall));
        List<Object> ids = new ArrayList<>();
        for (Document candidate : collection.find(claimable).projection(Projections.include("_id"))
                .sort(Sorts.ascending("nextAttemptAt")).limit(settings.batchSize())) {
            ids.add(candidate.get("_id"));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        collection.updateMany(and(in("_id", ids), eq("state", MessageState.QUEUED.name()), leaseFree(wall)),
                Updates.set(Message.LEASE, new Document("owner", instance).append("token", token)
                        .append("until", Date.from(wall.plus(settings.lease())))));
        List<Message> won = new ArrayList<>();
        for (Document document : collection.find(in("_id", ids))) {
            if (document.get(Message.LEASE) instanceof Document lease && token.equals(lease.get("token"))) {
                won.add(mongo.getConverter().read(Message.class, document));
            }
        }
        return won;
    }

    private static Bson leaseFree(Instant now) {
        return or(exists(Message.LEASE, false), eq(Message.LEASE, null), lt(Message.LEASE + ".until", Date.from(now)));
    }

    private void process(MailDelivery.Connection connection, Message message) {
        Recipient recipient = recipient(message);
        if (recipient == null || recipient.address() == null) {
            failed(message, MailDelivery.Failure.TRANSIENT, "no e-mail address known for the recipient yet", null);
            return;
        }
        RenderedMail mail;
        try {
            mail = templates.render(template(message), message.model() == null ? Map.of() : message.model());
        } catch (RuntimeException e) {
            failed(message, MailDelivery.Failure.PERMANENT, "template failed: " + e.getMessage(), null);
            return;
        }
        try {
            delivery.send(connection, message.id(), recipient.address(), recipient.name(), mail, headers(message));
        } catch (MailDelivery.DeliveryException e) {
            failed(message, e.failure(), describe(e.getCause()), mail.subject());
            return;
        }
        sent(message, recipient, mail.subject());
    }

    private Recipient recipient(Message message) {
        if (message.to() != null) {
            return new Recipient(message.recipientId(), message.to(), message.name());
        }
        RecipientDirectory known = directory.getIfAvailable();
        return known == null || message.recipientId() == null ? null
                : known.find(message.recipientId()).orElse(null);
    }

    private static MailTemplate template(Message message) {
        return MailTemplate.byName(message.template())
                .orElseThrow(() -> new IllegalStateException("no template " + message.template()));
    }

    /** RFC 2369/8058 one-click unsubscribe for optional mails. */
    private static Map<String, String> headers(Message message) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (message.model() != null && message.model().get("unsubscribeUrl") instanceof String url) {
            headers.put("List-Unsubscribe", "<" + url + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return headers;
    }

    private void sent(Message message, Recipient recipient, String subject) {
        Instant now = clock.instant();
        mongo.getCollection(Message.COLLECTION).updateOne(owned(message), Updates.combine(
                Updates.set("state", MessageState.SENT.name()),
                Updates.set("sentAt", Date.from(now)),
                Updates.set("subject", subject),
                Updates.set("to", MailQueue.normalize(recipient.address())),
                Updates.inc("attempts", 1),
                Updates.unset("lastError"),
                Updates.unset(Message.LEASE)));
        meters.counter("eshkola.notification.messages", "template", message.template(), "outcome", "sent").increment();
        log.info("sent message {} ({}) to recipient {}", message.id(), message.template(), message.recipientId());
    }

    private void failed(Message message, MailDelivery.Failure failure, String error, String subject) {
        Instant now = clock.instant();
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.unset(Message.LEASE));
        updates.add(Updates.set("lastError", error));
        if (subject != null) {
            updates.add(Updates.set("subject", subject));
        }
        if (failure == MailDelivery.Failure.NOT_TRIED) {
            // the breaker refused or no permit came: not a try, the message waits for the server
            updates.add(Updates.set("nextAttemptAt", Date.from(now.plus(delivery.openFor().dividedBy(2)))));
            mongo.getCollection(Message.COLLECTION).updateOne(owned(message), Updates.combine(updates));
            return;
        }
        int attempts = message.attempts() + 1;
        updates.add(Updates.set("attempts", attempts));
        boolean final_ = failure == MailDelivery.Failure.PERMANENT || attempts >= settings.attempts().max();
        if (final_) {
            updates.add(Updates.set("state", MessageState.FAILED.name()));
            meters.counter("eshkola.notification.messages", "template", message.template(), "outcome", "failed")
                    .increment();
            log.warn("message {} ({}) to recipient {} FAILED after {} attempts: {}", message.id(), message.template(),
                    message.recipientId(), attempts, error);
        } else {
            Duration wait = settings.backoff(attempts);
            updates.add(Updates.set("nextAttemptAt", Date.from(now.plus(wait))));
            log.info("message {} ({}) attempt {} failed, next in {}: {}", message.id(), message.template(), attempts,
                    wait, error);
        }
        mongo.getCollection(Message.COLLECTION).updateOne(owned(message), Updates.combine(updates));
    }

    private static Bson owned(Message message) {
        return eq("_id", message.id());
    }

    /** The failure for support: its kind and message, without addresses echoed by servers beyond what they said. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + ": " + error.getMessage()
                + (root != error ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        pool = Executors.newFixedThreadPool(settings.concurrency(), Thread.ofPlatform().name("mail-send-", 0)
                .daemon().factory());
        worker = Thread.ofPlatform().name("mail-sender").daemon().start(this::loop);
        log.info("mail sender started: {} conversations at once, {} mails/s at most, batches of {}",
                settings.concurrency(), settings.rate().perSecond(), settings.batchSize());
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(settings.rate().timeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start after the web server and the consumers, stop before the store goes away
        return Integer.MAX_VALUE - 100;
    }
}
