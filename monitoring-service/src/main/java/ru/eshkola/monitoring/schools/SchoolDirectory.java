package ru.eshkola.monitoring.schools;

import java.util.function.Consumer;

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
import ru.eshkola.kit.problems.ProblemException;

/** The schools monitoring reports on, kept from {@code journal.schools}. */
@Configuration
class SchoolDirectory {

    private final MongoTemplate mongo;

    SchoolDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Bean
    Consumer<Message<byte[]>> onSchoolEvents(InboundEvents events) {
        return events.consumer("school-directory")
                .on("journal.school.registered.v1", SchoolRegistered.class, this::registered)
                .build();
    }

    /** An upsert by school id: applying the same event twice leaves the same document. */
    void registered(InboundEvent<SchoolRegistered> event) {
        SchoolRegistered school = event.data();
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
