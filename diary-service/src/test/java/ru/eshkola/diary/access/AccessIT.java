package ru.eshkola.diary.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.diary.JournalFeed;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.TestTokens;

/** Who may read whom: access from applications' events, checked on every read, and the audit of every read. */
class AccessIT extends DiaryIntegrationTest {

    @Test
    void aGuardianReadsOnlyWithActiveAccessNotOnTheTokensClaimAndLosesItAtOnceWhenRevoked() {
        JournalFeed.World w = journal().world("Новикова", "Алиса");
        String account = EventIds.next();
        Http guardian = as(TestTokens.guardian(account, w.studentId()));
        String path = week(w, JournalFeed.MONDAY);
        SecurityConventions.assertForbidden(guardian.get(path), "the students claim alone is not access");

        String accessId = applications().grant(account, w.studentId());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> guardian.get(path).statusCode() == 200);
        applications().revoke(accessId, account, w.studentId());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> guardian.get(path).statusCode() == 403);
        SecurityConventions.assertForbidden(guardian.get(path), "revoked");

        applications().grant(account, w.studentId());
        Awaitility.await("a new application opens access again").atMost(Duration.ofSeconds(20))
                .until(() -> guardian.get(path).statusCode() == 200);
    }

    @Test
    void aStudentReadsOnlyThemselvesAndOtherRolesNotAtAll() {
        JournalFeed.World w = journal().world("Лебедев", "Павел");
        JournalFeed.World other = journal().world("Козлова", "Дарья");
        String path = week(w, JournalFeed.MONDAY);
        assertThat(as(TestTokens.student(w.studentId())).get(path).statusCode()).isEqualTo(200);
        SecurityConventions.assertForbidden(as(TestTokens.student(other.studentId())).get(path), "another student");
        SecurityConventions.assertForbidden(as(TestTokens.teacher(w.teacherId(), w.schoolId(),
                w.classId() + "/" + w.subjectId())).get(path), "a teacher");
        SecurityConventions.assertForbidden(as(TestTokens.schoolAdministrator("admin-" + EventIds.next(),
                w.schoolId())).get(path), "the school's administrator reads extracts, not the diary");
        SecurityConventions.assertUnauthorized(Http.local(port).get(path), "no token");
    }

    @Test
    void everyReadIsAuditedAndTheGuardianListsWhoReadTheirChildWhenWhatAndFromWhere() {
        JournalFeed.World w = journal().world("Соловьёва", "Ева");
        String account = EventIds.next();
        Http guardian = guardianOf(w, account);
        Http student = as(TestTokens.student(w.studentId()));
        String teacher = EventIds.next();
        // through the platform's proxy (loopback is trusted): the client's address is the forwarded one
        HttpResponse<String> read = student.send(student.request(week(w, JournalFeed.MONDAY.plusWeeks(1)))
                .header("X-Forwarded-For", "203.0.113.7").GET());
        assertThat(read.statusCode()).isEqualTo(200);
        as(TestTokens.teacher(teacher, w.schoolId())).get(week(w, JournalFeed.MONDAY));

        JsonNode log = json(guardian.get("/api/v1/students/" + w.studentId() + "/access-log?size=100"));
        JsonNode byStudent = entry(log, w.studentId(), "week 2026-11-30");
        assertThat(byStudent.at("/role").asString()).isEqualTo("STUDENT");
        assertThat(byStudent.at("/from").asString()).isEqualTo("203.0.113.7");
        assertThat(byStudent.at("/outcome").asString()).isEqualTo("ALLOWED");
        assertThat(byStudent.at("/studentId").asString()).isEqualTo(w.studentId());
        assertThat(Instant.parse(byStudent.at("/at").asString())).isAfter(Instant.now().minusSeconds(60));
        JsonNode denied = entry(log, teacher, "week 2026-11-23");
        assertThat(denied.at("/outcome").asString()).isEqualTo("DENIED");
        assertThat(denied.at("/role").asString()).isEqualTo("TEACHER");
        assertThat(entry(log, account, "week 2026-11-23").at("/role").asString()).isEqualTo("GUARDIAN");
        assertThat(log.at("/items/0/at").asString()).as("newest first")
                .isGreaterThanOrEqualTo(log.at("/items/1/at").asString());

        Http stranger = as(TestTokens.guardian(EventIds.next(), w.studentId()));
        SecurityConventions.assertForbidden(stranger.get("/api/v1/students/" + w.studentId() + "/access-log"),
                "another guardian");
        assertThat(guardian.get("/api/v1/students/" + w.studentId() + "/access-log?size=0").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBlockedAccountsTokensStopWorkingAndATokenIssuedAfterwardsWorks() {
        JournalFeed.World w = journal().world("Морозов", "Глеб");
        String account = EventIds.next();
        Http guardian = guardianOf(w, account);
        Instant blockedAt = Instant.now();
        applications().block(account, blockedAt);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                guardian.get(week(w, JournalFeed.MONDAY)).statusCode() == 401);
        SecurityConventions.assertUnauthorized(guardian.get(week(w, JournalFeed.MONDAY)), "revoked token");

        Http fresh = as(TestTokens.guardian(account, w.studentId()).issuedAt(blockedAt.plusSeconds(5)));
        assertThat(fresh.get(week(w, JournalFeed.MONDAY)).statusCode()).isEqualTo(200);
    }

    private static JsonNode entry(JsonNode log, String accountId, String what) {
        return log.at("/items").valueStream().filter(e -> e.at("/accountId").asString().equals(accountId)
                        && e.at("/what").asString().equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry of " + accountId + " " + what + " in " + log));
    }
}
