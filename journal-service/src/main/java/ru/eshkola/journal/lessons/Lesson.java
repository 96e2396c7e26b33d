package ru.eshkola.journal.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * One lesson of a class (or a dated assessment without a lesson) with everything a teacher enters about it: topic,
 * homework, grades and absences. The aggregate of a teacher's action: submitting a lesson is one document write
 * carrying every event it causes, so it is all-or-nothing.
 *
 * <p>Nothing is deleted: a change after the first entry is a correction that keeps the old state in the entry's
 * history, and a withdrawal is a correction to "none".
 */
@Document("lessons")
class Lesson extends OutboxAggregate {

    static final EventRoute LESSON_RECORDED = new EventRoute("journal.lesson.recorded.v1", "journal.lessons");
    static final EventRoute LESSON_CORRECTED = new EventRoute("journal.lesson.corrected.v1", "journal.lessons");
    static final EventRoute LESSON_CANCELLED = new EventRoute("journal.lesson.cancelled.v1", "journal.lessons");
    static final EventRoute GRADE_RECORDED = new EventRoute("journal.grade.recorded.v1", "journal.grades");
    static final EventRoute GRADE_CORRECTED = new EventRoute("journal.grade.corrected.v1", "journal.grades");
    static final EventRoute GRADE_WITHDRAWN = new EventRoute("journal.grade.withdrawn.v1", "journal.grades");
    static final EventRoute ABSENCE_RECORDED = new EventRoute("journal.absence.recorded.v1", "journal.absences");
    static final EventRoute ABSENCE_CORRECTED = new EventRoute("journal.absence.corrected.v1", "journal.absences");
    static final EventRoute ABSENCE_WITHDRAWN = new EventRoute("journal.absence.withdrawn.v1", "journal.absences");
    private static final int REMEMBERED_REQUESTS = 50;

    @Id
    private String id;
    @Version
    private Long version;
    /** classId:date:number:group for a timetabled lesson, unique: one lesson per slot; null for assessments. */
    @Indexed(unique = true, sparse = true)
    private String slotKey;
    private String classId;
    private String schoolId;
    private String subjectId;
    private String teacherId;
    private String group;
    private LocalDate date;
    private Integer lessonNumber;
    private LessonKind kind;
    private Status status;
    private Content content;
    private Instant topicEnteredAt;
    private Instant homeworkEnteredAt;
    private int revision;
    private Instant enteredAt;
    private Instant changedAt;
    private String changedBy;
    private List<Revision> history = new ArrayList<>();
    private List<GradeEntry> grades = new ArrayList<>();
    private List<AbsenceEntry> absences = new ArrayList<>();
    private List<String> requests = new ArrayList<>();

    Lesson() {
    }

    /** A new lesson as first entered; {@code enteredAt} is now, or the original time for imported history. */
    static Lesson enter(String id, Slot slot, Content content, Instant enteredAt, String actor) {
        Lesson lesson = new Lesson();
        lesson.id = id;
        lesson.classId = slot.classId();
        lesson.schoolId = slot.schoolId();
        lesson.subjectId = slot.subjectId();
        lesson.teacherId = slot.teacherId();
        lesson.group = slot.group();
        lesson.date = slot.date();
        lesson.lessonNumber = slot.lessonNumber();
        lesson.kind = slot.kind();
        lesson.slotKey = slot.kind() == LessonKind.LESSON ? slot.key() : null;
        lesson.status = Status.CONDUCTED;
        lesson.enteredAt = enteredAt;
        lesson.apply(content, null, enteredAt, actor);
        return lesson;
    }

    /**
     * Brings the lesson to the submitted content: new grades and absences are recorded, changed ones corrected
     * (their old state kept), missing ones withdrawn. Returns whether anything changed.
     */
    boolean apply(Content next, String reason, Instant now, String actor) {
        boolean first = revision == 0;
        boolean changed = first || status == Status.CANCELLED;
        if (!first && !Objects.equals(next.lessonPart(), content.lessonPart())) {
            history.add(new Revision(revision, content.lessonPart(), changedAt, changedBy, reason));
            changed = true;
        }
        if (next.topic() != null && topicEnteredAt == null) {
            topicEnteredAt = now;
        }
        if (next.homework() != null && homeworkEnteredAt == null) {
            homeworkEnteredAt = now;
        }
        boolean lessonChanged = changed;
        content = next;
        status = Status.CONDUCTED;
        if (lessonChanged) {
            revision++;
            changedAt = now;
            changedBy = actor;
            recordEvent(first ? LESSON_RECORDED : LESSON_CORRECTED, classId, id, now, lessonData(reason));
        }
        changed |= applyGrades(next.grades(), reason, now, actor);
        changed |= applyAbsences(next.absences(), reason, now, actor);
        return changed;
    }

