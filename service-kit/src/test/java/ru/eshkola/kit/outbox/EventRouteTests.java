package ru.eshkola.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EventRouteTests {

    @Test
    void acceptsVersionedTypesNamedServiceEntityVerb() {
        assertThat(new EventRoute("journal.grade.recorded.v1", "journal.grades").type())
                .isEqualTo("journal.grade.recorded.v1");
        assertThat(new EventRoute("journal.period-result.corrected.v12", "journal.period-results").topic())
                .isEqualTo("journal.period-results");
    }

    @Test
    void rejectsTypesWithoutAMajorVersionOrDerivedFromClassNames() {
        assertThatThrownBy(() -> new EventRoute("journal.grade.recorded", "journal.grades"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventRoute("ru.eshkola.GradeRecorded.v1", "journal.grades"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventRoute("journal.grade.recorded.v0", "journal.grades"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntrySerialisesItsDataWhenRecordedAndOmitsNulls() {
        record Data(String a, String b, Instant at) {
        }
        OutboxEntry entry = OutboxEntry.of(new EventRoute("x.y.happened.v1", "x.ys"), "k", "s",
                Instant.parse("2026-11-25T08:00:00Z"), new Data("1", null, Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(entry.data()).isEqualTo("{\"a\":\"1\",\"at\":\"2026-11-25T08:00:00Z\"}");
        assertThat(entry.eventId()).isNotBlank();
    }
}
