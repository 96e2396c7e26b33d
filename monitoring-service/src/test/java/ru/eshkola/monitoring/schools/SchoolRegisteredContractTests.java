package ru.eshkola.monitoring.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/** Monitoring reads the journal's published contract files, never the journal's classes. */
class SchoolRegisteredContractTests {

    static final String TYPE = "journal.school.registered.v1";

    @Test
    void theProducersExampleIsValidAndReadsIntoMonitoringsOwnRecord() throws IOException {
        Path schema = JsonSchemas.repositoryFile("journal-service/src/main/resources/contracts/schemas/" + TYPE + ".json");
        Path example = JsonSchemas.repositoryFile("journal-service/src/main/resources/contracts/examples/" + TYPE + ".json");
        String json = Files.readString(example);
        JsonSchemas.assertValid(schema, json);

        SchoolRegistered event = EventJson.read(json.getBytes(), SchoolRegistered.class);

        assertThat(event.schoolId()).isNotBlank();
        assertThat(event.municipalityId()).isEqualTo("ntgo");
        assertThat(event.timeZone()).isEqualTo("Asia/Yekaterinburg");
        assertThat(event.registeredAt()).isNotNull();
    }

    @Test
    void fieldsTheJournalAddsLaterAreIgnored() {
        String json = """
                {"schoolId":"s1","name":"n","municipalityId":"m","timeZone":"Asia/Yekaterinburg",
                 "registeredAt":"2026-09-01T03:00:00Z","director":{"id":"x"},"newFlag":true}""";
        assertThat(EventJson.read(json.getBytes(), SchoolRegistered.class).schoolId()).isEqualTo("s1");
    }
}
