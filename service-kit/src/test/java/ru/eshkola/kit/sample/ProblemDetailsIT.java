package ru.eshkola.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ServiceIntegrationTest;

@ServiceIntegrationTest
class ProblemDetailsIT {

    @LocalServerPort
    int port;

    Http http() {
        return Http.local(port);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(http().get("/no/such/path"), 404, "not-found");
    }

    @Test
    void anUnknownResourceNamesWhatIsMissing() {
        HttpResponse<String> response = http().get("/tickets/nope");
        assertProblem(response, 404, "not-found");
        assertThat(response.body()).contains("ticket nope does not exist").contains("\"instance\":\"/tickets/nope\"");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        assertProblem(http().send(http().request("/tickets/x").DELETE()), 405, "method-not-allowed");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        assertProblem(http().send(http().request("/tickets").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))), 415, "unsupported-media-type");
    }

    @Test
    void malformedJsonIsA400Problem() {
        HttpResponse<String> response = http().post("/tickets", "{\"title\": ");
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        HttpResponse<String> response = http().post("/tickets", "{\"title\": [1], \"owner\": \"o\"}");
        assertProblem(response, 400, "malformed-request");
        assertThat(response.body()).contains("\"field\":\"title\"");
    }

    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        HttpResponse<String> response = http().post("/tickets", "{\"title\":\"t\",\"owner\":\"o\",\"admin\":true}");
        assertProblem(response, 400, "malformed-request");
        assertThat(response.body()).contains("admin");
    }

    @Test
    void invalidFieldsAreListedWithTheirReasons() {
        HttpResponse<String> response = http().post("/tickets", "{\"title\":\"\"}");
        assertProblem(response, 400, "validation-failed");
        assertThat(response.body()).contains("\"field\":\"owner\"").contains("\"field\":\"title\"");
    }

    @Test
    void anInvalidQueryParameterIsNamed() {
        HttpResponse<String> response = http().get("/tickets?size=1000");
        assertProblem(response, 400, "validation-failed");
        assertThat(response.body()).contains("\"field\":\"size\"");
        assertProblem(http().get("/tickets?size=lots"), 400, "validation-failed");
    }

    @Test
    void anOversizedBodyIsA413ProblemWhetherDeclaredOrStreamed() {
        String big = "{\"title\":\"" + "x".repeat(20_000) + "\",\"owner\":\"o\"}";
        assertProblem(http().post("/tickets", big), 413, "payload-too-large");
        HttpResponse<String> chunked = http().send(http().request("/tickets").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertProblem(chunked, 413, "payload-too-large");
    }

    @Test
    void aChangeWithoutAKnownActorIsA401ProblemAndTheActorIsPassedOtherwise() {
        assertProblem(http().post("/tickets/t1/assign", ""), 401, "unauthorized");
        assertProblem(http().send(http().request("/tickets/t1/assign").header("X-Actor-Id", "bad actor!")
                .POST(HttpRequest.BodyPublishers.noBody())), 400, "validation-failed");
        HttpResponse<String> ok = http().send(http().request("/tickets/t1/assign").header("X-Actor-Id", "teacher-7")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"assignee\":\"teacher-7\"");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:eshkola:problem:" + slug + "\"")
                .contains("\"status\":" + status).doesNotContain("Exception").doesNotContain("at ru.");
    }
}
