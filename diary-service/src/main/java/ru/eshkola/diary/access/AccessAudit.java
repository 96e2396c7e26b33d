package ru.eshkola.diary.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.web.PageResponse;

/**
 * The access audit: every read of a student's diary, written in batches so that recording it does not cost a store
 * round trip per read. An entry waits at most {@code audit-flush-interval}; when the queue is full a read waits for
 * room rather than going unrecorded; a graceful shutdown writes what is queued. What a hard crash can lose is the
 * last interval's entries — the price of not doubling the store's load on the hot read path.
 */
@Component
class AccessAudit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;
    private final AccessSettings settings;
    private final BlockingQueue<AuditEntry> queue;
    private volatile Thread writer;
    private volatile boolean running;

    AccessAudit(MongoTemplate mongo, AccessSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.auditQueueCapacity());
    }

    void record(AuditEntry entry) {
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mongo.insert(entry);
        }
    }

    PageResponse<AuditEntry> list(String studentId, int page, int size) {
        flush();
        Query query = Query.query(Criteria.where("studentId").is(studentId));
        long total = mongo.count(query, AuditEntry.class);
        List<AuditEntry> entries = mongo.find(query.with(PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))), AuditEntry.class);
        return PageResponse.of(new PageImpl<>(entries, PageRequest.of(page, size), total), e -> e);
    }

    /**
     * Writes every queued entry now. Entries leave the queue only inside this method, so a listing that calls it
     * sees every read recorded before it.
     */
    synchronized void flush() {
        List<AuditEntry> batch = new ArrayList<>();
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(settings.auditFlushInterval().toMillis());
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("access audit entries could not be written", e);
            }
        }
    }

    private void write(List<AuditEntry> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.insert(batch, AuditEntry.class);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 10 || !running) {
                    throw e;
                }
                log.warn("access audit write failed ({}), retrying", e.toString());
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().daemon().name("access-audit").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = writer;
        if (current != null) {
            current.interrupt();
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stopped after the web server (which stops last-in, first-out at a higher phase): no read goes unrecorded
        return Integer.MIN_VALUE + 1000;
    }
}
