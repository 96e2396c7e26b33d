package ru.eshkola.notification.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.eshkola.kit.problems.ProblemException;

class MaintenanceRulesTests {

    static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final MaintenanceSettings RULES = new MaintenanceSettings(LocalTime.of(2, 0), LocalTime.of(6, 0),
            Duration.ofDays(7), Duration.ofHours(4), Duration.ofHours(24), Duration.ofHours(24),
            List.of(Duration.ofHours(24), Duration.ofHours(1)), Duration.ofMinutes(1));
    static final Instant NOW = LocalDate.of(2026, 11, 25).atTime(10, 0).atZone(YEKATERINBURG).toInstant();

    static Instant at(int day, int hour, ZoneId zone) {
        return LocalDate.of(2026, 11, day).atTime(hour, 0).atZone(zone).toInstant();
    }

    @Test
    void aNightWindowTwoDaysAheadIsAcceptedWithoutWarnings() {
        var verdict = MaintenanceRules.judge(at(27, 2, YEKATERINBURG), at(27, 5, YEKATERINBURG), NOW,
                Set.of(YEKATERINBURG), false, RULES);
        assertThat(verdict.night()).isTrue();
        assertThat(verdict.shortNotice()).isFalse();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void aDaytimeWindowLessThanAWeekAheadIsRefusedNamingStart() {
        assertThatThrownBy(() -> MaintenanceRules.judge(at(27, 10, YEKATERINBURG), at(27, 12, YEKATERINBURG), NOW,
                Set.of(YEKATERINBURG), false, RULES))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.type().toString()).isEqualTo("urn:eshkola:problem:maintenance-short-notice");
                    assertThat(e.errors().getFirst().field()).isEqualTo("start");
                });
    }

    @Test
    void anAcknowledgedEmergencyIsAcceptedAsShortNoticeWithAWarning() {
        var verdict = MaintenanceRules.judge(at(27, 10, YEKATERINBURG), at(27, 12, YEKATERINBURG), NOW,
                Set.of(YEKATERINBURG), true, RULES);
        assertThat(verdict.shortNotice()).isTrue();
        assertThat(verdict.warnings()).singleElement().asString().startsWith("SHORT_NOTICE");
    }

    @Test
    void aDaytimeWindowAWeekAheadIsAcceptedAndALongOneWarnsOfSchoolHolidays() {
        var day = MaintenanceRules.judge(at(25, 10, YEKATERINBURG).plus(Duration.ofDays(8)),
                at(25, 20, YEKATERINBURG).plus(Duration.ofDays(8)), NOW, Set.of(YEKATERINBURG), false, RULES);
        assertThat(day.night()).isFalse();
        assertThat(day.warnings()).singleElement().asString().startsWith("LONG_WORK");
    }

    @Test
    void aWindowThatIsNightInOneZoneButNotInAnotherNeedsAWeeksNotice() {
        // 02:00-05:00 in Yekaterinburg is 00:00-03:00 in Moscow
        assertThatThrownBy(() -> MaintenanceRules.judge(at(27, 2, YEKATERINBURG), at(27, 5, YEKATERINBURG), NOW,
                Set.of(YEKATERINBURG, MOSCOW), false, RULES)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aWindowOverlappingTheNightsEndOrLongerThanADayIsNotANightWindow() {
        assertThat(MaintenanceRules.insideNight(at(27, 2, YEKATERINBURG), at(27, 7, YEKATERINBURG), YEKATERINBURG,
                RULES)).isFalse();
        assertThat(MaintenanceRules.insideNight(at(27, 1, YEKATERINBURG), at(27, 3, YEKATERINBURG), YEKATERINBURG,
                RULES)).isFalse();
        assertThatThrownBy(() -> MaintenanceRules.judge(at(30, 2, YEKATERINBURG),
                at(30, 2, YEKATERINBURG).plus(Duration.ofHours(25)), NOW, Set.of(YEKATERINBURG), false, RULES))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("end"));
    }

    @Test
    void aNightWindowAnnouncedTheSameDayWarnsThatUsersMayNotReadItInTime() {
        var verdict = MaintenanceRules.judge(at(26, 2, YEKATERINBURG), at(26, 4, YEKATERINBURG), NOW,
                Set.of(YEKATERINBURG), false, RULES);
        assertThat(verdict.warnings()).singleElement().asString().startsWith("LATE_NOTICE");
    }

    @Test
    void aWindowInThePastOrEndingBeforeItStartsIsInvalid() {
        assertThatThrownBy(() -> MaintenanceRules.judge(at(24, 2, YEKATERINBURG), at(24, 1, YEKATERINBURG), NOW,
                Set.of(YEKATERINBURG), false, RULES))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("start", "end"));
    }
}
