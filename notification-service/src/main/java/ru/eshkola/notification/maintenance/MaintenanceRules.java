package ru.eshkola.notification.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;

import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;

/**
 * Judges a maintenance window against the guidance, in every time zone of its scope: a window inside 02:00–06:00 of
 * one night may be announced at any time (a warning when it is less than a day ahead); any other window — daytime,
 * or longer than the night allows — must start at least a week after it is announced, or it is refused (422,
 * naming {@code start}) unless the operator acknowledges short notice (emergency work, which the guidance caps at
 * once a month: the window is then recorded as short-notice with a warning). Daytime windows longer than "a few
 * hours" get a warning (school holidays only); none may exceed a day.
 */
final class MaintenanceRules {

    private MaintenanceRules() {
    }

    /**
     * @param night       inside the night window in every zone of the scope
     * @param shortNotice accepted with less notice than required, because the operator acknowledged it
     * @param warnings    borderline cases the operator should know about (recorded with the window)
     */
    record Verdict(boolean night, boolean shortNotice, List<String> warnings) {
    }

    static Verdict judge(Instant start, Instant end, Instant now, Collection<ZoneId> zones, boolean acknowledged,
            MaintenanceSettings rules) {
        List<FieldProblem> invalid = new ArrayList<>();
        if (!start.isAfter(now)) {
            invalid.add(new FieldProblem("start", "must be in the future"));
        }
        if (!end.isAfter(start)) {
            invalid.add(new FieldProblem("end", "must be after start"));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        Duration duration = Duration.between(start, end);
        if (duration.compareTo(rules.maxDuration()) > 0) {
            throw refused("maintenance-too-long", "end", "a maintenance window may last at most "
                    + rules.maxDuration().toHours() + " h (the guidance allows longer work of up to one day, in "
                    + "school holidays); this one lasts " + duration.toMinutes() + " min");
        }
        boolean night = zones.stream().allMatch(zone -> insideNight(start, end, zone, rules));
        List<String> warnings = new ArrayList<>();
        boolean shortNotice = false;
        Duration notice = Duration.between(now, start);
        if (!night && notice.compareTo(rules.minNotice()) < 0) {
            if (!acknowledged) {
                throw refused("maintenance-short-notice", "start", "a window outside " + rules.nightStart() + "–"
                        + rules.nightEnd() + " local time must be announced at least " + rules.minNotice().toDays()
                        + " days ahead (start on or after " + now.plus(rules.minNotice()) + "), or sent with "
                        + "acknowledgeShortNotice=true for emergency work");
            }
            shortNotice = true;
            warnings.add("SHORT_NOTICE: announced " + notice.toHours() + " h ahead instead of "
                    + rules.minNotice().toDays() + " days; the guidance allows this only for emergency work, at most "
                    + "once a month during study periods");
        }
        if (night && notice.compareTo(rules.lateNotice()) < 0) {
            warnings.add("LATE_NOTICE: announced less than " + rules.lateNotice().toHours() + " h ahead; users may "
                    + "not read the notice in time");
        }
        if (!night && duration.compareTo(rules.longWork()) > 0) {
            warnings.add("LONG_WORK: longer than " + rules.longWork().toHours() + " h outside the night window; the "
                    + "guidance allows such work only during school holidays");
        }
        return new Verdict(night, shortNotice, List.copyOf(warnings));
    }

    /** Starts at or after the night window's start and ends by its end, on one local date. */
    static boolean insideNight(Instant start, Instant end, ZoneId zone, MaintenanceSettings rules) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        LocalDate night = from.toLocalDate();
        ZonedDateTime opens = night.atTime(rules.nightStart()).atZone(zone);
        ZonedDateTime closes = night.atTime(rules.nightEnd()).atZone(zone);
        return !from.isBefore(opens) && !to.isAfter(closes);
    }

    static ProblemException refused(String slug, String field, String reason) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of(slug),
                "Maintenance window refused", field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }
}
