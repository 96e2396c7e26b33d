package ru.eshkola.diary;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The diary on the shared test broker and store, with the journal and applications played by feeds; one Spring
 * context for every integration test of the module.
 */
@ServiceIntegrationTest
public abstract class DiaryIntegrationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTemplate<byte[], byte[]> kafka;

    protected JournalFeed journal() {
        return new JournalFeed(kafka);
    }

    protected ApplicationsFeed applications() {
        return new ApplicationsFeed(journal());
    }

    protected Http as(TestTokens.Token token) {
        return Http.local(port).withToken(token);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JournalFeed.JSON.readTree(response.body());
    }

    /** A guardian with active access to the world's student, known to the diary when this returns. */
    protected Http guardianOf(JournalFeed.World w, String accountId) {
        applications().grant(accountId, w.studentId());
        Http guardian = as(TestTokens.guardian(accountId, w.studentId()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                guardian.get(week(w, JournalFeed.MONDAY)).statusCode() == 200);
        return guardian;
    }

    protected static String week(JournalFeed.World w, LocalDate day) {
        return "/api/v1/students/" + w.studentId() + "/week?date=" + day;
    }

    protected static JsonNode awaitJson(Http http, String path, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        String[] seen = new String[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                HttpResponse<String> response = http.get(path);
                seen[0] = response.statusCode() + " " + response.body();
                if (response.statusCode() != 200) {
                    return false;
                }
                last[0] = JournalFeed.JSON.readTree(response.body());
                return until.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " never matched; last answer: " + seen[0], e);
        }
        return last[0];
    }
}
