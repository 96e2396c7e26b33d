package ru.eshkola.journal.classes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A class of one school year (7Б of 2026/2027) with its roster: which students are enrolled from when to when,
 * and which teacher teaches which subject from when to when. One document, so a roster change and its event are
 * one write, and checking "was this student in this class on that date" is one read.
 */
@Document("classes")
@CompoundIndex(name = "classes_enrolled_student", def = "{'enrolments.studentId': 1}")
class SchoolClass extends OutboxAggregate {

    private static final String TOPIC = "journal.classes";
    static final EventRoute OPENED = new EventRoute("journal.class.opened.v1", TOPIC);
    static final EventRoute UPDATED = new EventRoute("journal.class.updated.v1", TOPIC);
    static final EventRoute ENROLMENT_STARTED = new EventRoute("journal.enrolment.started.v1", TOPIC);
    static final EventRoute ENROLMENT_ENDED = new EventRoute("journal.enrolment.ended.v1", TOPIC);
    static final EventRoute ASSIGNMENT_STARTED = new EventRoute("journal.assignment.started.v1", TOPIC);
    static final EventRoute ASSIGNMENT_ENDED = new EventRoute("journal.assignment.ended.v1", TOPIC);

    @Id
    private String id;
    @Version
    private Long version;
    private String schoolId;
    private String schoolYear;
    private int gradeLevel;
    private String letter;
    private String name;
    private String classTeacherId;
    private int revision;
    private Instant changedAt;
    private String changedBy;
    private List<Enrolment> enrolments = new ArrayList<>();
    private List<Assignment> assignments = new ArrayList<>();

    SchoolClass() {
    }

    SchoolClass(String id, String schoolId, String schoolYear, int gradeLevel, String letter) {
        this.id = id;
        this.schoolId = schoolId;
        this.schoolYear = schoolYear;
        this.gradeLevel = gradeLevel;
        this.letter = letter;
        this.name = gradeLevel + letter;
    }

    boolean setClassTeacher(String classTeacherId, Instant now, String actor) {
        if (revision > 0 && Objects.equals(classTeacherId, this.classTeacherId)) {
            return false;
        }
        this.classTeacherId = classTeacherId;
        revision++;
        changedAt = now;
        changedBy = actor;
        recordEvent(revision == 1 ? OPENED : UPDATED, id, id, now, new ClassData(id, schoolId, schoolYear, gradeLevel,
                letter, name, classTeacherId, revision, now, actor));
        return true;
    }

    /** Enrols a student from a date; false when exactly this enrolment exists already. */
    boolean enrol(String studentId, LocalDate from, Instant now, String actor) {
        Optional<Enrolment> open = openEnrolment(studentId);
        if (open.isPresent()) {
            if (open.get().from().equals(from)) {
                return false;
            }
            throw new RosterConflict("student " + studentId + " is enrolled in " + name + " since "
                    + open.get().from() + "; end that enrolment first");
        }
        for (Enrolment e : enrolments) {
            if (e.studentId().equals(studentId) && !from.isAfter(e.to())) {
                throw new RosterConflict("student " + studentId + " was enrolled in " + name + " until " + e.to()
                        + "; a new enrolment must start after it");
            }
        }
        Enrolment enrolment = new Enrolment(id + ":" + studentId + ":" + from, studentId, from, null, null, 1);
        enrolments.add(enrolment);
        touch(now, actor);
        recordEvent(ENROLMENT_STARTED, id, enrolment.id(), now, enrolmentData(enrolment, now, actor));
        return true;
    }

    boolean endEnrolment(String studentId, LocalDate to, EndReason reason, Instant now, String actor) {
        Enrolment open = openEnrolment(studentId).orElse(null);
        if (open == null) {
            boolean alreadyEnded = enrolments.stream().anyMatch(e -> e.studentId().equals(studentId)
                    && to.equals(e.to()) && reason == e.endReason());
            if (alreadyEnded) {
                return false;
            }
            throw new RosterConflict("student " + studentId + " has no open enrolment in " + name);
        }
        if (to.isBefore(open.from())) {
            throw new RosterConflict("the enrolment began " + open.from() + "; it cannot end before that");
        }
        Enrolment ended = new Enrolment(open.id(), studentId, open.from(), to, reason, open.revision() + 1);
        enrolments.set(enrolments.indexOf(open), ended);
        touch(now, actor);
        recordEvent(ENROLMENT_ENDED, id, ended.id(), now, enrolmentData(ended, now, actor));
        return true;
    }

