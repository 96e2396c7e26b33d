package ru.eshkola.monitoring.indicators;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import ru.eshkola.kit.calendar.ProductionCalendar;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.monitoring.deadlines.EntryCounts;
import ru.eshkola.monitoring.deadlines.EntryCounts.SchoolCounts;
import ru.eshkola.monitoring.deadlines.EntryCounts.Tally;
import ru.eshkola.monitoring.deadlines.Rule;
import ru.eshkola.monitoring.roster.Roster;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendars;
import ru.eshkola.monitoring.timetables.ClassTimetable;
import ru.eshkola.monitoring.timetables.Timetables;
import ru.eshkola.monitoring.violations.ViolationRegister;

/**
 * Computes the indicators from monitoring's own data only: the counters (timeliness, frequency), the roster and the
 * accesses (who gets the service), the violations. A municipality and the region sum their schools' counts (not
 * their shares), so a large school weighs as much as its entries.
 */
@Component
public class Indicators {

    public enum Scope {
        SCHOOL, MUNICIPALITY, REGION
    }

    private final SchoolCalendars schools;
    private final EntryCounts counts;
    private final Roster roster;
    private final Timetables timetables;
    private final ViolationRegister violations;
    private final ProductionCalendar calendar;
    private final IndicatorSettings settings;
    private final Clock clock;

    Indicators(SchoolCalendars schools, EntryCounts counts, Roster roster, Timetables timetables,
            ViolationRegister violations, ProductionCalendar calendar, IndicatorSettings settings, Clock clock) {
        this.schools = schools;
        this.counts = counts;
        this.roster = roster;
        this.timetables = timetables;
        this.violations = violations;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return clock.instant().atZone(settings.regionTimeZone()).toLocalDate();
    }

    /** The schools of a scope: one school, a municipality's, or all. */
    public List<SchoolCalendar> schoolsOf(Scope scope, String id) {
        return switch (scope) {
            case SCHOOL -> List.of(schools.of(id).orElseThrow(() -> ProblemException.notFound("school", id)));
            case MUNICIPALITY -> {
                List<SchoolCalendar> of = schools.all(id);
                if (of.isEmpty()) {
                    throw ProblemException.notFound("municipality", id);
                }
                yield of;
            }
            case REGION -> schools.all(null);
        };
    }

    public IndicatorReport report(Scope scope, String id, LocalDate from, LocalDate to) {
        List<SchoolCalendar> of = schoolsOf(scope, id);
        List<IndicatorReport> perSchool = perSchool(of, from, to);
        if (scope == Scope.SCHOOL) {
            return perSchool.getFirst();
        }
        String name = scope == Scope.REGION ? "region" : of.getFirst().municipalityName();
        return combine(scope.name(), scope == Scope.REGION ? null : id, name, from, to, perSchool);
    }

    /** Each school's indicators over the range. */
    public List<IndicatorReport> perSchool(List<SchoolCalendar> of, LocalDate from, LocalDate to) {
        List<String> ids = of.stream().map(SchoolCalendar::id).toList();
        LocalDate asOf = to.isAfter(today()) ? today() : to;
        Map<String, SchoolCounts> counted = counts.read(ids, from, to);
        Map<String, List<Roster.SchoolClass>> classes = new HashMap<>();
        roster.classesOf(ids).forEach(c -> classes.computeIfAbsent(c.schoolId(), k -> new ArrayList<>()).add(c));
        Map<String, ClassTimetable> timetableOf = new HashMap<>();
        timetables.ofSchools(ids).forEach(t -> timetableOf.put(t.classId(), t));
        Map<String, List<Roster.Enrolment>> enrolments = new HashMap<>();
        roster.enrolmentsOf(ids).forEach(e -> enrolments.computeIfAbsent(e.schoolId(), k -> new ArrayList<>())
                .add(e));
        Map<String, Set<String>> served = new HashMap<>();
        roster.accessOf(ids).stream().filter(a -> a.activeOn(asOf))
                .forEach(a -> served.computeIfAbsent(a.schoolId(), k -> new HashSet<>()).add(a.studentId()));
        Map<String, Long> open = violations.openBySchool(ids, from.atStartOfDay(settings.regionTimeZone())
                .toInstant(), to.plusDays(1).atStartOfDay(settings.regionTimeZone()).toInstant());

        List<IndicatorReport> reports = new ArrayList<>();
        for (SchoolCalendar school : of) {
            SchoolCounts c = counted.get(school.id());
            Map<Rule, IndicatorReport.Timeliness> timeliness = new EnumMap<>(Rule.class);
            for (Rule rule : Rule.values()) {
                timeliness.put(rule, IndicatorReport.Timeliness.of(c == null ? Tally.ZERO : c.rule(rule)));
            }
            List<Roster.SchoolClass> schoolClasses = classes.getOrDefault(school.id(), List.of()).stream()
                    .filter(k -> taughtIn(school, k, from, to)).toList();
            IndicatorReport.Frequency frequency = new IndicatorReport.Frequency(0, 0, 0, null);
            for (Roster.SchoolClass k : schoolClasses) {
                frequency = frequency.plus(frequency(school, k, Optional.ofNullable(timetableOf.get(k.id())), c,
                        from, asOf));
            }
            IndicatorReport.Service service = service(schoolClasses, enrolments.getOrDefault(school.id(), List.of()),
                    served.getOrDefault(school.id(), Set.of()), asOf);
            Map<String, Long> platforms = new TreeMap<>();
            platforms.put(school.platform() == null ? "unknown" : school.platform(), 1L);
            reports.add(new IndicatorReport(Scope.SCHOOL.name(), school.id(), school.displayName(), from, to, asOf, 1,
                    platforms, timeliness, frequency, service, open.getOrDefault(school.id(), 0L), List.of()));
        }
        return reports;
    }

