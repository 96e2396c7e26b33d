package ru.eshkola.journal.schoolyears;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/schools/{schoolId}/years")
@Validated
@Tag(name = "School years", description = "Periods (quarters, trimesters, half-years) and holidays of a school")
class SchoolYearController {

    private final SchoolCalendar calendar;
    private final JournalAccess access;

    SchoolYearController(SchoolCalendar calendar, JournalAccess access) {
        this.calendar = calendar;
        this.access = access;
    }

    record YearView(String id, String schoolId, String label, LocalDate start, LocalDate end, SchoolYear.Scheme scheme,
            List<SchoolYear.Period> periods, List<SchoolYear.Holiday> holidays, boolean closed, int version) {

        static YearView of(SchoolYear year) {
            return new YearView(year.id(), year.schoolId(), year.label(), year.start(), year.end(), year.scheme(),
                    year.periods(), year.holidays(), year.closed(), year.revision());
        }
    }

    @PutMapping("/{year}")
    @Operation(summary = "Set a school year's periods and holidays",
            description = "The school's administrator. year as 2026-2027. Idempotent; publishes "
                    + "journal.school-year.configured.v1 when it changes.")
    ResponseEntity<YearView> configure(@PathVariable String schoolId,
            @PathVariable @Pattern(regexp = "\\d{4}-\\d{4}", message = "must look like 2026-2027") String year,
            @Valid @RequestBody SchoolCalendar.ConfigureYear request, Caller caller) {
        access.requireSchoolAdministration(caller, schoolId);
        SchoolCalendar.Configured result = calendar.configure(schoolId, year.replace('-', '/'), request,
                caller.accountId());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(YearView.of(result.year()));
    }

    @PostMapping("/{year}/close")
    @Operation(summary = "Close a school year", description = "The school's administrator. Later period-result "
            + "corrections need a reason.")
    YearView close(@PathVariable String schoolId, @PathVariable String year, Caller caller) {
        access.requireSchoolAdministration(caller, schoolId);
        return YearView.of(calendar.close(schoolId, year.replace('-', '/'), caller.accountId()));
    }

    @GetMapping("/{year}")
    @Operation(summary = "One school year", description = "The school's staff and the operators of its territory")
    YearView get(@PathVariable String schoolId, @PathVariable String year, Caller caller) {
        access.requireSchoolRead(caller, schoolId);
        return YearView.of(calendar.get(schoolId, year.replace('-', '/')));
    }

    @GetMapping
    @Operation(summary = "The school's years", description = "The school's staff and the operators of its territory")
    List<YearView> list(@PathVariable String schoolId, Caller caller) {
        access.requireSchoolRead(caller, schoolId);
        return calendar.of(schoolId).stream().map(YearView::of).toList();
    }
}