    private boolean applyGrades(List<GradeInput> submitted, String reason, Instant now, String actor) {
        boolean changed = false;
        Map<String, GradeInput> byId = new LinkedHashMap<>();
        submitted.forEach(g -> byId.put(gradeId(g.studentId(), g.kind()), g));
        for (GradeEntry entry : List.copyOf(grades)) {
            GradeInput input = byId.remove(entry.gradeId());
            if (input == null) {
                if (entry.active()) {
                    GradeEntry withdrawn = entry.withdrawn(reason, now, actor);
                    replace(entry, withdrawn);
                    recordEvent(GRADE_WITHDRAWN, entry.studentId(), id + ":" + entry.gradeId(), now,
                            gradeData(withdrawn, entry.state(), true));
                    changed = true;
                }
            } else if (!entry.active() || !entry.sameAs(input)) {
                // a grade entered again after its withdrawal is recorded anew, with a higher version
                boolean reentered = !entry.active();
                GradeEntry corrected = entry.corrected(input, reason, now, actor);
                replace(entry, corrected);
                recordEvent(reentered ? GRADE_RECORDED : GRADE_CORRECTED, entry.studentId(), id + ":" + entry.gradeId(), now,
                        gradeData(corrected, reentered ? null : entry.state(), !reentered));
                changed = true;
            }
        }
        for (var input : byId.entrySet()) {
            GradeEntry entry = GradeEntry.first(input.getKey(), input.getValue(), now, actor);
            grades.add(entry);
            recordEvent(GRADE_RECORDED, entry.studentId(), id + ":" + entry.gradeId(), now,
                    gradeData(entry, null, false));
            changed = true;
        }
        return changed;
    }

    private boolean applyAbsences(List<AbsenceInput> submitted, String reason, Instant now, String actor) {
        boolean changed = false;
        Map<String, AbsenceInput> byStudent = new LinkedHashMap<>();
        submitted.forEach(a -> byStudent.put(a.studentId(), a));
        for (AbsenceEntry entry : List.copyOf(absences)) {
            AbsenceInput input = byStudent.remove(entry.studentId());
            if (input == null) {
                if (entry.active()) {
                    AbsenceEntry withdrawn = entry.withdrawn(reason, now, actor);
                    absences.set(absences.indexOf(entry), withdrawn);
                    recordEvent(ABSENCE_WITHDRAWN, entry.studentId(), entry.absenceId(), now,
                            absenceData(withdrawn, entry));
                    changed = true;
                }
            } else if (!entry.active() || entry.reason() != input.reason()) {
                AbsenceEntry corrected = entry.corrected(input.reason(), reason, now, actor);
                absences.set(absences.indexOf(entry), corrected);
                recordEvent(entry.active() ? ABSENCE_CORRECTED : ABSENCE_RECORDED, entry.studentId(),
                        entry.absenceId(), now, absenceData(corrected, entry.active() ? entry : null));
                changed = true;
            }
        }
        for (AbsenceInput input : byStudent.values()) {
            AbsenceEntry entry = AbsenceEntry.first(id + ":" + input.studentId(), input, now, actor);
            absences.add(entry);
            recordEvent(ABSENCE_RECORDED, entry.studentId(), entry.absenceId(), now, absenceData(entry, null));
            changed = true;
        }
        return changed;
    }

    /** Corrects or withdraws (input null) one grade, leaving everything else as it is. */
    boolean changeGrade(String gradeId, GradeInput input, String reason, Instant now, String actor) {
        List<GradeInput> next = new ArrayList<>();
        for (GradeEntry entry : grades) {
            if (entry.gradeId().equals(gradeId)) {
                if (input != null) {
                    next.add(input);
                }
            } else if (entry.active()) {
                next.add(entry.input());
            }
        }
        return applyGrades(next, reason, now, actor) && touched(now, actor);
    }

    /** The lesson did not take place: it is marked cancelled and its grades and absences are withdrawn. */
    boolean cancel(String reason, Instant now, String actor) {
        if (status == Status.CANCELLED) {
            return false;
        }
        applyGrades(List.of(), reason, now, actor);
        applyAbsences(List.of(), reason, now, actor);
        history.add(new Revision(revision, content.lessonPart(), changedAt, changedBy, reason));
        status = Status.CANCELLED;
        revision++;
        changedAt = now;
        changedBy = actor;
        recordEvent(LESSON_CANCELLED, classId, id, now, lessonData(reason));
        return true;
    }

