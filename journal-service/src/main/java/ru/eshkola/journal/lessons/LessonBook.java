package ru.eshkola.journal.lessons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.access.ClassScope;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.scales.GradeScale;
import ru.eshkola.journal.scales.GradeScales;
import ru.eshkola.journal.schools.SchoolRegistry;
import ru.eshkola.journal.schoolyears.SchoolCalendar;
import ru.eshkola.journal.schoolyears.SchoolYear;
import ru.eshkola.journal.staff.StaffRegistry;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.journal.timetable.TimetableBook;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;
import ru.eshkola.kit.security.Caller;

/**
 * Lessons as teachers enter them. Every submission is checked against the roster (enrolled students, assigned
 * teacher), the school calendar (periods, holidays, not in the future) and the grade scales, all at once: one
 * problem lists every field that is wrong and nothing is stored. A submission carries an idempotency key; sending
 * it again changes nothing.
 */
@Service
public class LessonBook {

    private final Lessons lessons;
    private final ClassRoster classes;
    private final SchoolRegistry schools;
    private final SchoolCalendar calendar;
    private final SubjectCatalog subjects;
    private final StaffRegistry staff;
    private final GradeScales scales;
    private final TimetableBook timetables;
    private final JournalAccess access;
    private final Clock clock;

    LessonBook(Lessons lessons, ClassRoster classes, SchoolRegistry schools, SchoolCalendar calendar,
            SubjectCatalog subjects, StaffRegistry staff, GradeScales scales, TimetableBook timetables,
            JournalAccess access, Clock clock) {
        this.lessons = lessons;
        this.classes = classes;
        this.schools = schools;
        this.calendar = calendar;
        this.subjects = subjects;
        this.staff = staff;
        this.scales = scales;
        this.timetables = timetables;
        this.access = access;
        this.clock = clock;
    }

    /** A lesson after a submission; {@code replayed} when the key had been seen with this very request. */
    record Result(Lesson lesson, boolean created, boolean replayed) {
    }

    /** A caller's new lesson, checked against {@link JournalAccess#requireLessonEntry} once its class is known. */
    Result submit(LessonRequests.SubmitLesson request, String idempotencyKey, Caller caller) {
        return submit(request, idempotencyKey, caller, caller.accountId(), clock.instant());
    }

    /**
     * Enters a new lesson on the journal's own behalf (the demo region, an import of history). {@code enteredAt} is
     * the original entry time so that deadlines are judged on it.
     */
    public Result submit(LessonRequests.SubmitLesson request, String idempotencyKey, String actor, Instant enteredAt) {
        return submit(request, idempotencyKey, null, actor, enteredAt);
    }

    private Result submit(LessonRequests.SubmitLesson request, String idempotencyKey, Caller caller, String actor,
            Instant enteredAt) {
        String id = EventIds.fromKey("lesson", idempotencyKey);
        String hash = hash(request);
        Checked checked;
        try {
            checked = check(request, null, caller);
        } catch (ProblemException refused) {
            // a retry of an accepted request is answered as it was, even if the roster changed since
            Optional<Lesson> existing = lessons.findById(id);
            if (existing.isPresent()) {
                return replay(existing.get(), idempotencyKey, hash);
            }
            throw refused;
        }
        Lesson lesson = Lesson.enter(id, checked.slot(), checked.content(), enteredAt, actor);
        lesson.remember(idempotencyKey, hash);
        try {
            // no read first: a new lesson is the common case, and the id (from the key) makes a retry collide
            return new Result(lessons.insert(lesson), true, false);
        } catch (DuplicateKeyException e) {
            Optional<Lesson> existing = lessons.findById(id);
            if (existing.isPresent()) {
                return replay(existing.get(), idempotencyKey, hash);
            }
            String taken = lessons.findBySlotKey(checked.slot().key()).map(Lesson::id).orElse("another lesson");
            throw ProblemException.conflict("lesson-slot-taken", "lesson " + request.lessonNumber() + " of "
                    + request.date() + " is already entered as " + taken + "; change that lesson instead");
        }
    }

