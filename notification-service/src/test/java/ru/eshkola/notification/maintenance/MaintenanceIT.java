package ru.eshkola.notification.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.notification.Family;
import ru.eshkola.notification.Feed;
import ru.eshkola.notification.NotificationIT;
import ru.eshkola.notification.TestMail;
import ru.eshkola.notification.contacts.Contacts;

/**
 * An operator announces maintenance of a school: outside 02:00–06:00 local time it must be a week ahead or it is
 * refused; a night window is accepted, every active user of the school — teachers, the administrator, the parents
 * with access — gets the notice, then a reminder; the window lists its recipients with the state of each mail; a
 * cancellation tells them and cancels what is still due.
 */
@NotificationIT
class MaintenanceIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Contacts contacts;
    @Autowired
    ShiftedClock clock;
    @LocalServerPort
    int port;

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Family.ZONE);
    }

    HttpResponse<String> announce(String json) {
        Http http = Http.local(port);
        return http.send(http.request("/api/v1/maintenance-windows").header("Content-Type", "application/json")
                .header("X-Actor-Id", "operator-ntgo").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String window(String scope, String scopeId, OffsetDateTime start, OffsetDateTime end, boolean acknowledge) {
        return """
                {"scope":"%s","scopeId":"%s","start":"%s","end":"%s","reason":"Обновление программного обеспечения сервера",
                 "announcedBy":"Управление образования Нижнетуринского городского округа","acknowledgeShortNotice":%s}"""
                .formatted(scope, scopeId, start, end, acknowledge);
    }

    OffsetDateTime local(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(Family.ZONE).toOffsetDateTime();
    }

    @Test
    void aDaytimeWindowLessThanAWeekAheadIsRefusedUnlessAcknowledgedAsEmergency() {
        Family family = Family.arrive(new Feed(kafka), contacts, today(), "EMAIL_NOTICES");
        LocalDate inTwoDays = today().plusDays(2);

        HttpResponse<String> refused = announce(window("SCHOOL", family.schoolId(), local(inTwoDays, 10),
                local(inTwoDays, 12), false));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.at("/type").asString()).isEqualTo("urn:eshkola:problem:maintenance-short-notice");
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("start");

        HttpResponse<String> emergency = announce(window("SCHOOL", family.schoolId(), local(inTwoDays, 10),
                local(inTwoDays, 12), true));
        assertThat(emergency.statusCode()).as(emergency.body()).isEqualTo(201);
        JsonNode accepted = JSON.readTree(emergency.body());
        assertThat(accepted.at("/shortNotice").asBoolean()).isTrue();
        assertThat(accepted.at("/night").asBoolean()).isFalse();
        assertThat(accepted.at("/warnings/0").asString()).startsWith("SHORT_NOTICE");

        LocalDate inTenDays = today().plusDays(10);
        HttpResponse<String> tooLong = announce(window("SCHOOL", family.schoolId(), local(inTenDays, 8),
                local(inTenDays.plusDays(1), 10), false));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(tooLong.body()).at("/errors/0/field").asString()).isEqualTo("end");
        HttpResponse<String> backwards = announce(window("SCHOOL", family.schoolId(), local(inTenDays, 8),
                local(inTenDays, 7), false));
        assertThat(backwards.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownSchool = announce(window("SCHOOL", "no-such-school", local(inTenDays, 2),
                local(inTenDays, 4), false));
        assertThat(unknownSchool.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownSchool.body()).at("/errors/0/field").asString()).isEqualTo("scopeId");
    }

    @Test
    void aNightWindowIsAnnouncedToEveryUserOfTheSchoolRemindedAndCancelled() {
        Family family = Family.arrive(new Feed(kafka), contacts, today(), "EMAIL_NOTICES");
        LocalDate night = today().plusDays(3);

        HttpResponse<String> created = announce(window("SCHOOL", family.schoolId(), local(night, 2), local(night, 5),
                false));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode window = JSON.readTree(created.body());
        assertThat(window.at("/night").asBoolean()).isTrue();
        assertThat(window.at("/warnings").size()).isZero();
        assertThat(window.at("/recipientCount").asInt()).isEqualTo(3);
        String id = window.at("/id").asString();
        String subject = "Профилактические работы " + ru.eshkola.notification.mail.RussianDates.date(night)
                + " с 02:00 до 05:00";
        for (String address : new String[] {family.guardianEmail(), family.teacherEmail(),
                family.administratorEmail()}) {
            MimeMessage notice = TestMail.awaitOne(address);
            assertThat(TestMail.subject(notice)).isEqualTo(subject);
            assertThat(TestMail.text(notice)).contains("Обновление программного обеспечения сервера")
                    .contains("(время местное: Asia/Yekaterinburg, UTC+05:00)").contains("продолжительность 3 ч");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> get(id).at("/delivery/SENT").asInt() == 3);
        JsonNode listed = get(id);
        assertThat(listed.at("/recipients").size()).isEqualTo(3);
        assertThat(listed.at("/recipients/0/notice").asString()).isEqualTo("SENT");
        assertThat(listed.at("/recipients/0/reminders/PT24H").asString()).isEqualTo("QUEUED");
        assertThat(listed.at("/recipients/0/reminders/PT1H").asString()).isEqualTo("QUEUED");

        clock.advanceTo(Instant.from(local(night, 2)).minus(Duration.ofHours(24)).plusSeconds(1));

        var mails = TestMail.await(family.guardianEmail(), 2);
        assertThat(mails).extracting(TestMail::subject).contains("Напоминание: п" + subject.substring(1));
        assertThat(TestMail.text(mails.get(1))).contains("Напоминаем: через сутки начнутся профилактические работы");

        Http http = Http.local(port);
        HttpResponse<String> cancelled = http.send(http.request("/api/v1/maintenance-windows/" + id + "/cancellation")
                .header("Content-Type", "application/json").header("X-Actor-Id", "operator-ntgo")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Работы перенесены\"}")));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(TestMail.await(family.teacherEmail(), 3)).extracting(TestMail::subject)
                .contains("Отменены профилактические работы " + ru.eshkola.notification.mail.RussianDates.date(night)
                        + " с 02:00 до 05:00");
        JsonNode after = get(id);
        assertThat(after.at("/state").asString()).isEqualTo("CANCELLED");
        assertThat(after.at("/recipients/0/reminders/PT1H").asString()).isEqualTo("CANCELLED");
        assertThat(http.send(http.request("/api/v1/maintenance-windows/" + id + "/cancellation")
                .header("X-Actor-Id", "operator-ntgo").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(409);
    }

    private JsonNode get(String id) {
        return JSON.readTree(Http.local(port).get("/api/v1/maintenance-windows/" + id).body());
    }
}