    private boolean touched(Instant now, String actor) {
        changedAt = now;
        changedBy = actor;
        return true;
    }

    /** Remembers an idempotency key with the hash of its request; false if the key is known. */
    boolean remember(String key, String requestHash) {
        if (requestHashOf(key).isPresent()) {
            return false;
        }
        requests.add(key + "|" + requestHash);
        if (requests.size() > REMEMBERED_REQUESTS) {
            requests.remove(0);
        }
        return true;
    }

    Optional<String> requestHashOf(String key) {
        return requests.stream().filter(r -> r.startsWith(key + "|")).map(r -> r.substring(key.length() + 1))
                .findFirst();
    }

    static String gradeId(String studentId, GradeKind kind) {
        return studentId + ":" + kind.name();
    }

    private void replace(GradeEntry old, GradeEntry next) {
        grades.set(grades.indexOf(old), next);
    }

    private LessonEvents.LessonData lessonData(String reason) {
        Content.LessonPart part = content.lessonPart();
        return new LessonEvents.LessonData(id, classId, schoolId, subjectId, teacherId, part.substituteTeacherId(),
                date, lessonNumber, group, kind.name(), part.topic(), part.topic() == null ? null : topicEnteredAt,
                part.homework() == null ? null : new LessonEvents.HomeworkData(part.homework().text(),
                        part.homework().dueDate(), homeworkEnteredAt),
                status.name(), revision, enteredAt, changedAt, changedBy, reason);
    }

    /** The data of a grade event; {@code before} is the state a correction or withdrawal replaced. */
    private LessonEvents.GradeData gradeData(GradeEntry entry, GradeEntry.State before, boolean correction) {
        GradeEntry.State state = entry.state();
        return new LessonEvents.GradeData(id + ":" + entry.gradeId(), entry.studentId(), id, date, classId, schoolId,
                subjectId, entry.active() ? state.value() : null, entry.active() ? state.numeric() : null,
                state.scale(), state.weight(), state.kind().name(), state.comment(), entry.enteredAt(),
                entry.enteredBy(), entry.version(),
                before == null ? null : before.value(), before == null ? null : before.numeric(),
                before == null ? null : before.weight(), correction ? entry.lastReason() : null,
                correction ? entry.changedAt() : null, correction ? entry.changedBy() : null);
    }

    private LessonEvents.AbsenceData absenceData(AbsenceEntry entry, AbsenceEntry previous) {
        boolean correction = entry.version() > 1;
        return new LessonEvents.AbsenceData(entry.absenceId(), entry.studentId(), id, date, lessonNumber, classId,
                schoolId, subjectId, entry.reason().name(), entry.reason().code, entry.enteredAt(), entry.enteredBy(),
                entry.version(), previous == null ? null : previous.reason().name(),
                previous == null ? null : previous.reason().code, correction ? entry.lastReason() : null,
                correction ? entry.changedAt() : null, correction ? entry.changedBy() : null);
    }

    String id() {
        return id;
    }

    String classId() {
        return classId;
    }

    String schoolId() {
        return schoolId;
    }

    String subjectId() {
        return subjectId;
    }

    String teacherId() {
        return teacherId;
    }

    String group() {
        return group;
    }

    LocalDate date() {
        return date;
    }

    Integer lessonNumber() {
        return lessonNumber;
    }

    LessonKind kind() {
        return kind;
    }

    Status status() {
        return status;
    }

    Content content() {
        return content;
    }

    int revision() {
        return revision;
    }

    Instant enteredAt() {
        return enteredAt;
    }

    Instant changedAt() {
        return changedAt;
    }

    String changedBy() {
        return changedBy;
    }

    List<Revision> history() {
        return List.copyOf(history);
    }

    List<GradeEntry> grades() {
        return List.copyOf(grades);
    }

    List<AbsenceEntry> absences() {
        return List.copyOf(absences);
    }

    enum Status {
        CONDUCTED, CANCELLED
    }

    /** Where and by whom a lesson is taught; fixed once entered. */
    record Slot(String classId, String schoolId, String subjectId, String teacherId, String group, LocalDate date,
            Integer lessonNumber, LessonKind kind) {

        String key() {
            return classId + ":" + date + ":" + lessonNumber + ":" + (group == null ? "" : group);
        }
    }

    /** A previous state of the lesson's own record (topic, homework, substitute). */
    record Revision(int version, Content.LessonPart state, Instant changedAt, String changedBy, String reason) {
    }
}
