package ru.eshkola.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Access tokens of blocked accounts, refused before they expire. When applications-service blocks an account it
 * publishes {@code applications.account.blocked.v1}; the service's own consumer calls
 * {@link #revoke(String, Instant)} with its {@code accountId} and {@code tokensInvalidBefore}. From then on a token of
 * that account issued at or before that instant is refused with 401 {@code revoked}.
 *
 * <p>Only one instance of a service receives the event (one consumer group), so the revocation is written to the
 * service's own database, collection {@value #COLLECTION} ({@code _id} = account id, {@code invalidBefore},
 * {@code updatedAt}), and every instance reads what changed every {@code eshkola.security.revocation-refresh}. Checks
 * themselves read only memory. {@code revoke} keeps the later instant, so a redelivered or older event changes
 * nothing. Entries older than {@code eshkola.security.revocation-retention} are dropped (a TTL index on MongoDB):
 * every token they could refuse has expired by then.
 *
 * <p>{@link #onRevoked(Consumer)} tells the service about each account newly revoked, on the instance that received
 * the event and on the others when they refresh: e.g. to close that account's open server-sent-event streams.
 */
public class TokenRevocations implements SmartLifecycle {

    public static final String COLLECTION = "token_revocations";
    static final String INVALID_BEFORE = "invalidBefore";
    static final String UPDATED_AT = "updatedAt";
    /** Read again on each refresh: covers writes in flight and clocks of instances a little apart. */
    static final Duration OVERLAP = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

    private final MongoOperations mongo;
    private final Duration refreshInterval;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Instant> invalidBefore = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant readUpTo;
    private volatile ScheduledExecutorService scheduler;

    public TokenRevocations(MongoOperations mongo, Duration refreshInterval, Duration retention, Clock clock) {
        this.mongo = mongo;
        this.refreshInterval = refreshInterval;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Refuses the account's tokens issued at or before {@code tokensInvalidBefore}, on every instance within one
     * refresh interval (on this one at once). Idempotent; an earlier instant than the one stored changes nothing.
     * Throws when the store cannot be written, so the event is retried.
     */
    public void revoke(String accountId, Instant tokensInvalidBefore) {
        Instant instant = tokensInvalidBefore.truncatedTo(ChronoUnit.MILLIS);
        mongo.upsert(Query.query(Criteria.where("_id").is(accountId)),
                new Update().max(INVALID_BEFORE, Date.from(instant)).set(UPDATED_AT, Date.from(clock.instant())),
                COLLECTION);
        remember(accountId, instant);
    }

    /** Whether a token of the account issued at {@code issuedAt} is revoked. */
    public boolean isRevoked(String accountId, Instant issuedAt) {
        Instant before = invalidBefore.get(accountId);
        return before != null && !issuedAt.isAfter(before);
    }

    /** The instant at or before which the account's tokens are refused, if any. */
    public Optional<Instant> invalidBefore(String accountId) {
        return Optional.ofNullable(invalidBefore.get(accountId));
    }

    /**
     * Calls {@code listener} with the account id whenever an account is newly revoked (or revoked again later).
     * Called on the thread that revoked or refreshed; it must be quick and must not throw.
     *
     * @return removes the listener again
     */
    public Runnable onRevoked(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Reads what other instances revoked since the last refresh. Runs on its own every refresh interval. */
    public void refresh() {
        Instant started = clock.instant();
        Instant since = readUpTo;
        Query query = since == null
                ? Query.query(Criteria.where(INVALID_BEFORE).gte(Date.from(started.minus(retention))))
                : Query.query(Criteria.where(UPDATED_AT).gte(Date.from(since.minus(OVERLAP))));
        for (Document entry : mongo.find(query, Document.class, COLLECTION)) {
            Object id = entry.get("_id");
            if (id != null && entry.get(INVALID_BEFORE) instanceof Date date) {
                remember(id.toString(), date.toInstant());
            }
        }
        readUpTo = started;
        Instant expired = started.minus(retention);
        invalidBefore.values().removeIf(instant -> instant.isBefore(expired));
    }

    /** Applies a revocation to memory (and tells the listeners if it is news). */
    void remember(String accountId, Instant instant) {
        if (instant.isBefore(clock.instant().minus(retention))) {
            return; // every token it could refuse has expired
        }
        boolean[] changed = {false};
        invalidBefore.compute(accountId, (id, known) -> {
            if (known == null || instant.isAfter(known)) {
                changed[0] = true;
                return instant;
            }
            return known;
        });
        if (changed[0]) {
            for (Consumer<String> listener : listeners) {
                try {
                    listener.accept(accountId);
                } catch (RuntimeException e) {
                    log.warn("a token revocation listener failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void start() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(UPDATED_AT, Sort.Direction.ASC)
                    .named("token_revocations_updated_at"));
            mongo.indexOps(COLLECTION).createIndex(new Index().on(INVALID_BEFORE, Sort.Direction.ASC)
                    .expire(retention).named("token_revocations_expiry"));
        } catch (RuntimeException e) {
            log.warn("could not create the indexes of {}: {}", COLLECTION, e.toString());
        }
        // the first read before serving, so a restarted instance refuses what was revoked while it was down
        refreshQuietly();
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("token-revocations").daemon().factory());
        started.scheduleWithFixedDelay(this::refreshQuietly, refreshInterval.toMillis(), refreshInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the store is down: keep what is known, try again next time
            log.warn("could not read token revocations: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** Before the web server starts taking requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
