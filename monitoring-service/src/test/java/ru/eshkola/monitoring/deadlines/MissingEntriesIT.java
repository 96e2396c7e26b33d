package ru.eshkola.monitoring.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.monitoring.Feed;
import ru.eshkola.monitoring.MonitoringIntegrationTest;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * Expected entries nobody made: the durable timer flags them once their deadline passed (school time zone
 * Asia/Yekaterinburg, UTC+5), and a late entry closes the violation.
 */
@MonitoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingEntriesIT {

    static final LocalDate FIRST_QUARTER_END = LocalDate.of(2026, 10, 23);
    static final String MATHS = "subject-maths";
    static final String TEACHER = "teacher-1";

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    SchoolCalendars schools;
    @Autowired
    DeadlineBook book;
    @Autowired
    ExpectedEntries expected;
    @Autowired
    MissingEntryTimer timer;
    @Autowired
    DeadlineSettings settings;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ShiftedClock clock;

    Feed feed;
    EventProbe violations;

    @BeforeAll
    void probe() {
        feed = new Feed(kafka, schools);
        violations = EventProbe.on("monitoring.violations");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        timer.start();
    }

    @AfterAll
    void close() throws InterruptedException {
        violations.close();
    }

    @Test
    void aMissingPeriodResultIsFlaggedAfterDayTwoAndClosedWhenItArrives() {
        clock.setTo("2026-10-25T12:00:00Z"); // 17:00 local on day 2 after the quarter's last day
        String school = feed.school("ntgo", "МБОУ СОШ 2");
        feed.schoolYear(school);
        String classId = EventIds.next();
        feed.classOpened(school, classId, "7Б");
        feed.enrol(school, classId, "anna", LocalDate.of(2026, 9, 1));
        feed.enrol(school, classId, "boris", LocalDate.of(2026, 9, 1));
        feed.assign(school, classId, MATHS, TEACHER, LocalDate.of(2026, 9, 1));
        String quarter = schools.of(school).orElseThrow().years().getFirst().periods().getFirst().id();
        String anna = Entries.periodResultId(classId, quarter, "anna", MATHS);
        String boris = Entries.periodResultId(classId, quarter, "boris", MATHS);
        feed.periodResult(school, classId, "anna", MATHS, quarter, FIRST_QUARTER_END, "2026-10-24T08:00:00Z");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            materialise(school);
            assertThat(book.find(boris)).get().extracting(Deadline::state).isEqualTo(DeadlineState.PENDING);
            assertThat(book.find(anna)).get().extracting(Deadline::state).isEqualTo(DeadlineState.MET);
        });
        assertThat(book.find(boris).orElseThrow().dueAt()).hasToString("2026-10-25T19:00:00Z");
        assertThat(book.find(boris).orElseThrow().teacherId()).isEqualTo(TEACHER);

        timer.tick();
        assertThat(book.find(boris)).get().extracting(Deadline::state)
                .as("not flagged while day 2 lasts").isEqualTo(DeadlineState.PENDING);

        clock.setTo("2026-10-25T19:00:30Z"); // half a minute into day 3, local time
        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(boris).orElseThrow().state()
                == DeadlineState.MISSING);
        ConsumerRecord<byte[], byte[]> opened = violations.await(EventProbe.withHeader("ce_subject", boris)
                .and(EventProbe.withHeader("ce_type", "monitoring.violation.opened.v1")), Duration.ofSeconds(20));
        JsonSchemas.assertValidEvent("monitoring-service", opened);
        assertThat(EventProbe.value(opened)).contains("\"kind\":\"MISSING\"").contains("\"periodId\":\"" + quarter)
                .contains("\"teacherId\":\"" + TEACHER + "\"");

        feed.periodResult(school, classId, "boris", MATHS, quarter, FIRST_QUARTER_END, "2026-10-26T04:00:00Z");

        ConsumerRecord<byte[], byte[]> closed = violations.await(EventProbe.withHeader("ce_subject", boris)
                .and(EventProbe.withHeader("ce_type", "monitoring.violation.closed.v1")), Duration.ofSeconds(20));
        JsonSchemas.assertValidEvent("monitoring-service", closed);
        assertThat(EventProbe.value(closed)).contains("\"resolution\":\"ENTERED_LATE\"")
                .contains("\"enteredAt\":\"2026-10-26T04:00:00Z\"");
        assertThat(book.find(boris)).get().extracting(Deadline::state).isEqualTo(DeadlineState.LATE);
    }

    @Test
    void aLessonRecordDueWhileTheServiceWasDownIsFlaggedAfterTheRestart() {
        clock.setTo("2026-11-24T03:00:00Z"); // Tuesday 08:00 local
        String school = feed.school("ntgo", "МБОУ СОШ 3");
        feed.schoolYear(school);
        String classId = EventIds.next();
        feed.classOpened(school, classId, "5А");
        feed.timetable(school, classId, MATHS, TEACHER, 1, 1, 2, 3, 4, 5);
        String lesson = Entries.lessonTopicId(classId, LocalDate.of(2026, 11, 24), 1, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(lesson).isPresent());
        assertThat(book.find(lesson).orElseThrow().state()).isEqualTo(DeadlineState.PENDING);
        assertThat(book.find(lesson).orElseThrow().dueAt()).hasToString("2026-11-24T19:00:00Z");

        timer.stop(); // the service is down over the deadline
        clock.setTo("2026-11-24T20:00:00Z");
        pause(Duration.ofSeconds(3));
        assertThat(book.find(lesson).orElseThrow().state()).as("nobody flags while down")
                .isEqualTo(DeadlineState.PENDING);

        // a new process: nothing of the old one's memory, only the store
        MissingEntryTimer restarted = new MissingEntryTimer(mongo, book, settings, clock, new SimpleMeterRegistry());
        restarted.start();
        assertThat(restarted.tick()).isPositive();

        assertThat(book.find(lesson).orElseThrow().state()).isEqualTo(DeadlineState.MISSING);
        JsonSchemas.assertValidEvent("monitoring-service", violations.await(EventProbe.withHeader("ce_subject", lesson)
                .and(EventProbe.withHeader("ce_type", "monitoring.violation.opened.v1")), Duration.ofSeconds(20)));

        feed.lesson(school, classId, MATHS, TEACHER, LocalDate.of(2026, 11, 24), 1, "2026-11-25T03:00:00Z");
        violations.await(EventProbe.withHeader("ce_subject", lesson)
                .and(EventProbe.withHeader("ce_type", "monitoring.violation.closed.v1")), Duration.ofSeconds(20));
        assertThat(book.find(lesson).orElseThrow().lessonId()).isNotNull();
    }

    @Test
    void theRunningTimerFlagsAMissingLessonRecordByItselfWithinSeconds() {
        clock.setTo("2026-11-26T03:00:00Z"); // Thursday 08:00 local
        String school = feed.school("ntgo", "МБОУ СОШ 7");
        feed.schoolYear(school);
        String classId = EventIds.next();
        feed.classOpened(school, classId, "6В");
        feed.timetable(school, classId, MATHS, TEACHER, 1, 4);
        String lesson = Entries.lessonTopicId(classId, LocalDate.of(2026, 11, 26), 1, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(lesson).isPresent());

        clock.setTo("2026-11-26T19:00:15Z");

        await().atMost(Duration.ofSeconds(20)).until(() -> book.find(lesson).orElseThrow().state()
                == DeadlineState.MISSING);
        assertThat(mongo.findById(lesson, DeadlineTimer.class)).as("its timer is done").isNull();
    }

    private void materialise(String schoolId) {
        SchoolCalendar school = schools.of(schoolId).orElseThrow();
        expected.materialise(school);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> ids(List<Deadline> deadlines) {
        return deadlines.stream().map(Deadline::id).toList();
    }
}
