package ru.eshkola.journal.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

/**
 * The audit of children's personal data: every read or change of a student's record, lessons with their grades and
 * absences, the journal page, period results and class lists, and every refused attempt at one. Written in batches
 * (one insert per {@code flush-interval}), so that auditing a lesson submission costs no store round trip of its
 * own; a full queue makes the request wait rather than go unrecorded, and a graceful shutdown writes what is queued.
 * A hard crash can lose the last interval's entries — the changes themselves stay in the journal's own history (who
 * and when, per entry).
 */
@Component
public class AuditTrail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final int BATCH = 1_000;
    private static final int MAX_WHAT = 500;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final AuditSettings settings;
    private final Clock clock;
    private final BlockingQueue<AuditEntry> queue;
    /** Taken from the queue, not yet written (a write failed): guarded by this. */
    private final List<AuditEntry> pending = new ArrayList<>();
    private volatile Thread writer;
    private volatile boolean running;

    AuditTrail(MongoTemplate mongo, AuditSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
        // the wall clock: when the data was touched, whatever the journal's business clock says
        this.clock = Clock.systemUTC();
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** The caller read these students' data at the school. */
    public void read(Caller caller, String schoolId, Collection<String> studentIds) {
        record(caller, AuditEntry.READ, schoolId, studentIds, AuditEntry.ALLOWED);
    }

    /** The caller changed these students' data at the school. */
    public void changed(Caller caller, String schoolId, Collection<String> studentIds) {
        record(caller, AuditEntry.CHANGE, schoolId, studentIds, AuditEntry.ALLOWED);
    }

    /** The caller was refused access to these students' data. */
    void denied(Caller caller, String action, String schoolId, Collection<String> studentIds) {
        record(caller, action, schoolId, studentIds, AuditEntry.DENIED);
    }

    private void record(Caller caller, String action, String schoolId, Collection<String> studentIds,
            String outcome) {
        if (studentIds.isEmpty()) {
            return; // nothing of a child's was read or changed
        }
        HttpServletRequest request = currentRequest();
        String what = request == null ? "-" : request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        AuditEntry entry = new AuditEntry(EventIds.next(), caller.accountId(), List.copyOf(caller.roles()), action,
                what.length() > MAX_WHAT ? what.substring(0, MAX_WHAT) : what, schoolId,
                studentIds.stream().distinct().sorted().toList(), clock.instant(),
                request == null ? null : request.getRemoteAddr(), outcome);
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (this) {
                pending.add(entry);
            }
        }
    }

    /**
     * Entries of a school, newest first, optionally of one student and a time range. What is still queued is written
     * first, so an administrator sees everything up to the moment of the request.
     */
    PageResponse<AuditEntry> search(String schoolId, String studentId, Instant from, Instant to, int page, int size) {
        flush();
        Criteria criteria = Criteria.where("schoolId").is(schoolId);
        if (studentId != null) {
            criteria = criteria.and("studentIds").is(studentId);
        }
        if (from != null || to != null) {
            Criteria at = Criteria.where("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = new Criteria().andOperator(criteria, at);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AuditEntry.class);
        List<AuditEntry> entries = mongo.find(query.with(PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))), AuditEntry.class);
        return PageResponse.of(new PageImpl<>(entries, PageRequest.of(page, size), total), e -> e);
    }

    /**
     * Writes every queued entry now. What a failed write leaves is kept (in order) and written by the next flush, so
     * a store outage delays entries but loses none; the queue's capacity then holds requests back.
     */
    public synchronized void flush() {
        queue.drainTo(pending);
        while (!pending.isEmpty()) {
            List<AuditEntry> batch = pending.subList(0, Math.min(BATCH, pending.size()));
            insert(new ArrayList<>(batch));
            batch.clear();
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(settings.flushInterval().toMillis());
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("audit entries could not be written ({}); retrying", e.toString());
            }
        }
    }

    /**
     * Inserts the entries; a retried batch whose first attempt was partly written skips those already there (ids are
     * unique), so an entry is neither lost nor doubled.
     */
    private void insert(List<AuditEntry> batch) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEntry.class).insert(batch).execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    @Override
    public void start() {
        try {
            mongo.indexOps(AuditEntry.class).createIndex(new Index().on("at", Sort.Direction.ASC)
                    .expire(settings.retention()).named("audit_retention"));
        } catch (RuntimeException e) {
            // e.g. MongoDB refusing another expiry for the existing index: change it with collMod
            log.warn("could not create the audit retention index: {}", e.toString());
        }
        running = true;
        writer = Thread.ofPlatform().daemon().name("journal-audit").start(this::run);
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
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("{} audit entries could not be written at shutdown: {}", pending.size() + queue.size(),
                    e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stopped after the web server (which stops at a higher phase, first): no request goes unrecorded
        return Integer.MIN_VALUE + 1000;
    }
}
