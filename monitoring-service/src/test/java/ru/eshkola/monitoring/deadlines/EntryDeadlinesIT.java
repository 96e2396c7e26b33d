package ru.eshkola.monitoring.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.monitoring.Feed;
import ru.eshkola.monitoring.MonitoringIntegrationTest;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * Entries judged when they arrive (grades within 5 days, absences on the day), in the school's time zone
 * (Asia/Yekaterinburg, UTC+5): a lesson on 24 November is graded in time until 29 November 23:59 local time.
 */
@MonitoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryDeadlinesIT {

    static final LocalDate LESSON = LocalDate.of(2026, 11, 24);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    SchoolCalendars schools;
    @Autowired
    DeadlineBook book;

    Feed feed;
    EventProbe violations;
    String school;
    final String classId = EventIds.next();

    @BeforeAll
    void school() {
        feed = new Feed(kafka, schools);
        violations = EventProbe.on("monitoring.violations");
        school = feed.school("ntgo", "МБОУ СОШ 1");
    }

    @AfterAll
    void close() throws InterruptedException {
        violations.close();
    }

    @Test
    void aGradeEnteredOnDayFiveIsOnTimeAndOnDaySixIsALateViolation() {
        String onDayFive = EventIds.next();
        String onDaySix = EventIds.next();
        feed.grade(school, classId, "student-a", onDayFive, LESSON, "2026-11-29T18:59:00Z"); // 23:59 local, day 5
        feed.grade(school, classId, "student-b", onDaySix, LESSON, "2026-11-29T19:00:01Z"); // 00:00 local, day 6

        assertThat(deadline(Rule.GRADE_ENTRY + ":" + onDayFive).state()).isEqualTo(DeadlineState.MET);
        Deadline late = deadline(Rule.GRADE_ENTRY + ":" + onDaySix);
        assertThat(late.state()).isEqualTo(DeadlineState.LATE);
        assertThat(late.dueAt()).hasToString("2026-11-29T19:00:00Z");

        ConsumerRecord<byte[], byte[]> opened = opened(late.id());
        JsonSchemas.assertValidEvent("monitoring-service", opened);
        assertThat(EventProbe.key(opened)).isEqualTo(school);
        assertThat(EventProbe.value(opened)).contains("\"kind\":\"LATE\"").contains("\"rule\":\"GRADE_ENTRY\"")
                .contains("\"studentId\":\"student-b\"").contains("\"dueAt\":\"2026-11-29T19:00:00Z\"");
        assertThat(Http.local(port).get("/api/v1/violations/" + late.id()).body()).contains("\"state\":\"OPEN\"");
        assertThat(Http.local(port).get("/api/v1/violations/" + Rule.GRADE_ENTRY + ":" + onDayFive).statusCode())
                .isEqualTo(404);
        assertThat(Http.local(port).get("/api/v1/violations?schoolId=" + school + "&classId=" + classId
                + "&state=OPEN").body()).contains(late.id()).doesNotContain(onDayFive);
    }

    @Test
    void anAbsenceEnteredTheNextDayIsLateAndOneEnteredOnTheDayIsNot() {
        String sameDay = EventIds.next();
        String nextDay = EventIds.next();
        feed.absence(school, classId, "student-c", sameDay, LESSON, "2026-11-24T18:30:00Z"); // 23:30 local
        feed.absence(school, classId, "student-d", nextDay, LESSON, "2026-11-25T03:00:00Z"); // 08:00 next day

        assertThat(deadline(Rule.ABSENCE_ENTRY + ":" + sameDay).state()).isEqualTo(DeadlineState.MET);
        assertThat(deadline(Rule.ABSENCE_ENTRY + ":" + nextDay).state()).isEqualTo(DeadlineState.LATE);
        JsonSchemas.assertValidEvent("monitoring-service", opened(Rule.ABSENCE_ENTRY + ":" + nextDay));
    }

    @Test
    void aLateGradeThatIsWithdrawnClosesItsViolationAsWithdrawn() {
        String grade = EventIds.next();
        feed.grade(school, classId, "student-e", grade, LESSON, "2026-12-02T05:00:00Z");
        String id = Rule.GRADE_ENTRY + ":" + grade;
        opened(id);

        feed.gradeWithdrawn(school, classId, "student-e", grade, LESSON, "2026-12-02T05:00:00Z");

        ConsumerRecord<byte[], byte[]> closed = violations.await(EventProbe.withHeader("ce_subject", id)
                .and(EventProbe.withHeader("ce_type", "monitoring.violation.closed.v1")), Duration.ofSeconds(20));
        JsonSchemas.assertValidEvent("monitoring-service", closed);
        assertThat(EventProbe.value(closed)).contains("\"resolution\":\"WITHDRAWN\"").contains("\"version\":2");
        assertThat(book.find(id)).get().extracting(Deadline::state).isEqualTo(DeadlineState.CANCELLED);
    }

    @Test
    void aGradeThatArrivesBeforeItsSchoolIsJudgedOnceTheSchoolIsKnown() {
        String unknownSchool = EventIds.next();
        String grade = EventIds.next();
        feed.grade(unknownSchool, classId, "student-f", grade, LESSON, "2026-12-05T05:00:00Z");
        assertThat(deadline(Rule.GRADE_ENTRY + ":" + grade).state()).isEqualTo(DeadlineState.UNJUDGED);

        feed.schoolEvent(unknownSchool, Feed.journal("journal.school.registered.v1").put("schoolId", unknownSchool)
                .put("code", "late-" + unknownSchool));

        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(Rule.GRADE_ENTRY + ":" + grade)
                .map(d -> d.state() == DeadlineState.LATE).orElse(false));
        opened(Rule.GRADE_ENTRY + ":" + grade);
    }

    private Deadline deadline(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(id).isPresent());
        Optional<Deadline> deadline = book.find(id);
        return deadline.orElseThrow();
    }

    private ConsumerRecord<byte[], byte[]> opened(String violationId) {
        return violations.await(EventProbe.withHeader("ce_subject", violationId)
                .and(EventProbe.withHeader("ce_type", "monitoring.violation.opened.v1")), Duration.ofSeconds(20));
    }
}
