package ru.eshkola.journal.lessons;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.AuditTrail;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;

/**
 * The page of the class journal a teacher works on: one class and subject over a date range, students as rows,
 * lessons as columns, grades and absences in the cells, the weighted average at the end of each row.
 */
@RestController
@Validated
@Tag(name = "Journal page")
class JournalPage {

    static final int MAX_DAYS = 200;
    private final LessonBook book;
    private final ClassRoster classes;
    private final SubjectCatalog subjects;
    private final StudentRegistry students;
    private final JournalAccess access;
    private final AuditTrail audit;

    JournalPage(LessonBook book, ClassRoster classes, SubjectCatalog subjects, StudentRegistry students,
            JournalAccess access, AuditTrail audit) {
        this.book = book;
        this.classes = classes;
        this.subjects = subjects;
        this.students = students;
        this.access = access;
        this.audit = audit;
    }

    record Page(String classId, String className, String subjectId, String subjectName, LocalDate from, LocalDate to,
            List<Column> lessons, List<Row> students) {
    }

    record Column(String lessonId, LocalDate date, Integer lessonNumber, LessonKind kind, Lesson.Status status,
            String topic, Content.Homework homework) {
    }

    record Row(String studentId, String lastName, String firstName, List<Cell> cells, Double average) {
    }

    record Cell(String lessonId, List<Mark> grades, String absence) {
    }

    record Mark(String gradeId, String value, GradeKind kind, double weight, String comment) {
    }

    @GetMapping("/api/v1/journal")
    @Operation(summary = "A page of the class journal: one class and subject, students × lessons, in one call",
            description = "A teacher of the class during the range (any subject they teach in it; the class teacher) "
                    + "or the school's administrator")
    Page page(@RequestParam @Size(max = 64) String classId, @RequestParam @Size(max = 64) String subjectId,
            @RequestParam LocalDate from, @RequestParam LocalDate to, Caller caller) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw ProblemException.invalid("to", "a page spans at most " + MAX_DAYS + " days");
        }
        ClassRoster.ClassInfo schoolClass = classes.find(classId)
                .orElseThrow(() -> ProblemException.notFound("class", classId));
        List<String> ids = schoolClass.studentsBetween(from, to);
        access.requireClassJournalRead(caller, schoolClass.scope(), from, to, ids);
        SubjectCatalog.SubjectInfo subject = subjects.find(subjectId)
                .orElseThrow(() -> ProblemException.notFound("subject", subjectId));
        List<Lesson> lessons = book.forJournal(classId, subjectId, from, to).stream()
                .sorted(Comparator.comparing(Lesson::date).thenComparing(l -> l.lessonNumber() == null ? 99
                        : l.lessonNumber()))
                .toList();
        Map<String, StudentRegistry.StudentInfo> names = students.findAll(ids);
        List<Row> rows = new ArrayList<>();
        for (String studentId : ids) {
            StudentRegistry.StudentInfo student = names.get(studentId);
            if (student == null) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            double weighted = 0;
            double weights = 0;
            for (Lesson lesson : lessons) {
                List<Mark> marks = new ArrayList<>();
                for (GradeEntry g : lesson.grades()) {
                    if (g.active() && g.studentId().equals(studentId)) {
                        marks.add(new Mark(g.gradeId(), g.state().value(), g.state().kind(), g.state().weight(),
                                g.state().comment()));
                        if (g.state().numeric() != null) {
                            weighted += g.state().numeric() * g.state().weight();
                            weights += g.state().weight();
                        }
                    }
                }
                String absence = lesson.absences().stream()
                        .filter(a -> a.active() && a.studentId().equals(studentId))
                        .map(a -> a.reason().code).findFirst().orElse(null);
                cells.add(new Cell(lesson.id(), marks, absence));
            }
            rows.add(new Row(studentId, student.lastName(), student.firstName(), cells,
                    weights == 0 ? null : Math.round(weighted / weights * 100) / 100.0));
        }
        rows.sort(Comparator.comparing(Row::lastName).thenComparing(Row::firstName));
        audit.read(caller, schoolClass.schoolId(), rows.stream().map(Row::studentId).toList());
        Map<String, Column> columns = new LinkedHashMap<>();
        lessons.forEach(l -> columns.put(l.id(), new Column(l.id(), l.date(), l.lessonNumber(), l.kind(), l.status(),
                l.content().topic(), l.content().homework())));
        return new Page(classId, schoolClass.name(), subjectId, subject.name(), from, to,
                List.copyOf(columns.values()), rows);
    }
}
