package ru.eshkola.notification.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.notification.Family;
import ru.eshkola.notification.Feed;
import ru.eshkola.notification.NotificationIT;
import ru.eshkola.notification.TestMail;
import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.digests.Digests;
import ru.eshkola.notification.preferences.Category;
import ru.eshkola.notification.preferences.UnsubscribeLinks;

/**
 * Grades reach the mother of the student — at once when she chose so, otherwise in the day's digest at her hour —
 * only while a consent with EMAIL_NOTICES is in force, and no longer once she unsubscribed through the mail's link.
 */
@NotificationIT
class ProgressNoticesIT {

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Contacts contacts;
    @Autowired
    ShiftedClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    UnsubscribeLinks links;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    Feed feed() {
        return new Feed(kafka);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Family.ZONE);
    }

    void chooseInstantGrades(String accountId) {
        HttpResponse<String> response = Http.local(port).send(Http.local(port)
                .request("/api/v1/recipients/" + accountId + "/preferences")
                .header("Content-Type", "application/json").header("X-Actor-Id", accountId)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"modes\":{\"GRADES\":\"INSTANT\"}}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    void grade(Family family, String gradeId, String value, Instant at, String eventId) {
        feed().send("journal-service", "journal.grades", "journal.grade.recorded.v1", family.studentId(),
                feed().grade(gradeId, family.studentId(), family.schoolId(), family.subjectId(), value, at, today()),
                eventId);
    }

    @Test
    void aGuardianWhoChoseInstantMailsGetsEachGradeAtOnceAndCanUnsubscribeThroughTheLink() {
        Family family = Family.arrive(feed(), contacts, today(), "DIARY_AND_JOURNAL", "EMAIL_NOTICES");
        chooseInstantGrades(family.guardianId());

        grade(family, Feed.id(), "5", clock.instant(), Feed.id());

        MimeMessage mail = TestMail.awaitOne(family.guardianEmail());
        assertThat(TestMail.subject(mail)).isEqualTo("Новая оценка: Иванова Анна, Математика — 5");
        assertThat(TestMail.text(mail)).contains("Иванова Анна получил(а) оценку 5 по предмету «Математика» "
                + "(ответ на уроке) за урок").contains("МБОУ СОШ 2");
        assertThat(TestMail.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8084/api/v1/unsubscribe");

        Matcher link = Pattern.compile("/api/v1/unsubscribe\\?token=([A-Za-z0-9_.-]+)").matcher(TestMail.text(mail));
        assertThat(link.find()).isTrue();
        String path = "/api/v1/unsubscribe?token=" + link.group(1);
        HttpResponse<String> confirm = Http.local(port).get(path);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("«оценки»").contains("Отписаться");
        HttpResponse<String> done = Http.local(port).send(Http.local(port).request(path)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Готово");
        assertThat(Http.local(port).get("/api/v1/recipients/" + family.guardianId() + "/preferences").body())
                .contains("\"category\":\"GRADES\",\"name\":\"оценки\",\"mandatory\":false,\"digestible\":true,"
                        + "\"mode\":\"INSTANT\",\"subscribed\":false");

        double unsubscribed = skipped("unsubscribed");
        grade(family, Feed.id(), "4", clock.instant(), Feed.id());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> skipped("unsubscribed") > unsubscribed);
        assertThat(TestMail.to(family.guardianEmail())).hasSize(1);
    }

    @Test
    void aMandatoryNoticeCannotBeUnsubscribedAndAForgedLinkIsRefused() {
        HttpResponse<String> mandatory = Http.local(port).send(Http.local(port)
                .request("/api/v1/unsubscribe?token=" + links.token("someone", Category.MAINTENANCE))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(mandatory.statusCode()).isEqualTo(422);
        assertThat(mandatory.body()).contains("отписаться нельзя");
        String forged = links.token("someone", Category.GRADES).replaceFirst("\\.(.)", ".x");
        assertThat(Http.local(port).get("/api/v1/unsubscribe?token=" + forged).statusCode()).isEqualTo(400);
        HttpResponse<String> viaApi = Http.local(port).send(Http.local(port)
                .request("/api/v1/recipients/someone/preferences").header("Content-Type", "application/json")
                .header("X-Actor-Id", "someone")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"unsubscribed\":[\"CREDENTIALS\"]}")));
        assertThat(viaApi.statusCode()).isEqualTo(400);
        assertThat(viaApi.body()).contains("\"field\":\"unsubscribed\"");
    }

    @Test
    void withoutAConsentToEmailNoticesNoGradeIsMailed() {
        Family family = Family.arrive(feed(), contacts, today(), "DIARY_AND_JOURNAL");
        chooseInstantGrades(family.guardianId());
        grade(family, Feed.id(), "3", clock.instant(), Feed.id());

        feed().consent(family.studentId(), family.schoolId(), "EMAIL_NOTICES");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> contacts.student(family.studentId()).orElseThrow().emailNotices());
        grade(family, Feed.id(), "5", clock.instant(), Feed.id());

        MimeMessage mail = TestMail.awaitOne(family.guardianEmail());
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMail.to(family.guardianEmail()).size() == 1);
        assertThat(TestMail.subject(mail)).endsWith("— 5");
    }

    @Test
    void theDigestHoldsTheDaysGradesInOneMailAtTheChosenHourAndAReplaySendsNothingAgain() {
        // the lessons' day, fixed before the clock moves to the digest hour (which may be tomorrow)
        LocalDate lessonDay = today();
        Family family = Family.arrive(feed(), contacts, lessonDay, "EMAIL_NOTICES");
        Instant now = clock.instant();
        String first = Feed.id();
        List<String> eventIds = List.of(Feed.id(), Feed.id(), Feed.id());
        List<ObjectNode> grades = List.of(
                feed().grade(first, family.studentId(), family.schoolId(), family.subjectId(), "5", now, lessonDay),
                feed().grade(Feed.id(), family.studentId(), family.schoolId(), family.subjectId(), "4",
                        now.plusSeconds(60), lessonDay),
                feed().grade(Feed.id(), family.studentId(), family.schoolId(), family.subjectId(), "3",
                        now.plusSeconds(120), lessonDay));
        for (int i = 0; i < grades.size(); i++) {
            feed().send("journal-service", "journal.grades", "journal.grade.recorded.v1", family.studentId(),
                    grades.get(i), eventIds.get(i));
        }
        ObjectNode corrected = Feed.example("journal-service", "journal.grade.corrected.v1")
                .put("gradeId", first).put("studentId", family.studentId()).put("schoolId", family.schoolId())
                .put("subjectId", family.subjectId()).put("value", "4").put("previousValue", "5")
                .put("lessonDate", lessonDay.toString()).put("enteredAt", now.toString())
                .put("correctedAt", now.plusSeconds(180).toString()).put("version", 2);
        feed().send("journal-service", "journal.grades", "journal.grade.corrected.v1", family.studentId(), corrected,
                Feed.id());
        ObjectNode absence = Feed.example("journal-service", "journal.absence.recorded.v1")
                .put("absenceId", Feed.id()).put("studentId", family.studentId()).put("schoolId", family.schoolId())
                .put("subjectId", family.subjectId()).put("lessonDate", lessonDay.toString())
                .put("enteredAt", now.toString()).put("version", 1);
        feed().send("journal-service", "journal.absences", "journal.absence.recorded.v1", family.studentId(), absence,
                Feed.id());

        Instant due = Digests.slotAfter(now, Family.ZONE, 18).toInstant();
        String digestId = "progress:" + family.guardianId() + ":" + due.atZone(Family.ZONE).toLocalDate();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> items(digestId) == 4);
        assertThat(TestMail.to(family.guardianEmail())).as("nothing before the hour").isEmpty();

        clock.advanceTo(due.plusSeconds(1));

        MimeMessage digest = TestMail.awaitOne(family.guardianEmail());
        assertThat(TestMail.subject(digest)).isEqualTo("Успеваемость за "
                + ru.eshkola.notification.mail.RussianDates.date(due.atZone(Family.ZONE).toLocalDate())
                + ": записей в журнале — 4");
        String text = TestMail.text(digest);
        assertThat(text).contains("Оценки:")
                .contains("исправлена: было 5, стало 4")
                .contains("Иванова Анна, Математика, урок " + ru.eshkola.notification.mail.RussianDates.date(lessonDay)
                        + ": 4 (ответ на уроке)")
                .contains(": 3 (ответ на уроке)")
                .contains("Пропуски уроков:").contains("отсутствовал(а), по болезни");

        // replay: the same events, also after the consumers forgot their ids — the sent digest has these versions
        mongo.getCollection("processed_events").deleteMany(new Document());
        double processed = processedGrades();
        for (int i = 0; i < grades.size(); i++) {
            feed().send("journal-service", "journal.grades", "journal.grade.recorded.v1", family.studentId(),
                    grades.get(i), eventIds.get(i));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> processedGrades() >= processed + 3);
        clock.advance(Duration.ofDays(1));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMail.to(family.guardianEmail()).size() == 1);
        assertThat(mongo.getCollection("digests").countDocuments(new Document("recipientId", family.guardianId())))
                .as("no second digest was opened for replayed grades").isEqualTo(1);
    }

    private long items(String digestId) {
        Document digest = mongo.getCollection("digests").find(new Document("_id", digestId)).first();
        return digest == null || !(digest.get("items") instanceof Document items) ? 0 : items.size();
    }

    private double skipped(String reason) {
        return meters.find("eshkola.notification.events.skipped").tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double processedGrades() {
        return meters.find("eshkola.events.consumed").tag("consumer", "progress-grades").tag("outcome", "processed")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
