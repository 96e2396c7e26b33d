package ru.eshkola.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;

/**
 * The journal's REST API as a school administrator or teacher drives it in tests; builds a small school with a
 * configured year, subjects, staff, students and a class. Names in the domain's language.
 */
public final class JournalApi {

    public static final JsonMapper JSON = JsonMapper.shared();
    public static final String ADMIN = "admin-1";

    private final Http http;

    public JournalApi(int port) {
        this.http = Http.local(port);
    }

    public HttpResponse<String> send(String method, String path, String json, String actor) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json");
        if (actor != null) {
            request.header("X-Actor-Id", actor);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request);
    }

    public HttpResponse<String> get(String path) {
        return http.get(path);
    }

    public JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    public JsonNode put(String path, String json) {
        return ok(send("PUT", path, json, ADMIN));
    }

    public JsonNode post(String path, String json) {
        return ok(send("POST", path, json, ADMIN));
    }

    /** A school of Нижнетуринский городской округ with the 2026/2027 year in quarters and autumn holidays. */
    public String school() {
        String code = "sosh-" + EventIds.next().substring(24);
        String id = post("/api/v1/schools", """
                {"code":"%s","name":"МБОУ «Средняя общеобразовательная школа № 2»","shortName":"МБОУ СОШ 2",
                 "municipality":{"id":"ntgo","name":"Нижнетуринский городской округ"},
                 "timeZone":"Asia/Yekaterinburg","platform":"eshkola"}""".formatted(code)).get("id").asString();
        put("/api/v1/schools/" + id + "/years/2026-2027", """
                {"start":"2026-09-01","end":"2027-05-31","scheme":"QUARTERS",
                 "periods":[{"start":"2026-09-01","end":"2026-10-23"},{"start":"2026-11-02","end":"2026-12-26"},
                            {"start":"2027-01-11","end":"2027-03-19"},{"start":"2027-03-29","end":"2027-05-31"}],
                 "holidays":[{"from":"2026-10-24","to":"2026-11-01","name":"Осенние каникулы"},
                             {"from":"2026-12-27","to":"2027-01-10","name":"Зимние каникулы"}]}""");
        return id;
    }

    public String subject(String code, String name) {
        return put("/api/v1/subjects/" + code, "{\"name\":\"" + name + "\",\"shortName\":\"" + name.substring(0, 4)
                + ".\"}").get("id").asString();
    }

    public String teacher(String schoolId, String lastName) {
        return put("/api/v1/schools/" + schoolId + "/staff/T-" + EventIds.next().substring(28), """
                {"lastName":"%s","firstName":"Ольга","middleName":"Петровна","email":"teacher@example.ru",
                 "roles":["TEACHER"]}""".formatted(lastName)).get("id").asString();
    }

    public String student(String lastName, String firstName) {
        return put("/api/v1/students/by-number/S-" + EventIds.next().substring(24), """
                {"lastName":"%s","firstName":"%s","birthDate":"2013-04-17"}""".formatted(lastName, firstName))
                .get("id").asString();
    }

    public String openClass(String schoolId, int grade, String letter) {
        return post("/api/v1/classes", """
                {"schoolId":"%s","schoolYear":"2026/2027","gradeLevel":%d,"letter":"%s"}"""
                .formatted(schoolId, grade, letter)).get("id").asString();
    }

    public void enrol(String classId, String studentId, String from) {
        post("/api/v1/classes/" + classId + "/enrolments",
                "{\"studentId\":\"" + studentId + "\",\"from\":\"" + from + "\"}");
    }

    /** A class of a school with a teacher of mathematics and students enrolled since 1 September. */
    public record SeventhB(String school, String classId, String math, String teacher, List<String> students) {
    }

    public SeventhB seventhB(String... lastNames) {
        String school = school();
        String math = subject("math", "Математика");
        String teacher = teacher(school, "Смирнова");
        String classId = openClass(school, 7, "Б");
        List<String> students = new java.util.ArrayList<>();
        for (String lastName : lastNames) {
            String student = student(lastName, "Ученик");
            enrol(classId, student, "2026-09-01");
            students.add(student);
        }
        assign(classId, math, teacher, "2026-09-01");
        return new SeventhB(school, classId, math, teacher, List.copyOf(students));
    }

    public HttpResponse<String> submitLesson(String key, String json, String actor) {
        HttpRequest.Builder request = http.request("/api/v1/lessons").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json));
        if (actor != null) {
            request.header("X-Actor-Id", actor);
        }
        return http.send(request);
    }

    public HttpResponse<String> replaceLesson(String lessonId, String key, String json, String actor) {
        return http.send(http.request("/api/v1/lessons/" + lessonId).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).header("X-Actor-Id", actor)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public void assign(String classId, String subjectId, String teacherId, String from) {
        post("/api/v1/classes/" + classId + "/assignments", """
                {"subjectId":"%s","teacherId":"%s","from":"%s"}""".formatted(subjectId, teacherId, from));
    }
}
