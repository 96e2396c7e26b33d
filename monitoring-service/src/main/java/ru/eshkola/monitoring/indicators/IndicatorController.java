package ru.eshkola.monitoring.indicators;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.monitoring.deadlines.CountRebuild;

@RestController
@RequestMapping("/api/v1/indicators")
@Validated
@Tag(name = "Indicators", description = "Per school, municipality and region: platform, frequency, shares, timeliness")
class IndicatorController {

    private final Indicators indicators;
    private final DateRange ranges;
    private final CountRebuild rebuild;

    IndicatorController(Indicators indicators, DateRange ranges, CountRebuild rebuild) {
        this.indicators = indicators;
        this.ranges = ranges;
        this.rebuild = rebuild;
    }

    @GetMapping
    @Operation(summary = "The indicators of a school, a municipality or the region over a date range (both days "
            + "included; default: the 30 days up to today)")
    IndicatorReport report(@RequestParam(defaultValue = "REGION") Indicators.Scope scope,
            @Parameter(description = "school id for SCHOOL, municipality id for MUNICIPALITY")
            @RequestParam(required = false) @Size(max = 200) String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (scope != Indicators.Scope.REGION && (id == null || id.isBlank())) {
            throw ProblemException.invalid("id", "is required for scope " + scope);
        }
        DateRange.Range range = ranges.of(from, to);
        return indicators.report(scope, id, range.from(), range.to());
    }

    @PostMapping("/recompute")
    @Operation(summary = "Rebuild every counter from the stored deadlines (run while the service is quiet)")
    CountRebuild.Result recompute() {
        return rebuild.rebuild();
    }
}
