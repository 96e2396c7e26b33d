package ru.eshkola.monitoring.violations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.outbox.OutboxEntry;
import ru.eshkola.kit.testing.JsonSchemas;

/** Every event a violation records is valid against monitoring's own published schemas. */
class ViolationEventsTests {

    static final ViolationFacts LATE_GRADE = new ViolationFacts("GRADE_ENTRY:l1:s1:1", "GRADE_ENTRY", "school-1",
            "class-1", "maths", "teacher-1", "s1", "l1", LocalDate.of(2026, 11, 24), null,
            Instant.parse("2026-11-29T19:00:00Z"));

    @Test
    void openingAndClosingRecordEventsMatchingTheSchemasWithGrowingVersions() {
        Violation violation = Violation.open(LATE_GRADE, "LATE", Instant.parse("2026-11-30T04:00:00Z"));
        violation.close("WITHDRAWN", Instant.parse("2026-11-30T04:00:00Z"), Instant.parse("2026-12-01T04:00:00Z"));
        violation.reopen("LATE", Instant.parse("2026-12-02T04:00:00Z"));

        assertThat(violation.pendingEvents()).extracting(OutboxEntry::type).containsExactly(
                "monitoring.violation.opened.v1", "monitoring.violation.closed.v1", "monitoring.violation.opened.v1");
        for (OutboxEntry event : violation.pendingEvents()) {
            JsonSchemas.assertValid(JsonSchemas.repositoryFile("monitoring-service/src/main/resources/contracts/schemas/"
                    + event.type() + ".json"), event.data());
            assertThat(event.topic()).isEqualTo("monitoring.violations");
            assertThat(event.key()).isEqualTo("school-1");
            assertThat(event.subject()).isEqualTo("GRADE_ENTRY:l1:s1:1");
        }
        assertThat(violation.pendingEvents().get(1).data()).contains("\"version\":2")
                .contains("\"lessonDate\":\"2026-11-24\"");
        assertThat(violation.pendingEvents().get(2).data()).contains("\"version\":3");
    }

    @Test
    void theExamplesAreValidAgainstTheSchemas() {
        for (String type : new String[] {"monitoring.violation.opened.v1", "monitoring.violation.closed.v1"}) {
            JsonSchemas.assertValid(JsonSchemas.repositoryFile("monitoring-service/src/main/resources/contracts/schemas/"
                    + type + ".json"), read("monitoring-service/src/main/resources/contracts/examples/" + type + ".json"));
        }
    }

    private static String read(String path) {
        try {
            return java.nio.file.Files.readString(JsonSchemas.repositoryFile(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
