package ru.eshkola.applications.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.applications.Api;
import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.ShiftedClock;

/** The platform's sign-in point, from the activation link to tokens any service can verify from the JWKS alone. */
@ApplicationsIT
class SignInIT {

    static final String PASSWORD = "Тетрадь-в-клетку-2026";
    static EventProbe events;

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;
    @Autowired
    ShiftedClock clock;
    @Autowired
    KeyRing keys;

    @BeforeAll
    static void subscribe() {
        events = EventProbe.on("applications.applications", "applications.access", "applications.accounts",
                "applications.consents", "applications.complaints");
    }

    @AfterAll
    static void everyEventSeenIsSchemaValidAndFreeOfSecrets() throws InterruptedException {
        try {
            for (ConsumerRecord<byte[], byte[]> record : events.records(r -> true)) {
                JsonSchemas.assertValidEvent("applications-service", record);
                assertThat(EventProbe.value(record)).doesNotContain("$argon2").doesNotContain("password");
            }
        } finally {
            events.close();
        }
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** A parent whose application was granted: the account is issued, its activation link mailed. */
    record Guardian(String email, String registrationNumber, String activationToken, String accountId,
            String applicationId, String studentId, String schoolId) {
    }

    Guardian guardian() {
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        Api api = Api.registrar(port, school);
        String student = journal.student(school, "Белова", "Алиса");
        String email = Api.email("belova");
        api.consent(school, student);
        JsonNode application = api.application(school, student, email);
        Api.ok(api.grant(application.get("id").asString()));
        ConsumerRecord<byte[], byte[]> issued = Api.await(events, "applications.account.issued.v1", email).getFirst();
        return new Guardian(email, application.get("registrationNumber").asString(),
                Api.activationToken(events, email), Api.data(issued).get("accountId").asString(),
                application.get("id").asString(), student, school);
    }

    Guardian activated() {
        Guardian guardian = guardian();
        Api.ok(new Api(port).activate(guardian.activationToken(), guardian.registrationNumber(), PASSWORD));
        return guardian;
    }

    @Test
    void theFullWalkApplyConsentGrantSignInTerminateAndSignInIsRefused() {
        Api api = new Api(port);
        Guardian guardian = activated();
        JsonNode tokens = Api.ok(api.signIn(guardian.email(), PASSWORD));
        JsonNode me = Api.ok(api.me(tokens.get("accessToken").asString()));
        assertThat(me.get("students")).extracting(JsonNode::asString).containsExactly(guardian.studentId());

        Api.ok(Api.registrar(port, guardian.schoolId()).terminate(guardian.applicationId(), "APPLICANT_REQUEST"));
        Api.await(events, "applications.account.blocked.v1", guardian.accountId());

        HttpResponse<String> refused = api.signIn(guardian.email(), PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("urn:eshkola:problem:account-blocked");
        assertThat(api.me(tokens.get("accessToken").asString()).statusCode()).isEqualTo(401);
        assertThat(api.refresh(tokens.get("refreshToken").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void theActivationLinkAsksForTheRegistrationNumberSetsThePasswordAndWorksOnce() {
        Api api = new Api(port);
        Guardian guardian = guardian();

        HttpResponse<String> wrongNumber = api.activate(guardian.activationToken(), "2026-9999", PASSWORD);
        assertThat(wrongNumber.statusCode()).isEqualTo(400);
        assertThat(wrongNumber.body()).contains("\"field\":\"verification\"").contains("registration number");
        HttpResponse<String> weak = api.activate(guardian.activationToken(), guardian.registrationNumber(), "short");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"");
        assertThat(api.signIn(guardian.email(), PASSWORD).statusCode()).as("no password before activation")
                .isEqualTo(401);

        JsonNode activated = Api.ok(api.activate(guardian.activationToken(), guardian.registrationNumber(),
                PASSWORD));
        assertThat(activated.get("accountId").asString()).isEqualTo(guardian.accountId());
        HttpResponse<String> again = api.activate(guardian.activationToken(), guardian.registrationNumber(),
                PASSWORD + "!");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("activation-invalid");
        JsonNode account = Api.ok(Api.registrar(port, guardian.schoolId()).get("/api/v1/accounts/"
                + guardian.accountId()));
        assertThat(account.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(account.get("passwordSetAt").asString()).isNotBlank();
    }

    @Test
    void anActivationLinkExpires() {
        Api api = new Api(port);
        Guardian guardian = guardian();
        clock.shift(Duration.ofDays(8));
        HttpResponse<String> expired = api.activate(guardian.activationToken(), guardian.registrationNumber(),
                PASSWORD);
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.body()).contains("activation-expired");
    }

    @Test
    void signInGivesShortLivedTokensAndEachRefreshTokenWorksOnce() {
        Api api = new Api(port);
        Guardian guardian = activated();

        HttpResponse<String> signedIn = api.signIn(guardian.email().toUpperCase(), PASSWORD);
        JsonNode tokens = Api.ok(signedIn);
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshExpiresIn").asLong()).isEqualTo(30 * 24 * 3600);
        JsonNode me = Api.ok(api.me(tokens.get("accessToken").asString()));
        assertThat(me.get("sub").asString()).isEqualTo(guardian.accountId());
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("GUARDIAN");

        JsonNode refreshed = Api.ok(api.refresh(tokens.get("refreshToken").asString()));
        assertThat(refreshed.get("refreshToken").asString()).isNotEqualTo(tokens.get("refreshToken").asString());
        Api.ok(api.me(refreshed.get("accessToken").asString()));

        HttpResponse<String> reused = api.refresh(tokens.get("refreshToken").asString());
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(reused.body()).contains("urn:eshkola:problem:invalid-token").contains("already used");
        assertThat(api.refresh(refreshed.get("refreshToken").asString()).statusCode())
                .as("a reused refresh token revokes every token rotated from it").isEqualTo(401);

        JsonNode again = Api.ok(api.signIn(guardian.email(), PASSWORD));
        assertThat(api.send("POST", "/api/v1/signout", "{\"refreshToken\":\"" + again.get("refreshToken").asString()
                + "\"}", Map.of()).statusCode()).isEqualTo(204);
        assertThat(api.refresh(again.get("refreshToken").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFifthFailureLocksTheLoginOut() {
        Api api = new Api(port);
        Guardian guardian = activated();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = api.signIn(guardian.email(), "wrong-password-" + i, "192.0.2." + i);
            assertThat(wrong.statusCode()).as("attempt " + i).isEqualTo(401);
            assertThat(wrong.body()).contains("urn:eshkola:problem:invalid-credentials");
        }
        HttpResponse<String> locked = api.signIn(guardian.email(), PASSWORD, "192.0.2.99");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("urn:eshkola:problem:too-many-attempts").contains("login");
        assertThat(locked.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1, 30));

        clock.shift(Duration.ofSeconds(31));
        Api.ok(api.signIn(guardian.email(), PASSWORD, "192.0.2.99"));
        assertThat(api.signIn(guardian.email(), "wrong-again", "192.0.2.98").statusCode())
                .as("a successful sign-in clears the login's failures").isEqualTo(401);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressOutButNotOthers() {
        Api api = new Api(port);
        Guardian guardian = activated();
        String attacker = "203.0.113." + (10 + (int) (Math.random() * 200));
        for (int i = 0; i < 30; i++) {
            assertThat(api.signIn("nobody-" + i + "@example.ru", "guess", attacker).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = api.signIn(guardian.email(), PASSWORD, attacker);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("address");
        Api.ok(api.signIn(guardian.email(), PASSWORD, "198.51.100.7"));
    }

    @Test
    void aBlockedAccountCannotSignInAndItsTokensStopWorking() {
        Api api = new Api(port);
        Guardian guardian = activated();
        JsonNode tokens = Api.ok(api.signIn(guardian.email(), PASSWORD));

        Api school = Api.registrar(port, guardian.schoolId());
        JsonNode blocked = Api.ok(school.send("POST", "/api/v1/accounts/" + guardian.accountId() + "/block",
                "{\"note\":\"Заявление родителя об аннулировании\"}", "admin-7"));
        assertThat(blocked.get("state").asString()).isEqualTo("BLOCKED");
        assertThat(school.send("POST", "/api/v1/accounts/" + guardian.accountId() + "/block", "{}", "admin-7")
                .statusCode()).isEqualTo(409);

        HttpResponse<String> signIn = api.signIn(guardian.email(), PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(api.signIn(guardian.email(), "wrong-password").statusCode()).as("nothing told without the "
                + "password").isEqualTo(401);
        assertThat(api.refresh(tokens.get("refreshToken").asString()).statusCode()).isEqualTo(401);
        HttpResponse<String> me = api.me(tokens.get("accessToken").asString());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("\"reason\":\"revoked\"");
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("Bearer error=\"invalid_token\""));

        ConsumerRecord<byte[], byte[]> event = Api.await(events, "applications.account.blocked.v1",
                guardian.accountId()).getFirst();
        JsonSchemas.assertValidEvent("applications-service", event);
        assertThat(Api.data(event).get("reason").asString()).isEqualTo("ON_REQUEST");
        assertThat(Api.data(event).get("blockedBy").asString()).isEqualTo("admin-7");
    }

    @Test
    void aSeparateVerifierAcceptsAnIssuedTokenUsingOnlyTheJwksAndTheDiscoveryDocument() throws Exception {
        Api api = new Api(port);
        Guardian guardian = activated();
        String token = Api.ok(api.signIn(guardian.email(), PASSWORD)).get("accessToken").asString();

        JsonNode discovery = Api.ok(api.get("/.well-known/openid-configuration"));
        assertThat(discovery.get("issuer").asString()).isEqualTo("http://localhost:8083");
        assertThat(discovery.get("jwks_uri").asString()).endsWith("/.well-known/jwks.json");
        assertThat(discovery.get("id_token_signing_alg_values_supported")).extracting(JsonNode::asString)
                .containsExactly("RS256");
        HttpResponse<String> jwks = api.get("/.well-known/jwks.json");
        assertThat(jwks.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jwk-set+json");
        assertThat(jwks.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=600");
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");

        JWTClaimsSet claims = verifier(discovery.get("issuer").asString()).process(token, null);

        assertThat(claims.getSubject()).isEqualTo(guardian.accountId());
        assertThat(claims.getAudience()).containsExactly("eshkola");
        assertThat(claims.getStringListClaim("roles")).containsExactly("GUARDIAN");
        assertThat(claims.getStringListClaim("students")).containsExactly(guardian.studentId());
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void afterARotationTheOldKeysTokensStillValidateAndNewTokensCarryTheNewKid() throws Exception {
        Api api = new Api(port);
        Guardian guardian = activated();
        Api operator = api.as(Api.regionalOperator("operator-1"));
        clock.shift(Duration.ofHours(2)); // past any rotation another test left pending
        JsonNode rotation = Api.ok(operator.send("POST", "/api/v1/signing-keys/rotation", null, "operator-1"));
        String newKid = rotation.get("kid").asString();
        assertThat(rotation.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(operator.send("POST", "/api/v1/signing-keys/rotation", null, "operator-1").statusCode())
                .as("one rotation at a time").isEqualTo(409);
        assertThat(api.get("/.well-known/jwks.json").body()).as("published before it signs").contains(newKid);

        clock.shift(Duration.ofMinutes(55));
        String oldToken = Api.ok(api.signIn(guardian.email(), PASSWORD)).get("accessToken").asString();
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();
        assertThat(oldKid).isNotEqualTo(newKid);

        clock.shift(Duration.ofMinutes(6));
        String newToken = Api.ok(api.signIn(guardian.email(), PASSWORD)).get("accessToken").asString();
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKid);
        Api.ok(api.me(oldToken));
        Api.ok(api.me(newToken));
        DefaultJWTProcessor<SecurityContext> verifier = verifier("http://localhost:8083");
        assertThat(verifier.process(oldToken, null).getSubject()).isEqualTo(guardian.accountId());
        assertThat(verifier.process(newToken, null).getSubject()).isEqualTo(guardian.accountId());

        clock.shift(Duration.ofMinutes(20));
        assertThat(api.get("/.well-known/jwks.json").body()).as("gone once every token it signed expired")
                .doesNotContain(oldKid).contains(newKid);
    }

    @Test
    void forgedExpiredUnsignedAndHmacTokensAreRefusedByEveryTokenTakingEndpoint() throws Exception {
        Api api = new Api(port);
        Guardian guardian = activated();
        JsonNode tokens = Api.ok(api.signIn(guardian.email(), PASSWORD));
        String real = tokens.get("accessToken").asString();
        SignedJWT parsed = SignedJWT.parse(real);
        JWTClaimsSet claims = new JWTClaimsSet.Builder(parsed.getJWTClaimsSet())
                .claim("roles", List.of("REGIONAL_OPERATOR")).build();

        RSAKey attacker = new RSAKeyGenerator(2048).keyID(parsed.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(attacker.getKeyID()).type(new JOSEObjectType("at+jwt")).build(), claims);
        forged.sign(new RSASSASigner(attacker));
        String[] parts = real.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String unsigned = new PlainJWT(claims).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(attacker.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        hmac.sign(new MACSigner("a-shared-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)));

        for (String bad : List.of(forged.serialize(), tampered, unsigned, hmac.serialize(), "not-a-token")) {
            HttpResponse<String> me = api.me(bad);
            assertThat(me.statusCode()).as(bad).isEqualTo(401);
            assertThat(me.body()).contains("urn:eshkola:problem:unauthorized");
            assertThat(api.refresh(bad).statusCode()).as("refresh with " + bad).isEqualTo(401);
            assertThat(api.send("POST", "/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD
                    + "\",\"newPassword\":\"Другой-пароль-2027\"}", Map.of("Authorization", "Bearer " + bad))
                    .statusCode()).isEqualTo(401);
        }
        assertThat(api.send("GET", "/api/v1/me", null, Map.of()).statusCode()).isEqualTo(401);

        clock.shift(Duration.ofMinutes(16).plusSeconds(61));
        HttpResponse<String> expired = api.me(real);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("expired");
        Api.ok(api.refresh(tokens.get("refreshToken").asString()));

        clock.shift(Duration.ofDays(31));
        JsonNode late = Api.ok(api.signIn(guardian.email(), PASSWORD));
        clock.shift(Duration.ofDays(31));
        HttpResponse<String> expiredRefresh = api.refresh(late.get("refreshToken").asString());
        assertThat(expiredRefresh.statusCode()).isEqualTo(401);
        assertThat(expiredRefresh.body()).contains("expired");
    }

    @Test
    void aTokenSignedWithThisServicesOwnKeyIsStillCheckedForIssuerAudienceTypeTimesAndClaims() throws Exception {
        Api api = new Api(port);
        Guardian guardian = activated();
        String real = Api.ok(api.signIn(guardian.email(), PASSWORD)).get("accessToken").asString();
        JWTClaimsSet claims = SignedJWT.parse(real).getJWTClaimsSet();
        Instant now = clock.instant();
        Map<String, JWTClaimsSet> variants = new java.util.LinkedHashMap<>();
        variants.put("the test issuer's iss on this service's key", new JWTClaimsSet.Builder(claims)
                .issuer(ru.eshkola.kit.testing.TestTokens.issuer()).build());
        variants.put("another audience", new JWTClaimsSet.Builder(claims).audience("another-platform").build());
        variants.put("expired", new JWTClaimsSet.Builder(claims).issueTime(java.util.Date.from(now.minusSeconds(3600)))
                .expirationTime(java.util.Date.from(now.minusSeconds(600))).build());
        variants.put("no issue time", new JWTClaimsSet.Builder(claims).issueTime(null).build());
        variants.put("no subject", new JWTClaimsSet.Builder(claims).subject(null).build());
        for (Map.Entry<String, JWTClaimsSet> variant : variants.entrySet()) {
            HttpResponse<String> me = api.me(sign(variant.getValue(), "at+jwt"));
            assertThat(me.statusCode()).as(variant.getKey()).isEqualTo(401);
        }
        assertThat(api.me(sign(claims, "JWT")).statusCode()).as("not an access token").isEqualTo(401);
        assertThat(api.me(sign(claims, "at+jwt")).statusCode()).as("the same claims, rightly signed").isEqualTo(200);
    }

    private String sign(JWTClaimsSet claims, String type) throws Exception {
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void staffAccountsComeFromTheJournalWithTheirSchoolAndTeachingScopeAndAreBlockedWhenTheyLeave()
            throws Exception {
        Api api = new Api(port);
        JournalFeed journal = new JournalFeed(kafka, roster);
        String school = journal.school();
        String staffId = EventIds.next();
        String email = Api.email("smirnova.op");
        String classId = EventIds.next();
        journal.send("journal.classes", "journal.assignment.started.v1", classId, classId,
                JournalFeed.example("journal.assignment.started.v1").put("assignmentId", classId + ":math")
                        .put("classId", classId).put("schoolId", school).put("teacherId", staffId)
                        .put("subjectId", "math").put("version", 1), EventIds.next());
        journal.staff(journal.staffData(staffId, school, "T-014", email, List.of("TEACHER", "SCHOOL_ADMINISTRATOR"),
                true, 1));

        ConsumerRecord<byte[], byte[]> issued = Api.await(events, "applications.account.issued.v1", email)
                .getFirst();
        assertThat(Api.data(issued).get("verificationHint").asString()).contains("staff number");
        assertThat(Api.data(issued).get("roles")).extracting(JsonNode::asString)
                .containsExactly("SCHOOL_ADMINISTRATOR", "TEACHER");
        Api.ok(api.activate(Api.activationToken(events, email), "t-014", PASSWORD));
        String token = Api.ok(api.signIn(email, PASSWORD)).get("accessToken").asString();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("SCHOOL_ADMINISTRATOR", "TEACHER");
        assertThat(claims.getStringListClaim("schools")).containsExactly(school);
        assertThat(claims.getStringListClaim("adminSchools")).containsExactly(school);
        assertThat(claims.getStringListClaim("classes")).containsExactly(classId);
        assertThat(claims.getStringListClaim("teaching")).containsExactly(classId + "/math");
        assertThat(claims.getStringListClaim("staff")).as("the journal's staff ids of the account")
                .containsExactly(staffId);

        journal.staff(journal.staffData(staffId, school, "T-014", email, List.of("TEACHER"), false, 2));
        ConsumerRecord<byte[], byte[]> blocked = Api.await(events, "applications.account.blocked.v1", email)
                .getFirst();
        assertThat(Api.data(blocked).get("reason").asString()).isEqualTo("STAFF_LEFT");
        assertThat(api.signIn(email, PASSWORD).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorCreatesAnOperatorWhoseTokensCarryTheMunicipality() throws Exception {
        Api api = new Api(port);
        String email = Api.email("operator");
        Api regional = api.as(Api.regionalOperator("operator-1"));
        HttpResponse<String> created = regional.send("POST", "/api/v1/operators", """
                {"email":"%s","lastName":"Громова","firstName":"Елена","role":"MUNICIPAL_OPERATOR",
                 "municipalityId":"ntgo"}""".formatted(email), "operator-1");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> noMunicipality = regional.send("POST", "/api/v1/operators", """
                {"email":"%s","lastName":"Громова","firstName":"Елена","role":"MUNICIPAL_OPERATOR"}"""
                .formatted(Api.email("op2")), "operator-1");
        assertThat(noMunicipality.statusCode()).isEqualTo(400);

        String activationToken = Api.activationToken(events, email);
        Api.ok(api.send("POST", "/api/v1/accounts/activation", "{\"token\":\"" + activationToken
                + "\",\"password\":\"" + PASSWORD + "\"}", Map.of()));
        JWTClaimsSet claims = SignedJWT.parse(Api.ok(api.signIn(email, PASSWORD)).get("accessToken").asString())
                .getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("MUNICIPAL_OPERATOR");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("ntgo");
        assertThat(Api.ok(api.me(token(email))).get("municipality").asString()).isEqualTo("ntgo");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noPasswordOrPasswordHashEverAppearsInALogOrAnEvent(CapturedOutput output) {
        Api api = new Api(port);
        Guardian guardian = guardian();
        String first = "Первый-Секрет-" + EventIds.next().substring(24);
        String second = "Второй-Секрет-" + EventIds.next().substring(24);
        String wrong = "Неверный-Секрет-" + EventIds.next().substring(24);
        Api.ok(api.activate(guardian.activationToken(), guardian.registrationNumber(), first));
        api.signIn(guardian.email(), wrong);
        String token = Api.ok(api.signIn(guardian.email(), first)).get("accessToken").asString();
        assertThat(api.send("POST", "/api/v1/me/password", "{\"currentPassword\":\"" + first
                + "\",\"newPassword\":\"" + second + "\"}", Map.of("Authorization", "Bearer " + token))
                .statusCode()).isEqualTo(204);
        Api.ok(api.signIn(guardian.email(), second));
        Api.ok(Api.registrar(port, guardian.schoolId()).terminate(guardian.applicationId(), "APPLICANT_REQUEST"));
        Api.await(events, "applications.account.blocked.v1", guardian.accountId());

        for (String secret : List.of(first, second, wrong, "$argon2")) {
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
            assertThat(events.records(r -> EventProbe.value(r).contains(secret))).as("events").isEmpty();
        }
        assertThat(Api.registrar(port, guardian.schoolId()).get("/api/v1/accounts/" + guardian.accountId()).body())
                .doesNotContain("$argon2");
    }

    private String token(String login) {
        return Api.ok(new Api(port).signIn(login, PASSWORD)).get("accessToken").asString();
    }

    /** An independent verifier as another service would build it: nimbus, the JWKS over HTTP, RS256 only. */
    private DefaultJWTProcessor<SecurityContext> verifier(String issuer) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                URI.create("http://localhost:" + port + "/.well-known/jwks.json").toURL())
                .retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("eshkola",
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "jti", "roles")));
        return processor;
    }
}
