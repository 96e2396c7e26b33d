package ru.eshkola.journal.schoolyears;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A school's academic year: its periods (quarters, trimesters or half-years, then the year) and its holidays.
 * Grades must fall inside a period and not on a holiday; period results are due two days after a period ends.
 */
@Document("school_years")
public class SchoolYear extends OutboxAggregate {

    static final EventRoute CONFIGURED = new EventRoute("journal.school-year.configured.v1", "journal.schools");
    static final EventRoute CLOSED = new EventRoute("journal.school-year.closed.v1", "journal.schools");

    @Id
    private String id;
    @Version
    private Long version;
    private String schoolId;
    private String label;
    private LocalDate start;
    private LocalDate end;
    private Scheme scheme;
    private List<Period> periods = new ArrayList<>();
    private List<Holiday> holidays = new ArrayList<>();
    private boolean closed;
    private int revision;
    private Instant changedAt;
    private String changedBy;

    SchoolYear() {
    }

    SchoolYear(String id, String schoolId, String label) {
        this.id = id;
        this.schoolId = schoolId;
        this.label = label;
    }

    /** Sets the whole year; returns false (and records nothing) when nothing changed. */
    boolean configure(LocalDate start, LocalDate end, Scheme scheme, List<Period> periods, List<Holiday> holidays,
            Instant now, String actor) {
        if (start.equals(this.start) && end.equals(this.end) && scheme == this.scheme && periods.equals(this.periods)
                && holidays.equals(this.holidays)) {
            return false;
        }
        this.start = start;
        this.end = end;
        this.scheme = scheme;
        this.periods = new ArrayList<>(periods);
        this.holidays = new ArrayList<>(holidays);
        changed(CONFIGURED, now, actor);
        return true;
    }

    void close(Instant now, String actor) {
        closed = true;
        changed(CLOSED, now, actor);
    }

    private void changed(EventRoute route, Instant now, String actor) {
        revision++;
        changedAt = now;
        changedBy = actor;
        recordEvent(route, schoolId, id, now, new SchoolYearData(id, schoolId, label, start, end, scheme.name(),
                periods.stream().map(p -> new SchoolYearData.PeriodData(p.id(), p.kind().name(), p.number(),
                        p.start(), p.end())).toList(),
                holidays.stream().map(h -> new SchoolYearData.HolidayData(h.from(), h.to(), h.name())).toList(),
                closed, revision, now, actor));
    }

    public String id() {
        return id;
    }

    public String schoolId() {
        return schoolId;
    }

    public String label() {
        return label;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public Scheme scheme() {
        return scheme;
    }

    public List<Period> periods() {
        return List.copyOf(periods);
    }

    public List<Holiday> holidays() {
        return List.copyOf(holidays);
    }

    public boolean closed() {
        return closed;
    }

    public int revision() {
        return revision;
    }

    boolean configured() {
        return scheme != null;
    }

    /** The period of the scheme (not the year) a date falls in. */
    public Optional<Period> termOf(LocalDate date) {
        return periods.stream().filter(p -> p.kind() != PeriodKind.YEAR && p.contains(date)).findFirst();
    }

    public Optional<Period> period(String periodId) {
        return periods.stream().filter(p -> p.id().equals(periodId)).findFirst();
    }

    public Optional<Holiday> holidayOn(LocalDate date) {
        return holidays.stream().filter(h -> !date.isBefore(h.from()) && !date.isAfter(h.to())).findFirst();
    }

    public boolean contains(LocalDate date) {
        return configured() && !date.isBefore(start) && !date.isAfter(end);
    }

    public enum Scheme {
        QUARTERS(PeriodKind.QUARTER, 4), TRIMESTERS(PeriodKind.TRIMESTER, 3), HALF_YEARS(PeriodKind.HALF_YEAR, 2);

        final PeriodKind kind;
        final int count;

        Scheme(PeriodKind kind, int count) {
            this.kind = kind;
            this.count = count;
        }
    }

    public enum PeriodKind {
        QUARTER, TRIMESTER, HALF_YEAR, YEAR
    }

    public record Period(String id, PeriodKind kind, int number, LocalDate start, LocalDate end) {

        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    public record Holiday(LocalDate from, LocalDate to, String name) {
    }

    /** Data of {@code journal.school-year.configured.v1} and {@code journal.school-year.closed.v1}. */
    record SchoolYearData(String schoolYearId, String schoolId, String label, LocalDate start, LocalDate end,
            String scheme, List<PeriodData> periods, List<HolidayData> holidays, boolean closed, int version,
            Instant changedAt, String changedBy) {

        record PeriodData(String periodId, String kind, int number, LocalDate start, LocalDate end) {
        }

        record HolidayData(LocalDate from, LocalDate to, String name) {
        }
    }
}
