package ru.eshkola.monitoring.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.eshkola.monitoring.violations.Verdict;
import ru.eshkola.monitoring.violations.ViolationRegister;

/**
 * The state machine of expected entries. Each change of a deadline is one write by {@code _id} guarded by its
 * revision (a concurrent change makes it read again and retry); after the write come its consequences, each
 * idempotent: the counters, the timer, and the violation.
 *
 * <pre>
 *   (none) --expected--> PENDING --entered by due--> MET
 *                           |    --entered after---> LATE         (violation LATE opens)
 *                           +----timer, due passed-> MISSING      (violation MISSING opens)
 *   MISSING --entered--> LATE                                     (violation closes ENTERED_LATE)
 *   any --withdrawn / no longer expected--> CANCELLED             (violation closes NOT_REQUIRED or WITHDRAWN)
 * </pre>
 */
@Component
class DeadlineBook {

    private static final Logger log = LoggerFactory.getLogger(DeadlineBook.class);
    private static final int ATTEMPTS = 8;

    private final MongoTemplate mongo;
    private final EntryCounts counts;
    private final ViolationRegister violations;
    private final Clock clock;

    DeadlineBook(MongoTemplate mongo, EntryCounts counts, ViolationRegister violations, Clock clock) {
        this.mongo = mongo;
        this.counts = counts;
        this.violations = violations;
        this.clock = clock;
    }

    /** An entry is expected by {@code template.dueAt()}: PENDING unless something is already known of it. */
    void expect(Deadline template) {
        Deadline current = mongo.findById(template.id(), Deadline.class);
        if (current != null && (current.state() != DeadlineState.PENDING
                || (current.dueAt().equals(template.dueAt()) && java.util.Objects.equals(current.teacherId(),
                template.teacherId())))) {
            return;
        }
        // the timer first: a crash after it leaves a timer that finds nothing to flag, never a deadline without one
        mongo.save(new DeadlineTimer(template.id(), template.dueAt()));
        change(template.id(), d -> {
            if (d == null) {
                return template.with(DeadlineState.PENDING, null).withRev(0);
            }
            if (d.state() == DeadlineState.PENDING) {
                return d.withDue(template.dueAt()).withTeaching(template.subjectId(), template.teacherId());
            }
            return d;
        }, null);
    }

    /**
     * The entry was made at {@code enteredAt}. {@code template} carries the entry's facts and its deadline as computed
     * now (null dueAt when the school is not known yet); a deadline already expected keeps its own.
     */
    void enter(Deadline template, Instant enteredAt, int version, LocalDate dataDay) {
        change(template.id(), d -> {
            if (d != null && version > 0 && version <= d.entryVersion()) {
                return d; // an older or the same version of the entry: already applied
            }
            Deadline base = d == null ? template.withRev(0) : d;
            if (d != null && template.lessonId() != null && d.lessonId() == null) {
                base = base.withLesson(template.lessonId());
            }
            if (d != null && d.dueAt() == null && template.dueAt() != null) {
                base = base.withDue(template.dueAt());
            }
            base = base.withVersion(Math.max(version, base.entryVersion()));
            DeadlineState state = base.state();
            if (state == DeadlineState.MET || state == DeadlineState.LATE) {
                return base; // the first entry decides; corrections keep its time
            }
            if (base.dueAt() == null) {
                return base.with(DeadlineState.UNJUDGED, enteredAt);
            }
            return judged(base, enteredAt);
        }, dataDay);
    }

    /** The expected entry no longer applies: withdrawn by the teacher, lesson cancelled, timetable changed. */
    void withdraw(Deadline template, int version, LocalDate dataDay) {
        change(template.id(), d -> {
            if (d != null && version > 0 && version <= d.entryVersion()) {
                return d;
            }
            Deadline base = d == null ? template.withRev(0) : d;
            return base.withVersion(Math.max(version, base.entryVersion())).with(DeadlineState.CANCELLED,
                    base.enteredAt());
        }, dataDay);
    }

    /** A lesson the timetable no longer has: only what is still open is dropped; what was entered stays. */
    void unexpect(String id) {
        change(id, d -> d != null && (d.state() == DeadlineState.PENDING || d.state() == DeadlineState.MISSING)
                ? d.with(DeadlineState.CANCELLED, null) : d, null);
    }

    /** The timer: a pending deadline that passed with nothing entered is MISSING. */
    void flagMissing(String id, Instant now) {
        change(id, d -> d != null && d.state() == DeadlineState.PENDING && !d.dueAt().isAfter(now)
                ? d.with(DeadlineState.MISSING, null) : d, null);
        mongo.remove(Query.query(Criteria.where("_id").is(id)), DeadlineTimer.class);
    }

