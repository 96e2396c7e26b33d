package ru.eshkola.monitoring.schools;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.cache.ReferenceCache;

/**
 * The schools with their years, as the other features read them: every entry event needs its school's time zone,
 * so a school is held for a short time ({@link ReferenceCache}); a write through this instance refreshes it at once.
 */
@Component
public class SchoolCalendars {

    private final MongoTemplate mongo;
    private final ReferenceCache<String, SchoolCalendar> cache = new ReferenceCache<>(Duration.ofSeconds(30), 10_000);

    SchoolCalendars(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<SchoolCalendar> of(String schoolId) {
        return cache.get(schoolId, this::load);
    }

    /** Every school, optionally of one municipality, by name. */
    public List<SchoolCalendar> all(String municipalityId) {
        Query query = municipalityId == null ? new Query()
                : Query.query(Criteria.where("municipalityId").is(municipalityId));
        return mongo.find(query.with(Sort.by("name")), MonitoredSchool.class).stream()
                .map(school -> of(school.id()).orElseGet(() -> calendar(school)))
                .sorted(Comparator.comparing(SchoolCalendar::displayName)).toList();
    }

    void invalidate(String schoolId) {
        cache.invalidate(schoolId);
    }

    private Optional<SchoolCalendar> load(String schoolId) {
        return Optional.ofNullable(mongo.findById(schoolId, MonitoredSchool.class)).map(this::calendar);
    }

    private SchoolCalendar calendar(MonitoredSchool school) {
        List<SchoolCalendar.Year> years = mongo.find(Query.query(Criteria.where("schoolId").is(school.id())),
                SchoolYearDocument.class).stream().map(SchoolCalendars::year)
                .sorted(Comparator.comparing(SchoolCalendar.Year::start)).toList();
        return new SchoolCalendar(school.id(), school.code(), school.name(), school.shortName(),
                school.municipalityId(), school.municipalityName(), school.platform(), ZoneId.of(school.timeZone()),
                years);
    }

    private static SchoolCalendar.Year year(SchoolYearDocument d) {
        return new SchoolCalendar.Year(d.id(), d.label(), LocalDate.parse(d.start()), LocalDate.parse(d.end()),
                d.periods().stream().map(p -> new SchoolCalendar.Period(p.periodId(), p.kind(), p.number(),
                        LocalDate.parse(p.start()), LocalDate.parse(p.end()))).toList(),
                d.holidays().stream().map(h -> new SchoolCalendar.Holiday(LocalDate.parse(h.from()),
                        LocalDate.parse(h.to()), h.name())).toList(), d.closed());
    }
}