    /** Replaces a lesson's whole content; what changed becomes corrections, what is missing is withdrawn. */
    Result replace(String lessonId, LessonRequests.SubmitLesson request, String idempotencyKey, Caller caller) {
        Lesson lesson = changeable(lessonId, caller);
        String hash = hash(request);
        if (lesson.requestHashOf(idempotencyKey).isPresent()) {
            return replay(lesson, idempotencyKey, hash);
        }
        Checked checked = check(request, lesson, null);
        requireReasonIfClosed(lesson, request.reason());
        lesson.apply(checked.content(), blankToNull(request.reason()), clock.instant(), caller.accountId());
        lesson.remember(idempotencyKey, hash);
        // saved even when nothing changed: the key is remembered, so a retry is recognised
        return new Result(lessons.save(lesson), false, false);
    }

    Lesson correctGrade(String lessonId, String gradeId, LessonRequests.CorrectGrade request, Caller caller) {
        Lesson lesson = changeable(lessonId, caller);
        String actor = caller.accountId();
        GradeEntry entry = lesson.grades().stream().filter(g -> g.gradeId().equals(gradeId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("grade", gradeId + " of lesson " + lessonId));
        requireReasonIfClosed(lesson, request.reason());
        String scaleId = request.scale() != null ? request.scale() : entry.state().scale();
        GradeScale scale = scales.require("scale", scaleId);
        GradeScale.Value value = scale.value(request.value()).orElseThrow(() -> ProblemException.invalid("value",
                "is not on the " + scale.name() + " scale " + codes(scale)));
        double weight = request.weight() != null ? request.weight() : entry.state().weight();
        GradeInput input = new GradeInput(entry.studentId(), value.code(), value.numeric(), scaleId, weight,
                entry.state().kind(), request.comment() != null ? request.comment() : entry.state().comment());
        if (lesson.changeGrade(gradeId, input, blankToNull(request.reason()), clock.instant(), actor)) {
            lesson = lessons.save(lesson);
        }
        return lesson;
    }

    Lesson withdrawGrade(String lessonId, String gradeId, String reason, Caller caller) {
        Lesson lesson = changeable(lessonId, caller);
        String actor = caller.accountId();
        GradeEntry entry = lesson.grades().stream().filter(g -> g.gradeId().equals(gradeId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("grade", gradeId + " of lesson " + lessonId));
        requireReasonIfClosed(lesson, reason);
        if (entry.active() && lesson.changeGrade(gradeId, null, blankToNull(reason), clock.instant(), actor)) {
            lesson = lessons.save(lesson);
        }
        return lesson;
    }

    Lesson cancel(String lessonId, String reason, Caller caller) {
        Lesson lesson = changeable(lessonId, caller);
        String actor = caller.accountId();
        requireReasonIfClosed(lesson, reason);
        if (lesson.cancel(blankToNull(reason), clock.instant(), actor)) {
            lesson = lessons.save(lesson);
        }
        return lesson;
    }

    /** A class's lessons over a range, for a teacher of the class during the range or an administrator. */
    org.springframework.data.domain.Page<Lesson> ofClass(String classId, LocalDate from, LocalDate to,
            org.springframework.data.domain.Pageable page, Caller caller) {
        ClassRoster.ClassInfo schoolClass = classes.find(classId)
                .orElseThrow(() -> ProblemException.notFound("class", classId));
        access.requireClassJournalRead(caller, schoolClass.scope(), from, to, schoolClass.studentsBetween(from, to));
        return lessons.findOfClass(classId, from, to, page);
    }

    /** One lesson, for a teacher of its class on its date, its own teachers or an administrator. */
    Lesson read(String lessonId, Caller caller) {
        Lesson lesson = get(lessonId);
        access.requireLessonRead(caller, scopeOf(lesson), facts(lesson));
        return lesson;
    }

    /** The lesson, once the caller is found to be allowed to change it. */
    private Lesson changeable(String lessonId, Caller caller) {
        Lesson lesson = get(lessonId);
        access.requireLessonChange(caller, scopeOf(lesson), facts(lesson));
        return lesson;
    }

    private ClassScope scopeOf(Lesson lesson) {
        return classes.find(lesson.classId()).map(ClassRoster.ClassInfo::scope)
                .orElseThrow(() -> ProblemException.notFound("class", lesson.classId()));
    }

    /** The students whose grades or absences the lesson holds (withdrawn ones too: their history is there). */
    static Set<String> studentsOf(Lesson lesson) {
        Set<String> students = new java.util.TreeSet<>();
        lesson.grades().forEach(g -> students.add(g.studentId()));
        lesson.absences().forEach(a -> students.add(a.studentId()));
        return students;
    }

    private static JournalAccess.LessonFacts facts(Lesson lesson) {
        return new JournalAccess.LessonFacts(lesson.subjectId(), lesson.teacherId(),
                lesson.content().substituteTeacherId(), lesson.date(), studentsOf(lesson));
    }

    private static JournalAccess.LessonFacts facts(LessonRequests.SubmitLesson request) {
        Set<String> students = new java.util.TreeSet<>();
        request.gradesOrEmpty().forEach(g -> students.add(g.studentId()));
        request.absencesOrEmpty().forEach(a -> students.add(a.studentId()));
        return new JournalAccess.LessonFacts(request.subjectId(), request.teacherId(),
                blankToNull(request.substituteTeacherId()), request.date(), students);
    }

    /** The lessons of one class and subject in a date range, for the journal page. */
    List<Lesson> forJournal(String classId, String subjectId, LocalDate from, LocalDate to) {
        return lessons.findForJournal(classId, subjectId, from, to);
    }

    Lesson get(String lessonId) {
        return lessons.findById(lessonId).orElseThrow(() -> ProblemException.notFound("lesson", lessonId));
    }

    private Result replay(Lesson lesson, String key, String hash) {
        String known = lesson.requestHashOf(key).orElse("");
        if (!known.equals(hash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("idempotency-key-reused"),
                    "Idempotency key reused", "the Idempotency-Key " + key + " was used for a different request; "
                            + "use a new key for a new request", List.of());
        }
        return new Result(lesson, false, true);
    }

    private record Checked(Lesson.Slot slot, Content content) {
    }

    /**
     * Every rule a lesson must satisfy, all reported at once. A caller's new lesson is first checked against the
     * access rules, as soon as its class is known: a caller who may not enter it learns nothing of its content.
     */
    private Checked check(LessonRequests.SubmitLesson r, Lesson existing, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>();
        LessonKind kind = r.kindOrDefault();
        ClassRoster.ClassInfo schoolClass = classes.find(r.classId()).orElse(null);
        if (schoolClass == null) {
            problems.add(new FieldProblem("classId", "no class " + r.classId()));
        }
        Optional<SubjectCatalog.SubjectInfo> subject = subjects.find(r.subjectId());
        if (subject.isEmpty()) {
            problems.add(new FieldProblem("subjectId", "no subject " + r.subjectId()));
        }
        if (existing != null) {
            sameAsEntered("classId", r.classId(), existing.classId(), problems);
            sameAsEntered("subjectId", r.subjectId(), existing.subjectId(), problems);
            sameAsEntered("teacherId", r.teacherId(), existing.teacherId(), problems);
            sameAsEntered("date", r.date(), existing.date(), problems);
            sameAsEntered("lessonNumber", r.lessonNumber(), existing.lessonNumber(), problems);
            sameAsEntered("kind", kind, existing.kind(), problems);
        }
        if (kind == LessonKind.LESSON && r.lessonNumber() == null) {
            problems.add(new FieldProblem("lessonNumber", "is required for a lesson"));
        }
        if (kind == LessonKind.ASSESSMENT && r.lessonNumber() != null) {
            problems.add(new FieldProblem("lessonNumber", "an assessment without a lesson has no lesson number"));
        }
        if (r.homework() != null && r.homework().dueDate().isBefore(r.date())) {
            problems.add(new FieldProblem("homework.dueDate", "must not be before the lesson"));
        }
        if (schoolClass == null) {
            throw ProblemException.invalid(problems);
        }
        if (caller != null) {
            access.requireLessonEntry(caller, schoolClass.scope(), facts(r), () -> timetables.hasTeacherOn(
                    r.classId(), r.date(), r.lessonNumber(), blankToNull(r.substituteTeacherId())));
        }
        String schoolId = schoolClass.schoolId();
        SchoolRegistry.SchoolInfo school = schools.require("classId", schoolId);
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        if (r.date().isAfter(today)) {
            problems.add(new FieldProblem("date", "is in the future (today is " + today + " in " + school.shortName()
                    + ")"));
        } else {
            calendar.whyNoLessons(schoolId, r.date()).ifPresent(why -> problems.add(new FieldProblem("date", why)));
        }
        checkTeacher("teacherId", r.teacherId(), schoolId, problems);
        if (subject.isPresent() && !schoolClass.isAssigned(r.subjectId(), r.teacherId(), r.date())) {
            problems.add(new FieldProblem("teacherId", "is not assigned to teach " + subject.get().name() + " in "
                    + schoolClass.name() + " on " + r.date()));
        }
        if (r.substituteTeacherId() != null) {
            checkTeacher("substituteTeacherId", r.substituteTeacherId(), schoolId, problems);
        }
        List<GradeInput> grades = new ArrayList<>();
        Set<String> graded = new HashSet<>();
        for (int i = 0; i < r.gradesOrEmpty().size(); i++) {
            LessonRequests.GradeRequest g = r.gradesOrEmpty().get(i);
            String field = "grades[" + i + "]";
            enrolled(field + ".studentId", g.studentId(), schoolClass, r.date(), problems);
            if (!graded.add(g.studentId() + ":" + g.kindOrDefault())) {
                problems.add(new FieldProblem(field, "a second " + g.kindOrDefault() + " grade for the same student"));
            }
            String scaleId = g.scale() != null ? g.scale() : GradeScales.FIVE_POINT;
            GradeScale scale;
            try {
                scale = scales.require(field + ".scale", scaleId);
            } catch (ProblemException unknownScale) {
                problems.addAll(unknownScale.errors());
                continue;
            }
            Optional<GradeScale.Value> value = scale.value(g.value());
            if (value.isEmpty()) {
                problems.add(new FieldProblem(field + ".value", "is not on the " + scale.name() + " scale "
                        + codes(scale)));
                continue;
            }
            double weight = g.weight() != null ? g.weight() : g.kindOrDefault().defaultWeight;
            grades.add(new GradeInput(g.studentId(), value.get().code(), value.get().numeric(), scaleId, weight,
                    g.kindOrDefault(), blankToNull(g.comment())));
        }
        List<AbsenceInput> absences = new ArrayList<>();
        Set<String> absent = new HashSet<>();
        for (int i = 0; i < r.absencesOrEmpty().size(); i++) {
            LessonRequests.AbsenceRequest a = r.absencesOrEmpty().get(i);
            String field = "absences[" + i + "].studentId";
            enrolled(field, a.studentId(), schoolClass, r.date(), problems);
            if (!absent.add(a.studentId())) {
                problems.add(new FieldProblem(field, "is marked absent twice"));
            }
            absences.add(new AbsenceInput(a.studentId(), a.reason()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Lesson.Slot slot = new Lesson.Slot(r.classId(), schoolId, r.subjectId(), r.teacherId(), blankToNull(r.group()),
                r.date(), r.lessonNumber(), kind);
        Content content = new Content(blankToNull(r.topic()), r.homework() == null ? null
                : new Content.Homework(r.homework().text().strip(), r.homework().dueDate()),
                blankToNull(r.substituteTeacherId()), grades, absences);
        return new Checked(slot, content);
    }

    private void enrolled(String field, String studentId, ClassRoster.ClassInfo schoolClass, LocalDate date,
            List<FieldProblem> problems) {
        if (!schoolClass.isEnrolled(studentId, date)) {
            problems.add(new FieldProblem(field, "student " + studentId + " is not enrolled in " + schoolClass.name()
                    + " on " + date));
        }
    }

    private void checkTeacher(String field, String staffId, String schoolId, List<FieldProblem> problems) {
        Optional<StaffRegistry.StaffInfo> member = staff.find(staffId);
        if (member.isEmpty()) {
            problems.add(new FieldProblem(field, "no staff member " + staffId));
        } else if (!member.get().schoolId().equals(schoolId) || !member.get().teacher()) {
            problems.add(new FieldProblem(field, "is not a teacher of this school"));
        }
    }

    private static void sameAsEntered(String field, Object submitted, Object entered, List<FieldProblem> problems) {
        if (!java.util.Objects.equals(submitted, entered)) {
            problems.add(new FieldProblem(field, "cannot change once the lesson is entered (was " + entered + ")"));
        }
    }

    private void requireReasonIfClosed(Lesson lesson, String reason) {
        boolean closed = calendar.yearOf(lesson.schoolId(), lesson.date()).map(SchoolYear::closed).orElse(false);
        if (closed && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "the school year is closed: a correction needs a reason");
        }
    }

    private static String codes(GradeScale scale) {
        return scale.values().stream().map(GradeScale.Value::code).toList().toString();
    }

    private static String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EventJson.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
