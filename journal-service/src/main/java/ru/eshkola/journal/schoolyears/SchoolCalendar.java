package ru.eshkola.journal.schoolyears;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.schools.SchoolRegistry;
import ru.eshkola.kit.cache.ReferenceCache;
import ru.eshkola.kit.calendar.ProductionCalendar;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;

/**
 * The school years of every school: configuring them, and answering "is this a school day, in which period" for
 * the lessons, grades and period results that are checked against it.
 */
@Service
public class SchoolCalendar {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})/(\\d{4})");

    private final SchoolYears years;
    private final SchoolRegistry schools;
    private final ProductionCalendar production;
    private final Clock clock;
    /** Read for every lesson entered; a change made on another instance shows within 30 s. */
    private final ReferenceCache<String, SchoolYear> cache = new ReferenceCache<>(Duration.ofSeconds(30), 10_000);

    SchoolCalendar(SchoolYears years, SchoolRegistry schools, ProductionCalendar production, Clock clock) {
        this.years = years;
        this.schools = schools;
        this.production = production;
        this.clock = clock;
    }

    /** The id of a school's year, e.g. for 2026/2027; stable, so configuring twice addresses one year. */
    public static String yearId(String schoolId, String label) {
        return EventIds.fromKey("school-year", schoolId, label);
    }

    public record PeriodDates(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    public record HolidayDates(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String name) {
    }

    public record ConfigureYear(@NotNull LocalDate start, @NotNull LocalDate end, @NotNull SchoolYear.Scheme scheme,
            @NotNull @Size(min = 2, max = 4) List<@Valid @NotNull PeriodDates> periods,
            @NotNull @Size(max = 50) List<@Valid @NotNull HolidayDates> holidays) {
    }

    public record Configured(SchoolYear year, boolean created, boolean changed) {
    }

    public Configured configure(String schoolId, String label, ConfigureYear request, String actor) {
        Matcher m = LABEL.matcher(label);
        List<FieldProblem> problems = new ArrayList<>();
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw ProblemException.invalid("label", "must be two consecutive years, e.g. 2026-2027");
        }
        SchoolYear.Scheme scheme = request.scheme();
        LocalDate start = request.start();
        LocalDate end = request.end();
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem("end", "must be after start"));
        }
        if (start.getYear() != Integer.parseInt(m.group(1))) {
            problems.add(new FieldProblem("start", "must be in " + m.group(1)));
        }
        String id = yearId(schoolId, label);
        List<SchoolYear.Period> periods = new ArrayList<>();
        List<PeriodDates> given = request.periods().stream()
                .sorted(Comparator.comparing(PeriodDates::start)).toList();
        if (given.size() != scheme.count) {
            problems.add(new FieldProblem("periods", scheme + " needs " + scheme.count + " periods, got " + given.size()));
        }
        LocalDate previousEnd = null;
        for (int i = 0; i < given.size(); i++) {
            PeriodDates p = given.get(i);
            String field = "periods[" + i + "]";
            if (p.end().isBefore(p.start())) {
                problems.add(new FieldProblem(field + ".end", "must not be before start"));
            }
            if (p.start().isBefore(start) || p.end().isAfter(end)) {
                problems.add(new FieldProblem(field, "must lie within the year " + start + " – " + end));
            }
            if (previousEnd != null && !p.start().isAfter(previousEnd)) {
                problems.add(new FieldProblem(field + ".start", "overlaps the previous period"));
            }
            previousEnd = p.end();
            String kind = scheme.kind.name().toLowerCase().replace("_", "-");
            periods.add(new SchoolYear.Period(id + "-" + kind + (i + 1), scheme.kind, i + 1, p.start(), p.end()));
        }
        periods.add(new SchoolYear.Period(id + "-year", SchoolYear.PeriodKind.YEAR, 1, start, end));
        List<SchoolYear.Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < request.holidays().size(); i++) {
            HolidayDates h = request.holidays().get(i);
            if (h.to().isBefore(h.from())) {
                problems.add(new FieldProblem("holidays[" + i + "].to", "must not be before from"));
            }
            if (h.from().isBefore(start) || h.to().isAfter(end)) {
                problems.add(new FieldProblem("holidays[" + i + "]", "must lie within the year"));
            }
            holidays.add(new SchoolYear.Holiday(h.from(), h.to(), h.name()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (schools.find(schoolId).isEmpty()) {
            throw ProblemException.notFound("school", schoolId);
        }
        Optional<SchoolYear> existing = years.findById(id);
        SchoolYear year = existing.orElseGet(() -> new SchoolYear(id, schoolId, label));
        if (year.closed()) {
            throw ProblemException.conflict("school-year-closed", "school year " + label + " is closed");
        }
        boolean changed = year.configure(start, end, scheme, periods, holidays, clock.instant(), actor);
        if (changed) {
            year = years.save(year);
            cache.invalidate(id);
        }
        return new Configured(year, existing.isEmpty(), changed);
    }

    SchoolYear close(String schoolId, String label, String actor) {
        SchoolYear year = get(schoolId, label);
        if (!year.closed()) {
            year.close(clock.instant(), actor);
            year = years.save(year);
            cache.invalidate(year.id());
        }
        return year;
    }

    SchoolYear get(String schoolId, String label) {
        return years.findById(yearId(schoolId, label))
                .orElseThrow(() -> ProblemException.notFound("school year", label + " of school " + schoolId));
    }

    List<SchoolYear> of(String schoolId) {
        return years.findBySchoolId(schoolId).stream().sorted(Comparator.comparing(SchoolYear::label)).toList();
    }

    /** The school year containing the date, if one is configured. */
    public Optional<SchoolYear> yearOf(String schoolId, LocalDate date) {
        String label = date.getMonthValue() >= 8 ? date.getYear() + "/" + (date.getYear() + 1)
                : (date.getYear() - 1) + "/" + date.getYear();
        return year(yearId(schoolId, label)).filter(y -> y.contains(date));
    }

    public Optional<SchoolYear> year(String schoolYearId) {
        return cache.get(schoolYearId, years::findById);
    }

    /**
     * Why lessons cannot be held on the date, or empty when they can: outside every period, in the school's
     * holidays, a public holiday, or a Sunday. Saturdays are school days (six-day weeks exist).
     */
    public Optional<String> whyNoLessons(String schoolId, LocalDate date) {
        Optional<SchoolYear> year = yearOf(schoolId, date);
        if (year.isEmpty()) {
            return Optional.of("no school year of school " + schoolId + " covers " + date);
        }
        Optional<SchoolYear.Holiday> holiday = year.get().holidayOn(date);
        if (holiday.isPresent()) {
            return Optional.of(date + " is in the holidays" + (holiday.get().name() == null ? ""
                    : " (" + holiday.get().name() + ")"));
        }
        if (date.getDayOfWeek() == java.time.DayOfWeek.SUNDAY || production.isPublicHoliday(date)) {
            return Optional.of(date + " is a day off");
        }
        if (year.get().termOf(date).isEmpty()) {
            return Optional.of(date + " lies outside every period of " + year.get().label());
        }
        return Optional.empty();
    }
}
