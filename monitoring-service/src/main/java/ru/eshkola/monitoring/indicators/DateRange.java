package ru.eshkola.monitoring.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

import ru.eshkola.kit.problems.ProblemException;

/** The date range of a request: both days included; by default the 30 days up to today (the region's today). */
@Component
public class DateRange {

    private final Indicators indicators;
    private final IndicatorSettings settings;

    DateRange(Indicators indicators, IndicatorSettings settings) {
        this.indicators = indicators;
        this.settings = settings;
    }

    public Range of(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : indicators.today();
        LocalDate start = from != null ? from : end.minusDays(29);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= settings.maxRangeDays()) {
            throw ProblemException.invalid("to", "the range must not exceed " + settings.maxRangeDays() + " days");
        }
        return new Range(start, end);
    }

    public record Range(LocalDate from, LocalDate to) {
    }
}
