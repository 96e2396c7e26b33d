package ru.eshkola.journal.timetable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.staff.StaffRegistry;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;

/** Timetables of classes; every slot's teacher must teach its subject in the class. */
@Service
public class TimetableBook {

    private final Timetables timetables;
    private final ClassRoster classes;
    private final SubjectCatalog subjects;
    private final StaffRegistry staff;
    private final Clock clock;

    TimetableBook(Timetables timetables, ClassRoster classes, SubjectCatalog subjects, StaffRegistry staff,
            Clock clock) {
        this.timetables = timetables;
        this.classes = classes;
        this.subjects = subjects;
        this.staff = staff;
        this.clock = clock;
    }

    public record SlotRequest(@Min(1) @Max(7) int weekday, @Min(0) @Max(12) int lessonNumber,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = TimetableController.TIME, message = "must be HH:MM") String startTime,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = TimetableController.TIME, message = "must be HH:MM") String endTime,
            @NotBlank @Size(max = 64) String subjectId, @NotBlank @Size(max = 64) String teacherId,
            @Size(max = 20) String room, @Size(max = 40) String group, @NotNull LocalDate validFrom,
            LocalDate validTo) {
    }

    public Timetable setSlots(String classId, List<SlotRequest> requested, String actor) {
        ClassRoster.ClassInfo schoolClass = classes.find(classId)
                .orElseThrow(() -> ProblemException.notFound("class", classId));
        List<FieldProblem> problems = new ArrayList<>();
        List<Timetable.Slot> slots = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            SlotRequest r = requested.get(i);
            String field = "slots[" + i + "]";
            checkLesson(field, schoolClass, r.subjectId(), r.teacherId(), r.validFrom(), r.startTime(), r.endTime(),
                    problems);
            if (r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
                problems.add(new FieldProblem(field + ".validTo", "must not be before validFrom"));
            }
            Timetable.Slot slot = new Timetable.Slot(r.weekday(), r.lessonNumber(), r.startTime(), r.endTime(),
                    r.subjectId(), r.teacherId(), blankToNull(r.room()), blankToNull(r.group()), r.validFrom(),
                    r.validTo());
            for (int j = 0; j < slots.size(); j++) {
                if (slots.get(j).overlaps(slot)) {
                    problems.add(new FieldProblem(field, "overlaps slots[" + j + "]: same weekday, lesson number and "
                            + "group at the same time"));
                }
            }
            slots.add(slot);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Timetable timetable = timetable(schoolClass);
        return timetable.setSlots(slots, clock.instant(), actor) ? timetables.save(timetable) : timetable;
    }

    Timetable change(String classId, TimetableController.ChangeRequest r, String actor) {
        ClassRoster.ClassInfo schoolClass = classes.find(classId)
                .orElseThrow(() -> ProblemException.notFound("class", classId));
        List<FieldProblem> problems = new ArrayList<>();
        if (r.kind() != Timetable.Change.Kind.CANCELLED) {
            if (r.subjectId() == null || r.teacherId() == null || r.startTime() == null || r.endTime() == null) {
                problems.add(new FieldProblem("kind", r.kind() + " needs subjectId, teacherId, startTime and endTime"));
            } else {
                checkLesson("", schoolClass, r.subjectId(), r.teacherId(), r.date(), r.startTime(), r.endTime(),
                        problems);
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Timetable timetable = timetable(schoolClass);
        Timetable.Change change = new Timetable.Change(r.date(), r.lessonNumber(), r.kind(), r.subjectId(),
                r.teacherId(), blankToNull(r.room()), r.startTime(), r.endTime(), blankToNull(r.group()),
                blankToNull(r.note()));
        return timetable.change(change, clock.instant(), actor) ? timetables.save(timetable) : timetable;
    }

    Timetable get(String classId) {
        return timetables.findById(classId).orElseThrow(() -> ProblemException.notFound("timetable of class", classId));
    }

    /**
     * Whether the class's timetable, with its one-off changes, has this teacher on that lesson of the date: how a
     * substitution is recorded before the substitute enters the lesson.
     */
    public boolean hasTeacherOn(String classId, LocalDate date, Integer lessonNumber, String teacherId) {
        return lessonNumber != null && teacherId != null && lessonsOn(classId, date).stream()
                .anyMatch(s -> s.lessonNumber() == lessonNumber && teacherId.equals(s.teacherId()));
    }

    /** The lessons a class has on a date by its timetable, if it has one. */
    List<Timetable.Slot> lessonsOn(String classId, LocalDate date) {
        return timetables.findById(classId).map(t -> t.lessonsOn(date)).orElse(List.of());
    }

    private Timetable timetable(ClassRoster.ClassInfo schoolClass) {
        Optional<Timetable> existing = timetables.findById(schoolClass.id());
        return existing.orElseGet(() -> new Timetable(schoolClass.id(), schoolClass.schoolId(),
                schoolClass.schoolYear()));
    }

    private void checkLesson(String field, ClassRoster.ClassInfo schoolClass, String subjectId, String teacherId,
            LocalDate date, String start, String end, List<FieldProblem> problems) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (subjects.find(subjectId).isEmpty()) {
            problems.add(new FieldProblem(prefix + "subjectId", "no subject " + subjectId));
        } else if (!schoolClass.isAssigned(subjectId, teacherId, date)) {
            boolean teacherOfSchool = staff.find(teacherId).map(t -> t.schoolId().equals(schoolClass.schoolId())
                    && t.teacher()).orElse(false);
            if (!teacherOfSchool) {
                problems.add(new FieldProblem(prefix + "teacherId", "is not a teacher of the school"));
            } else if (!field.isEmpty()) {
                // a weekly slot must follow the assignments; a one-off replacement may bring in any teacher
                problems.add(new FieldProblem(prefix + "teacherId", "is not assigned to this subject in "
                        + schoolClass.name() + " on " + date));
            }
        }
        if (start.compareTo(end) >= 0) {
            problems.add(new FieldProblem(prefix + "endTime", "must be after startTime"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
