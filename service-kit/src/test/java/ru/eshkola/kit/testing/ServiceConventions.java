package ru.eshkola.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service offers operators and integrators, proven against the running service. A service's test
 * extends this class and carries {@link ServiceIntegrationTest}.
 */
public abstract class ServiceConventions {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    protected int port;
    @Value("${spring.application.name}")
    protected String application;

    protected Http http() {
        return Http.local(port);
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
        HttpResponse<String> response = http().get("/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:eshkola:problem:not-found\"");
    }
}
