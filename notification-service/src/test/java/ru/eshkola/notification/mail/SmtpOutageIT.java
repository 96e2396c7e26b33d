package ru.eshkola.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.notification.Feed;
import ru.eshkola.notification.NotificationIT;
import ru.eshkola.notification.TestMail;
import ru.eshkola.notification.contacts.Contacts;

/**
 * The mail server goes away in the middle of a batch: messages wait (state and next attempt stored on each), the
 * breaker stops calling a dead server, and when it is back every mail goes out exactly once. A message that cannot be
 * sent is FAILED after its tries, visible to support, and can be queued again.
 */
@NotificationIT
class SmtpOutageIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ShiftedClock clock;
    @Autowired
    MailQueue queue;
    @Autowired
    Contacts contacts;
    @LocalServerPort
    int port;

    @AfterEach
    void serverBack() {
        TestMail.gate().open();
    }

    @Test
    void anOutageInTheMiddleOfABatchLosesNothingAndDuplicatesNothing() {
        Feed feed = new Feed(kafka);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String address = Feed.email("outage" + i);
            addresses.add(address);
            feed.publishAccount(feed.accountIssued(Feed.id(), address, "Получатель " + i, clock.instant()), Feed.id());
        }
        // 20 mails per second: the batch takes two seconds; the server goes away after the first few
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> delivered(addresses) >= 3);
        TestMail.gate().close();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(
                Criteria.where("to").in(addresses).and("state").is(MessageState.QUEUED).and("lastError").ne(null)),
                Message.class) > 0);
        long waiting = mongo.count(Query.query(Criteria.where("to").in(addresses).and("state")
                .is(MessageState.QUEUED)), Message.class);
        assertThat(waiting).as("mails wait while the server is down").isPositive();
        assertThat(delivered(addresses)).isLessThan(40);

        TestMail.gate().open();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> delivered(addresses) >= 40);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> delivered(addresses) == 40);
        for (String address : addresses) {
            assertThat(TestMail.to(address)).as(address).hasSize(1);
        }
        assertThat(mongo.count(Query.query(Criteria.where("to").in(addresses).and("state").is(MessageState.SENT)),
                Message.class)).isEqualTo(40);
    }

    @Test
    void aMessageThatCannotBeSentIsFailedVisibleAndCanBeQueuedAgain() {
        String accountId = Feed.id();
        queue.enqueue(new OutgoingMail(Feed.id(), MailTemplate.EXTRACT_READY, new Recipient(accountId, null, null),
                TemplateSamples.of(MailTemplate.EXTRACT_READY)));

        Http http = Http.local(port);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                http.get("/api/v1/messages?recipient=" + accountId + "&state=FAILED").body()).at("/totalItems")
                .asInt() == 1);
        JsonNode failed = JSON.readTree(http.get("/api/v1/messages?recipient=" + accountId).body()).at("/items/0");
        assertThat(failed.at("/attempts").asInt()).as("tried as often as configured").isEqualTo(4);
        assertThat(failed.at("/lastError").asString()).contains("no e-mail address");
        assertThat(failed.has("model")).as("support sees no mail body").isFalse();

        // the address becomes known (an account event), support queues the message again, and it goes out
        String address = Feed.email("late.address");
        new Feed(kafka).publishAccount(new Feed(kafka).accountIssued(accountId, address, "Поздний Адрес",
                Instant.now().minus(Duration.ofDays(40))), Feed.id());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> contacts.account(accountId).isPresent());
        String id = failed.at("/id").asString();
        HttpResponse<String> retried = http.send(http.request("/api/v1/messages/" + id + "/retry")
                .header("X-Actor-Id", "support-1").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(TestMail.subject(TestMail.awaitOne(address))).startsWith("Выписка из электронного журнала готова");
        HttpResponse<String> again = http.send(http.request("/api/v1/messages/" + id + "/retry")
                .header("X-Actor-Id", "support-1").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aMalformedAddressFailsAtOnceWithoutRetrying() {
        String eventId = Feed.id();
        queue.enqueue(new OutgoingMail(eventId, MailTemplate.COMPLAINT_ANSWER,
                new Recipient(null, "not an address@@example", "Кто-то"),
                Map.copyOf(TemplateSamples.of(MailTemplate.COMPLAINT_ANSWER))));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(Query.query(
                Criteria.where("sourceId").is(eventId).and("state").is(MessageState.FAILED)), Message.class) == 1);
        Message message = mongo.findOne(Query.query(Criteria.where("sourceId").is(eventId)), Message.class);
        assertThat(message.attempts()).isEqualTo(1);
    }

    private static long delivered(List<String> addresses) {
        return addresses.stream().mapToLong(a -> TestMail.to(a).size()).sum();
    }
}
