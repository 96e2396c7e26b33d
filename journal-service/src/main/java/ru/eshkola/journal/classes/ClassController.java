package ru.eshkola.journal.classes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.journal.access.AuditTrail;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/classes")
@Validated
@Tag(name = "Classes", description = "Classes, enrolments of students and teaching assignments")
class ClassController {

    private final ClassRoster roster;
    private final StudentRegistry students;
    private final JournalAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    ClassController(ClassRoster roster, StudentRegistry students, JournalAccess access, AuditTrail audit,
            Clock clock) {
        this.roster = roster;
        this.students = students;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    record Enrol(@NotBlank @Size(max = 64) String studentId, @NotNull LocalDate from) {
    }

    record EndEnrolment(@NotNull LocalDate to, @NotNull SchoolClass.EndReason reason) {
    }


    record EndAssignment(@NotBlank @Size(max = 64) String subjectId, @NotBlank @Size(max = 64) String teacherId,
            @Size(max = 40) String group, @NotNull LocalDate to) {
    }

    /** @param enrolments which students are in the class: children's data, null (not shown) for operators */
    record ClassView(String id, String schoolId, String schoolYear, int gradeLevel, String letter, String name,
            String classTeacherId, int version, List<SchoolClass.Enrolment> enrolments,
            List<SchoolClass.Assignment> assignments) {

        static ClassView of(SchoolClass c) {
            return of(c, true);
        }

        static ClassView of(SchoolClass c, boolean withStudents) {
            return new ClassView(c.id(), c.schoolId(), c.schoolYear(), c.gradeLevel(), c.letter(), c.name(),
                    c.classTeacherId(), c.revision(), withStudents ? c.enrolments() : null, c.assignments());
        }
    }

    record RosterEntry(String studentId, String lastName, String firstName, String middleName, LocalDate from,
            LocalDate to) {
    }

    @PostMapping
    @Operation(summary = "Open a class, or change its class teacher",
            description = "The school's administrator. Idempotent by school, year, grade and letter; publishes "
                    + "journal.class.opened.v1 / updated.v1")
    ResponseEntity<ClassView> open(@Valid @RequestBody ClassRoster.OpenClass request, Caller caller) {
        access.requireSchoolAdministration(caller, request.schoolId());
        ClassRoster.Saved saved = roster.open(request, caller.accountId());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ClassView.of(saved.schoolClass()));
    }

    @GetMapping("/{classId}")
    @Operation(summary = "One class with its enrolments and assignments",
            description = "The school's staff and the operators of its territory (operators: without enrolments)")
    ClassView get(@PathVariable String classId, Caller caller) {
        SchoolClass schoolClass = roster.get(classId);
        access.requireSchoolRead(caller, schoolClass.schoolId());
        return ClassView.of(schoolClass, access.seesStudentsOf(caller, schoolClass.schoolId()));
    }

    @GetMapping
    @Operation(summary = "The classes of a school in a school year",
            description = "The school's staff and the operators of its territory (operators: without enrolments)")
    List<ClassView> list(@RequestParam @Size(max = 64) String schoolId,
            @RequestParam @Pattern(regexp = "\\d{4}/\\d{4}", message = "must look like 2026/2027") String schoolYear,
            Caller caller) {
        access.requireSchoolRead(caller, schoolId);
        boolean withStudents = access.seesStudentsOf(caller, schoolId);
        return roster.of(schoolId, schoolYear).stream().map(c -> ClassView.of(c, withStudents)).toList();
    }

    @PostMapping("/{classId}/enrolments")
    @Operation(summary = "Enrol a student from a date",
            description = "The school's administrator. Publishes journal.enrolment.started.v1")
    ClassView enrol(@PathVariable String classId, @Valid @RequestBody Enrol request, Caller caller) {
        String schoolId = administered(classId, caller);
        ClassView view = ClassView.of(roster.enrol(classId, request.studentId(), request.from(), caller.accountId())
                .schoolClass());
        audit.changed(caller, schoolId, List.of(request.studentId()));
        return view;
    }

    @PostMapping("/{classId}/enrolments/{studentId}/end")
    @Operation(summary = "End a student's enrolment after a date",
            description = "The school's administrator. Publishes journal.enrolment.ended.v1")
    ClassView endEnrolment(@PathVariable String classId, @PathVariable String studentId,
            @Valid @RequestBody EndEnrolment request, Caller caller) {
        String schoolId = administered(classId, caller);
        ClassView view = ClassView.of(roster.endEnrolment(classId, studentId, request.to(), request.reason(),
                caller.accountId()).schoolClass());
        audit.changed(caller, schoolId, List.of(studentId));
        return view;
    }

    @PostMapping("/{classId}/assignments")
    @Operation(summary = "Assign a teacher to a subject in the class",
            description = "The school's administrator. Publishes journal.assignment.started.v1")
    ClassView assign(@PathVariable String classId, @Valid @RequestBody ClassRoster.Assign request, Caller caller) {
        administered(classId, caller);
        return ClassView.of(roster.assign(classId, request, caller.accountId()).schoolClass());
    }

    @PostMapping("/{classId}/assignments/end")
    @Operation(summary = "End a teaching assignment after a date",
            description = "The school's administrator. Publishes journal.assignment.ended.v1")
    ClassView endAssignment(@PathVariable String classId, @Valid @RequestBody EndAssignment request,
            Caller caller) {
        administered(classId, caller);
        return ClassView.of(roster.endAssignment(classId, request, caller.accountId()).schoolClass());
    }

    @GetMapping("/{classId}/students")
    @Operation(summary = "The students of the class on a date (today by default), by name",
            description = "Children's data: the school's staff only")
    List<RosterEntry> students(@PathVariable String classId, @RequestParam(required = false) LocalDate date,
            Caller caller) {
        SchoolClass schoolClass = roster.get(classId);
        LocalDate on = date != null ? date : LocalDate.now(clock);
        List<SchoolClass.Enrolment> enrolled = schoolClass.enrolments().stream().filter(e -> e.covers(on)).toList();
        List<String> ids = enrolled.stream().map(SchoolClass.Enrolment::studentId).toList();
        access.requireClassList(caller, ClassRoster.info(schoolClass).scope(), ids);
        audit.read(caller, schoolClass.schoolId(), ids);
        var names = students.findAll(ids);
        return enrolled.stream().filter(e -> names.containsKey(e.studentId())).map(e -> {
            var s = names.get(e.studentId());
            return new RosterEntry(s.id(), s.lastName(), s.firstName(), s.middleName(), e.from(), e.to());
        }).sorted(Comparator.comparing(RosterEntry::lastName).thenComparing(RosterEntry::firstName)).toList();
    }

    /** The class's school, once the caller is found to administer it. */
    private String administered(String classId, Caller caller) {
        String schoolId = roster.get(classId).schoolId();
        access.requireSchoolAdministration(caller, schoolId);
        return schoolId;
    }
}
