package ru.eshkola.monitoring.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ru.eshkola.monitoring.deadlines.EntryCounts.Tally;
import ru.eshkola.monitoring.deadlines.Rule;

/**
 * The indicators of seed 000 (3.2, 4.1) and seed 003 for a school, a municipality or the region over a date range.
 *
 * @param platforms   the platform each school uses, counted (a school: one entry)
 * @param timeliness  per rule: entries due in the range entered on time, late, missing, and the share on time
 * @param frequency   how often the diary gets new data: class-days with new data among the class-days with lessons
 * @param service     who gets the service on {@code asOf}: classes with at least one student with an active access,
 *                    students with an active guardian access or their own
 * @param violations  violations still open whose deadline fell in the range
 * @param schools     each school's own indicators (for a municipality or the region)
 */
public record IndicatorReport(String scope, String id, String name, LocalDate from, LocalDate to, LocalDate asOf,
        int schoolCount, Map<String, Long> platforms, Map<Rule, Timeliness> timeliness, Frequency frequency,
        Service service, long violations, List<IndicatorReport> schools) {

    public record Timeliness(long onTime, long late, long missing, long total, Double onTimeShare) {

        static Timeliness of(Tally tally) {
            return new Timeliness(tally.onTime(), tally.late(), tally.missing(), tally.total(), tally.onTimeShare());
        }
    }

    public record Frequency(int classes, long classSchoolDays, long classDaysWithData, Double share) {

        Frequency plus(Frequency other) {
            long days = classSchoolDays + other.classSchoolDays;
            long withData = classDaysWithData + other.classDaysWithData;
            return new Frequency(classes + other.classes, days, withData, IndicatorReport.share(withData, days));
        }
    }

    public record Service(long classes, long classesWithService, Double classShare, long students,
            long studentsWithService, Double studentShare) {

        Service plus(Service other) {
            long c = classes + other.classes;
            long cs = classesWithService + other.classesWithService;
            long s = students + other.students;
            long ss = studentsWithService + other.studentsWithService;
            return new Service(c, cs, IndicatorReport.share(cs, c), s, ss, IndicatorReport.share(ss, s));
        }
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
