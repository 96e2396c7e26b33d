package ru.eshkola.journal.timetable;

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
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;

@JournalIntegrationTest
class TimetableIT {

    @LocalServerPort
    int port;

    EventProbe probe = EventProbe.on("journal.timetables");

    @AfterEach
    void close() throws InterruptedException {
        probe.close();
    }

    static String slot(int weekday, int number, String start, String end, String subject, String teacher) {
        return """
                {"weekday":%d,"lessonNumber":%d,"startTime":"%s","endTime":"%s","subjectId":"%s","teacherId":"%s",
                 "room":"21","validFrom":"2026-09-01"}""".formatted(weekday, number, start, end, subject, teacher);
    }

    @Test
    void aWeeklyTimetableWithOneOffChangesIsPublishedWholeAndGivesTheLessonsOfADay() {
        JournalApi api = new JournalApi(port);
        var c = api.seventhB("Иванова");
        String russian = api.subject("russian", "Русский язык");
        String other = api.teacher(c.school(), "Орлова");
        api.assign(c.classId(), russian, other, "2026-09-01");
        String base = "/api/v1/classes/" + c.classId() + "/timetable";
        var admin = JournalApi.admin(c.school());

        api.put(base, "{\"slots\":[" + slot(2, 1, "08:30", "09:10", c.math(), c.teacher()) + ","
                + slot(2, 2, "09:20", "10:00", russian, other) + "]}", admin);
        api.post(base + "/changes", "{\"date\":\"2026-11-24\",\"lessonNumber\":1,\"kind\":\"CANCELLED\","
                + "\"note\":\"Карантин\"}", admin);
        JsonNode after = api.post(base + "/changes", """
                {"date":"2026-11-24","lessonNumber":3,"kind":"ADDED","subjectId":"%s","teacherId":"%s",
                 "startTime":"10:20","endTime":"11:00"}""".formatted(c.math(), c.teacher()), admin);
        assertThat(after.get("version").asInt()).isEqualTo(3);

        var teacher = api.teacherToken(c.teacher());
        JsonNode tuesday = api.ok(api.get(base + "/day?date=2026-11-24", teacher));
        assertThat(tuesday).hasSize(2);
        assertThat(tuesday.get(0).get("lessonNumber").asInt()).isEqualTo(2);
        assertThat(tuesday.get(1).get("lessonNumber").asInt()).isEqualTo(3);
        assertThat(api.ok(api.get(base + "/day?date=2026-11-17", JournalApi.OPERATOR))).hasSize(2);

        ConsumerRecord<byte[], byte[]> latest = probe.await(EventProbe.withHeader("ce_subject", c.classId()).and(
                r -> EventProbe.value(r).contains("\"version\":3")), Duration.ofSeconds(15));
        JsonSchemas.assertValidEvent("journal-service", latest);
        assertThat(EventProbe.key(latest)).isEqualTo(c.classId());
        assertThat(EventProbe.value(latest)).contains("\"startTime\":\"08:30\"").contains("\"kind\":\"CANCELLED\"");

        JsonNode again = api.put(base, "{\"slots\":[" + slot(2, 1, "08:30", "09:10", c.math(), c.teacher()) + ","
                + slot(2, 2, "09:20", "10:00", russian, other) + "]}", admin);
        assertThat(again.get("version").asInt()).as("the same slots change nothing").isEqualTo(3);
    }

    @Test
    void overlappingSlotsAndTeachersNotAssignedToTheSubjectAreRefused() {
        JournalApi api = new JournalApi(port);
        var c = api.seventhB("Иванова");
        String stranger = api.teacher(c.school(), "Посторонняя");
        HttpResponse<String> refused = api.send("PUT", "/api/v1/classes/" + c.classId() + "/timetable",
                "{\"slots\":[" + slot(1, 1, "08:30", "09:10", c.math(), c.teacher()) + ","
                        + slot(1, 1, "08:30", "09:10", c.math(), c.teacher()) + ","
                        + slot(3, 2, "10:00", "09:00", c.math(), stranger) + "]}", JournalApi.admin(c.school()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"slots[1]\"").contains("overlaps slots[0]")
                .contains("\"field\":\"slots[2].teacherId\"").contains("\"field\":\"slots[2].endTime\"");
    }
}
