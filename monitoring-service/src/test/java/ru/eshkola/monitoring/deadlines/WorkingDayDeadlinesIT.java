package ru.eshkola.monitoring.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.monitoring.Feed;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * The grade rule counted in working days (its own context: the rule's day kind is configuration). A lesson on the
 * last day of the first quarter, Friday 23 October 2026: then come the weekend, the autumn holidays (24 October –
 * 1 November) and the public holiday of 4 November, so the fifth working day is Monday 9 November.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "eshkola.monitoring.deadlines.terms[GRADE_ENTRY].day-kind=WORKING")
class WorkingDayDeadlinesIT {

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    SchoolCalendars schools;
    @Autowired
    DeadlineBook book;

    @Test
    void workingDaysSkipTheWeekendTheSchoolHolidaysAndPublicHolidays() {
        Feed feed = new Feed(kafka, schools);
        String school = feed.school("ntgo", "МАОУ НТГ");
        feed.schoolYear(school);
        LocalDate lesson = LocalDate.of(2026, 10, 23);
        String onTime = EventIds.next();
        String late = EventIds.next();
        feed.grade(school, "class-1", "student-a", onTime, lesson, "2026-11-09T18:00:00Z"); // Mon 9 Nov 23:00 local
        feed.grade(school, "class-1", "student-b", late, lesson, "2026-11-09T19:00:01Z"); // Tue 10 Nov 00:00 local

        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(Rule.GRADE_ENTRY + ":" + late).isPresent()
                && book.find(Rule.GRADE_ENTRY + ":" + onTime).isPresent());
        Deadline inTime = book.find(Rule.GRADE_ENTRY + ":" + onTime).orElseThrow();
        assertThat(inTime.dueAt()).hasToString("2026-11-09T19:00:00Z");
        assertThat(inTime.state()).isEqualTo(DeadlineState.MET);
        assertThat(book.find(Rule.GRADE_ENTRY + ":" + late).orElseThrow().state()).isEqualTo(DeadlineState.LATE);
    }
}
