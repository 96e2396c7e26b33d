package ru.eshkola.journal.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.kit.testing.TestTokens;

@JournalIntegrationTest
class LessonsIT {

    @LocalServerPort
    int port;

    EventProbe probe = EventProbe.on("journal.lessons", "journal.grades", "journal.absences");

    @AfterEach
    void close() throws InterruptedException {
        probe.close();
    }

    JournalApi api() {
        return new JournalApi(port);
    }

    static String lesson(JournalApi.SeventhB c, String date, int number, String grades, String absences) {
        return """
                {"classId":"%s","subjectId":"%s","teacherId":"%s","date":"%s","lessonNumber":%d,
                 "topic":"Решение линейных уравнений","homework":{"text":"№ 245, 247","dueDate":"2026-11-26"},
                 "grades":[%s],"absences":[%s]}""".formatted(c.classId(), c.math(), c.teacher(), date, number,
                grades, absences);
    }

    static String grade(String student, String value, String kind) {
        return "{\"studentId\":\"" + student + "\",\"value\":\"" + value + "\",\"kind\":\"" + kind + "\"}";
    }

    static String absence(String student, String reason) {
        return "{\"studentId\":\"" + student + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void aWholeLessonIsEnteredAtOnceAndPublishedAsSchemaValidEventsKeyedAsDocumented() {
        JournalApi api = api();
        var c = api.seventhB("Иванова", "Петров", "Сидоров");
        String body = lesson(c, "2026-11-24", 2, grade(c.students().get(0), "5", "ORAL_ANSWER") + ","
                + grade(c.students().get(1), "3", "TEST"), absence(c.students().get(2), "ILLNESS"));

        HttpResponse<String> created = api.submitLesson("lesson-" + EventIds.next(), body,
                api.teacherToken(c.teacher()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode lesson = api.ok(created);
        String lessonId = lesson.get("id").asString();
        assertThat(lesson.get("grades")).hasSize(2);
        assertThat(lesson.at("/absences/0/code").asString()).isEqualTo("Б");
        assertThat(lesson.at("/grades/1/weight").asDouble()).as("a test weighs 3 by default").isEqualTo(3.0);

        List<ConsumerRecord<byte[], byte[]>> events = awaitEvents(lessonRecords(lessonId), 4);
        Map<String, Long> types = events.stream().collect(Collectors.groupingBy(
                r -> EventProbe.header(r, "ce_type"), Collectors.counting()));
        assertThat(types).containsEntry("journal.lesson.recorded.v1", 1L)
                .containsEntry("journal.grade.recorded.v1", 2L).containsEntry("journal.absence.recorded.v1", 1L);
        events.forEach(r -> JsonSchemas.assertValidEvent("journal-service", r));
        events.stream().filter(r -> r.topic().equals("journal.grades")).forEach(r -> assertThat(EventProbe.key(r))
                .as("grades are keyed by student").isIn(c.students()));
        assertThat(events.stream().filter(r -> r.topic().equals("journal.lessons")).map(EventProbe::key))
                .containsOnly(c.classId());

        JsonNode page = api.ok(api.get("/api/v1/journal?classId=" + c.classId() + "&subjectId=" + c.math()
                + "&from=2026-11-01&to=2026-11-30", api.teacherToken(c.teacher())));
        assertThat(page.get("lessons")).hasSize(1);
        assertThat(page.get("students")).hasSize(3);
        JsonNode ivanova = page.get("students").get(0);
        assertThat(ivanova.get("lastName").asString()).isEqualTo("Иванова");
        assertThat(ivanova.at("/cells/0/grades/0/value").asString()).isEqualTo("5");
        assertThat(ivanova.get("average").asDouble()).isEqualTo(5.0);
        assertThat(page.get("students").get(2).at("/cells/0/absence").asString()).isEqualTo("Б");
    }

    @Test
    void resubmittingWithTheSameKeyChangesNothingAndAnotherKeyForTheSameSlotIsRefused() throws InterruptedException {
        JournalApi api = api();
        var c = api.seventhB("Иванова");
        String key = "lesson-" + EventIds.next();
        String body = lesson(c, "2026-11-23", 1, grade(c.students().get(0), "4", "ORAL_ANSWER"), "");
        var teacher = api.teacherToken(c.teacher());
        String lessonId = api.ok(api.submitLesson(key, body, teacher)).get("id").asString();

        HttpResponse<String> again = api.submitLesson(key, body, teacher);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(api.ok(again).get("id").asString()).isEqualTo(lessonId);
        assertThat(api.ok(again).get("version").asInt()).isEqualTo(1);

        HttpResponse<String> reused = api.submitLesson(key, body.replace("\"4\"", "\"5\""), teacher);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency-key-reused");

        HttpResponse<String> sameSlot = api.submitLesson("lesson-" + EventIds.next(), body, teacher);
        assertThat(sameSlot.statusCode()).isEqualTo(409);
        assertThat(sameSlot.body()).contains("lesson-slot-taken").contains(lessonId);

        awaitEvents(lessonRecords(lessonId), 2);
        Thread.sleep(700);
        assertThat(probe.records(lessonRecords(lessonId))).hasSize(2);
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() throws InterruptedException {
        JournalApi api = api();
        var c = api.seventhB("Иванова");
        String outsider = api.student("Чужой", "Ученик");
        String otherTeacher = api.teacher(c.school(), "Новикова");
        String bad = """
                {"classId":"%s","subjectId":"%s","teacherId":"%s","date":"2026-11-24","lessonNumber":3,
                 "grades":[{"studentId":"%s","value":"6"},{"studentId":"%s","value":"5"}]}"""
                .formatted(c.classId(), c.math(), otherTeacher, c.students().get(0), outsider);
        var admin = JournalApi.admin(c.school());
        HttpResponse<String> refused = api.submitLesson("lesson-" + EventIds.next(), bad, admin);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("urn:eshkola:problem:validation-failed")
                .contains("\"field\":\"teacherId\"").contains("is not assigned to teach Математика in 7Б")
                .contains("\"field\":\"grades[0].value\"").contains("is not on the Пятибалльная scale")
                .contains("\"field\":\"grades[1].studentId\"").contains("is not enrolled in 7Б");

        var teacher = api.teacherToken(c.teacher());
        assertRefused(api, c, teacher, "2026-12-10", "\"field\":\"date\"", "is in the future");
        assertRefused(api, c, teacher, "2026-10-27", "\"field\":\"date\"",
                "is in the holidays (Осенние каникулы)");
        assertRefused(api, c, teacher, "2026-11-04", "\"field\":\"date\"", "is a day off");
        // before the teacher's assignment began: the teacher may not enter it (403), the administrator learns why
        assertRefused(api, c, admin, "2026-08-20", "\"field\":\"date\"", "no school year");
        HttpResponse<String> unknownClass = api.submitLesson("lesson-" + EventIds.next(),
                lesson(c, "2026-11-24", 1, "", "").replace(c.classId(), "no-such-class"), admin);
        assertThat(unknownClass.statusCode()).isEqualTo(400);
        assertThat(unknownClass.body()).contains("\"field\":\"classId\"");
        HttpResponse<String> malformed = api.submitLesson("lesson-" + EventIds.next(), "{\"classId\": [", teacher);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed-request");
        HttpResponse<String> noKey = api.send("POST", "/api/v1/lessons", lesson(c, "2026-11-24", 1, "", ""),
                teacher);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("Idempotency-Key");
        HttpResponse<String> huge = api.submitLesson("lesson-" + EventIds.next(),
                lesson(c, "2026-11-24", 1, "", "").replace("Решение", "Р".repeat(1_100_000)), teacher);
        assertThat(huge.statusCode()).isEqualTo(413);

        Thread.sleep(700);
        assertThat(api.ok(api.get("/api/v1/lessons?classId=" + c.classId() + "&from=2026-08-01&to=2026-12-31",
                admin)).get("totalItems").asInt()).isZero();
        assertThat(probe.records(r -> c.classId().equals(EventProbe.key(r))
                || c.students().contains(EventProbe.key(r)))).isEmpty();
    }

    @Test
    void aReplacedLessonCorrectsChangedEntriesWithdrawsMissingOnesAndKeepsTheirHistory() {
        JournalApi api = api();
        var c = api.seventhB("Иванова", "Петров");
        String anna = c.students().get(0);
        String petr = c.students().get(1);
        String lessonId = api.ok(api.submitLesson("lesson-" + EventIds.next(), lesson(c, "2026-11-24", 4,
                grade(anna, "5", "ORAL_ANSWER") + "," + grade(petr, "2", "ORAL_ANSWER"), absence(petr, "UNEXCUSED")),
                api.teacherToken(c.teacher()))).get("id").asString();

        String corrected = lesson(c, "2026-11-24", 4, grade(anna, "4", "ORAL_ANSWER"), absence(petr, "VALID"))
                .replace("\"absences\"", "\"reason\":\"Ошибка при вводе\",\"absences\"");
        JsonNode after = api.ok(api.replaceLesson(lessonId, "fix-" + EventIds.next(), corrected,
                api.teacherToken(c.teacher())));

        assertThat(after.get("grades")).hasSize(1);
        assertThat(after.at("/grades/0/value").asString()).isEqualTo("4");
        assertThat(after.at("/grades/0/version").asInt()).isEqualTo(2);
        assertThat(after.at("/absences/0/code").asString()).isEqualTo("У");

        ConsumerRecord<byte[], byte[]> correction = probe.await(type("journal.grade.corrected.v1").and(
                r -> anna.equals(EventProbe.key(r))), Duration.ofSeconds(15));
        JsonNode data = JournalApi.JSON.readTree(EventProbe.value(correction));
        assertThat(data.get("previousValue").asString()).isEqualTo("5");
        assertThat(data.get("value").asString()).isEqualTo("4");
        assertThat(data.get("reason").asString()).isEqualTo("Ошибка при вводе");
        assertThat(data.get("enteredAt").asString()).as("the first entry's time stays").isEqualTo("2026-11-25T07:00:00Z");
        ConsumerRecord<byte[], byte[]> withdrawn = probe.await(type("journal.grade.withdrawn.v1").and(
                r -> petr.equals(EventProbe.key(r))), Duration.ofSeconds(15));
        assertThat(JournalApi.JSON.readTree(EventProbe.value(withdrawn)).has("value")).isFalse();
        probe.await(type("journal.absence.corrected.v1").and(r -> petr.equals(EventProbe.key(r))),
                Duration.ofSeconds(15));
        List.of(correction, withdrawn).forEach(r -> JsonSchemas.assertValidEvent("journal-service", r));

        JsonNode history = api.ok(api.get("/api/v1/lessons/" + lessonId + "/history",
                api.teacherToken(c.teacher())));
        JsonNode annaGrade = history.get("grades").get(0);
        assertThat(annaGrade.get("versions")).hasSize(2);
        assertThat(annaGrade.at("/versions/0/state/value").asString()).isEqualTo("5");
        assertThat(annaGrade.at("/versions/0/changeReason").asString()).isEqualTo("Ошибка при вводе");
        assertThat(history.get("grades").get(1).at("/versions/1/active").asBoolean()).isFalse();
    }

    @Test
    void oneGradeIsCorrectedOrWithdrawnOnItsOwnAndACancelledLessonWithdrawsEverything() {
        JournalApi api = api();
        var c = api.seventhB("Иванова", "Петров");
        String anna = c.students().get(0);
        String lessonId = api.ok(api.submitLesson("lesson-" + EventIds.next(), lesson(c, "2026-11-23", 3,
                grade(anna, "3", "WRITTEN_WORK") + "," + grade(c.students().get(1), "4", "WRITTEN_WORK"), ""),
                api.teacherToken(c.teacher()))).get("id").asString();

        var teacher = api.teacherToken(c.teacher());
        JsonNode corrected = api.ok(api.send("PUT", "/api/v1/lessons/" + lessonId + "/grades/" + anna
                + ":WRITTEN_WORK", "{\"value\":\"4\",\"reason\":\"Пересмотрена работа\"}", teacher));
        assertThat(corrected.at("/grades/0/value").asString()).isEqualTo("4");
        HttpResponse<String> offScale = api.send("PUT", "/api/v1/lessons/" + lessonId + "/grades/" + anna
                + ":WRITTEN_WORK", "{\"value\":\"отл\"}", teacher);
        assertThat(offScale.statusCode()).isEqualTo(400);
        assertThat(offScale.body()).contains("\"field\":\"value\"");

        api.ok(api.send("DELETE", "/api/v1/lessons/" + lessonId + "/grades/" + anna + ":WRITTEN_WORK?reason=Ошибка",
                null, teacher));
        JsonNode cancelled = api.ok(api.send("POST", "/api/v1/lessons/" + lessonId + "/cancel",
                "{\"reason\":\"Урок не проводился\"}", teacher));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("grades")).isEmpty();
        probe.await(type("journal.lesson.cancelled.v1").and(r -> lessonId.equals(EventProbe.header(r, "ce_subject"))),
                Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(probe.records(
                type("journal.grade.withdrawn.v1").and(r -> c.students().contains(EventProbe.key(r))))
                .stream().map(EventProbe::value).toList()).hasSize(2));
    }

    @Test
    void aSubstituteEntersTheLessonOnceTheTimetableNamesThemAndIsRecordedWithIt() {
        JournalApi api = api();
        var c = api.seventhB("Иванова");
        String substitute = api.teacher(c.school(), "Замена");
        String body = lesson(c, "2026-11-20", 2, grade(c.students().get(0), "5", "ORAL_ANSWER"), "")
                .replace("\"date\"", "\"substituteTeacherId\":\"" + substitute + "\",\"date\"");

        HttpResponse<String> notOnTheTimetable = api.submitLesson("lesson-" + EventIds.next(), body,
                api.teacherToken(substitute));
        assertThat(notOnTheTimetable.statusCode()).as("any colleague could call themselves the substitute")
                .isEqualTo(403);

        api.post("/api/v1/classes/" + c.classId() + "/timetable/changes", """
                {"date":"2026-11-20","lessonNumber":2,"kind":"REPLACED","subjectId":"%s","teacherId":"%s",
                 "startTime":"09:20","endTime":"10:00","note":"Замена"}""".formatted(c.math(), substitute),
                JournalApi.admin(c.school()));
        JsonNode lesson = api.ok(api.submitLesson("lesson-" + EventIds.next(), body, api.teacherToken(substitute)));
        assertThat(lesson.get("substituteTeacherId").asString()).isEqualTo(substitute);
        assertThat(lesson.get("changedBy").asString()).isEqualTo(substitute);

        HttpResponse<String> correction = api.send("PUT", "/api/v1/lessons/" + lesson.get("id").asString()
                + "/grades/" + c.students().get(0) + ":ORAL_ANSWER", "{\"value\":\"4\"}",
                api.teacherToken(substitute));
        assertThat(correction.statusCode()).as("the recorded substitute corrects their lesson").isEqualTo(200);
    }

    private void assertRefused(JournalApi api, JournalApi.SeventhB c, TestTokens.Token as, String date, String field,
            String reason) {
        HttpResponse<String> response = api.submitLesson("lesson-" + EventIds.next(), lesson(c, date, 1, "", ""),
                as);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(field).contains(reason);
    }

    private Predicate<ConsumerRecord<byte[], byte[]>> lessonRecords(String lessonId) {
        return r -> {
            String subject = EventProbe.header(r, "ce_subject");
            return subject != null && subject.startsWith(lessonId);
        };
    }

    private static Predicate<ConsumerRecord<byte[], byte[]>> type(String type) {
        return EventProbe.withHeader("ce_type", type);
    }

    private List<ConsumerRecord<byte[], byte[]>> awaitEvents(Predicate<ConsumerRecord<byte[], byte[]>> which,
            int atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.records(which).size() >= atLeast);
        return probe.records(which);
    }
}
