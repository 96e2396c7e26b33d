package ru.eshkola.monitoring.violations;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A broken entry deadline, published to {@code monitoring.violations} (key = school) through the outbox: each state
 * change and its event are one write of this document.
 *
 * <p>A MISSING violation opens when nothing was entered by the deadline and closes ENTERED_LATE when the entry
 * arrives. An entry that arrives late without a prior MISSING violation opens a LATE one, which stays open as the
 * record of lateness and closes only if the entry is withdrawn (WITHDRAWN). An entry that stops being expected
 * (lesson cancelled, timetable changed) closes its violation NOT_REQUIRED.
 */
@Document("violations")
@CompoundIndexes({
        @CompoundIndex(name = "school_state", def = "{'schoolId': 1, 'state': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "teacher_state", def = "{'teacherId': 1, 'state': 1}"),
        @CompoundIndex(name = "class_state", def = "{'classId': 1, 'state': 1}")})
class Violation extends OutboxAggregate {

    static final String TOPIC = "monitoring.violations";
    static final EventRoute OPENED = new EventRoute("monitoring.violation.opened.v1", TOPIC);
    static final EventRoute CLOSED = new EventRoute("monitoring.violation.closed.v1", TOPIC);

    enum State {
        OPEN, CLOSED
    }

    @Id
    private String id;
    @Version
    private Long version;
    private String rule;
    private String kind;
    private String schoolId;
    private String classId;
    private String subjectId;
    private String teacherId;
    private String studentId;
    private String lessonId;
    /** ISO date: the same day whatever the server's time zone. */
    private String lessonDate;
    private String periodId;
    private Instant dueAt;
    private Instant detectedAt;
    private State state;
    private Instant closedAt;
    private String resolution;
    private Instant enteredAt;
    private int revision;

    Violation() {
    }

    static Violation open(ViolationFacts facts, String kind, Instant now) {
        Violation violation = new Violation();
        violation.id = facts.violationId();
        violation.rule = facts.rule();
        violation.schoolId = facts.schoolId();
        violation.classId = facts.classId();
        violation.subjectId = facts.subjectId();
        violation.teacherId = facts.teacherId();
        violation.studentId = facts.studentId();
        violation.lessonId = facts.lessonId();
        violation.lessonDate = facts.lessonDate() == null ? null : facts.lessonDate().toString();
        violation.periodId = facts.periodId();
        violation.dueAt = facts.dueAt();
        violation.reopen(kind, now);
        return violation;
    }

    /** Opens again (a withdrawn entry entered late once more): a new version of the same violation. */
    void reopen(String kind, Instant now) {
        this.kind = kind;
        state = State.OPEN;
        detectedAt = now;
        closedAt = null;
        resolution = null;
        enteredAt = null;
        revision++;
        recordEvent(OPENED, schoolId, id, now, new ViolationOpened(id, rule, kind, schoolId, classId, subjectId,
                teacherId, studentId, lessonId, lessonDay(), periodId, dueAt, detectedAt, revision));
    }

    void close(String resolution, Instant enteredAt, Instant now) {
        state = State.CLOSED;
        closedAt = now;
        this.resolution = resolution;
        this.enteredAt = enteredAt;
        revision++;
        recordEvent(CLOSED, schoolId, id, now, new ViolationClosed(id, rule, kind, schoolId, classId, subjectId,
                teacherId, studentId, lessonId, lessonDay(), periodId, dueAt, detectedAt, closedAt, resolution,
                enteredAt, revision));
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    ViolationView view() {
        return new ViolationView(id, rule, kind, state.name(), schoolId, classId, subjectId, teacherId, studentId,
                lessonId, lessonDay(), periodId, dueAt, detectedAt, closedAt, resolution, enteredAt, revision);
    }

    private LocalDate lessonDay() {
        return lessonDate == null ? null : LocalDate.parse(lessonDate);
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    String schoolId() {
        return schoolId;
    }

    /** Data of {@code monitoring.violation.opened.v1}. */
    record ViolationOpened(String violationId, String rule, String kind, String schoolId, String classId,
            String subjectId, String teacherId, String studentId, String lessonId, LocalDate lessonDate,
            String periodId, Instant dueAt, Instant detectedAt, int version) {
    }

    /** Data of {@code monitoring.violation.closed.v1}. */
    record ViolationClosed(String violationId, String rule, String kind, String schoolId, String classId,
            String subjectId, String teacherId, String studentId, String lessonId, LocalDate lessonDate,
            String periodId, Instant dueAt, Instant detectedAt, Instant closedAt, String resolution,
            Instant enteredAt, int version) {
    }
}
