package ru.eshkola.diary.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.diary.JournalFeed;
import ru.eshkola.diary.SseClient;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.TestTokens;

/** Server-sent events of a student's diary: push, resume with Last-Event-ID, and cut-off. */
class LiveIT extends DiaryIntegrationTest {

    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @Test
    void aNewGradeAndItsCorrectionReachAnOpenDiary() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Егорова", "Полина");
        String account = EventIds.next();
        guardianOf(w, account);
        TestTokens.Token token = TestTokens.guardian(account, w.studentId());
        try (SseClient live = SseClient.open(port, live(w), token.bearer(), null)) {
            assertThat(live.status()).isEqualTo(200);
            live.await(e -> e.name().equals("ready"));
            String lesson = EventIds.next();
            ObjectNode grade = feed.grade(w, lesson, TUESDAY, lesson + ":1", "4", 1, "ORAL_ANSWER", 1);
            Instant sent = Instant.now();
            feed.grades("journal.grade.recorded.v1", grade);
            SseClient.Event recorded = live.await(e -> e.name().equals("grade.recorded"));
            System.out.println("[live] journal event sent -> SSE received: "
                    + Duration.between(sent, Instant.now()).toMillis() + " ms");
            JsonNode data = JournalFeed.JSON.readTree(recorded.data());
            assertThat(data.at("/data/value").asString()).isEqualTo("4");
            assertThat(data.at("/data/gradeId").asString()).isEqualTo(lesson + ":1");
            assertThat(data.at("/seq").asLong()).isEqualTo(Long.parseLong(recorded.id()));

            feed.grades("journal.grade.corrected.v1", feed.correction(grade, "5", 2, "2026-11-24T09:30:00Z"));
            SseClient.Event corrected = live.await(e -> e.name().equals("grade.corrected"));
            JsonNode correction = JournalFeed.JSON.readTree(corrected.data());
            assertThat(correction.at("/data/value").asString()).isEqualTo("5");
            assertThat(correction.at("/data/previousValue").asString()).isEqualTo("4");
            assertThat(Long.parseLong(corrected.id())).isEqualTo(Long.parseLong(recorded.id()) + 1);
        }
    }

    @Test
    void reconnectingWithLastEventIdResumesWithoutGapsOrRepeats() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Никитин", "Лев");
        TestTokens.Token token = TestTokens.student(w.studentId());
        String lastSeen;
        try (SseClient live = SseClient.open(port, live(w), token.bearer(), null)) {
            live.await(e -> e.name().equals("ready"));
            String first = EventIds.next();
            feed.grades("journal.grade.recorded.v1", feed.grade(w, first, TUESDAY, first + ":1", "3", 1, "TEST", 1));
            lastSeen = live.await(e -> e.name().equals("grade.recorded")).id();
        }
        // while the diary is closed, three more grades and an absence
        for (String value : List.of("5", "4", "5")) {
            String lesson = EventIds.next();
            feed.grades("journal.grade.recorded.v1", feed.grade(w, lesson, TUESDAY, lesson + ":1", value, 1, "TEST",
                    1));
        }
        feed.send("journal.absences", "journal.absence.recorded.v1", w.studentId(),
                feed.absence(w, EventIds.next(), TUESDAY, "ILLNESS", "Б", 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json(as(token).get(week(w, TUESDAY)))
                .at("/days/1/lessons").size() >= 5);

        try (SseClient resumed = SseClient.open(port, live(w), token.bearer(), lastSeen)) {
            resumed.await(e -> e.name().equals("absence.recorded"));
            List<SseClient.Event> changes = resumed.events(e -> e.id() != null && !e.name().equals("ready"));
            assertThat(changes).extracting(SseClient.Event::name).containsExactlyInAnyOrder("grade.recorded",
                    "grade.recorded", "grade.recorded", "absence.recorded");
            long from = Long.parseLong(lastSeen);
            assertThat(changes).extracting(e -> Long.parseLong(e.id()))
                    .containsExactly(from + 1, from + 2, from + 3, from + 4);
            assertThat(resumed.events(e -> e.data().contains("\"value\":\"3\""))).as("nothing sent twice").isEmpty();
        }
    }

    @Test
    void revokingAccessClosesTheOpenStreamAtOnce() {
        JournalFeed.World w = journal().world("Фёдорова", "Ника");
        String account = EventIds.next();
        String accessId = applications().grant(account, w.studentId());
        TestTokens.Token token = TestTokens.guardian(account, w.studentId());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                as(token).get(week(w, JournalFeed.MONDAY)).statusCode() == 200);
        try (SseClient live = SseClient.open(port, live(w), token.bearer(), null)) {
            live.await(e -> e.name().equals("ready"));
            applications().revoke(accessId, account, w.studentId());
            SseClient.Event closed = live.await(e -> e.name().equals("closed"));
            assertThat(closed.data()).contains("access-revoked");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(live::ended);
        }
        try (SseClient again = SseClient.open(port, live(w), token.bearer(), null)) {
            assertThat(again.status()).isEqualTo(403);
        }
    }

    @Test
    void blockingTheAccountClosesItsStreams() {
        JournalFeed.World w = journal().world("Виноградов", "Марк");
        String account = EventIds.next();
        guardianOf(w, account);
        TestTokens.Token token = TestTokens.guardian(account, w.studentId());
        try (SseClient live = SseClient.open(port, live(w), token.bearer(), null)) {
            live.await(e -> e.name().equals("ready"));
            applications().block(account, Instant.now());
            SseClient.Event closed = live.await(e -> e.name().equals("closed"));
            assertThat(closed.data()).contains("account-blocked");
        }
    }

    private static String live(JournalFeed.World w) {
        return "/api/v1/students/" + w.studentId() + "/live";
    }
}
