package ru.eshkola.journal.lessons;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.AuditTrail;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/lessons")
@Validated
@Tag(name = "Lessons", description = "Lessons with their topic, homework, grades and absences")
class LessonController {

    static final String KEY_PATTERN = "[A-Za-z0-9_-]{8,64}";
    private final LessonBook book;
    private final AuditTrail audit;

    LessonController(LessonBook book, AuditTrail audit) {
        this.book = book;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Enter a whole lesson: topic, homework, every grade and absence",
            description = "All or nothing. Resending with the same Idempotency-Key changes nothing and answers 200. "
                    + "Publishes journal.lesson.recorded.v1, journal.grade.recorded.v1, journal.absence.recorded.v1. "
                    + "The teacher named on it (assigned to the subject in the class on that date), a substitute the "
                    + "class's timetable names for that lesson, or the school's administrator.")
    ResponseEntity<LessonView> submit(
            @Parameter(description = "A new random key per lesson entry, kept for retries")
            @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = "8-64 letters, digits, _ or -") String key,
            @Valid @RequestBody LessonRequests.SubmitLesson request, Caller caller) {
        LessonBook.Result result = book.submit(request, key, caller);
        LessonView view = changed(caller, result.lesson());
        return result.created() ? ResponseEntity.created(URI.create("/api/v1/lessons/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a lesson's content",
            description = "Changed grades and absences become corrections (old values kept), missing ones are withdrawn. "
                    + "Class, subject, teacher, date and lesson number cannot change. Idempotent by Idempotency-Key. "
                    + "Its teacher (still assigned on its date), its recorded substitute, or the school's "
                    + "administrator.")
    LessonView replace(@PathVariable String id,
            @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY_PATTERN, message = "8-64 letters, digits, _ or -") String key,
            @Valid @RequestBody LessonRequests.SubmitLesson request, Caller caller) {
        return changed(caller, book.replace(id, request, key, caller).lesson());
    }

    @PutMapping("/{id}/grades/{gradeId}")
    @Operation(summary = "Correct one grade", description = "gradeId is studentId:KIND. Publishes "
            + "journal.grade.corrected.v1. As for replacing the lesson.")
    LessonView correctGrade(@PathVariable String id, @PathVariable @Size(max = 100) String gradeId,
            @Valid @RequestBody LessonRequests.CorrectGrade request, Caller caller) {
        return changed(caller, book.correctGrade(id, gradeId, request, caller));
    }

    @DeleteMapping("/{id}/grades/{gradeId}")
    @Operation(summary = "Withdraw one grade (a correction to none; it stays in the history)",
            description = "Publishes journal.grade.withdrawn.v1. As for replacing the lesson.")
    LessonView withdrawGrade(@PathVariable String id, @PathVariable @Size(max = 100) String gradeId,
            @RequestParam(required = false) @Size(max = 500) String reason, Caller caller) {
        return changed(caller, book.withdrawGrade(id, gradeId, reason, caller));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Mark a lesson as not held", description = "Its grades and absences are withdrawn. "
            + "Publishes journal.lesson.cancelled.v1. As for replacing the lesson.")
    LessonView cancel(@PathVariable String id, @Valid @RequestBody LessonRequests.Reason request, Caller caller) {
        return changed(caller, book.cancel(id, request.reason(), caller));
    }

    @GetMapping
    @Operation(summary = "Lessons of a class in a date range, by date and number",
            description = "A teacher of the class during the range (any subject; the class teacher) or the school's "
                    + "administrator")
    PageResponse<LessonView> list(@RequestParam @Size(max = 64) String classId, @RequestParam LocalDate from,
            @RequestParam LocalDate to, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size, Caller caller) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Page<Lesson> lessons = book.ofClass(classId, from, to, PageRequest.of(page, size,
                Sort.by("date", "lessonNumber")), caller);
        Set<String> students = new TreeSet<>();
        String schoolId = null;
        for (Lesson lesson : lessons) {
            students.addAll(LessonBook.studentsOf(lesson));
            schoolId = lesson.schoolId();
        }
        if (schoolId != null) {
            audit.read(caller, schoolId, students);
        }
        return PageResponse.of(lessons, LessonView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lesson with its grades and absences",
            description = "A teacher of the class on its date, its own teachers, or the school's administrator")
    LessonView get(@PathVariable String id, Caller caller) {
        Lesson lesson = book.read(id, caller);
        audit.read(caller, lesson.schoolId(), LessonBook.studentsOf(lesson));
        return LessonView.of(lesson);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every version of the lesson's record, grades and absences, with who changed what when",
            description = "As for reading the lesson")
    History history(@PathVariable String id, Caller caller) {
        Lesson lesson = book.read(id, caller);
        audit.read(caller, lesson.schoolId(), LessonBook.studentsOf(lesson));
        return History.of(lesson);
    }

    private LessonView changed(Caller caller, Lesson lesson) {
        audit.changed(caller, lesson.schoolId(), LessonBook.studentsOf(lesson));
        return LessonView.of(lesson);
    }

    record LessonView(String id, String classId, String schoolId, String subjectId, String teacherId,
            String substituteTeacherId, LocalDate date, Integer lessonNumber, String group, LessonKind kind,
            Lesson.Status status, String topic, Content.Homework homework, int version, Instant enteredAt,
            Instant changedAt, String changedBy, List<GradeView> grades, List<AbsenceView> absences) {

        static LessonView of(Lesson l) {
            Content c = l.content();
            return new LessonView(l.id(), l.classId(), l.schoolId(), l.subjectId(), l.teacherId(),
                    c.substituteTeacherId(), l.date(), l.lessonNumber(), l.group(), l.kind(), l.status(), c.topic(),
                    c.homework(), l.revision(), l.enteredAt(), l.changedAt(), l.changedBy(),
                    l.grades().stream().filter(GradeEntry::active).map(GradeView::of).toList(),
                    l.absences().stream().filter(AbsenceEntry::active).map(AbsenceView::of).toList());
        }
    }

    record GradeView(String gradeId, String studentId, String value, String scale, double weight, GradeKind kind,
            String comment, int version, Instant enteredAt, String enteredBy) {

        static GradeView of(GradeEntry g) {
            return new GradeView(g.gradeId(), g.studentId(), g.state().value(), g.state().scale(), g.state().weight(),
                    g.state().kind(), g.state().comment(), g.version(), g.enteredAt(), g.enteredBy());
        }
    }

    record AbsenceView(String studentId, AbsenceReason reason, String code, int version, Instant enteredAt) {

        static AbsenceView of(AbsenceEntry a) {
            return new AbsenceView(a.studentId(), a.reason(), a.reason().code, a.version(), a.enteredAt());
        }
    }

    /** One version of an entry: what it was, from when, set by whom, and why it was changed. */
    record Version(int version, boolean active, Object state, Instant since, String by, String changeReason) {
    }

    record EntryHistory(String id, String studentId, List<Version> versions) {
    }

    record History(String lessonId, List<Version> lesson, List<EntryHistory> grades, List<EntryHistory> absences) {

        static History of(Lesson l) {
            List<Version> lesson = new ArrayList<>();
            List<Lesson.Revision> revisions = l.history();
            for (int i = 0; i < revisions.size(); i++) {
                Lesson.Revision r = revisions.get(i);
                lesson.add(new Version(r.version(), true, r.state(), r.changedAt(), r.changedBy(), r.reason()));
            }
            lesson.add(new Version(l.revision(), l.status() == Lesson.Status.CONDUCTED, l.content().lessonPart(),
                    l.changedAt(), l.changedBy(), null));
            List<EntryHistory> grades = l.grades().stream().map(g -> {
                List<Version> versions = new ArrayList<>();
                g.corrections().forEach(c -> versions.add(new Version(c.version(), c.active(), c.state(), c.since(),
                        c.by(), c.reason())));
                versions.add(new Version(g.version(), g.active(), g.state(), g.changedAt(), g.changedBy(), null));
                return new EntryHistory(g.gradeId(), g.studentId(), versions);
            }).toList();
            List<EntryHistory> absences = l.absences().stream().map(a -> {
                List<Version> versions = new ArrayList<>();
                a.corrections().forEach(c -> versions.add(new Version(c.version(), c.active(), c.reason(), c.since(),
                        c.by(), c.why())));
                versions.add(new Version(a.version(), a.active(), a.reason(), a.changedAt(), a.changedBy(), null));
                return new EntryHistory(a.absenceId(), a.studentId(), versions);
            }).toList();
            return new History(l.id(), lesson, grades, absences);
        }
    }
}
