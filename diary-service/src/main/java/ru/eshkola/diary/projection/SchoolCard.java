package ru.eshkola.diary.projection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A school: its names, time zone and school years with their periods ({@code _id = schoolId}). */
public class SchoolCard extends ProjectionDocument {

    public static final String COLLECTION = "schools";

    String name;
    String shortName;
    String municipalityName;
    String timeZone;
    List<SchoolYear> years = new ArrayList<>();

    SchoolCard() {
    }

    static SchoolCard empty(String schoolId) {
        SchoolCard card = new SchoolCard();
        card.id = schoolId;
        return card;
    }

    public record Period(String periodId, String kind, int number, LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    public record SchoolYear(String schoolYearId, String label, LocalDate start, LocalDate end, List<Period> periods,
            boolean closed, long version) {
    }

    void registered(JournalEvents.SchoolRegistered e) {
        name = e.name();
        shortName = e.shortName();
        municipalityName = e.municipalityName();
        timeZone = e.timeZone();
    }

    void year(JournalEvents.SchoolYearChanged e) {
        SchoolYear year = new SchoolYear(e.schoolYearId(), e.label(), e.start(), e.end(),
                e.periods().stream().map(p -> new Period(p.periodId(), p.kind(), p.number(), p.start(), p.end()))
                        .toList(), e.closed(), e.version());
        for (int i = 0; i < years.size(); i++) {
            if (years.get(i).schoolYearId().equals(e.schoolYearId())) {
                if (years.get(i).version() < e.version()) {
                    years.set(i, year);
                }
                return;
            }
        }
        years.add(year);
        years.sort(java.util.Comparator.comparing(SchoolYear::schoolYearId));
    }

    public Optional<SchoolYear> yearOf(LocalDate day) {
        return years.stream().filter(y -> !day.isBefore(y.start()) && !day.isAfter(y.end())).findFirst();
    }

    public Optional<Period> period(String periodId) {
        return years.stream().flatMap(y -> y.periods().stream()).filter(p -> p.periodId().equals(periodId))
                .findFirst();
    }

    public Optional<SchoolYear> yearOfPeriod(String periodId) {
        return years.stream().filter(y -> y.periods().stream().anyMatch(p -> p.periodId().equals(periodId)))
                .findFirst();
    }

    /** The shortest period (a quarter rather than the year) that contains the day. */
    public Optional<Period> periodOf(LocalDate day) {
        return years.stream().flatMap(y -> y.periods().stream()).filter(p -> p.contains(day))
                .min(java.util.Comparator.comparing(p -> p.end().toEpochDay() - p.start().toEpochDay()));
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public String municipalityName() {
        return municipalityName;
    }

    public ZoneId zone() {
        return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
    }

    public List<SchoolYear> years() {
        return List.copyOf(years);
    }
}
