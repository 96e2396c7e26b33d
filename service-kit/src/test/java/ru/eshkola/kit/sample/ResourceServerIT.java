package ru.eshkola.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.eshkola.kit.testing.SecurityConventions.assertForbidden;
import static ru.eshkola.kit.testing.SecurityConventions.assertUnauthorized;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.security.TokenRevocations;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.TestTokens;

/** The sample service with token validation on: what every service gets from the kit once it opts in. */
@ServiceIntegrationTest
@TestPropertySource(properties = "eshkola.security.enabled=true")
class ResourceServerIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;
    @Autowired
    TokenRevocations revocations;
    @Autowired
    MongoTemplate mongo;

    Http http() {
        return Http.local(port);
    }

    @Test
    void aValidTokenReachesTheApiWithItsCallerResolved() {
        HttpResponse<String> response = http().withToken(TestTokens.teacher("staff-1", "school-1", "5a/math",
                "6b/physics")).get("/secured/me");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = JSON.readTree(response.body());
        assertThat(caller.at("/accountId").asString()).isEqualTo("staff-1");
        assertThat(caller.at("/roles/0").asString()).isEqualTo("TEACHER");
        assertThat(caller.at("/schools/0").asString()).isEqualTo("school-1");
        assertThat(caller.at("/teaching").toString()).isEqualTo("[\"5a/math\",\"6b/physics\"]");
        assertThat(caller.at("/classes").toString()).isEqualTo("[\"5a\",\"6b\"]");
        assertThat(caller.at("/tokenId").asString()).isNotBlank();
        assertThat(http().withToken(TestTokens.guardian("acc-7", "s-1")).get("/secured/me/account").body())
                .contains("\"accountId\":\"acc-7\"");
    }

    @Test
    void everyKindOfBadTokenIsA401ProblemWithTheBearerChallenge() {
        SecurityConventions.anApiPathWithoutATokenIsRefused(http(), "/secured/me");
        SecurityConventions.invalidTokensAreRefused(http(), "/secured/me");
        TestTokens.Token valid = TestTokens.guardian("acc-1", "s-1");
        assertReason(http().withToken(valid.expired()).get("/secured/me"), "expired");
        assertReason(http().withToken(valid.forged()).get("/secured/me"), "signature");
        assertReason(http().withToken(valid.signedWithUnknownKey()).get("/secured/me"), "unknown_key");
        assertReason(http().withToken(valid.algNone()).get("/secured/me"), "algorithm");
        assertReason(http().withToken(valid.hs256WithPublicKey()).get("/secured/me"), "algorithm");
        assertReason(http().withToken(valid.issuer("https://evil.example")).get("/secured/me"), "issuer");
        assertReason(http().withToken(valid.audience("another-platform")).get("/secured/me"), "audience");
        assertReason(http().withToken(valid.type("JWT")).get("/secured/me"), "type");
        assertReason(http().withToken(valid.claim("exp", null)).get("/secured/me"), "claims");
        assertReason(http().withToken(valid.issuedAt(Instant.now().plus(Duration.ofHours(1)))).get("/secured/me"),
                "not_yet_valid");
    }

    @Test
    void aTokenWithoutTheTypeHeaderOrWithinTheClockSkewIsAccepted() {
        TestTokens.Token valid = TestTokens.guardian("acc-2", "s-1");
        assertThat(http().withToken(valid.type(null)).get("/secured/me").statusCode()).isEqualTo(200);
        Instant expiredJustNow = Instant.now().minus(TestTokens.VALIDITY).minusSeconds(10);
        assertThat(http().withToken(valid.issuedAt(expiredJustNow)).get("/secured/me").statusCode())
                .as("10 s past exp is inside the 30 s skew").isEqualTo(200);
    }

    @Test
    void aCallerWithoutTheRightRoleOrClaimIsA403Problem() {
        assertForbidden(http().withToken(TestTokens.guardian("acc-3", "s-1")).get("/secured/lessons"),
                "a guardian on a teachers' path (@PreAuthorize hasRole)");
        assertThat(http().withToken(TestTokens.teacher("staff-3", "school-1", "5a/math")).get("/secured/lessons")
                .statusCode()).isEqualTo(200);

        assertForbidden(http().withToken(TestTokens.schoolAdministrator("staff-4", "school-1"))
                .get("/secured/schools/school-2/staff"), "administrator of another school (@callers in SpEL)");
        assertThat(http().withToken(TestTokens.schoolAdministrator("staff-4", "school-1"))
                .get("/secured/schools/school-1/staff").statusCode()).isEqualTo(200);

        assertForbidden(http().withToken(TestTokens.guardian("acc-5", "s-1")).get("/secured/diaries/s-2"),
                "another family's student (AccessDeniedException in the service's code)");
        assertThat(http().withToken(TestTokens.guardian("acc-5", "s-1")).get("/secured/diaries/s-1").statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = http().withToken(TestTokens.teacher("staff-5", "school-1"))
                .get("/secured/operators/report");
        assertForbidden(refused, "a teacher on an operators' path (the service's AccessRules)");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
        assertThat(http().withToken(TestTokens.municipalOperator("op-1", "ntgo")).get("/secured/operators/report")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theServicesOwnRulesCanOpenAPathAndTheKitsPublicPathsAreOpen() {
        assertThat(http().get("/notice").statusCode()).isEqualTo(200);
        SecurityConventions.publicPathsAreOpen(http());
        assertThat(http().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(http().get("/schemas/sample.ticket.opened.v1.json").statusCode()).isEqualTo(200);
        assertUnauthorized(http().get("/tickets/whatever"), "the service's own API without a token");
    }

    @Test
    void theActorOfAChangeIsTheTokensSubjectAndTheHeaderCannotOverrideIt() {
        HttpResponse<String> response = http().withToken(TestTokens.teacher("staff-9", "school-1"))
                .send(http().withToken(TestTokens.teacher("staff-9", "school-1")).request("/secured/actions")
                        .header("X-Actor-Id", "somebody-else").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"actor\":\"staff-9\"").doesNotContain("somebody-else");
    }

    @Test
    void aRevokedAccountsTokensAreRefusedAndItsLaterTokensAccepted() {
        TestTokens.Token before = TestTokens.guardian("acc-blocked", "s-1").issuedAt(Instant.now().minusSeconds(60));
        assertThat(http().withToken(before).get("/secured/me").statusCode()).isEqualTo(200);

        Instant invalidBefore = Instant.now().minusSeconds(30);
        revocations.revoke("acc-blocked", invalidBefore);

        assertReason(http().withToken(before).get("/secured/me"), "revoked");
        TestTokens.Token after = TestTokens.guardian("acc-blocked", "s-1").issuedAt(invalidBefore.plusSeconds(5));
        assertThat(http().withToken(after).get("/secured/me").statusCode()).isEqualTo(200);
        assertThat(http().withToken(TestTokens.guardian("acc-other", "s-1").issuedAt(Instant.now().minusSeconds(60)))
                .get("/secured/me").statusCode()).as("other accounts are untouched").isEqualTo(200);
    }

    @Test
    void aRevocationWrittenByAnotherInstanceIsAppliedWithinTheRefreshInterval() {
        TestTokens.Token token = TestTokens.guardian("acc-elsewhere", "s-1").issuedAt(Instant.now().minusSeconds(60));
        assertThat(http().withToken(token).get("/secured/me").statusCode()).isEqualTo(200);
        List<String> told = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = revocations.onRevoked(told::add);
        try {
            Instant now = Instant.now();
            // what the instance that received applications.account.blocked.v1 wrote
            mongo.getCollection(TokenRevocations.COLLECTION).insertOne(new Document("_id", "acc-elsewhere")
                    .append("invalidBefore", Date.from(now)).append("updatedAt", Date.from(now)));
            Awaitility.await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertReason(http().withToken(token).get("/secured/me"), "revoked"));
            assertThat(told).containsExactly("acc-elsewhere");
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aServerSentEventStreamOfACallerRunsToItsEnd() {
        HttpResponse<String> stream = http().withToken(TestTokens.guardian("acc-sse", "s-1")).send(
                http().withToken(TestTokens.guardian("acc-sse", "s-1")).request("/secured/stream")
                        .header("Accept", "text/event-stream").GET());
        assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
        assertThat(stream.body()).contains("event:hello").contains("data:acc-sse");
        assertUnauthorized(http().get("/secured/stream"), "a stream without a token");
    }

    @Test
    void crossOriginRequestsAreClosedAndSecurityHeadersSet() {
        SecurityConventions.aPreflightFromAnUnknownOriginIsRefused(http(), "/secured/me");
        SecurityConventions.securityHeadersArePresent(http(), "/secured/me");
        HttpResponse<String> ok = http().withToken(TestTokens.guardian("acc-h", "s-1")).get("/secured/me");
        assertThat(ok.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void refusalsAreCountedByReasonAndValidTokensCounted() {
        http().get("/secured/me");
        http().withToken(TestTokens.guardian("acc-m", "s-1")).get("/secured/me");
        String metrics = http().get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("eshkola_security_denied_total\\{.*reason=\"missing_token\".*} [1-9]")
                .containsPattern("eshkola_security_authenticated_total\\{.*} [1-9]");
    }

    @Test
    void theOpenApiDocumentAsksForABearerTokenAndDoesNotListTheCallerAsAParameter() {
        String docs = http().get("/v3/api-docs").body();
        assertThat(docs).contains("\"bearer\"").contains("\"scheme\":\"bearer\"");
        JsonNode me = JSON.readTree(docs).at("/paths/~1secured~1me/get");
        assertThat(me.isMissingNode()).isFalse();
        assertThat(me.has("parameters")).as(me.toString()).isFalse();
    }

    private static void assertReason(HttpResponse<String> response, String reason) {
        assertUnauthorized(response, reason);
        assertThat(response.body()).as("reason").contains("\"reason\":\"" + reason + "\"");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""));
    }

}
