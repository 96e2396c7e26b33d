package ru.eshkola.monitoring.deadlines;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code eshkola.monitoring.deadlines.*}: the term of each rule in calendar or working days, and the timer.
 *
 * @param terms                   days after the lesson date (grades), the period's end (period results) or on
 *                                the lesson day (0: absences, lesson topic)
 * @param homeworkAfterLastLesson homework is due this long after the class's last lesson of the day
 * @param timetableLeadWeeks      a week's timetable is due this many weeks before the week starts (1: the current and
 *                                the next week are always covered)
 * @param timerInterval           how often the timer looks for deadlines that passed with nothing entered
 * @param timerGrace              a deadline counts as passed this long after it (an entry made at 23:59:59 is
 *                                still on its way through the journal's outbox)
 * @param materialiseInterval     how often today's and tomorrow's expected lessons, the timetable weeks and ended
 *                                periods are turned into deadlines
 */
@Validated
@ConfigurationProperties("eshkola.monitoring.deadlines")
public record DeadlineSettings(@NotNull Map<Rule, @Valid Term> terms, @NotNull Duration homeworkAfterLastLesson,
        @Min(0) int timetableLeadWeeks, @NotNull Duration timerInterval, @NotNull Duration timerGrace,
        @NotNull Duration materialiseInterval) {

    public DeadlineSettings {
        Map<Rule, Term> all = new EnumMap<>(Rule.class);
        all.put(Rule.GRADE_ENTRY, new Term(5, DayKind.CALENDAR));
        all.put(Rule.PERIOD_RESULT, new Term(2, DayKind.CALENDAR));
        all.put(Rule.ABSENCE_ENTRY, new Term(0, DayKind.CALENDAR));
        all.put(Rule.LESSON_TOPIC, new Term(0, DayKind.CALENDAR));
        if (terms != null) {
            all.putAll(terms);
        }
        terms = Map.copyOf(all);
    }

    public Term term(Rule rule) {
        return terms.getOrDefault(rule, new Term(0, DayKind.CALENDAR));
    }

    /** How days are counted: every day, or only working days (production calendar, minus school holidays). */
    public enum DayKind {
        CALENDAR, WORKING
    }

    public record Term(@Min(0) int days, @NotNull DayKind dayKind) {
    }
}
