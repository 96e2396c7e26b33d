package ru.eshkola.monitoring.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The durable timer: every {@code timer-interval} it reads the timers whose deadline (plus a grace) has passed and
 * turns their still-pending deadlines into MISSING violations. Its whole state is in the store, so a restart misses
 * nothing — deadlines that passed while the service was down are flagged by the first tick after it is back — and
 * a second instance ticking at the same moment is harmless (each change is guarded by the deadline's revision).
 */
@Component
class MissingEntryTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MissingEntryTimer.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final DeadlineBook book;
    private final DeadlineSettings settings;
    private final Clock clock;
    private final Counter flagged;
    private final AtomicBoolean running = new AtomicBoolean();

    MissingEntryTimer(MongoTemplate mongo, DeadlineBook book, DeadlineSettings settings, Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.book = book;
        this.settings = settings;
        this.clock = clock;
        this.flagged = Counter.builder("eshkola.monitoring.timer.fired")
                .description("Timed deadlines checked after they passed").register(meters);
    }

    @Scheduled(fixedDelayString = "${eshkola.monitoring.deadlines.timer-interval}",
            initialDelayString = "${eshkola.monitoring.deadlines.timer-interval}")
    void scheduled() {
        if (!running.get()) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            // nothing is lost: the timers stay until their deadline was handled, the next tick finds them again
            log.warn("deadline timer tick failed: {}", e.toString());
        }
    }

    /** Handles every timer that is due; returns how many. */
    int tick() {
        Instant cutoff = clock.instant().minus(settings.timerGrace());
        int handled = 0;
        while (true) {
            List<DeadlineTimer> due = mongo.find(Query.query(Criteria.where("dueAt").lte(cutoff))
                    .with(Sort.by("dueAt")).limit(BATCH), DeadlineTimer.class);
            for (DeadlineTimer timer : due) {
                book.flagMissing(timer.id(), cutoff);
                flagged.increment();
            }
            handled += due.size();
            if (due.size() < BATCH) {
                break;
            }
        }
        return handled;
    }

    @Override
    public void start() {
        running.set(true);
    }

    @Override
    public void stop() {
        running.set(false);
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