    /** Entries that arrived before their school: judged now that its time zone is known. */
    void judgeWaiting(String schoolId, UnaryOperator<Deadline> withDue) {
        List<Deadline> waiting = mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("state")
                .is(DeadlineState.UNJUDGED)), Deadline.class);
        for (Deadline deadline : waiting) {
            change(deadline.id(), d -> {
                if (d == null || d.state() != DeadlineState.UNJUDGED) {
                    return d;
                }
                Deadline due = withDue.apply(d);
                return due.dueAt() == null ? d : judged(due, d.enteredAt());
            }, null);
        }
        if (!waiting.isEmpty()) {
            log.info("judged {} entries that had arrived before their school", waiting.size());
        }
    }

    /** Violations a crash left behind their deadlines' state. */
    int finishPendingViolations() {
        List<Deadline> pending = mongo.find(Query.query(Criteria.where("violationPending").is(true)),
                Deadline.class);
        pending.forEach(this::syncViolation);
        return pending.size();
    }

    Optional<Deadline> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Deadline.class));
    }

    private static Deadline judged(Deadline d, Instant enteredAt) {
        return d.with(enteredAt.isAfter(d.dueAt()) ? DeadlineState.LATE : DeadlineState.MET, enteredAt);
    }

    /** Reads, changes, writes guarded by the revision; then the consequences. */
    private void change(String id, UnaryOperator<Deadline> change, LocalDate dataDay) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Deadline before = mongo.findById(id, Deadline.class);
            Deadline after = change.apply(before);
            if (after == null || after.sameAs(before)) {
                if (dataDay != null && before != null) {
                    counts.record(null, null, before.schoolId(), before.classId(), dataDay);
                }
                return;
            }
            after = withViolation(before, after);
            try {
                if (before == null) {
                    after = after.withRev(1);
                    mongo.insert(after);
                } else {
                    after = after.withRev(before.rev() + 1);
                    Deadline replaced = mongo.findAndReplace(Query.query(Criteria.where("_id").is(id).and("rev")
                            .is(before.rev())), after, FindAndReplaceOptions.none());
                    if (replaced == null) {
                        continue; // changed meanwhile: read again
                    }
                }
            } catch (DuplicateKeyException createdMeanwhile) {
                continue;
            }
            counts.record(before, after, after.schoolId(), after.classId(), dataDay);
            if (before != null && before.state() == DeadlineState.PENDING && after.state() != DeadlineState.PENDING
                    && after.rule().timed()) {
                mongo.remove(Query.query(Criteria.where("_id").is(id)), DeadlineTimer.class);
            }
            if (after.violationPending()) {
                syncViolation(after);
            }
            return;
        }
        throw new IllegalStateException("deadline " + id + " kept changing under " + ATTEMPTS + " attempts");
    }

    /** Notes the violation kind the new state implies and marks the violation as to be brought in line. */
    private static Deadline withViolation(Deadline before, Deadline after) {
        String kind = after.violation();
        if (after.state() == DeadlineState.MISSING) {
            kind = "MISSING";
        } else if (after.state() == DeadlineState.LATE && !"MISSING".equals(kind)) {
            kind = "LATE";
        }
        boolean affects = kind != null && (before == null || before.state() != after.state()
                || !kind.equals(before.violation()));
        return after.withViolation(kind, after.violationPending() || affects);
    }

    private void syncViolation(Deadline deadline) {
        Verdict verdict = verdict(deadline);
        if (verdict != null) {
            violations.reconcile(deadline.facts(), verdict, clock.instant());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(deadline.id()).and("rev").is(deadline.rev())),
                new Update().set("violationPending", false), Deadline.class);
    }

    /** The violation a deadline implies, from its state and the kind of violation it ever had. */
    static Verdict verdict(Deadline d) {
        if (d.violation() == null) {
            return null;
        }
        if ("MISSING".equals(d.violation())) {
            return switch (d.state()) {
                case MISSING -> Verdict.open("MISSING");
                case LATE -> Verdict.closed("MISSING", "ENTERED_LATE", d.enteredAt());
                // MET: entered in time, its event came after the timer; CANCELLED: no longer expected
                default -> Verdict.closed("MISSING", "NOT_REQUIRED", d.enteredAt());
            };
        }
        return switch (d.state()) {
            case LATE -> Verdict.open("LATE");
            case CANCELLED -> Verdict.closed("LATE", "WITHDRAWN", d.enteredAt());
            default -> Verdict.closed("LATE", "NOT_REQUIRED", d.enteredAt());
        };
    }
}
