package ru.eshkola.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTests {

    @Test
    void idsAreVersion7UuidsWithTheIetfVariant() {
        UUID id = UUID.fromString(EventIds.next());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsCarryTheirCreationTimeSoLaterIdsSortAfterEarlierOnes() throws InterruptedException {
        String first = EventIds.next();
        Thread.sleep(2);
        String second = EventIds.next();
        assertThat(second).isGreaterThan(first);
        long millis = UUID.fromString(second).getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 1_000, System.currentTimeMillis());
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next());
        }
        assertThat(ids).hasSize(100_000);
    }
}
