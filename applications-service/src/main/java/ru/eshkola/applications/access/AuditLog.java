package ru.eshkola.applications.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.security.Caller;

/**
 * The audit of personal data: who read or changed whose data, when and from where, one {@link AuditRecord} per
 * request, inserted before the response leaves (a read that cannot be recorded fails rather than goes unrecorded).
 * Controllers call it with what they served; refusals come from {@link ApplicationsAccess}.
 *
 * <p>Domain-free apart from the record's field names: other services need the same writer, and it should move to
 * the kit once a second one does.
 */
@Component
public class AuditLog implements SmartInitializingSingleton {

    static final String COLLECTION = "audit";
    static final int MAX_ENTRIES = 1000;
    static final int MAX_STUDENTS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;
    private final AuditSettings settings;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, AuditSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** The caller opened or listed entries of a school's register. */
    public void read(Caller caller, String schoolId, Collection<String> studentIds, Collection<String> entries) {
        write(caller, "READ", endpoint(), schoolId, studentIds, entries, entries.size(), "DONE", client());
    }

    /** The caller registered, decided or otherwise changed entries. */
    public void changed(Caller caller, String schoolId, Collection<String> studentIds, Collection<String> entries) {
        write(caller, "CHANGE", endpoint(), schoolId, studentIds, entries, entries.size(), "DONE", client());
    }

    /**
     * A download that streams after the controller returned: what it holds is recorded as it is written, and the
     * entry when it ends ({@link Export#finish}), INCOMPLETE if it broke off. Call on the request's thread.
     */
    public Export export(Caller caller, String schoolId) {
        return new Export(caller, schoolId, endpoint(), client());
    }

    void denied(Caller caller, String schoolId) {
        String method = request() == null ? "" : request().getMethod();
        write(caller, "GET".equals(method) ? "READ" : "CHANGE", endpoint(), schoolId, List.of(), List.of(), 0,
                "DENIED", client());
    }

    /** What one CSV export holds, collected while it streams. */
    public final class Export {

        private final Caller caller;
        private final String schoolId;
        private final String endpoint;
        private final String client;
        private final Set<String> studentIds = new LinkedHashSet<>();
        private final List<String> entries = new ArrayList<>();
        private int count;

        private Export(Caller caller, String schoolId, String endpoint, String client) {
            this.caller = caller;
            this.schoolId = schoolId;
            this.endpoint = endpoint;
            this.client = client;
        }

        public void add(String entry, Collection<String> students) {
            count++;
            if (entries.size() < MAX_ENTRIES) {
                entries.add(entry);
            }
            studentIds.addAll(students);
        }

        /** Writes the rows, then the audit entry: DONE, or INCOMPLETE when writing them failed. */
        public void around(Runnable rows) {
            boolean complete = false;
            try {
                rows.run();
                complete = true;
            } finally {
                finish(complete);
            }
        }

        /** @param complete whether every row was written */
        public void finish(boolean complete) {
            write(caller, "EXPORT", endpoint, schoolId, studentIds, entries, count, complete ? "DONE" : "INCOMPLETE",
                    client);
        }
    }

    private void write(Caller caller, String action, String endpoint, String schoolId, Collection<String> studentIds,
            Collection<String> entries, int entryCount, String outcome, String client) {
        List<String> students = new ArrayList<>(new LinkedHashSet<>(studentIds));
        mongo.insert(new AuditRecord(EventIds.next(), clock.instant(), caller.accountId(),
                List.copyOf(caller.roles()), action, endpoint, schoolId,
                students.size() > MAX_STUDENTS ? students.subList(0, MAX_STUDENTS) : students,
                entries.stream().limit(MAX_ENTRIES).toList(), entryCount, outcome, client), COLLECTION);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String endpoint() {
        HttpServletRequest request = request();
        if (request == null) {
            return null;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
    }

    private static String client() {
        HttpServletRequest request = request();
        return request == null ? null : request.getRemoteAddr();
    }

    /** Indexes for the searches of {@code GET /api/v1/audit}, and the expiry (MongoDB; the embedded store ignores). */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC)
                    .expire(settings.retention()).named("audit_expiry"));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("schoolId", Sort.Direction.ASC)
                    .on("at", Sort.Direction.DESC).named("audit_school"));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("studentIds", Sort.Direction.ASC)
                    .on("at", Sort.Direction.DESC).named("audit_student"));
        } catch (RuntimeException e) {
            log.warn("could not create the indexes of {}: {}", COLLECTION, e.toString());
        }
    }
}
