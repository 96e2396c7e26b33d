package ru.eshkola.notification.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DigestSlotTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");

    @Test
    void aChangeBeforeTheHourGoesIntoThatDaysDigestAndOneAfterIntoTheNextDays() {
        var morning = LocalDateTime.of(2026, 11, 24, 10, 15).atZone(ZONE).toInstant();
        var evening = LocalDateTime.of(2026, 11, 24, 18, 0).atZone(ZONE).toInstant();
        assertThat(Digests.slotAfter(morning, ZONE, 18).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 18, 0));
        assertThat(Digests.slotAfter(evening, ZONE, 18).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 11, 25, 18, 0));
    }

    @Test
    void theHourIsTheSchoolsLocalHour() {
        var instant = LocalDateTime.of(2026, 11, 24, 12, 0).atZone(ZONE).toInstant();
        assertThat(Digests.slotAfter(instant, ZONE, 16).toInstant())
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 11, 0).atZone(ZoneId.of("UTC")).toInstant());
    }
}
