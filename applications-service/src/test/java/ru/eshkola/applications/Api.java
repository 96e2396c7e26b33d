package ru.eshkola.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The service's REST API as a school's registrar, a parent and a signed-in user drive it in tests, in the domain's
 * language: apply, consent, grant, refuse, terminate, activate, sign in. The registrar calls carry an access token
 * of the test issuer: by default the administrator {@value #REGISTRAR} of the schools named in
 * {@link #registrar(int, String...)}; {@link #as} puts anyone else in that place.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.shared();
    public static final String REGISTRAR = "registrar-1";
    /** The region the service under test serves ({@code eshkola.access.region}). */
    public static final String REGION = "66";

    private final Http http;
    private final TestTokens.Token identity;

    /** Without an identity: the public endpoints, and {@link #me} with a real token. */
    public Api(int port) {
        this(Http.local(port), null);
    }

    private Api(Http http, TestTokens.Token identity) {
        this.http = http;
        this.identity = identity;
    }

    /** The administrator {@value #REGISTRAR} of these schools. */
    public static Api registrar(int port, String... schoolIds) {
        return new Api(port).as(administrator(REGISTRAR, schoolIds));
    }

    /** A school administrator's token for several schools (TestTokens' has one). */
    public static TestTokens.Token administrator(String accountId, String... schoolIds) {
        return TestTokens.schoolAdministrator(accountId, schoolIds[0]).claim("schools", List.of(schoolIds))
                .claim("adminSchools", List.of(schoolIds));
    }

    /** The regional operator of the service's region. */
    public static TestTokens.Token regionalOperator(String accountId) {
        return TestTokens.regionalOperator(accountId, REGION);
    }

    /** The same API, acting as someone else. */
    public Api as(TestTokens.Token token) {
        return new Api(http, token);
    }

    /**
     * A request with the identity's token, its subject ({@code sub}, the actor recorded with a change) being
     * {@code actor}; no token when actor is null.
     */
    public HttpResponse<String> send(String method, String path, String json, String actor) {
        if (actor == null) {
            return send(method, path, json, Map.of());
        }
        if (identity == null) {
            throw new IllegalStateException("this Api has no identity: use Api.registrar(...) or as(...)");
        }
        return send(method, path, json, Map.of("Authorization", identity.subject(actor).bearer()));
    }

    /** A request with exactly these headers (no token unless they carry one). */
    public HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request);
    }

    /** A GET as the identity (anonymous without one). */
    public HttpResponse<String> get(String path) {
        return identity == null ? http.get(path) : http.withToken(identity).get(path);
    }

    public HttpResponse<byte[]> getBytes(String path) {
        Http client = identity == null ? http : http.withToken(identity);
        try {
            return java.net.http.HttpClient.newHttpClient().send(client.request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    public JsonNode post(String path, String json) {
        return ok(send("POST", path, json, REGISTRAR));
    }

    /** A unique e-mail for a parent of this test. */
    public static String email(String who) {
        return who + "." + EventIds.next().substring(24) + "@example.ru";
    }

    public static String applicationJson(String schoolId, String studentId, String email) {
        return """
                {"schoolId":"%s","kind":"ELECTRONIC_DIARY",
                 "applicant":{"relation":"PARENT","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                              "email":"%s","phone":"+7 34342 2-00-00"},
                 "studentIds":["%s"],
                 "documents":[{"title":"Заявление","pages":1},{"title":"Копия паспорта заявителя","pages":2}]}"""
                .formatted(schoolId, email, studentId);
    }

    public HttpResponse<String> apply(String json) {
        return send("POST", "/api/v1/applications", json, REGISTRAR);
    }

    public JsonNode application(String schoolId, String studentId, String email) {
        return ok(apply(applicationJson(schoolId, studentId, email)));
    }

    public JsonNode consent(String schoolId, String studentId) {
        return post("/api/v1/consents", """
                {"schoolId":"%s","studentId":"%s",
                 "givenBy":{"relation":"PARENT","lastName":"Иванова","firstName":"Мария","middleName":"Петровна"},
                 "purposes":["DIARY_AND_JOURNAL","EMAIL_NOTICES"],
                 "document":{"title":"Согласие на обработку персональных данных","number":"17","date":"2026-11-23"}}"""
                .formatted(schoolId, studentId));
    }

    public HttpResponse<String> grant(String applicationId) {
        return send("POST", "/api/v1/applications/" + applicationId + "/grant", "{\"note\":\"Документы в порядке\"}",
                REGISTRAR);
    }

    public HttpResponse<String> refuse(String applicationId, String json) {
        return send("POST", "/api/v1/applications/" + applicationId + "/refusal", json, REGISTRAR);
    }

    public HttpResponse<String> terminate(String applicationId, String reason) {
        return send("POST", "/api/v1/applications/" + applicationId + "/termination",
                "{\"reason\":\"" + reason + "\",\"note\":\"Заявление родителя\"}", REGISTRAR);
    }

    public HttpResponse<String> activate(String token, String verification, String password) {
        return send("POST", "/api/v1/accounts/activation", JSON.writeValueAsString(Map.of("token", token,
                "verification", verification, "password", password)), Map.of());
    }

    public HttpResponse<String> signIn(String login, String password) {
        return signIn(login, password, "198.51.100." + (1 + Math.abs(login.hashCode() % 250)));
    }

    /** Sign-in from a client address (the trusted proxy's X-Forwarded-For). */
    public HttpResponse<String> signIn(String login, String password, String address) {
        return send("POST", "/api/v1/signin", JSON.writeValueAsString(Map.of("login", login, "password", password)),
                Map.of("X-Forwarded-For", address));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return send("POST", "/api/v1/signin/refresh", JSON.writeValueAsString(Map.of("refreshToken", refreshToken)),
                Map.of());
    }

    public HttpResponse<String> me(String accessToken) {
        return send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer " + accessToken));
    }

    /** Events of a type whose data mention a value (an id, an e-mail), waiting for at least one. */
    public static List<ConsumerRecord<byte[], byte[]>> await(EventProbe probe, String type, String mentioning) {
        Predicate<ConsumerRecord<byte[], byte[]>> match = EventProbe.withHeader("ce_type", type)
                .and(r -> EventProbe.value(r).contains(mentioning));
        probe.await(match, Duration.ofSeconds(20));
        return probe.records(match);
    }

    public static JsonNode data(ConsumerRecord<byte[], byte[]> record) {
        return JSON.readTree(EventProbe.value(record));
    }

    /** The activation token of the account issued to the e-mail, from applications.account.issued.v1. */
    public static String activationToken(EventProbe probe, String email) {
        List<ConsumerRecord<byte[], byte[]>> issued = await(probe, "applications.account.issued.v1", email);
        String url = data(issued.getLast()).get("activationUrl").asString();
        return url.substring(url.indexOf("token=") + "token=".length());
    }
}
