package ru.eshkola.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessagingException;

class DeadLetterPublishingTests {

    @Test
    void deadLetterTopicIsNamedAfterTopicAndGroup() {
        assertThat(DeadLetterPublishing.deadLetterTopic("journal.grades", "diary-service"))
                .isEqualTo("journal.grades.diary-service.dlt");
    }

    @Test
    void theReasonIsTheClassifiedEventFailureNotTheFrameworkWrapper() {
        Exception wrapped = new MessagingException("wrapper",
                new MalformedEventException("bad", new IllegalArgumentException("parser detail")));
        assertThat(DeadLetterPublishing.rootCause(wrapped)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anUnclassifiedFailureIsReportedByItsRootCause() {
        Exception wrapped = new MessagingException("wrapper", new RuntimeException("outer",
                new IllegalStateException("root")));
        assertThat(DeadLetterPublishing.rootCause(wrapped)).isInstanceOf(IllegalStateException.class)
                .hasMessage("root");
    }
}
