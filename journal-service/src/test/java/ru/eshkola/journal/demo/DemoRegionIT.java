package ru.eshkola.journal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.journal.TestClock;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.TestTokens;

@JournalIntegrationTest
@TestPropertySource(properties = "eshkola.demo.enabled=true")
class DemoRegionIT {

    static final String DEMO = "/api/v1/admin/demo-region?seed=7&size=0.5&schools=1";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    @Test
    void onlyTheRegionsOperatorLoadsTheDemoRegion() {
        JournalApi api = new JournalApi(port);
        long runs = mongo.getCollection("demo_runs").countDocuments();
        // every caller of the access matrix but the region's operator (who loads it in the test below)
        for (var caller : List.of(TestTokens.guardian("guardian-1", "student-1"), TestTokens.student("student-1"),
                TestTokens.teacher("staff-1", "school-1"), TestTokens.teacher("staff-2", "school-2"),
                JournalApi.admin("school-1"), JournalApi.admin("school-2"),
                TestTokens.municipalOperator("op-ntgo", "ntgo"), TestTokens.municipalOperator("op-other", "other"),
                TestTokens.regionalOperator("op-74", "74"))) {
            SecurityConventions.assertForbidden(api.send("POST", DEMO, null, caller), caller.toString());
        }
        SecurityConventions.assertUnauthorized(api.send("POST", DEMO, null, null), "no token");
        assertThat(mongo.getCollection("demo_runs").countDocuments()).as("nothing generated").isEqualTo(runs);
    }

    @Test
    void theDemoRegionIsGeneratedThroughTheJournalsRulesWithLateAndMissingEntriesAndRunsAgainIncrementally() {
        clock.set(Instant.parse("2026-11-20T07:00:00Z")); // Friday, 12:00 in Нижняя Тура
        JournalApi api = new JournalApi(port);

        JsonNode first = api.post(DEMO, null, JournalApi.OPERATOR);
        assertThat(first.get("schools").asInt()).isEqualTo(1);
        assertThat(first.get("classes").asInt()).as("grades 1–11 of МБОУ СОШ 1").isEqualTo(11);
        assertThat(first.get("students").asInt()).isBetween(11 * 20, 11 * 30);
        assertThat(first.get("lessons").asInt()).isGreaterThan(100);
        assertThat(first.get("grades").asInt()).isGreaterThan(300);
        assertThat(first.get("notYetEntered").asInt()).as("today's later lessons and a few forgotten ones")
                .isGreaterThan(0);

        List<Document> lessons = mongo.getCollection("lessons").find().into(new java.util.ArrayList<>());
        assertThat(lessons).allSatisfy(l -> assertThat(l.getDate("enteredAt").toInstant())
                .isBefore(Instant.parse("2026-11-20T07:00:01Z")));
        long late = lessons.stream().filter(l -> l.getDate("enteredAt").toInstant()
                .isAfter(java.time.LocalDate.parse(l.getString("date")).plusDays(2)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant())).count();
        assertThat(late).as("some lessons are entered days late").isGreaterThan(0);
        String firstGrade = mongo.getCollection("classes").find(new Document("gradeLevel", 1)).first()
                .getString("_id");
        assertThat(lessons).filteredOn(l -> firstGrade.equals(l.getString("classId"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l.getList("grades", Document.class)).as("no marks in grade 1").isEmpty());

        JsonNode again = api.post(DEMO, null, JournalApi.OPERATOR);
        assertThat(again.get("lessons").asInt()).as("nothing new on the same day").isZero();
        assertThat(again.get("students").asInt()).isEqualTo(first.get("students").asInt());

        clock.set(Instant.parse("2026-11-23T14:00:00Z"));
        JsonNode nextDay = api.post(DEMO, null, JournalApi.OPERATOR);
        assertThat(nextDay.get("from").asString()).isEqualTo("2026-11-21");
        assertThat(nextDay.get("lessons").asInt()).isGreaterThan(20);
    }
}
