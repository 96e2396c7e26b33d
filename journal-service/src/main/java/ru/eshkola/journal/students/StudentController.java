package ru.eshkola.journal.students;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.AuditTrail;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/students")
@Validated
@Tag(name = "Students", description = "The region's students")
class StudentController {

    private final StudentRegistry registry;
    private final JournalAccess access;
    private final AuditTrail audit;

    StudentController(StudentRegistry registry, JournalAccess access, AuditTrail audit) {
        this.registry = registry;
        this.access = access;
        this.audit = audit;
    }

    record StudentView(String id, String externalId, String lastName, String firstName, String middleName,
            LocalDate birthDate, int version) {

        static StudentView of(Student s) {
            return new StudentView(s.id(), s.externalId(), s.lastName(), s.firstName(), s.middleName(),
                    s.birthDate(), s.revision());
        }
    }

    @PutMapping("/by-number/{externalId}")
    @Operation(summary = "Register or change a student by the number of their personal file",
            description = "A school administrator: a new student, or one whose file their school holds (current or "
                    + "latest enrolment). Idempotent; publishes journal.student.registered.v1 or "
                    + "journal.student.updated.v1 when it changes")
    ResponseEntity<StudentView> save(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "letters, digits, . _ - only") String externalId,
            @Valid @RequestBody StudentRegistry.StudentRecord request, Caller caller) {
        String studentId = StudentRegistry.studentId(externalId);
        access.requireStudentRecordChange(caller, studentId, registry.find(studentId).isPresent());
        StudentRegistry.Saved saved = registry.save(externalId, request);
        audit.changed(caller, access.schoolOf(studentId), List.of(studentId));
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(StudentView.of(saved.student()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A student's record", description = "Staff of a school where the student is enrolled")
    StudentView get(@PathVariable String id, Caller caller) {
        Student student = registry.get(id);
        access.requireStudentRead(caller, id);
        audit.read(caller, access.schoolOf(id), List.of(id));
        return StudentView.of(student);
    }
}
