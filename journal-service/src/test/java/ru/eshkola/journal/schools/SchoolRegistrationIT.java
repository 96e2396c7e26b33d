package ru.eshkola.journal.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;

@JournalIntegrationTest
class SchoolRegistrationIT {

    static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    EventProbe probe = EventProbe.on("journal.schools");

    @AfterEach
    void close() throws InterruptedException {
        probe.close();
    }

    @Test
    void registeringASchoolPublishesASchemaValidEventKeyedByTheSchool() {
        String code = "sosh-" + EventIds.next().substring(0, 8);
        HttpResponse<String> created = register(code, "Asia/Yekaterinburg");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode school = JSON.readTree(created.body());
        String id = school.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/schools/" + id);
        assertThat(school.at("/municipality/name").asString()).isEqualTo("Нижнетуринский городской округ");

        ConsumerRecord<byte[], byte[]> event = probe.await(EventProbe.withHeader("ce_subject", id),
                Duration.ofSeconds(15));
        assertThat(EventProbe.key(event)).isEqualTo(id);
        assertThat(EventProbe.header(event, "ce_type")).isEqualTo("journal.school.registered.v1");
        assertThat(EventProbe.header(event, "ce_source")).isEqualTo("/journal-service");
        JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                "journal-service/src/main/resources/contracts/schemas/journal.school.registered.v1.json"),
                EventProbe.value(event));
        assertThat(JSON.readTree(EventProbe.value(event)).get("code").asString()).isEqualTo(code);

        HttpResponse<String> read = http().get("/api/v1/schools/" + id);
        assertThat(JSON.readTree(read.body()).get("shortName").asString()).isEqualTo("МБОУ СОШ 1");
    }

    @Test
    void aSecondSchoolWithTheSameCodeIsRefusedAndNothingIsPublished() throws InterruptedException {
        String code = "dup-" + EventIds.next().substring(0, 8);
        String first = JSON.readTree(register(code, "Asia/Yekaterinburg").body()).get("id").asString();

        HttpResponse<String> second = register(code, "Asia/Yekaterinburg");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("urn:eshkola:problem:school-code-taken").contains(first);
        probe.await(EventProbe.withHeader("ce_subject", first), Duration.ofSeconds(15));
        Thread.sleep(500);
        assertThat(probe.records(r -> EventProbe.value(r).contains("\"code\":\"" + code + "\""))).hasSize(1);
        assertThat(mongo.getCollection("schools").countDocuments(new Document("code", code))).isEqualTo(1);
    }

    @Test
    void badInputNamesEachFieldAndStoresNothing() {
        String code = "bad-" + EventIds.next().substring(0, 8);
        HttpResponse<String> badZone = register(code, "Mars/Olympus");
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("\"field\":\"timeZone\"");

        HttpResponse<String> missing = http().post("/api/v1/schools", "{\"code\":\"a b\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"code\"").contains("\"field\":\"name\"")
                .contains("\"field\":\"municipality\"").contains("\"field\":\"timeZone\"");
        assertThat(mongo.getCollection("schools").countDocuments(new Document("code", code))).isZero();
    }

    @Test
    void schoolsAreListedPerMunicipality() {
        String municipality = "m-" + EventIds.next().substring(0, 8);
        http().post("/api/v1/schools", body("list-" + municipality, "Asia/Yekaterinburg", municipality));

        JsonNode page = JSON.readTree(http().get("/api/v1/schools?municipalityId=" + municipality).body());
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        assertThat(page.at("/items/0/municipality/id").asString()).isEqualTo(municipality);
        assertThat(http().get("/api/v1/schools?size=100000").statusCode()).isEqualTo(400);
    }

    /** As the region's operator, who registers schools. */
    private Http http() {
        return Http.local(port).withToken(JournalApi.OPERATOR);
    }

    private HttpResponse<String> register(String code, String zone) {
        return http().post("/api/v1/schools", body(code, zone, "ntgo"));
    }

    private static String body(String code, String zone, String municipality) {
        return """
                {"code":"%s","name":"МБОУ «Средняя общеобразовательная школа № 1»","shortName":"МБОУ СОШ 1",
                 "municipality":{"id":"%s","name":"Нижнетуринский городской округ"},
                 "timeZone":"%s","platform":"eshkola"}""".formatted(code, municipality, zone);
    }
}
