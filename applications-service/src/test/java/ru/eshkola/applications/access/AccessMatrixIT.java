package ru.eshkola.applications.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import ru.eshkola.applications.Api;
import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;

/**
 * Every endpoint of the service × every kind of caller, with the status each must get: the access rules of
 * {@link ApplicationsAccess} as a table. A new endpoint without a row fails {@link #everyEndpointIsInTheMatrix}.
 * Callers allowed to change something act on entries made for them; refused callers act on shared entries, which are
 * checked unchanged at the end.
 */
@ApplicationsIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    /** The callers of issue 8's matrix (teachers are the school's, of its class and of another one). */
    enum Who {
        ANONYMOUS, GUARDIAN, STUDENT, TEACHER, TEACHER_OF_ANOTHER_CLASS, ADMINISTRATOR, ADMINISTRATOR_ELSEWHERE,
        MUNICIPAL_OPERATOR, MUNICIPAL_OPERATOR_ELSEWHERE, REGIONAL_OPERATOR, REGIONAL_OPERATOR_ELSEWHERE
    }

    record Call(String path, String body) {
    }

    /** How to call an endpoint; {@code allowed}: the caller may change something, so it acts on an entry of its own. */
    interface CallFor {
        Call call(boolean allowed);
    }

    /** One endpoint: how a caller calls it, and what each caller must get (several statuses: any of them). */
    record Row(String method, String pattern, CallFor call, Map<Who, Set<Integer>> expected) {

        String endpoint() {
            return method + " " + pattern;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    EventProbe events;
    Api admin;
    String school;
    String otherSchool;
    String student;
    String received;
    String granted;
    String refused;
    String consent;
    String complaint;
    String account;
    final Map<Who, TestTokens.Token> tokens = new EnumMap<>(Who.class);

    @BeforeAll
    void aSchoolWithOneEntryOfEachRegister() {
        events = EventProbe.on("applications.accounts");
        JournalFeed journal = new JournalFeed(kafka, roster);
        school = journal.school();
        otherSchool = journal.school();
        student = journal.student(school, "Матрицева", "Ирина");
        admin = Api.registrar(port, school);
        consent = admin.consent(school, student).get("id").asString();
        received = application();
        granted = grantedApplication();
        refused = application();
        Api.ok(admin.refuse(refused, "{\"grounds\":[\"APPLICATION_INCOMPLETE\"]}"));
        complaint = admin.post("/api/v1/complaints", complaintJson()).get("id").asString();
        account = accountOf(granted);

        String municipality = roster.school(school).orElseThrow().municipalityId();
        tokens.put(Who.GUARDIAN, TestTokens.guardian("matrix-guardian", student));
        tokens.put(Who.STUDENT, TestTokens.student(student));
        tokens.put(Who.TEACHER, TestTokens.teacher("matrix-teacher", school, "class-of-" + school + "/math"));
        tokens.put(Who.TEACHER_OF_ANOTHER_CLASS, TestTokens.teacher("matrix-teacher-2", school, "7b/physics"));
        tokens.put(Who.ADMINISTRATOR, Api.administrator("matrix-admin", school));
        tokens.put(Who.ADMINISTRATOR_ELSEWHERE, Api.administrator("matrix-admin-2", otherSchool));
        tokens.put(Who.MUNICIPAL_OPERATOR, TestTokens.municipalOperator("matrix-municipal", municipality));
        tokens.put(Who.MUNICIPAL_OPERATOR_ELSEWHERE, TestTokens.municipalOperator("matrix-municipal-2",
                "another-municipality"));
        tokens.put(Who.REGIONAL_OPERATOR, Api.regionalOperator("matrix-regional"));
        tokens.put(Who.REGIONAL_OPERATOR_ELSEWHERE, TestTokens.regionalOperator("matrix-regional-2", "77"));
    }

    @AfterAll
    void close() throws InterruptedException {
        events.close();
    }

    List<Row> matrix() {
        Who[] readers = {Who.ADMINISTRATOR, Who.MUNICIPAL_OPERATOR, Who.REGIONAL_OPERATOR};
        String s = "?schoolId=" + school;
        List<Row> rows = new ArrayList<>();
        // applications
        rows.add(row("POST", "/api/v1/applications",
                allowed -> new Call("/api/v1/applications", Api.applicationJson(school, student, Api.email("matrix"))),
                only(201, Who.ADMINISTRATOR)));
        rows.add(get("/api/v1/applications/{id}", "/api/v1/applications/" + received, only(200, readers)));
        rows.add(row("POST", "/api/v1/applications/{id}/grant",
                allowed -> new Call("/api/v1/applications/" + (allowed ? application() : received) + "/grant", "{}"),
                only(200, Who.ADMINISTRATOR)));
        rows.add(row("POST", "/api/v1/applications/{id}/refusal",
                allowed -> new Call("/api/v1/applications/" + (allowed ? application() : received) + "/refusal",
                        "{\"grounds\":[\"APPLICATION_INCOMPLETE\"]}"), only(200, Who.ADMINISTRATOR)));
        rows.add(row("POST", "/api/v1/applications/{id}/termination",
                allowed -> new Call("/api/v1/applications/" + (allowed ? grantedApplication() : granted)
                        + "/termination", "{\"reason\":\"APPLICANT_REQUEST\"}"), only(200, Who.ADMINISTRATOR)));
        rows.add(get("/api/v1/applications/{id}/refusal-notice.pdf",
                "/api/v1/applications/" + refused + "/refusal-notice.pdf", only(200, readers)));
        rows.add(get("/api/v1/applications", "/api/v1/applications" + s, only(200, readers)));
        rows.add(get("/api/v1/applications/due", "/api/v1/applications/due" + s, only(200, readers)));
        rows.add(get("/api/v1/applications/refusal-grounds", "/api/v1/applications/refusal-grounds", anyToken(200)));
        rows.add(get("/api/v1/applications/export.csv", "/api/v1/applications/export.csv" + s, only(200, readers)));
        // consents
        rows.add(row("POST", "/api/v1/consents", allowed -> new Call("/api/v1/consents", consentJson()),
                only(201, Who.ADMINISTRATOR)));
        rows.add(row("POST", "/api/v1/consents/{id}/withdrawal",
                allowed -> new Call("/api/v1/consents/" + (allowed ? freshConsent() : consent) + "/withdrawal", "{}"),
                only(200, Who.ADMINISTRATOR)));
        rows.add(get("/api/v1/consents/{id}", "/api/v1/consents/" + consent, only(200, readers)));
        rows.add(get("/api/v1/consents", "/api/v1/consents" + s, only(200, readers)));
        rows.add(get("/api/v1/consents/export.csv", "/api/v1/consents/export.csv" + s, only(200, readers)));
        // complaints
        rows.add(row("POST", "/api/v1/complaints", allowed -> new Call("/api/v1/complaints", complaintJson()),
                only(201, Who.ADMINISTRATOR)));
        rows.add(row("POST", "/api/v1/complaints/{id}/answer",
                allowed -> new Call("/api/v1/complaints/" + (allowed ? freshComplaint() : complaint) + "/answer",
                        "{\"outcome\":\"REJECTED\",\"answer\":\"Оснований для пересмотра нет.\"}"),
                only(200, Who.ADMINISTRATOR)));
        rows.add(get("/api/v1/complaints/{id}", "/api/v1/complaints/" + complaint, only(200, readers)));
        rows.add(get("/api/v1/complaints", "/api/v1/complaints" + s, only(200, readers)));
        rows.add(get("/api/v1/complaints/due", "/api/v1/complaints/due" + s, only(200, readers)));
        rows.add(get("/api/v1/complaints/export.csv", "/api/v1/complaints/export.csv" + s, only(200, readers)));
        // accounts and operators
        rows.add(get("/api/v1/accounts/{id}", "/api/v1/accounts/" + account, only(200, readers)));
        rows.add(get("/api/v1/accounts", "/api/v1/accounts" + s, only(200, readers)));
        rows.add(get("/api/v1/accounts/export.csv", "/api/v1/accounts/export.csv" + s, only(200, readers)));
        rows.add(row("POST", "/api/v1/accounts/{id}/block",
                allowed -> new Call("/api/v1/accounts/" + (allowed ? accountOf(grantedApplication()) : account)
                        + "/block", "{\"note\":\"Заявление об аннулировании\"}"), only(200, Who.ADMINISTRATOR)));
        rows.add(row("POST", "/api/v1/operators", allowed -> new Call("/api/v1/operators", """
                {"email":"%s","lastName":"Громова","firstName":"Елена","role":"MUNICIPAL_OPERATOR",
                 "municipalityId":"ntgo"}""".formatted(Api.email("matrix.operator"))),
                only(201, Who.REGIONAL_OPERATOR)));
        rows.add(row("POST", "/api/v1/accounts/activation", allowed -> new Call("/api/v1/accounts/activation",
                "{\"token\":\"not-a-link\",\"verification\":\"2026-0001\",\"password\":\"Пароль-на-пробу-1\"}"),
                everyone(400)));
        // the sign-in point and what verifiers need: public
        rows.add(row("POST", "/api/v1/signin", allowed -> new Call("/api/v1/signin", "{\"login\":\""
                + Api.email("nobody") + "\",\"password\":\"not-the-password\"}"), everyone(401)));
        rows.add(row("POST", "/api/v1/signin/refresh", allowed -> new Call("/api/v1/signin/refresh",
                "{\"refreshToken\":\"unknown.token\"}"), everyone(401)));
        rows.add(row("POST", "/api/v1/signout", allowed -> new Call("/api/v1/signout",
                "{\"refreshToken\":\"unknown.token\"}"), everyone(401)));
        rows.add(get("/.well-known/jwks.json", "/.well-known/jwks.json", everyone(200)));
        rows.add(get("/.well-known/openid-configuration", "/.well-known/openid-configuration", everyone(200)));
        // any valid token: its own account (the test issuer's accounts are not this service's: no password here)
        rows.add(get("/api/v1/me", "/api/v1/me", anyToken(200)));
        rows.add(row("POST", "/api/v1/me/password", allowed -> new Call("/api/v1/me/password",
                "{\"currentPassword\":\"Старый-пароль-1\",\"newPassword\":\"Новый-пароль-22\"}"), anyToken(404)));
        // the signing keys: the regional operator (a rotation may be pending already: 409)
        rows.add(get("/api/v1/signing-keys", "/api/v1/signing-keys", only(200, Who.REGIONAL_OPERATOR)));
        rows.add(row("POST", "/api/v1/signing-keys/rotation",
                allowed -> new Call("/api/v1/signing-keys/rotation", null),
                only(Set.of(201, 409), Who.REGIONAL_OPERATOR)));
        // the audit: the school's administrator; the student's guardian and the student themselves
        rows.add(get("/api/v1/audit", "/api/v1/audit" + s + "&studentId=" + student,
                only(200, Who.ADMINISTRATOR, Who.GUARDIAN, Who.STUDENT)));
        return rows;
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("ru.eshkola.applications")) {
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        });
        Set<String> inMatrix = matrix().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(inMatrix).as("the matrix lists exactly the endpoints the service serves").isEqualTo(served);
    }

    @Test
    void everyCallerGetsWhatTheRulesSayOnEveryEndpointAndRefusedCallersChangeNothing() {
        List<Row> rows = matrix();
        SoftAssertions softly = new SoftAssertions();
        int cases = 0;
        for (Row row : rows) {
            for (Who who : Who.values()) {
                Call call = row.call().call(row.expected().get(who).stream().anyMatch(status -> status < 300));
                HttpResponse<String> response = send(who, row.method(), call);
                softly.assertThat(row.expected().get(who)).as("%s as %s: %s", row.endpoint(), who, response.body())
                        .contains(response.statusCode());
                if (response.statusCode() == 401 || response.statusCode() == 403) {
                    softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                            .as("%s as %s: a problem document", row.endpoint(), who)
                            .startsWith("application/problem+json");
                }
                cases++;
            }
        }
        softly.assertAll();
        System.out.printf("access matrix (applications-service): %d endpoints x %d callers = %d cases%n",
                rows.size(), Who.values().length, cases);
        assertThat(cases).isEqualTo(rows.size() * Who.values().length);

        JsonNode application = Api.ok(admin.get("/api/v1/applications/" + received));
        assertThat(application.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(application.get("version").asInt()).isEqualTo(1);
        assertThat(Api.ok(admin.get("/api/v1/applications/" + granted)).get("state").asString()).isEqualTo("GRANTED");
        assertThat(Api.ok(admin.get("/api/v1/consents/" + consent)).get("state").asString()).isEqualTo("VALID");
        assertThat(Api.ok(admin.get("/api/v1/complaints/" + complaint)).get("state").asString()).isEqualTo("OPEN");
        assertThat(Api.ok(admin.get("/api/v1/accounts/" + account)).get("state").asString())
                .isNotEqualTo("BLOCKED");
    }

    // ---- the table's vocabulary

    private static Row row(String method, String pattern, CallFor call, Map<Who, Set<Integer>> expected) {
        return new Row(method, pattern, call, expected);
    }

    private static Row get(String pattern, String path, Map<Who, Set<Integer>> expected) {
        return new Row("GET", pattern, allowed -> new Call(path, null), expected);
    }

    /** These callers get the status; anonymous callers 401; everyone else 403. */
    private static Map<Who, Set<Integer>> only(int status, Who... allowed) {
        return only(Set.of(status), allowed);
    }

    private static Map<Who, Set<Integer>> only(Set<Integer> statuses, Who... allowed) {
        Map<Who, Set<Integer>> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, Set.of(who == Who.ANONYMOUS ? 401 : 403));
        }
        for (Who who : allowed) {
            expected.put(who, statuses);
        }
        return expected;
    }

    /** Any valid token gets the status; anonymous callers 401. */
    private static Map<Who, Set<Integer>> anyToken(int status) {
        Map<Who, Set<Integer>> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, Set.of(who == Who.ANONYMOUS ? 401 : status));
        }
        return expected;
    }

    /** A public endpoint: the same for everyone, token or not. */
    private static Map<Who, Set<Integer>> everyone(int status) {
        Map<Who, Set<Integer>> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, Set.of(status));
        }
        return expected;
    }

    private HttpResponse<String> send(Who who, String method, Call call) {
        Http http = Http.local(port);
        if (who != Who.ANONYMOUS) {
            http = http.withToken(tokens.get(who));
        }
        HttpRequest.Builder request = http.request(call.path())
                // sign-in failures are counted per client address: each call from its own
                .header("X-Forwarded-For", "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
                        + ThreadLocalRandom.current().nextInt(1, 255));
        if (call.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        return http.send(request);
    }

    // ---- entries of the school's registers

    private String application() {
        return admin.application(school, student, Api.email("matrix")).get("id").asString();
    }

    private String grantedApplication() {
        String id = application();
        Api.ok(admin.grant(id));
        return id;
    }

    private String freshConsent() {
        return admin.post("/api/v1/consents", consentJson()).get("id").asString();
    }

    private String freshComplaint() {
        return admin.post("/api/v1/complaints", complaintJson()).get("id").asString();
    }

    /** The account issued for a granted application (from applications.account.issued.v1). */
    private String accountOf(String applicationId) {
        String email = Api.ok(admin.get("/api/v1/applications/" + applicationId)).at("/applicant/email").asString();
        return Api.data(Api.await(events, "applications.account.issued.v1", email).getFirst()).get("accountId")
                .asString();
    }

    private String consentJson() {
        return """
                {"schoolId":"%s","studentId":"%s",
                 "givenBy":{"relation":"PARENT","lastName":"Матрицева","firstName":"Анна"},
                 "purposes":["DIARY_AND_JOURNAL"],"document":{"title":"Согласие"}}""".formatted(school, student);
    }

    private String complaintJson() {
        return """
                {"schoolId":"%s","subject":"ACTION",
                 "complainant":{"lastName":"Матрицева","firstName":"Анна","email":"%s"},
                 "text":"Прошу разобраться."}""".formatted(school, Api.email("complainant"));
    }
}
