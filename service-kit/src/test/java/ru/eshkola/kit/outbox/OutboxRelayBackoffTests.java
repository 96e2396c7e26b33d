package ru.eshkola.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class OutboxRelayBackoffTests {

    @Test
    void retriesWaitExponentiallyLongerUpToTheCeiling() {
        OutboxSettings settings = new OutboxSettings(true, 10, 10, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(5), false);
        OutboxRelay relay = new OutboxRelay(null, null, settings, Set.of(), "/test", new SimpleMeterRegistry());
        assertThat(relay.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(relay.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(relay.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(relay.backoff(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(relay.backoff(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(relay.backoff(60)).isEqualTo(Duration.ofSeconds(5));
    }
}