    boolean assign(String subjectId, String teacherId, String group, LocalDate from, Instant now, String actor) {
        for (Assignment a : assignments) {
            if (a.matches(subjectId, teacherId, group) && (a.to() == null || !from.isAfter(a.to()))) {
                if (a.from().equals(from) && a.to() == null) {
                    return false;
                }
                throw new RosterConflict("teacher " + teacherId + " already teaches this subject in " + name
                        + " from " + a.from() + (a.to() == null ? "" : " to " + a.to()));
            }
        }
        Assignment assignment = new Assignment(id + ":" + subjectId + ":" + teacherId + ":"
                + (group == null ? "" : group + ":") + from, subjectId, teacherId, group, from, null, 1);
        assignments.add(assignment);
        touch(now, actor);
        recordEvent(ASSIGNMENT_STARTED, id, assignment.id(), now, assignmentData(assignment, now, actor));
        return true;
    }

    boolean endAssignment(String subjectId, String teacherId, String group, LocalDate to, Instant now, String actor) {
        Assignment open = assignments.stream().filter(a -> a.matches(subjectId, teacherId, group) && a.to() == null)
                .findFirst().orElse(null);
        if (open == null) {
            if (assignments.stream().anyMatch(a -> a.matches(subjectId, teacherId, group) && to.equals(a.to()))) {
                return false;
            }
            throw new RosterConflict("teacher " + teacherId + " has no open assignment for this subject in " + name);
        }
        if (to.isBefore(open.from())) {
            throw new RosterConflict("the assignment began " + open.from() + "; it cannot end before that");
        }
        Assignment ended = new Assignment(open.id(), subjectId, teacherId, group, open.from(), to,
                open.revision() + 1);
        assignments.set(assignments.indexOf(open), ended);
        touch(now, actor);
        recordEvent(ASSIGNMENT_ENDED, id, ended.id(), now, assignmentData(ended, now, actor));
        return true;
    }

    private void touch(Instant now, String actor) {
        changedAt = now;
        changedBy = actor;
    }

    private Optional<Enrolment> openEnrolment(String studentId) {
        return enrolments.stream().filter(e -> e.studentId().equals(studentId) && e.to() == null).findFirst();
    }

    private EnrolmentData enrolmentData(Enrolment e, Instant now, String actor) {
        return new EnrolmentData(e.id(), id, schoolId, schoolYear, e.studentId(), e.from(), e.to(),
                e.endReason() == null ? null : e.endReason().name(), e.revision(), now, actor);
    }

    private AssignmentData assignmentData(Assignment a, Instant now, String actor) {
        return new AssignmentData(a.id(), id, schoolId, schoolYear, a.subjectId(), a.teacherId(), a.group(), a.from(),
                a.to(), a.revision(), now, actor);
    }

    String id() {
        return id;
    }

    String schoolId() {
        return schoolId;
    }

    String schoolYear() {
        return schoolYear;
    }

    int gradeLevel() {
        return gradeLevel;
    }

    String letter() {
        return letter;
    }

    String name() {
        return name;
    }

    String classTeacherId() {
        return classTeacherId;
    }

    int revision() {
        return revision;
    }

    List<Enrolment> enrolments() {
        return List.copyOf(enrolments);
    }

    List<Assignment> assignments() {
        return List.copyOf(assignments);
    }

    /** A student in the class from a date, until a date (inclusive) or open. */
    record Enrolment(String id, String studentId, LocalDate from, LocalDate to, EndReason endReason, int revision) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }

        boolean overlaps(LocalDate start, LocalDate end) {
            return !from.isAfter(end) && (to == null || !to.isBefore(start));
        }
    }

    /** A teacher teaching a subject (to a subgroup, when split) in the class. */
    record Assignment(String id, String subjectId, String teacherId, String group, LocalDate from, LocalDate to,
            int revision) {

        boolean matches(String subjectId, String teacherId, String group) {
            return this.subjectId.equals(subjectId) && this.teacherId.equals(teacherId)
                    && Objects.equals(this.group, group);
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    enum EndReason {
        MOVED_WITHIN_SCHOOL, LEFT_SCHOOL, GRADUATED, ENTERED_IN_ERROR
    }

    /** A roster change that contradicts the roster as it is. */
    static final class RosterConflict extends RuntimeException {

        RosterConflict(String message) {
            super(message);
        }
    }

    record ClassData(String classId, String schoolId, String schoolYear, int gradeLevel, String letter, String name,
            String classTeacherId, int version, Instant changedAt, String changedBy) {
    }

    record EnrolmentData(String enrolmentId, String classId, String schoolId, String schoolYear, String studentId,
            LocalDate from, LocalDate to, String endReason, int version, Instant changedAt, String changedBy) {
    }

    record AssignmentData(String assignmentId, String classId, String schoolId, String schoolYear, String subjectId,
            String teacherId, String group, LocalDate from, LocalDate to, int version, Instant changedAt,
            String changedBy) {
    }
}