    private IndicatorReport combine(String scope, String id, String name, LocalDate from, LocalDate to,
            List<IndicatorReport> parts) {
        Map<String, Long> platforms = new TreeMap<>();
        Map<Rule, Tally> tallies = new EnumMap<>(Rule.class);
        IndicatorReport.Frequency frequency = new IndicatorReport.Frequency(0, 0, 0, null);
        IndicatorReport.Service service = new IndicatorReport.Service(0, 0, null, 0, 0, null);
        long open = 0;
        for (IndicatorReport part : parts) {
            part.platforms().forEach((p, n) -> platforms.merge(p, n, Long::sum));
            part.timeliness().forEach((rule, t) -> tallies.merge(rule, new Tally(t.onTime(), t.late(), t.missing()),
                    Tally::plus));
            frequency = frequency.plus(part.frequency());
            service = service.plus(part.service());
            open += part.violations();
        }
        Map<Rule, IndicatorReport.Timeliness> timeliness = new LinkedHashMap<>();
        for (Rule rule : Rule.values()) {
            timeliness.put(rule, IndicatorReport.Timeliness.of(tallies.getOrDefault(rule, Tally.ZERO)));
        }
        LocalDate asOf = parts.isEmpty() ? to : parts.getFirst().asOf();
        return new IndicatorReport(scope, id, name, from, to, asOf, parts.size(), platforms, timeliness, frequency,
                service, open, parts);
    }

    /** The class belongs to a school year that overlaps the range (any class when the years are unknown). */
    private static boolean taughtIn(SchoolCalendar school, Roster.SchoolClass schoolClass, LocalDate from,
            LocalDate to) {
        return school.yearLabelled(schoolClass.schoolYear())
                .map(y -> !y.start().isAfter(to) && !y.end().isBefore(from)).orElse(school.years().isEmpty());
    }

    /**
     * Days with lessons for the class in the range up to {@code asOf}: school days on which its timetable has lessons
     * (Monday to Friday when it has none yet), and how many of them brought new data to its diary.
     */
    private IndicatorReport.Frequency frequency(SchoolCalendar school, Roster.SchoolClass schoolClass,
            Optional<ClassTimetable> timetable, SchoolCounts counted, LocalDate from, LocalDate asOf) {
        Set<LocalDate> withData = counted == null ? Set.of() : counted.dataDaysOf(schoolClass.id());
        long days = 0;
        long daysWithData = 0;
        for (LocalDate d = from; !d.isAfter(asOf); d = d.plusDays(1)) {
            if (!school.isSchoolDay(d, calendar)) {
                continue;
            }
            LocalDate day = d;
            boolean lessons = timetable.map(t -> t.hasLessonsOn(day)).orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY);
            if (lessons) {
                days++;
                if (withData.contains(d)) {
                    daysWithData++;
                }
            }
        }
        return new IndicatorReport.Frequency(1, days, daysWithData, IndicatorReport.share(daysWithData, days));
    }

    private static IndicatorReport.Service service(List<Roster.SchoolClass> classes, List<Roster.Enrolment> enrolments,
            Set<String> served, LocalDate asOf) {
        Set<String> classIds = new HashSet<>();
        classes.forEach(c -> classIds.add(c.id()));
        Map<String, Set<String>> studentsByClass = new HashMap<>();
        for (Roster.Enrolment e : enrolments) {
            if (e.activeOn(asOf) && classIds.contains(e.classId())) {
                studentsByClass.computeIfAbsent(e.classId(), k -> new HashSet<>()).add(e.studentId());
            }
        }
        Set<String> students = new HashSet<>();
        studentsByClass.values().forEach(students::addAll);
        long studentsWithService = students.stream().filter(served::contains).count();
        long classesWithService = studentsByClass.values().stream()
                .filter(s -> s.stream().anyMatch(served::contains)).count();
        long classCount = studentsByClass.size();
        return new IndicatorReport.Service(classCount, classesWithService,
                IndicatorReport.share(classesWithService, classCount), students.size(), studentsWithService,
                IndicatorReport.share(studentsWithService, students.size()));
    }
}
