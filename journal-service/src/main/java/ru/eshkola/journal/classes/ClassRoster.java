package ru.eshkola.journal.classes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.access.ClassScope;
import ru.eshkola.journal.access.JournalDirectory;
import ru.eshkola.journal.access.Placement;
import ru.eshkola.journal.schools.SchoolRegistry;
import ru.eshkola.journal.staff.StaffRegistry;
import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** Classes and their rosters: who learns in which class, who teaches what in it, and when. */
@Service
public class ClassRoster implements JournalDirectory.Classes {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})/(\\d{4})");

    private final Classes classes;
    private final SchoolRegistry schools;
    private final StaffRegistry staff;
    private final StudentRegistry students;
    private final SubjectCatalog subjects;
    private final Clock clock;

    ClassRoster(Classes classes, SchoolRegistry schools, StaffRegistry staff, StudentRegistry students,
            SubjectCatalog subjects, Clock clock) {
        this.classes = classes;
        this.schools = schools;
        this.staff = staff;
        this.students = students;
        this.subjects = subjects;
        this.clock = clock;
    }

    public static String classId(String schoolId, String schoolYear, int gradeLevel, String letter) {
        return EventIds.fromKey("class", schoolId, schoolYear, gradeLevel + letter);
    }

    /** A class as other features see it: its roster, and the checks lessons make against it. */
    public record ClassInfo(String id, String schoolId, String schoolYear, String name, int gradeLevel,
            String classTeacherId, List<SchoolClass.Enrolment> enrolments, List<SchoolClass.Assignment> assignments) {

        /** The class as the access rules see it. */
        public ClassScope scope() {
            return new ClassScope(id, schoolId, classTeacherId, assignments.stream().map(a -> new ClassScope.Teaching(
                    a.subjectId(), a.teacherId(), a.from(), a.to())).toList());
        }

        public boolean isEnrolled(String studentId, LocalDate date) {
            return enrolments.stream().anyMatch(e -> e.studentId().equals(studentId) && e.covers(date));
        }

        /** Whether the teacher teaches the subject in this class on the date (to any subgroup). */
        public boolean isAssigned(String subjectId, String teacherId, LocalDate date) {
            return assignments.stream().anyMatch(a -> a.subjectId().equals(subjectId)
                    && a.teacherId().equals(teacherId) && a.covers(date));
        }

        /** Ids of the students enrolled on any day of the range, in enrolment order. */
        public List<String> studentsBetween(LocalDate from, LocalDate to) {
            return enrolments.stream().filter(e -> e.overlaps(from, to)).map(SchoolClass.Enrolment::studentId)
                    .distinct().toList();
        }

        public List<String> teachersOf(String subjectId, LocalDate date) {
            return assignments.stream().filter(a -> a.subjectId().equals(subjectId) && a.covers(date))
                    .map(SchoolClass.Assignment::teacherId).distinct().toList();
        }
    }

    public record OpenClass(@NotBlank @Size(max = 64) String schoolId,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "\\d{4}/\\d{4}", message = "must look like 2026/2027") String schoolYear,
            @Min(1) @Max(11) int gradeLevel,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[А-ЯЁа-яёA-Za-z]{1,2}", message = "one or two letters, e.g. Б") String letter,
            @Size(max = 64) String classTeacherId) {
    }

    public record Assign(@NotBlank @Size(max = 64) String subjectId, @NotBlank @Size(max = 64) String teacherId,
            @Size(max = 40) String group, @NotNull LocalDate from) {
    }

    public record Saved(SchoolClass schoolClass, boolean created, boolean changed) {
    }

    public Saved open(OpenClass request, String actor) {
        var m = YEAR.matcher(request.schoolYear());
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw ProblemException.invalid("schoolYear", "must be two consecutive years, e.g. 2026/2027");
        }
        schools.require("schoolId", request.schoolId());
        if (request.classTeacherId() != null) {
            requireStaffOf("classTeacherId", request.classTeacherId(), request.schoolId(), false);
        }
        String letter = request.letter().strip().toUpperCase();
        String id = classId(request.schoolId(), request.schoolYear(), request.gradeLevel(), letter);
        Optional<SchoolClass> existing = classes.findById(id);
        SchoolClass schoolClass = existing.orElseGet(() -> new SchoolClass(id, request.schoolId(),
                request.schoolYear(), request.gradeLevel(), letter));
        boolean changed = schoolClass.setClassTeacher(request.classTeacherId(), clock.instant(), actor);
        return new Saved(changed ? classes.save(schoolClass) : schoolClass, existing.isEmpty(), changed);
    }

    public Saved enrol(String classId, String studentId, LocalDate from, String actor) {
        SchoolClass schoolClass = get(classId);
        if (students.find(studentId).isEmpty()) {
            throw ProblemException.invalid("studentId", "no student " + studentId);
        }
        for (SchoolClass other : classes.findByEnrolmentsStudentId(studentId)) {
            if (other.id().equals(classId)) {
                continue;
            }
            other.enrolments().stream().filter(e -> e.studentId().equals(studentId))
                    .filter(e -> e.to() == null || !e.to().isBefore(from)).findFirst().ifPresent(e -> {
                        throw ProblemException.conflict("student-in-another-class", "student " + studentId
                                + " is enrolled in " + other.name() + " of school " + other.schoolId() + " from "
                                + e.from() + (e.to() == null ? "" : " to " + e.to())
                                + "; end that enrolment first");
                    });
        }
        return apply(schoolClass, () -> schoolClass.enrol(studentId, from, clock.instant(), actor));
    }

    Saved endEnrolment(String classId, String studentId, LocalDate to, SchoolClass.EndReason reason, String actor) {
        SchoolClass schoolClass = get(classId);
        return apply(schoolClass, () -> schoolClass.endEnrolment(studentId, to, reason, clock.instant(), actor));
    }

    public Saved assign(String classId, Assign request, String actor) {
        SchoolClass schoolClass = get(classId);
        subjects.require("subjectId", request.subjectId());
        requireStaffOf("teacherId", request.teacherId(), schoolClass.schoolId(), true);
        return apply(schoolClass, () -> schoolClass.assign(request.subjectId(), request.teacherId(),
                blankToNull(request.group()), request.from(), clock.instant(), actor));
    }

    Saved endAssignment(String classId, ClassController.EndAssignment request, String actor) {
        SchoolClass schoolClass = get(classId);
        return apply(schoolClass, () -> schoolClass.endAssignment(request.subjectId(), request.teacherId(),
                blankToNull(request.group()), request.to(), clock.instant(), actor));
    }

    private Saved apply(SchoolClass schoolClass, java.util.function.BooleanSupplier change) {
        boolean changed;
        try {
            changed = change.getAsBoolean();
        } catch (SchoolClass.RosterConflict conflict) {
            throw ProblemException.conflict("roster-conflict", conflict.getMessage());
        }
        return new Saved(changed ? classes.save(schoolClass) : schoolClass, false, changed);
    }

    private void requireStaffOf(String field, String staffId, String schoolId, boolean teacher) {
        StaffRegistry.StaffInfo member = staff.find(staffId)
                .orElseThrow(() -> ProblemException.invalid(field, "no staff member " + staffId));
        if (!member.schoolId().equals(schoolId)) {
            throw ProblemException.invalid(field, "staff member " + staffId + " does not work at school " + schoolId);
        }
        if (teacher && !member.teacher()) {
            throw ProblemException.invalid(field, "staff member " + staffId + " is not a teacher");
        }
    }

    SchoolClass get(String classId) {
        return classes.findById(classId).orElseThrow(() -> ProblemException.notFound("class", classId));
    }

    public Optional<ClassInfo> find(String classId) {
        return classes.findById(classId).map(ClassRoster::info);
    }

    public ClassInfo require(String field, String classId) {
        return find(classId).orElseThrow(() -> ProblemException.invalid(field, "no class " + classId));
    }

    List<SchoolClass> of(String schoolId, String schoolYear) {
        return classes.findBySchoolIdAndSchoolYear(schoolId, schoolYear).stream()
                .sorted(Comparator.comparingInt(SchoolClass::gradeLevel).thenComparing(SchoolClass::letter)).toList();
    }

    static ClassInfo info(SchoolClass c) {
        return new ClassInfo(c.id(), c.schoolId(), c.schoolYear(), c.name(), c.gradeLevel(), c.classTeacherId(),
                c.enrolments(), c.assignments());
    }

    @Override
    public Optional<ClassScope> classScope(String classId) {
        return find(classId).map(ClassInfo::scope);
    }

    @Override
    public List<Placement> placementsOf(String studentId) {
        return classes.findByEnrolmentsStudentId(studentId).stream().flatMap(c -> c.enrolments().stream()
                .filter(e -> e.studentId().equals(studentId))
                .map(e -> new Placement(c.id(), c.schoolId(), e.from(), e.to()))).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
