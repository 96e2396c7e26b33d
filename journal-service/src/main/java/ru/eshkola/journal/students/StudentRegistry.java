package ru.eshkola.journal.students;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** The region's students. */
@Service
public class StudentRegistry {

    private final Students students;
    private final Clock clock;

    StudentRegistry(Students students, Clock clock) {
        this.students = students;
        this.clock = clock;
    }

    public static String studentId(String externalId) {
        return EventIds.fromKey("student", externalId);
    }

    /** What other features need of a student: the name as the journal page shows it. */
    public record StudentInfo(String id, String lastName, String firstName, String middleName, LocalDate birthDate) {

        public String displayName() {
            return lastName + " " + firstName;
        }

        /** Whether saving the record would change nothing of this student's data. */
        public boolean sameAs(StudentRecord record) {
            return lastName.equals(record.lastName().strip()) && firstName.equals(record.firstName().strip())
                    && java.util.Objects.equals(middleName, record.middleName() == null
                    || record.middleName().isBlank() ? null : record.middleName().strip())
                    && birthDate.equals(record.birthDate());
        }
    }

    public record StudentRecord(@NotBlank @Size(max = 100) String lastName, @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String middleName, @NotNull LocalDate birthDate) {
    }

    public record Saved(Student student, boolean created, boolean changed) {
    }

    public Saved save(String externalId, StudentRecord request) {
        if (request.birthDate().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("birthDate", "must not be in the future");
        }
        String id = studentId(externalId);
        Optional<Student> existing = students.findById(id);
        Student student = existing.orElseGet(() -> new Student(id, externalId));
        boolean changed = student.set(request.lastName().strip(), request.firstName().strip(),
                request.middleName() == null || request.middleName().isBlank() ? null : request.middleName().strip(),
                request.birthDate(), clock.instant());
        if (changed) {
            student = students.save(student);
        }
        return new Saved(student, existing.isEmpty(), changed);
    }

    public Optional<StudentInfo> find(String id) {
        return students.findById(id).map(StudentRegistry::info);
    }

    /** The students with these ids that exist, by id. */
    public Map<String, StudentInfo> findAll(Collection<String> ids) {
        return students.findAllById(ids).stream().map(StudentRegistry::info)
                .collect(Collectors.toMap(StudentInfo::id, Function.identity()));
    }

    Student get(String id) {
        return students.findById(id).orElseThrow(() -> ProblemException.notFound("student", id));
    }

    static StudentInfo info(Student s) {
        return new StudentInfo(s.id(), s.lastName(), s.firstName(), s.middleName(), s.birthDate());
    }

    static List<StudentInfo> infos(List<Student> list) {
        return list.stream().map(StudentRegistry::info).toList();
    }
}
