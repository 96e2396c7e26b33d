package ru.eshkola.monitoring.schools;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school as monitoring knows it: the columns of the indicator table, fed only by journal events. */
@Document("schools")
record MonitoredSchool(@Id String id, String code, String name, String shortName, String municipalityId,
        String municipalityName, String timeZone, String platform, Instant registeredAt) {
}
