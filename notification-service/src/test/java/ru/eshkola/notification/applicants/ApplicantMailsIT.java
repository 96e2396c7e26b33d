package ru.eshkola.notification.applicants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.notification.Feed;
import ru.eshkola.notification.NotificationIT;
import ru.eshkola.notification.TestMail;

/**
 * The mails the regulation owes applicants, read back from the SMTP server as a mail client reads them: recipient,
 * Cyrillic subject, Russian body. And a replay of the topics — the same events again, also after the consumer
 * forgot it processed them — mails nothing twice.
 */
@NotificationIT
class ApplicantMailsIT {

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    ShiftedClock clock;
    @Autowired
    MongoTemplate mongo;

    Feed feed() {
        return new Feed(kafka);
    }

    @Test
    void anIssuedAccountGetsItsLoginAndOneTimeLinkNeverAPassword() throws Exception {
        String email = Feed.email("m.ivanova");
        String accountId = Feed.id();
        ObjectNode account = feed().accountIssued(accountId, email, "Иванова Мария Петровна", clock.instant());
        feed().publishAccount(account, Feed.id());

        MimeMessage mail = TestMail.awaitOne(email);

        assertThat(TestMail.subject(mail)).isEqualTo("Ваша учётная запись в электронном дневнике");
        assertThat(mail.getHeader("Subject")[0]).as("the raw header is MIME-encoded UTF-8").startsWith("=?UTF-8?");
        String text = TestMail.text(mail);
        assertThat(text).contains("Здравствуйте, Иванова Мария Петровна!")
                .contains("Логин: " + email)
                .contains(account.get("activationUrl").asString())
                .contains("регистрационный номер вашего заявления")
                .doesNotContain("Пароль: ");
        assertThat(TestMail.html(mail)).contains(account.get("activationUrl").asString());
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@eshkola.local");
        assertThat(mail.getHeader("List-Unsubscribe")).as("credentials cannot be unsubscribed").isNull();
    }

    @Test
    void aRefusalStatesTheGroundsInRussianAndLinksTheWrittenNotice() {
        String email = Feed.email("refused");
        ObjectNode refusal = Feed.example("applications-service", "applications.application.refused.v1")
                .put("contactEmail", email).put("registrationNumber", "2026-0099")
                .put("decidedAt", clock.instant().toString());
        refusal.putArray("grounds").add("APPLICATION_INCOMPLETE").add("NO_CONSENT");
        feed().send("applications-service", "applications.applications", "applications.application.refused.v1",
                refusal.get("applicationId").asString(), refusal, Feed.id());

        MimeMessage mail = TestMail.awaitOne(email);

        assertThat(TestMail.subject(mail)).isEqualTo("Отказ в предоставлении услуги по заявлению № 2026-0099");
        assertThat(TestMail.text(mail))
                .contains("Здравствуйте, Иванова Мария Петровна!")
                .contains("- заявление не содержит необходимых сведений или представлен неполный комплект документов")
                .contains("- не представлено согласие на обработку персональных данных")
                .contains("http://localhost:8083" + refusal.get("noticeUrl").asString());
    }

    @Test
    void aTerminationIsConfirmedAndAComplaintAnswered() {
        String email = Feed.email("terminated");
        ObjectNode termination = Feed.example("applications-service", "applications.application.terminated.v1")
                .put("contactEmail", email).put("terminatedAt", clock.instant().toString());
        feed().send("applications-service", "applications.applications", "applications.application.terminated.v1",
                termination.get("applicationId").asString(), termination, Feed.id());
        ObjectNode answer = Feed.example("applications-service", "applications.complaint.answered.v1")
                .put("contactEmail", email).put("answeredAt", clock.instant().toString());
        feed().send("applications-service", "applications.complaints", "applications.complaint.answered.v1",
                answer.get("complaintId").asString(), answer, Feed.id());

        var mails = TestMail.await(email, 2);

        assertThat(mails).extracting(TestMail::subject).containsExactlyInAnyOrder(
                "Предоставление услуги прекращено: заявление № 2026-0017", "Ответ на жалобу № 2026-0003");
        MimeMessage terminated = mails.stream().filter(m -> TestMail.subject(m).startsWith("Предоставление"))
                .findFirst().orElseThrow();
        assertThat(TestMail.text(terminated)).contains("Причина: по заявлению заявителя.");
        MimeMessage answered = mails.stream().filter(m -> TestMail.subject(m).startsWith("Ответ")).findFirst()
                .orElseThrow();
        assertThat(TestMail.text(answered)).contains("Результат: жалоба удовлетворена.")
                .contains("Жалоба удовлетворена: заявление рассмотрено повторно, услуга предоставлена.");
    }

    @Test
    void replayingTheEventsMailsNothingTwiceEvenAfterTheConsumerForgotThem() {
        String email = Feed.email("replayed");
        String eventId = Feed.id();
        ObjectNode account = feed().accountIssued(Feed.id(), email, "Петров Пётр", clock.instant());
        feed().publishAccount(account, eventId);
        TestMail.awaitOne(email);

        // a redelivery: the same ce_id
        feed().publishAccount(account, eventId);
        // a replay after the processed-event ids expired (or from a new consumer group): the store's message id
        // (event, recipient, template) refuses the second mail
        mongo.getCollection("processed_events").deleteMany(new org.bson.Document());
        feed().publishAccount(account, eventId);
        // a later mail to the same address proves both copies were consumed before we count
        ObjectNode later = feed().accountIssued(Feed.id(), email, "Петров Пётр", clock.instant()).put("reissue", true);
        feed().publishAccount(later, Feed.id());
        TestMail.await(email, 2);
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMail.to(email).size() == 2);

        assertThat(TestMail.to(email)).extracting(TestMail::subject).containsExactlyInAnyOrder(
                "Ваша учётная запись в электронном дневнике", "Новая ссылка для входа в электронный дневник");
    }

    @Test
    void anEventOlderThanTheMaximumAgeMailsNothing() {
        String email = Feed.email("old");
        feed().publishAccount(feed().accountIssued(Feed.id(), email, "Старый Аккаунт",
                clock.instant().minus(Duration.ofDays(30))), Feed.id());
        feed().publishAccount(feed().accountIssued(Feed.id(), email, "Новый Аккаунт", clock.instant())
                .put("reissue", true), Feed.id());

        TestMail.awaitOne(email);
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> TestMail.to(email).size() == 1);
        assertThat(TestMail.subject(TestMail.to(email).getFirst())).startsWith("Новая ссылка");
    }
}
