package ru.eshkola.diary.views;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.diary.access.DiaryAccess;
import ru.eshkola.diary.projection.Weeks;
import ru.eshkola.diary.views.DiaryViews.PeriodSummary;
import ru.eshkola.diary.views.DiaryViews.SubjectView;
import ru.eshkola.diary.views.DiaryViews.WeekView;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/students/{studentId}")
@Validated
@Tag(name = "Diary", description = "A student's electronic diary (ЭД): week, subject and period views. For the "
        + "student's guardian with active access and the student; every read is recorded in the access audit.")
class DiaryController {

    private final DiaryReader reader;
    private final DiaryAccess access;
    private final Clock clock;

    DiaryController(DiaryReader reader, DiaryAccess access, Clock clock) {
        this.reader = reader;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/week")
    @Operation(summary = "The week view: timetable, lessons with topic and homework, grades, absences, corrections",
            description = "Monday to Sunday of the week containing `date` (default: today)")
    WeekView week(@PathVariable @Size(max = 200) String studentId,
            @Parameter(description = "any day of the week, ISO date") @RequestParam(required = false) LocalDate date,
            Caller caller, HttpServletRequest request) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        access.requireReader(caller, studentId, "week", "week " + Weeks.monday(day), request);
        return reader.week(studentId, day);
    }

    @GetMapping("/subjects/{subjectId}")
    @Operation(summary = "A subject in a period: every grade, the weighted average and the period result",
            description = "periodId from the school year (default: the period of today)")
    SubjectView subject(@PathVariable @Size(max = 200) String studentId,
            @PathVariable @Size(max = 200) String subjectId,
            @RequestParam(required = false) @Size(max = 200) String periodId, Caller caller,
            HttpServletRequest request) {
        access.requireReader(caller, studentId, "subject", "subject " + subjectId + " " + periodId, request);
        return reader.subject(studentId, subjectId, periodId);
    }

    @GetMapping("/period-summary")
    @Operation(summary = "The period summary: per subject the grades, weighted average, period result, absences",
            description = "periodId from the school year (default: the period of today)")
    PeriodSummary periodSummary(@PathVariable @Size(max = 200) String studentId,
            @RequestParam(required = false) @Size(max = 200) String periodId, Caller caller,
            HttpServletRequest request) {
        access.requireReader(caller, studentId, "period-summary", "period-summary " + periodId, request);
        return reader.periodSummary(studentId, periodId);
    }
}
