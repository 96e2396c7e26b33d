package ru.eshkola.journal.timetable;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/classes/{classId}/timetable")
@Validated
@Tag(name = "Timetable", description = "Weekly slots of a class and one-off changes")
class TimetableController {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private final TimetableBook book;
    private final ClassRoster classes;
    private final JournalAccess access;

    TimetableController(TimetableBook book, ClassRoster classes, JournalAccess access) {
        this.book = book;
        this.classes = classes;
        this.access = access;
    }

    record SetSlots(@NotNull @Size(max = 100) List<TimetableBook.@Valid @NotNull SlotRequest> slots) {
    }

    record ChangeRequest(@NotNull LocalDate date, @Min(0) @Max(12) int lessonNumber,
            @NotNull Timetable.Change.Kind kind, @Size(max = 64) String subjectId, @Size(max = 64) String teacherId,
            @Size(max = 20) String room, @Pattern(regexp = TIME, message = "must be HH:MM") String startTime,
            @Pattern(regexp = TIME, message = "must be HH:MM") String endTime, @Size(max = 40) String group,
            @Size(max = 300) String note) {
    }

    record TimetableView(String classId, String schoolId, int version, List<Timetable.Slot> slots,
            List<Timetable.Change> changes) {

        static TimetableView of(Timetable t) {
            return new TimetableView(t.id(), t.schoolId(), t.revision(), t.slots(), t.changes());
        }
    }

    @PutMapping
    @Operation(summary = "Set the weekly slots of the class",
            description = "The school's administrator. Publishes journal.timetable.changed.v1")
    TimetableView setSlots(@PathVariable String classId, @Valid @RequestBody SetSlots request, Caller caller) {
        access.requireSchoolAdministration(caller, schoolOf(classId));
        return TimetableView.of(book.setSlots(classId, request.slots(), caller.accountId()));
    }

    @PostMapping("/changes")
    @Operation(summary = "A one-off change: replaced, cancelled or added lesson on a date",
            description = "The school's administrator (a substitution is recorded here: the substitute may then enter "
                    + "that lesson). Publishes journal.timetable.changed.v1")
    TimetableView change(@PathVariable String classId, @Valid @RequestBody ChangeRequest request, Caller caller) {
        access.requireSchoolAdministration(caller, schoolOf(classId));
        return TimetableView.of(book.change(classId, request, caller.accountId()));
    }

    @GetMapping
    @Operation(summary = "The class's timetable", description = "The school's staff and the operators of its territory")
    TimetableView get(@PathVariable String classId, Caller caller) {
        Timetable timetable = book.get(classId);
        access.requireSchoolRead(caller, timetable.schoolId());
        return TimetableView.of(timetable);
    }

    @GetMapping("/day")
    @Operation(summary = "The lessons of the class on a date, changes applied",
            description = "The school's staff and the operators of its territory")
    List<Timetable.Slot> day(@PathVariable String classId, @RequestParam LocalDate date, Caller caller) {
        access.requireSchoolRead(caller, book.get(classId).schoolId());
        return book.lessonsOn(classId, date);
    }

    private String schoolOf(String classId) {
        return classes.find(classId).orElseThrow(() -> ProblemException.notFound("class", classId)).schoolId();
    }
}
