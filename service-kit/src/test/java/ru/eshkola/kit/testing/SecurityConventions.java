package ru.eshkola.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;

/**
 * What every service that validates access tokens must show, as assertions against the running service. Used
 * through {@link ServiceConventions}' opt-in methods, or directly with an {@link Http} of the service.
 */
public final class SecurityConventions {

    /** Paths the kit leaves open: health, metrics, API and event contracts. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/asyncapi.yaml", "/schemas");

    private SecurityConventions() {
    }

    /** All of the conventions below, for one protected API path that answers GET. */
    public static void verify(Http http, String apiPath) {
        anApiPathWithoutATokenIsRefused(http, apiPath);
        invalidTokensAreRefused(http, apiPath);
        publicPathsAreOpen(http);
        aPreflightFromAnUnknownOriginIsRefused(http, apiPath);
        securityHeadersArePresent(http, apiPath);
    }

    /** 401 problem with {@code WWW-Authenticate: Bearer}, and nothing of the resource. */
    public static void anApiPathWithoutATokenIsRefused(Http http, String apiPath) {
        HttpResponse<String> response = http.anonymous().get(apiPath);
        assertUnauthorized(response, apiPath + " without a token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate of " + apiPath)
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    /** Forged, expired, unsigned, HMAC-confused, foreign and mis-addressed tokens: each a 401 problem. */
    public static void invalidTokensAreRefused(Http http, String apiPath) {
        TestTokens.Token valid = TestTokens.account("conventions-caller", "GUARDIAN");
        Map<String, String> attacks = new java.util.LinkedHashMap<>();
        attacks.put("forged signature", valid.forged().bearer());
        attacks.put("unknown key", valid.signedWithUnknownKey().bearer());
        attacks.put("expired", valid.expired().bearer());
        attacks.put("alg none", valid.algNone().bearer());
        attacks.put("HS256 with the public key", valid.hs256WithPublicKey().bearer());
        attacks.put("wrong issuer", valid.issuer("https://evil.example").bearer());
        attacks.put("wrong audience", valid.audience("another-platform").bearer());
        attacks.put("garbage", "Bearer not.a.jwt");
        SoftAssertions softly = new SoftAssertions();
        attacks.forEach((attack, header) -> {
            HttpResponse<String> response = http.withAuthorization(header).get(apiPath);
            softly.assertThat(response.statusCode()).as(attack + ": " + response.body()).isEqualTo(401);
            softly.assertThat(response.body()).as(attack).contains("urn:eshkola:problem:unauthorized");
            softly.assertThat(response.headers().firstValue("WWW-Authenticate")).as(attack)
                    .hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
        });
        softly.assertAll();
    }

    /** Health, metrics, OpenAPI and the event contracts are reachable without a token. */
    public static void publicPathsAreOpen(Http http) {
        SoftAssertions softly = new SoftAssertions();
        for (String path : PUBLIC_PATHS) {
            softly.assertThat(http.anonymous().get(path).statusCode()).as(path + " without a token").isEqualTo(200);
        }
        softly.assertAll();
    }

    /** CORS is closed unless origins are configured: a preflight from elsewhere gets no permission. */
    public static void aPreflightFromAnUnknownOriginIsRefused(Http http, String apiPath) {
        HttpResponse<String> response = http.anonymous().send(http.anonymous().request(apiPath)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://unknown.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertThat(response.statusCode()).as("preflight from an unknown origin: " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /** HSTS, nosniff, frame denial and no caching on an API response (even a refusal). */
    public static void securityHeadersArePresent(Http http, String apiPath) {
        HttpResponse<String> response = http.anonymous().get(apiPath);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS")
                .hasValueSatisfying(value -> assertThat(value).contains("max-age="));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).as("Cache-Control")
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    /** A 401 RFC 9457 problem of type {@code urn:eshkola:problem:unauthorized}. */
    public static void assertUnauthorized(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).as(what).contains("\"type\":\"urn:eshkola:problem:unauthorized\"");
    }

    /** A 403 RFC 9457 problem of type {@code urn:eshkola:problem:forbidden}. */
    public static void assertForbidden(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).as(what).contains("\"type\":\"urn:eshkola:problem:forbidden\"");
    }
}
