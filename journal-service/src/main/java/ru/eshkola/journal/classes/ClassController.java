package ru.eshkola.journal.classes;

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
import ru.eshkola.kit.web.CurrentActor;

@RestController
@RequestMapping("/api/v1/classes")
@Validated
@Tag(name = "Classes", description = "Classes, enrolments of students and teaching assignments")
class ClassController {

    private final ClassRoster roster;
    private final StudentRegistry students;

    ClassController(ClassRoster roster, StudentRegistry students) {
        this.roster = roster;
        this.students = students;
    }


    record Enrol(@NotBlank @Size(max = 64) String studentId, @NotNull LocalDate from) {
    }

    record EndEnrolment(@NotNull LocalDate to, @NotNull SchoolClass.EndReason reason) {
    }


    record EndAssignment(@NotBlank @Size(max = 64) String subjectId, @NotBlank @Size(max = 64) String teacherId,
            @Size(max = 40) String group, @NotNull LocalDate to) {
    }

    record ClassView(String id, String schoolId, String schoolYear, int gradeLevel, String letter, String name,
            String classTeacherId, int version, List<SchoolClass.Enrolment> enrolments,
            List<SchoolClass.Assignment> assignments) {

        static ClassView of(SchoolClass c) {
            return new ClassView(c.id(), c.schoolId(), c.schoolYear(), c.gradeLevel(), c.letter(), c.name(),
                    c.classTeacherId(), c.revision(), c.enrolments(), c.assignments());
        }
    }

    record RosterEntry(String studentId, String lastName, String firstName, String middleName, LocalDate from,
            LocalDate to) {
    }

    @PostMapping
    @Operation(summary = "Open a class, or change its class teacher",
            description = "Idempotent by school, year, grade and letter; publishes journal.class.opened.v1 / updated.v1")
    ResponseEntity<ClassView> open(@Valid @RequestBody ClassRoster.OpenClass request, @CurrentActor String actor) {
        ClassRoster.Saved saved = roster.open(request, actor);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ClassView.of(saved.schoolClass()));
    }

    @GetMapping("/{classId}")
    ClassView get(@PathVariable String classId) {
        return ClassView.of(roster.get(classId));
    }

    @GetMapping
    @Operation(summary = "The classes of a school in a school year")
    List<ClassView> list(@RequestParam String schoolId,
            @RequestParam @Pattern(regexp = "\\d{4}/\\d{4}", message = "must look like 2026/2027") String schoolYear) {
        return roster.of(schoolId, schoolYear).stream().map(ClassView::of).toList();
    }

    @PostMapping("/{classId}/enrolments")
    @Operation(summary = "Enrol a student from a date", description = "Publishes journal.enrolment.started.v1")
    ClassView enrol(@PathVariable String classId, @Valid @RequestBody Enrol request, @CurrentActor String actor) {
        return ClassView.of(roster.enrol(classId, request.studentId(), request.from(), actor).schoolClass());
    }

    @PostMapping("/{classId}/enrolments/{studentId}/end")
    @Operation(summary = "End a student's enrolment after a date", description = "Publishes journal.enrolment.ended.v1")
    ClassView endEnrolment(@PathVariable String classId, @PathVariable String studentId,
            @Valid @RequestBody EndEnrolment request, @CurrentActor String actor) {
        return ClassView.of(roster.endEnrolment(classId, studentId, request.to(), request.reason(), actor)
                .schoolClass());
    }

    @PostMapping("/{classId}/assignments")
    @Operation(summary = "Assign a teacher to a subject in the class", description = "Publishes journal.assignment.started.v1")
    ClassView assign(@PathVariable String classId, @Valid @RequestBody ClassRoster.Assign request,
            @CurrentActor String actor) {
        return ClassView.of(roster.assign(classId, request, actor).schoolClass());
    }

    @PostMapping("/{classId}/assignments/end")
    @Operation(summary = "End a teaching assignment after a date", description = "Publishes journal.assignment.ended.v1")
    ClassView endAssignment(@PathVariable String classId, @Valid @RequestBody EndAssignment request,
            @CurrentActor String actor) {
        return ClassView.of(roster.endAssignment(classId, request, actor).schoolClass());
    }

    @GetMapping("/{classId}/students")
    @Operation(summary = "The students of the class on a date (today by default), by name")
    List<RosterEntry> students(@PathVariable String classId, @RequestParam(required = false) LocalDate date) {
        SchoolClass schoolClass = roster.get(classId);
        LocalDate on = date != null ? date : LocalDate.now();
        List<SchoolClass.Enrolment> enrolled = schoolClass.enrolments().stream().filter(e -> e.covers(on)).toList();
        var names = students.findAll(enrolled.stream().map(SchoolClass.Enrolment::studentId).toList());
        return enrolled.stream().filter(e -> names.containsKey(e.studentId())).map(e -> {
            var s = names.get(e.studentId());
            return new RosterEntry(s.id(), s.lastName(), s.firstName(), s.middleName(), e.from(), e.to());
        }).sorted(Comparator.comparing(RosterEntry::lastName).thenComparing(RosterEntry::firstName)).toList();
    }
}
