package ru.eshkola.applications.access;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.eshkola.kit.testing.SecurityConventions.assertForbidden;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.applications.Api;
import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.security.TokenRevocations;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The OWASP API Security Top 10, in the spirit of issue 8, against this service: broken object-level authorization
 * (another school's ids), broken authentication, mass assignment, excessive data exposure, unrestricted resource
 * consumption, revocation of a blocked account's tokens, and no personal data or secrets in the logs. Each attack is
 * counted; the total is printed at the end.
 */
@ApplicationsIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityAttacksIT {

    static final String PASSWORD = "Тетрадь-в-клетку-2026";
    static final AtomicInteger ATTACKS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;
    @Autowired
    MongoTemplate mongo;

    EventProbe events;
    JournalFeed journal;
    /** school A, whose administrator attacks school B's entries */
    String schoolA;
    String schoolB;
    String studentA;
    String studentB;
    Api registrarA;
    Api registrarB;

    @BeforeAll
    void twoSchools() {
        events = EventProbe.on("applications.applications", "applications.access", "applications.accounts",
                "applications.consents", "applications.complaints");
        journal = new JournalFeed(kafka, roster);
        schoolA = journal.school();
        schoolB = journal.school();
        studentA = journal.student(schoolA, "Атакова", "Алла");
        studentB = journal.student(schoolB, "Защитова", "Зоя");
        registrarA = Api.registrar(port, schoolA);
        registrarB = Api.registrar(port, schoolB);
    }

    @AfterAll
    void total() throws InterruptedException {
        System.out.printf("attack cases (applications-service): %d%n", ATTACKS.get());
        events.close();
    }

    @Test
    void anAdministratorCannotReachAnotherSchoolsEntriesByTheirIds() {
        registrarB.consent(schoolB, studentB);
        String received = registrarB.application(schoolB, studentB, Api.email("bola")).get("id").asString();
        String refused = registrarB.application(schoolB, studentB, Api.email("bola")).get("id").asString();
        Api.ok(registrarB.refuse(refused, "{\"grounds\":[\"APPLICATION_INCOMPLETE\"]}"));
        String granted = registrarB.application(schoolB, studentB, Api.email("bola")).get("id").asString();
        Api.ok(registrarB.grant(granted));
        String consent = registrarB.consent(schoolB, studentB).get("id").asString();
        String complaint = registrarB.post("/api/v1/complaints", complaintJson(schoolB, Api.email("c")))
                .get("id").asString();
        String account = accountOf(granted);

        int registeredInB = Api.ok(registrarB.get("/api/v1/applications?schoolId=" + schoolB)).get("totalItems")
                .asInt();
        Map<String, HttpResponse<String>> attacks = new LinkedHashMap<>();
        String b = "?schoolId=" + schoolB;
        for (String path : List.of("/api/v1/applications/" + received, "/api/v1/applications/" + refused
                        + "/refusal-notice.pdf", "/api/v1/consents/" + consent, "/api/v1/complaints/" + complaint,
                "/api/v1/accounts/" + account, "/api/v1/applications" + b, "/api/v1/applications/due" + b,
                "/api/v1/applications/export.csv" + b, "/api/v1/consents" + b, "/api/v1/consents/export.csv" + b,
                "/api/v1/complaints" + b, "/api/v1/complaints/due" + b, "/api/v1/complaints/export.csv" + b,
                "/api/v1/accounts" + b, "/api/v1/accounts/export.csv" + b, "/api/v1/audit" + b)) {
            attacks.put("GET " + path, registrarA.get(path));
        }
        attacks.put("grant", registrarA.grant(received));
        attacks.put("refuse", registrarA.refuse(received, "{\"grounds\":[\"APPLICATION_INCOMPLETE\"]}"));
        attacks.put("terminate", registrarA.terminate(granted, "APPLICANT_REQUEST"));
        attacks.put("withdraw", registrarA.send("POST", "/api/v1/consents/" + consent + "/withdrawal", "{}",
                Api.REGISTRAR));
        attacks.put("answer", registrarA.send("POST", "/api/v1/complaints/" + complaint + "/answer",
                "{\"outcome\":\"UPHELD\",\"answer\":\"Да\"}", Api.REGISTRAR));
        attacks.put("block", registrarA.send("POST", "/api/v1/accounts/" + account + "/block", "{}",
                Api.REGISTRAR));
        attacks.put("apply in B", registrarA.apply(Api.applicationJson(schoolB, studentB, Api.email("x"))));
        attacks.put("consent in B", registrarA.send("POST", "/api/v1/consents", consentJson(schoolB, studentB),
                Api.REGISTRAR));
        attacks.put("complaint in B", registrarA.send("POST", "/api/v1/complaints",
                complaintJson(schoolB, Api.email("x")), Api.REGISTRAR));
        attacks.forEach((attack, response) -> assertForbidden(response, attack));
        count(attacks.size());

        assertThat(Api.ok(registrarB.get("/api/v1/applications/" + received)).get("version").asInt()).isEqualTo(1);
        assertThat(Api.ok(registrarB.get("/api/v1/applications/" + granted)).get("state").asString())
                .isEqualTo("GRANTED");
        assertThat(Api.ok(registrarB.get("/api/v1/consents/" + consent)).get("state").asString()).isEqualTo("VALID");
        assertThat(Api.ok(registrarB.get("/api/v1/complaints/" + complaint)).get("state").asString())
                .isEqualTo("OPEN");
        assertThat(Api.ok(registrarB.get("/api/v1/accounts/" + account)).get("state").asString())
                .isNotEqualTo("BLOCKED");
        assertThat(Api.ok(registrarB.get("/api/v1/applications?schoolId=" + schoolB)).get("totalItems").asInt())
                .as("nothing registered in B by A's administrator").isEqualTo(registeredInB);
    }

    @Test
    void operatorsReadOnlyTheirTerritoryAndNeverChangeIt() {
        String elsewhere = schoolIn("another-municipality");
        Api ntgo = new Api(port).as(TestTokens.municipalOperator("op-ntgo", "ntgo"));
        Api regional = new Api(port).as(Api.regionalOperator("op-66"));
        Api foreignRegion = new Api(port).as(TestTokens.regionalOperator("op-77", "77"));
        String application = registrarA.application(schoolA, studentA, Api.email("op")).get("id").asString();

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(ntgo.get("/api/v1/applications?schoolId=" + schoolA).statusCode()).isEqualTo(200);
        softly.assertThat(ntgo.get("/api/v1/applications?schoolId=" + elsewhere).statusCode())
                .as("a school of another municipality").isEqualTo(403);
        softly.assertThat(regional.get("/api/v1/applications?schoolId=" + elsewhere).statusCode()).isEqualTo(200);
        softly.assertThat(foreignRegion.get("/api/v1/applications?schoolId=" + schoolA).statusCode())
                .as("a regional operator of another region").isEqualTo(403);
        for (Api operator : List.of(ntgo, regional)) {
            softly.assertThat(operator.grant(application).statusCode()).as("read-only: grant").isEqualTo(403);
            softly.assertThat(operator.apply(Api.applicationJson(schoolA, studentA, Api.email("x"))).statusCode())
                    .as("read-only: register").isEqualTo(403);
            softly.assertThat(operator.get("/api/v1/audit?schoolId=" + schoolA).statusCode())
                    .as("the school's audit is its administrator's").isEqualTo(403);
        }
        softly.assertThat(ntgo.send("POST", "/api/v1/operators", operatorJson("MUNICIPAL_OPERATOR", "ntgo", null),
                "op-ntgo").statusCode()).as("a municipal operator creates no operators").isEqualTo(403);
        softly.assertThat(regional.send("POST", "/api/v1/operators", operatorJson("REGIONAL_OPERATOR", null, "77"),
                "op-66").statusCode()).as("no operators of another region").isEqualTo(403);
        softly.assertThat(foreignRegion.send("POST", "/api/v1/operators",
                operatorJson("MUNICIPAL_OPERATOR", "ntgo", null), "op-77").statusCode()).isEqualTo(403);
        softly.assertThat(foreignRegion.get("/api/v1/signing-keys").statusCode()).isEqualTo(403);
        softly.assertAll();
        count(12);
    }

    @Test
    void guardiansStudentsAndTeachersHaveNoBusinessWithTheRegistersAndSeeOnlyTheirOwnChildsAudit() {
        Map<String, TestTokens.Token> callers = Map.of(
                "guardian", TestTokens.guardian("g-1", studentA),
                "student", TestTokens.student(studentA),
                "teacher", TestTokens.teacher("t-1", schoolA, "5a/math"));
        SoftAssertions softly = new SoftAssertions();
        callers.forEach((who, token) -> {
            Api api = new Api(port).as(token);
            for (String register : List.of("applications", "consents", "complaints", "accounts")) {
                softly.assertThat(api.get("/api/v1/" + register + "?schoolId=" + schoolA).statusCode())
                        .as(who + " lists " + register).isEqualTo(403);
                count(1);
            }
        });
        Api guardian = new Api(port).as(TestTokens.guardian("g-1", studentA));
        softly.assertThat(guardian.get("/api/v1/audit?studentId=" + studentB).statusCode())
                .as("another family's child").isEqualTo(403);
        softly.assertThat(guardian.get("/api/v1/audit?schoolId=" + schoolA).statusCode())
                .as("the whole school").isEqualTo(403);
        softly.assertThat(guardian.get("/api/v1/audit").statusCode()).as("neither a school nor a student")
                .isEqualTo(400);
        softly.assertAll();
        count(3);
    }

    @Test
    void brokenTokensAreRefusedOnEveryKindOfEndpoint() {
        TestTokens.Token admin = Api.administrator("admin-a", schoolA);
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("expired", admin.expired().bearer());
        attacks.put("forged signature", admin.forged().bearer());
        attacks.put("unknown key", admin.signedWithUnknownKey().bearer());
        attacks.put("alg none", admin.algNone().bearer());
        attacks.put("HS256 with the public key", admin.hs256WithPublicKey().bearer());
        attacks.put("wrong issuer", admin.issuer("https://evil.example").bearer());
        attacks.put("wrong audience", admin.audience("another-platform").bearer());
        attacks.put("an ID token (typ JWT)", admin.type("JWT").bearer());
        attacks.put("issued in the future", admin.issuedAt(Instant.now().plus(Duration.ofHours(1))).bearer());
        attacks.put("no subject", admin.claim("sub", null).bearer());
        attacks.put("garbage", "Bearer not.a.jwt");
        attacks.put("basic", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()));
        List<String> paths = List.of("/api/v1/applications?schoolId=" + schoolA, "/api/v1/me",
                "/api/v1/audit?schoolId=" + schoolA, "/api/v1/signing-keys");
        SoftAssertions softly = new SoftAssertions();
        attacks.forEach((attack, header) -> {
            for (String path : paths) {
                HttpResponse<String> response = Http.local(port).withAuthorization(header).get(path);
                softly.assertThat(response.statusCode()).as(attack + " on " + path).isEqualTo(401);
                softly.assertThat(response.body()).as(attack).contains("urn:eshkola:problem:unauthorized")
                        .doesNotContain(header.substring(header.indexOf(' ') + 1));
                count(1);
            }
        });
        softly.assertAll();
        assertThat(Http.local(port).withToken(admin).get(paths.getFirst()).statusCode()).as("the valid token")
                .isEqualTo(200);
    }

    @Test
    void extraFieldsInABodyAreRefusedNamingThemAndSetNothing() {
        int applications = total("/api/v1/applications?schoolId=" + schoolA);
        int consents = total("/api/v1/consents?schoolId=" + schoolA);
        int complaints = total("/api/v1/complaints?schoolId=" + schoolA);
        Map<String, HttpResponse<String>> attempts = new LinkedHashMap<>();
        String application = Api.applicationJson(schoolA, studentA, Api.email("mass"));
        for (String field : List.of("\"id\":\"chosen-id\"", "\"state\":\"GRANTED\"", "\"version\":9",
                "\"registrationNumber\":\"0000-0001\"", "\"registeredBy\":\"somebody-else\"", "\"history\":[]",
                "\"decision\":{\"decidedBy\":\"somebody-else\"}", "\"roles\":[\"REGIONAL_OPERATOR\"]")) {
            attempts.put("application with " + field, registrarA.apply(application.replace("\"kind\":",
                    field + ",\"kind\":")));
        }
        attempts.put("consent with state", registrarA.send("POST", "/api/v1/consents", consentJson(schoolA,
                studentA).replace("\"purposes\"", "\"state\":\"WITHDRAWN\",\"purposes\""), Api.REGISTRAR));
        attempts.put("consent with registeredBy", registrarA.send("POST", "/api/v1/consents", consentJson(schoolA,
                studentA).replace("\"purposes\"", "\"registeredBy\":\"x\",\"purposes\""), Api.REGISTRAR));
        attempts.put("complaint with answer", registrarA.send("POST", "/api/v1/complaints", complaintJson(schoolA,
                Api.email("c")).replace("\"subject\"", "\"answer\":{\"text\":\"Готово\"},\"subject\""),
                Api.REGISTRAR));
        attempts.put("complaint with state", registrarA.send("POST", "/api/v1/complaints", complaintJson(schoolA,
                Api.email("c")).replace("\"subject\"", "\"state\":\"ANSWERED\",\"subject\""), Api.REGISTRAR));
        Api regional = new Api(port).as(Api.regionalOperator("op-66"));
        attempts.put("operator with roles", regional.send("POST", "/api/v1/operators",
                operatorJson("MUNICIPAL_OPERATOR", "ntgo", null).replace("\"role\"",
                        "\"roles\":[\"REGIONAL_OPERATOR\"],\"role\""), "op-66"));
        attempts.put("operator with state", regional.send("POST", "/api/v1/operators",
                operatorJson("MUNICIPAL_OPERATOR", "ntgo", null).replace("\"role\"", "\"state\":\"ACTIVE\",\"role\""),
                "op-66"));
        attempts.put("block with state", registrarA.send("POST", "/api/v1/accounts/" + EventIds.next() + "/block",
                "{\"note\":\"x\",\"state\":\"ACTIVE\"}", Api.REGISTRAR));
        attempts.put("activation with roles", new Api(port).send("POST", "/api/v1/accounts/activation",
                "{\"token\":\"t\",\"password\":\"Пароль-на-пробу-1\",\"roles\":[\"REGIONAL_OPERATOR\"]}",
                Map.of()));
        attempts.put("sign-in with roles", new Api(port).send("POST", "/api/v1/signin",
                "{\"login\":\"a@example.ru\",\"password\":\"p\",\"roles\":[\"REGIONAL_OPERATOR\"]}", Map.of()));

        SoftAssertions softly = new SoftAssertions();
        attempts.forEach((attempt, response) -> {
            softly.assertThat(response.statusCode()).as(attempt + ": " + response.body()).isEqualTo(400);
            softly.assertThat(response.body()).as(attempt).contains("Unrecognized property");
            count(1);
        });
        softly.assertAll();
        assertThat(total("/api/v1/applications?schoolId=" + schoolA)).as("nothing registered").isEqualTo(applications);
        assertThat(total("/api/v1/consents?schoolId=" + schoolA)).isEqualTo(consents);
        assertThat(total("/api/v1/complaints?schoolId=" + schoolA)).isEqualTo(complaints);
    }

    private int total(String list) {
        return Api.ok(registrarA.get(list)).get("totalItems").asInt();
    }

    @Test
    void responsesAndEventsCarryNoSecretsAndAnAdministratorSeesOnlyTheirSchoolsPartOfAnAccount() {
        String email = Api.email("two.schools");
        registrarA.consent(schoolA, studentA);
        registrarB.consent(schoolB, studentB);
        String inA = registrarA.application(schoolA, studentA, email).get("id").asString();
        String inB = registrarB.application(schoolB, studentB, email).get("id").asString();
        Api.ok(registrarA.grant(inA));
        String account = accountOf(inA);
        Api.ok(registrarB.grant(inB));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Api.ok(registrarB.get("/api/v1/accounts/"
                + account)).get("access").size() == 1 && Api.ok(new Api(port).as(Api.regionalOperator("op-66"))
                .get("/api/v1/accounts/" + account)).get("access").size() == 2);

        JsonNode seenByA = Api.ok(registrarA.get("/api/v1/accounts/" + account));
        assertThat(seenByA.get("access")).extracting(a -> a.get("studentId").asString()).containsExactly(studentA);
        assertThat(seenByA.toString()).as("nothing of school B").doesNotContain(studentB).doesNotContain(schoolB)
                .doesNotContain(inB);
        assertThat(absent(seenByA, "history")).as("its lines name the other school's entries").isTrue();
        String csv = new String(registrarA.getBytes("/api/v1/accounts/export.csv?schoolId=" + schoolA).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains(account).contains(studentA).doesNotContain(studentB);
        JsonNode whole = Api.ok(new Api(port).as(Api.regionalOperator("op-66")).get("/api/v1/accounts/" + account));
        assertThat(whole.get("access")).hasSize(2);
        for (JsonNode view : List.of(seenByA, whole)) {
            assertThat(view.toString()).doesNotContain("passwordHash").doesNotContain("activationTokenHash")
                    .doesNotContain("verificationHash").doesNotContain("$argon2").doesNotContain("token=");
        }
        for (ConsumerRecord<byte[], byte[]> record : events.records(r -> true)) {
            assertThat(EventProbe.value(record)).as(EventProbe.header(record, "ce_type"))
                    .doesNotContain("$argon2").doesNotContain("password")
                    .doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.eyJ"); // no JWT
        }
        count(4);
    }

    @Test
    void hugePagesAndHugeBodiesAreRefused() {
        SoftAssertions softly = new SoftAssertions();
        for (String list : List.of("/api/v1/applications", "/api/v1/consents", "/api/v1/complaints",
                "/api/v1/accounts", "/api/v1/audit")) {
            HttpResponse<String> huge = registrarA.get(list + "?schoolId=" + schoolA + "&size=100000");
            softly.assertThat(huge.statusCode()).as(list + " size=100000").isEqualTo(400);
            softly.assertThat(huge.body()).as(list).contains("\"field\":\"size\"");
            softly.assertThat(registrarA.get(list + "?schoolId=" + schoolA + "&page=-1").statusCode())
                    .as(list + " page=-1").isEqualTo(400);
            count(2);
        }
        String big = "Я".repeat(700_000); // 1.4 MB of UTF-8
        HttpResponse<String> tooLarge = registrarA.send("POST", "/api/v1/complaints",
                complaintJson(schoolA, Api.email("big")).replace("Прошу разобраться.", big), Api.REGISTRAR);
        softly.assertThat(tooLarge.statusCode()).isEqualTo(413);
        softly.assertThat(tooLarge.body()).contains("urn:eshkola:problem:payload-too-large");
        String manyStudents = Api.applicationJson(schoolA, studentA, Api.email("many")).replace("\"studentIds\":[\""
                + studentA + "\"]", "\"studentIds\":[" + "\"s\",".repeat(10) + "\"s\"]");
        HttpResponse<String> tooMany = registrarA.apply(manyStudents);
        softly.assertThat(tooMany.statusCode()).isEqualTo(400);
        softly.assertThat(tooMany.body()).contains("\"field\":\"studentIds\"");
        softly.assertThat(registrarA.send("POST", "/api/v1/complaints", complaintJson(schoolA, Api.email("long"))
                .replace("Прошу разобраться.", "Ж".repeat(8001)), Api.REGISTRAR).statusCode())
                .as("a complaint text over 8000 characters").isEqualTo(400);
        softly.assertAll();
        count(3);
    }

    @Test
    void aBlockedStaffAccountsTokenIsRefusedAtOnceEverywhereHere() {
        String staffId = EventIds.next();
        String email = Api.email("admin.blocked");
        journal.staff(journal.staffData(staffId, schoolA, "A-01", email, List.of("SCHOOL_ADMINISTRATOR"), true, 1));
        Api.ok(new Api(port).activate(Api.activationToken(events, email), "A-01", PASSWORD));
        JsonNode tokens = Api.ok(new Api(port).signIn(email, PASSWORD));
        String token = tokens.get("accessToken").asString();
        Http asBlocked = Http.local(port).withAuthorization("Bearer " + token);
        assertThat(asBlocked.get("/api/v1/applications?schoolId=" + schoolA).statusCode()).isEqualTo(200);
        String accountId = Api.ok(asBlocked.get("/api/v1/me")).get("sub").asString();
        assertThat(Api.ok(asBlocked.get("/api/v1/me")).get("staff")).extracting(JsonNode::asString)
                .containsExactly(staffId);

        Api.ok(registrarA.send("POST", "/api/v1/accounts/" + accountId + "/block", "{\"note\":\"Уволена\"}",
                "another-admin"));

        for (String path : List.of("/api/v1/applications?schoolId=" + schoolA, "/api/v1/me",
                "/api/v1/audit?schoolId=" + schoolA)) {
            HttpResponse<String> refused = asBlocked.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.body()).as(path).contains("\"reason\":\"revoked\"");
            count(1);
        }
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(accountId)),
                TokenRevocations.COLLECTION)).as("other instances read it from the store").isTrue();
        assertThat(new Api(port).refresh(tokens.get("refreshToken").asString()).statusCode()).isEqualTo(401);
        count(1);
    }

    @Test
    void anotherInstancesBlockingReachesThisOneThroughTheBlockedEvent() {
        String accountId = EventIds.next();
        TestTokens.Token before = Api.administrator("x", schoolA).subject(accountId)
                .issuedAt(Instant.now().minusSeconds(5));
        Http http = Http.local(port).withToken(before);
        assertThat(http.get("/api/v1/applications?schoolId=" + schoolA).statusCode()).isEqualTo(200);

        ObjectNode blocked = example("applications.account.blocked.v1").put("accountId", accountId)
                .put("tokensInvalidBefore", Instant.now().minusSeconds(1).toString());
        journal.send("applications.accounts", "applications.account.blocked.v1", accountId, accountId, blocked,
                EventIds.next());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/applications?schoolId="
                + schoolA).statusCode() == 401);
        assertThat(Http.local(port).withToken(Api.administrator("x", schoolA).subject(accountId)
                .issuedAt(Instant.now().plusSeconds(1))).get("/api/v1/applications?schoolId=" + schoolA)
                .statusCode()).as("a token issued after the block").isEqualTo(200);
        count(2);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLogsOfAWholeWalkHoldNoNamesEmailsPasswordsOrTokens(CapturedOutput output) {
        String lastName = "Логова" + EventIds.next().substring(30);
        String email = Api.email("log.walk");
        String student = journal.student(schoolA, lastName, "Людмила");
        registrarA.consent(schoolA, student);
        String application = registrarA.apply(Api.applicationJson(schoolA, student, email)
                .replace("Иванова", lastName)).body();
        String id = Api.JSON.readTree(application).get("id").asString();
        Api.ok(registrarA.grant(id));
        String activation = Api.activationToken(events, email);
        String number = Api.ok(registrarA.get("/api/v1/applications/" + id)).get("registrationNumber").asString();
        Api.ok(new Api(port).activate(activation, number, PASSWORD));
        String token = Api.ok(new Api(port).signIn(email, PASSWORD)).get("accessToken").asString();
        new Api(port).signIn(email, "wrong-" + PASSWORD);
        Http.local(port).withAuthorization("Bearer " + token).get("/api/v1/applications?schoolId=" + schoolA);
        Api.ok(registrarA.terminate(id, "APPLICANT_REQUEST"));
        Api.await(events, "applications.account.blocked.v1", email);
        Http.local(port).withAuthorization("Bearer " + token).get("/api/v1/me");

        String logs = output.getAll();
        assertThat(logs).as("something was logged").contains("request denied");
        for (String secret : List.of(lastName, email, PASSWORD, token, token.substring(token.lastIndexOf('.') + 1),
                activation, "$argon2")) {
            assertThat(logs).as("the logs").doesNotContain(secret);
        }
        count(1);
    }

    // ---- helpers

    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }

    private static void count(int attacks) {
        ATTACKS.addAndGet(attacks);
    }

    private String accountOf(String applicationId) {
        Api reader = new Api(port).as(Api.regionalOperator("op-66"));
        String email = Api.ok(reader.get("/api/v1/applications/" + applicationId)).at("/applicant/email").asString();
        return Api.data(Api.await(events, "applications.account.issued.v1", email).getFirst()).get("accountId")
                .asString();
    }

    private String schoolIn(String municipality) {
        String id = EventIds.next();
        ObjectNode data = JournalFeed.example("journal.school.registered.v1").put("schoolId", id)
                .put("code", "else-" + id.substring(24)).put("municipalityId", municipality);
        journal.send("journal.schools", "journal.school.registered.v1", id, id, data, EventIds.next());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> roster.school(id).isPresent());
        return id;
    }

    private static ObjectNode example(String type) {
        try {
            return (ObjectNode) Api.JSON.readTree(java.nio.file.Files.readString(
                    ru.eshkola.kit.testing.JsonSchemas.repositoryFile(
                            "applications-service/src/main/resources/contracts/examples/" + type + ".json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String consentJson(String school, String student) {
        return """
                {"schoolId":"%s","studentId":"%s",
                 "givenBy":{"relation":"PARENT","lastName":"Атакова","firstName":"Анна"},
                 "purposes":["DIARY_AND_JOURNAL"],"document":{"title":"Согласие"}}""".formatted(school, student);
    }

    private static String complaintJson(String school, String email) {
        return """
                {"schoolId":"%s","subject":"ACTION",
                 "complainant":{"lastName":"Атакова","firstName":"Анна","email":"%s"},
                 "text":"Прошу разобраться."}""".formatted(school, email);
    }

    private static String operatorJson(String role, String municipality, String region) {
        return """
                {"email":"op@example.ru","lastName":"Громова","firstName":"Елена","role":"%s"%s%s}""".formatted(role,
                municipality == null ? "" : ",\"municipalityId\":\"" + municipality + "\"",
                region == null ? "" : ",\"regionId\":\"" + region + "\"");
    }
}
