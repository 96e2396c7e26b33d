package ru.eshkola.notification.violations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.notification.Family;
import ru.eshkola.notification.Feed;
import ru.eshkola.notification.NotificationIT;
import ru.eshkola.notification.TestMail;
import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.digests.Digests;
import ru.eshkola.notification.mail.RussianDates;

/**
 * Mails to school staff: deadline violations batched into one mail per person per day (the teacher gets theirs, the
 * administrator the school's), and the notice that a paper extract is ready.
 */
@NotificationIT
class StaffMailsIT {

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Contacts contacts;
    @Autowired
    ShiftedClock clock;
    @Autowired
    MongoTemplate mongo;

    LocalDate lessonDay;

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Family.ZONE);
    }

    ObjectNode violation(Family family, String rule, String kind, String teacherId, Instant detectedAt) {
        return Feed.example("monitoring-service", "monitoring.violation.opened.v1")
                .put("violationId", rule + ":" + Feed.id() + ":" + family.studentId()).put("rule", rule)
                .put("kind", kind).put("schoolId", family.schoolId()).put("classId", family.classId())
                .put("subjectId", family.subjectId()).put("teacherId", teacherId)
                .put("studentId", family.studentId()).put("lessonDate", lessonDay.toString())
                .put("dueAt", detectedAt.minus(Duration.ofHours(1)).toString())
                .put("detectedAt", detectedAt.toString()).put("version", 1);
    }

    void publish(Feed feed, String type, ObjectNode data, String eventId) {
        feed.send("monitoring-service", "monitoring.violations", type, data.get("schoolId").asString(), data, eventId);
    }

    @Test
    void violationsComeAsOneMailPerPersonPerDayAndAReplayMailsNothingAgain() {
        Feed feed = new Feed(kafka);
        Family family = Family.arrive(feed, contacts, today(), "EMAIL_NOTICES");
        Instant now = clock.instant();
        lessonDay = today().minusDays(6);
        List<ObjectNode> opened = List.of(
                violation(family, "GRADE_ENTRY", "MISSING", family.teacherId(), now),
                violation(family, "ABSENCE_ENTRY", "LATE", family.teacherId(), now.plusSeconds(1)),
                violation(family, "HOMEWORK", "MISSING", family.administratorId(), now.plusSeconds(2)),
                violation(family, "LESSON_TOPIC", "MISSING", family.teacherId(), now.plusSeconds(3)));
        List<String> ids = new ArrayList<>();
        for (ObjectNode v : opened) {
            String id = Feed.id();
            ids.add(id);
            publish(feed, "monitoring.violation.opened.v1", v, id);
        }
        // the lesson topic was not required after all: closed the same day, left out of the mails
        ObjectNode closed = opened.get(3).deepCopy().put("version", 2).put("closedAt", now.plusSeconds(4).toString())
                .put("resolution", "NOT_REQUIRED");
        String closedId = Feed.id();
        publish(feed, "monitoring.violation.closed.v1", closed, closedId);

        Instant due = Digests.slotAfter(now, Family.ZONE, 16).toInstant();
        String digestId = "violations:" + family.schoolId() + ":" + due.atZone(Family.ZONE).toLocalDate();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> closedItem(digestId));
        clock.advanceTo(due.plusSeconds(1));

        String date = RussianDates.date(due.atZone(Family.ZONE).toLocalDate());
        MimeMessage teacher = TestMail.awaitOne(family.teacherEmail());
        assertThat(TestMail.subject(teacher)).isEqualTo("Сроки заполнения журнала за " + date + ": нарушений — 2");
        assertThat(TestMail.text(teacher)).contains("Здравствуйте, Смирнова Ольга Петровна!")
                .contains("оценки за урок (срок — 5 дней), 7Б, Математика, урок "
                        + RussianDates.date(lessonDay) + ", Иванова Анна: не внесено в срок")
                .contains("отметка об отсутствии (в день урока)").contains("внесено с опозданием")
                .doesNotContain("тема урока");
        MimeMessage administrator = awaitSubject(family.administratorEmail(), "МБОУ СОШ 2: нарушения");
        assertThat(TestMail.subject(administrator)).isEqualTo("МБОУ СОШ 2: нарушения сроков заполнения журнала за "
                + date + " — 3");
        assertThat(TestMail.text(administrator)).contains("- Смирнова Ольга Петровна: оценки за урок")
                .contains("- Петрова Елена Петровна: домашнее задание");

        mongo.getCollection("processed_events").deleteMany(new Document());
        for (int i = 0; i < opened.size(); i++) {
            publish(feed, "monitoring.violation.opened.v1", opened.get(i), ids.get(i));
        }
        publish(feed, "monitoring.violation.closed.v1", closed, closedId);
        clock.advance(Duration.ofDays(1));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).until(() ->
                TestMail.to(family.teacherEmail()).size() == 1);
        assertThat(mongo.getCollection("digests").countDocuments(new Document("recipientId", family.schoolId())))
                .as("replayed violations opened no second day").isEqualTo(1);
    }

    @Test
    void theAdministratorIsToldThatAPaperExtractIsReady() {
        Feed feed = new Feed(kafka);
        Family family = Family.arrive(feed, contacts, today(), "EMAIL_NOTICES");
        ObjectNode ready = Feed.example("diary-service", "diary.extract.ready.v1").put("extractId", Feed.id())
                .put("studentId", family.studentId()).put("schoolId", family.schoolId())
                .put("readyAt", clock.instant().toString());
        feed.send("diary-service", "diary.extracts", "diary.extract.ready.v1", family.studentId(), ready, Feed.id());

        MimeMessage mail = awaitSubject(family.administratorEmail(), "Выписка");
        assertThat(TestMail.subject(mail)).isEqualTo("Выписка из электронного журнала готова: Иванова Анна Сергеевна, "
                + "01.09.2026–25.11.2026");
        assertThat(TestMail.text(mail)).contains("http://localhost:8082" + ready.get("downloadPath").asString())
                .contains("страниц: 1");
        assertThat(TestMail.to(family.teacherEmail())).as("teachers are not told").isEmpty();
    }

    private boolean closedItem(String digestId) {
        Document digest = mongo.getCollection("digests").find(new Document("_id", digestId)).first();
        return digest != null && digest.get("items") instanceof Document items && items.size() == 4
                && items.values().stream().anyMatch(i -> "NOT_REQUIRED".equals(((Document) i).getString("resolution")));
    }

    private static MimeMessage awaitSubject(String address, String prefix) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(address).stream()
                .anyMatch(m -> TestMail.subject(m).startsWith(prefix)));
        return TestMail.to(address).stream().filter(m -> TestMail.subject(m).startsWith(prefix)).findFirst()
                .orElseThrow();
    }
}
