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

import ru.eshkola.kit.web.CurrentActor;

@RestController
@RequestMapping("/api/v1/classes/{classId}/timetable")
@Validated
@Tag(name = "Timetable", description = "Weekly slots of a class and one-off changes")
class TimetableController {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    private final TimetableBook book;

    TimetableController(TimetableBook book) {
        this.book = book;
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
    @Operation(summary = "Set the weekly slots of the class", description = "Publishes journal.timetable.changed.v1")
    TimetableView setSlots(@PathVariable String classId, @Valid @RequestBody SetSlots request,
            @CurrentActor String actor) {
        return TimetableView.of(book.setSlots(classId, request.slots(), actor));
    }

    @PostMapping("/changes")
    @Operation(summary = "A one-off change: replaced, cancelled or added lesson on a date",
            description = "Publishes journal.timetable.changed.v1")
    TimetableView change(@PathVariable String classId, @Valid @RequestBody ChangeRequest request,
            @CurrentActor String actor) {
        return TimetableView.of(book.change(classId, request, actor));
    }

    @GetMapping
    TimetableView get(@PathVariable String classId) {
        return TimetableView.of(book.get(classId));
    }

    @GetMapping("/day")
    @Operation(summary = "The lessons of the class on a date, changes applied")
    List<Timetable.Slot> day(@PathVariable String classId, @RequestParam LocalDate date) {
        book.get(classId);
        return book.lessonsOn(classId, date);
    }
}
