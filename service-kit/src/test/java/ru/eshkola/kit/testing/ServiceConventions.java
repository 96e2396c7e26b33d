package ru.eshkola.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service offers operators and integrators, proven against the running service. A service's test
 * extends this class and carries {@link ServiceIntegrationTest}.
 *
 * <p>A service that validates access tokens also opts in to the security conventions, naming one protected path:
 * <pre>{@code
 * @Test
 * void theApiIsAResourceServer() {
 *     verifySecurityConventions("/api/v1/diary/students/s-1");
 * }
 * }</pre>
 */
public abstract class ServiceConventions {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    protected int port;
    @Value("${spring.application.name}")
    protected String application;

    @Value("${eshkola.security.enabled:true}")
    protected boolean securityEnabled;

    protected Http http() {
        return Http.local(port);
    }

    /** Whether this service checks access tokens (it has the resource-server starter and did not switch it off). */
    protected boolean validatesTokens() {
        return securityEnabled && ClassUtils.isPresent(TestInfrastructure.TOKEN_DECODER, getClass().getClassLoader());
    }

    /**
     * Opt-in for services that validate tokens ({@link SecurityConventions#verify}): {@code apiPath} (a GET) without
     * a token, and with forged, expired, unsigned, HMAC-confused, foreign or mis-addressed tokens, is a 401 problem
     * with {@code WWW-Authenticate}; health, metrics and contracts are open; a CORS preflight from an unknown origin
     * is refused; the security headers are present.
     */
    protected void verifySecurityConventions(String apiPath) {
        SecurityConventions.verify(http(), apiPath);
    }

    protected void verifyAnApiPathWithoutATokenIsRefused(String apiPath) {
        SecurityConventions.anApiPathWithoutATokenIsRefused(http(), apiPath);
    }

    protected void verifyInvalidTokensAreRefused(String apiPath) {
        SecurityConventions.invalidTokensAreRefused(http(), apiPath);
    }

    protected void verifyPublicPathsAreOpen() {
        SecurityConventions.publicPathsAreOpen(http());
    }

    protected void verifyAPreflightFromAnUnknownOriginIsRefused(String apiPath) {
        SecurityConventions.aPreflightFromAnUnknownOriginIsRefused(http(), apiPath);
    }

    protected void verifySecurityHeadersArePresent(String apiPath) {
        SecurityConventions.securityHeadersArePresent(http(), apiPath);
    }

    @Test
    void healthIsUpWithTheStoreAndTheBrokerChecked() {
        HttpResponse<String> health = http().get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.at("/status").asString()).isEqualTo("UP");
        assertThat(body.at("/components/mongo/status").asString()).isEqualTo("UP");
        // its own database pinged, not every database on the server listed
        assertThat(body.at("/components/mongo/details/database").asString()).isNotBlank();
        assertThat(body.at("/components/mongo/details/databases").isMissingNode()).isTrue();
        assertThat(body.at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void infoNamesTheBuild() {
        HttpResponse<String> info = http().get("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(info.body()).at("/build/artifact").asString()).isEqualTo(application);
    }

    @Test
    void prometheusScrapesMetricsTaggedWithTheService() {
        HttpResponse<String> metrics = http().get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"" + application + "\"");
    }

    @Test
    void openApiDescribesTheRestApiAndSwaggerUiShowsIt() {
        HttpResponse<String> docs = http().get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(docs.body()).at("/info/title").asString()).isEqualTo(application);
        assertThat(http().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void theAsyncApiDocumentAndEverySchemaAreServedAndConsistent() {
        HttpResponse<String> asyncApi = http().get("/asyncapi.yaml");
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        Map<String, Object> document = new Yaml().load(asyncApi.body());
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(asyncApi.body()).contains(application);

        JsonNode index = JSON.readTree(http().get("/schemas").body());
        for (JsonNode type : index.get("eventTypes")) {
            String name = type.get("type").asString();
            assertThat(asyncApi.body()).as("the AsyncAPI document names " + name).contains(name);
            HttpResponse<String> schema = http().get(type.get("schema").asString());
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(type.has("example")).as("an example for " + name).isTrue();
            String example = http().get(type.get("example").asString()).body();
            JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                    application + "/src/main/resources/contracts/schemas/" + name + ".json"), example);
        }
    }

    @Test
    void anUnknownPathIsAProblemDocument() {
        // behind token validation an unknown path is only reached with a valid token (without one: 401)
        Http http = validatesTokens() ? http().withToken(TestTokens.account("conventions-caller")) : http();
        HttpResponse<String> response = http.get("/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:eshkola:problem:not-found\"");
    }
}
