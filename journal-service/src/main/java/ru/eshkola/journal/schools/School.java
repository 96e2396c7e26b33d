package ru.eshkola.journal.schools;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A school (ОУ) of the region: the unit that delivers the public service, keeps its journal in its own time zone
 * and answers for its deadlines.
 */
@Document("schools")
class School extends OutboxAggregate {

    static final EventRoute REGISTERED = new EventRoute("journal.school.registered.v1", "journal.schools");

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed(unique = true)
    private String code;
    private String name;
    private String shortName;
    private Municipality municipality;
    private String timeZone;
    private String platform;
    private Instant registeredAt;

    School() {
    }

    static School register(String id, String code, String name, String shortName, Municipality municipality,
            ZoneId timeZone, String platform, Instant now) {
        School school = new School();
        school.id = id;
        school.code = code;
        school.name = name;
        school.shortName = shortName;
        school.municipality = municipality;
        school.timeZone = timeZone.getId();
        school.platform = platform;
        school.registeredAt = now;
        school.recordEvent(REGISTERED, id, id, now, new SchoolRegistered(id, code, name, shortName,
                municipality.id(), municipality.name(), school.timeZone, platform, now));
        return school;
    }

    String id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String shortName() {
        return shortName;
    }

    Municipality municipality() {
        return municipality;
    }

    String timeZone() {
        return timeZone;
    }

    String platform() {
        return platform;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    /** The municipal education body the school reports to (e.g. Нижнетуринский городской округ). */
    record Municipality(String id, String name) {
    }

    /** Data of {@code journal.school.registered.v1}; schema: contracts/schemas/journal.school.registered.v1.json. */
    record SchoolRegistered(String schoolId, String code, String name, String shortName, String municipalityId,
            String municipalityName, String timeZone, String platform, Instant registeredAt) {
    }
}
