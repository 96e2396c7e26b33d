package ru.eshkola.journal.periodresults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.journal.schoolyears.SchoolCalendar;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;

@JournalIntegrationTest
class PeriodResultsIT {

    @LocalServerPort
    int port;

    EventProbe probe = EventProbe.on("journal.period-results");

    @AfterEach
    void close() throws InterruptedException {
        probe.close();
    }

    @Test
    void quarterMarksAreEnteredForTheClassAndCorrectionsKeepTheOldMark() {
        JournalApi api = new JournalApi(port);
        var c = api.seventhB("Иванова", "Петров");
        String q1 = SchoolCalendar.yearId(c.school(), "2026/2027") + "-quarter1";
        String path = "/api/v1/classes/" + c.classId() + "/subjects/" + c.math() + "/periods/" + q1 + "/results";

        var teacher = api.teacherToken(c.teacher());
        api.ok(api.send("PUT", path, """
                {"results":[{"studentId":"%s","value":"5"},{"studentId":"%s","value":"3"}]}"""
                .formatted(c.students().get(0), c.students().get(1)), teacher));
        JsonNode corrected = api.ok(api.send("PUT", path, """
                {"results":[{"studentId":"%s","value":"4"}],"reason":"Пересдача"}""".formatted(c.students().get(1)),
                teacher));

        JsonNode petrov = corrected.get("results").get(1);
        assertThat(petrov.get("value").asString()).isEqualTo("4");
        assertThat(petrov.get("version").asInt()).isEqualTo(2);
        assertThat(petrov.at("/history/0/mark/value").asString()).isEqualTo("3");
        assertThat(corrected.get("periodEnd").asString()).isEqualTo("2026-10-23");

        ConsumerRecord<byte[], byte[]> correction = probe.await(EventProbe.withHeader("ce_type",
                "journal.period-result.corrected.v1").and(r -> c.students().get(1).equals(EventProbe.key(r))),
                Duration.ofSeconds(15));
        JsonSchemas.assertValidEvent("journal-service", correction);
        assertThat(EventProbe.value(correction)).contains("\"previousValue\":\"3\"").contains("\"periodKind\":\"QUARTER\"");
        ConsumerRecord<byte[], byte[]> recorded = probe.await(EventProbe.withHeader("ce_type",
                "journal.period-result.recorded.v1").and(r -> c.students().get(0).equals(EventProbe.key(r))),
                Duration.ofSeconds(15));
        JsonSchemas.assertValidEvent("journal-service", recorded);
    }

    @Test
    void aMarkForAStudentOutsideTheClassOrOffTheScaleIsRefusedAndAClosedYearNeedsAReason() {
        JournalApi api = new JournalApi(port);
        var c = api.seventhB("Иванова");
        String outsider = api.student("Чужой", "Ученик");
        String year = SchoolCalendar.yearId(c.school(), "2026/2027");
        String path = "/api/v1/classes/" + c.classId() + "/subjects/" + c.math() + "/periods/" + year + "-year/results";

        var teacher = api.teacherToken(c.teacher());
        HttpResponse<String> refused = api.send("PUT", path, """
                {"results":[{"studentId":"%s","value":"отлично"},{"studentId":"%s","value":"5"}]}"""
                .formatted(c.students().get(0), outsider), teacher);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"results[0].value\"")
                .contains("\"field\":\"results[1].studentId\"").contains("was not in 7Б during the period");

        api.post("/api/v1/schools/" + c.school() + "/years/2026-2027/close", null, JournalApi.admin(c.school()));
        HttpResponse<String> noReason = api.send("PUT", path, """
                {"results":[{"studentId":"%s","value":"5"}]}""".formatted(c.students().get(0)), teacher);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"").contains("is closed");
        HttpResponse<String> withReason = api.send("PUT", path, """
                {"results":[{"studentId":"%s","value":"5"}],"reason":"Решение педсовета"}"""
                .formatted(c.students().get(0)), teacher);
        assertThat(withReason.statusCode()).isEqualTo(200);
    }
}
