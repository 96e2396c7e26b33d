package ru.eshkola.monitoring.schools;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvent;
import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.kit.inbox.MalformedEventException;
import ru.eshkola.kit.mongo.VersionedUpsert;
import ru.eshkola.kit.problems.ProblemException;

/** The schools monitoring reports on and their school years, kept from {@code journal.schools}. */
@Configuration
class SchoolDirectory {

    private final MongoTemplate mongo;
    private final SchoolCalendars calendars;
    private final ApplicationEventPublisher publisher;

    SchoolDirectory(MongoTemplate mongo, SchoolCalendars calendars, ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.calendars = calendars;
        this.publisher = publisher;
    }

    @Bean
    Consumer<Message<byte[]>> onSchoolEvents(InboundEvents events) {
        // the consumer's name keys its deduplication records: platform tests look them up, keep it
        return events.consumer("school-directory")
                .on("journal.school.registered.v1", SchoolRegistered.class, this::registered)
                .on("journal.school-year.configured.v1", SchoolYearChanged.class, this::yearChanged)
                .on("journal.school-year.closed.v1", SchoolYearChanged.class, this::yearChanged)
                .build();
    }

    /** An upsert by school id: applying the same event twice leaves the same document. */
    void registered(InboundEvent<SchoolRegistered> event) {
        SchoolRegistered school = event.data();
        try {
            ZoneId.of(school.timeZone());
        } catch (DateTimeException e) {
            throw new MalformedEventException("timeZone is not an IANA time zone: " + school.timeZone(), e);
        }
        Update update = new Update()
                .set("code", school.code())
                .set("name", school.name())
                .set("shortName", school.shortName())
                .set("municipalityId", school.municipalityId())
                .set("municipalityName", school.municipalityName())
                .set("timeZone", school.timeZone())
                .set("platform", school.platform())
                .set("registeredAt", school.registeredAt());
        mongo.upsert(Query.query(Criteria.where("_id").is(school.schoolId())), update, MonitoredSchool.class);
        calendars.invalidate(school.schoolId());
        publisher.publishEvent(new SchoolKnown(school.schoolId()));
    }

    /** The whole year each time, kept only when its version is newer than the stored one. */
    void yearChanged(InboundEvent<SchoolYearChanged> event) {
        SchoolYearChanged year = event.data();
        Update update = new Update()
                .set("schoolId", year.schoolId())
                .set("label", year.label())
                .set("start", year.start().toString())
                .set("end", year.end().toString())
                .set("periods", year.periods().stream().map(p -> new SchoolYearDocument.Period(p.periodId(),
                        p.kind(), p.number(), p.start().toString(), p.end().toString())).toList())
                .set("holidays", year.holidays().stream().map(h -> new SchoolYearDocument.Holiday(
                        h.from().toString(), h.to().toString(), h.name())).toList())
                .set("closed", year.closed());
        if (!VersionedUpsert.ifNewer(mongo, SchoolYearDocument.class, year.schoolYearId(), year.version(), update)) {
            return;
        }
        calendars.invalidate(year.schoolId());
        publisher.publishEvent(new SchoolKnown(year.schoolId()));
    }

    MonitoredSchool get(String id) {
        MonitoredSchool school = mongo.findById(id, MonitoredSchool.class);
        if (school == null) {
            throw ProblemException.notFound("school", id);
        }
        return school;
    }

    Page<MonitoredSchool> list(String municipalityId, Pageable page) {
        Query query = municipalityId == null ? new Query()
                : Query.query(Criteria.where("municipalityId").is(municipalityId));
        long total = mongo.count(query, MonitoredSchool.class);
        return PageableExecutionUtils.getPage(mongo.find(Query.of(query).with(page), MonitoredSchool.class), page,
                () -> total);
    }
}
