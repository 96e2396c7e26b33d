package ru.eshkola.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;
import ru.eshkola.kit.testing.TestTokens.Token;

/**
 * The journal's REST API as its users drive it in tests, each with their own token: the region's operator registers
 * schools and subjects, a school's administrator builds its roster, a teacher enters lessons. Builds a small school
 * with a configured year, subjects, staff, students and a class. Names in the domain's language.
 */
public final class JournalApi {

    public static final JsonMapper JSON = JsonMapper.shared();
    /** The region's operator (Sverdlovsk oblast, the journal's default region). */
    public static final Token OPERATOR = TestTokens.regionalOperator("operator-66", "66");
    /** An administrator of some school: any administrator may register a student never enrolled anywhere. */
    public static final Token REGISTRAR = TestTokens.schoolAdministrator("registrar-1", "registrar-school");

    private final Http http;
    private final Map<String, String> schoolOfStaff = new ConcurrentHashMap<>();
    private final Map<String, String> schoolOfClass = new ConcurrentHashMap<>();

    public JournalApi(int port) {
        this.http = Http.local(port);
    }

    /** The administrator of a school (a made-up staff id in the token: administrators are judged by claims). */
    public static Token admin(String schoolId) {
        return TestTokens.schoolAdministrator("admin-" + schoolId, schoolId);
    }

    /** The token of a teacher this API registered: staff id, school, account id = staff id. */
    public Token teacherToken(String staffId) {
        String school = schoolOfStaff.get(staffId);
        assertThat(school).as("a teacher registered through this JournalApi").isNotNull();
        return TestTokens.teacher(staffId, school);
    }

    /** The administrator of the school of a class this API opened. */
    public Token adminOfClass(String classId) {
        return admin(schoolOfClass.get(classId));
    }

    public HttpResponse<String> send(String method, String path, String json, Token as) {
        Http client = as == null ? http : http.withToken(as);
        HttpRequest.Builder request = client.request(path).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return client.send(request);
    }

    public HttpResponse<String> get(String path, Token as) {
        return send("GET", path, null, as);
    }

    public JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    public JsonNode put(String path, String json, Token as) {
        return ok(send("PUT", path, json, as));
    }

    public JsonNode post(String path, String json, Token as) {
        return ok(send("POST", path, json, as));
    }

    /** A school of Нижнетуринский городской округ with the 2026/2027 year in quarters and autumn holidays. */
    public String school() {
        return school("ntgo");
    }

    public String school(String municipality) {
        String code = "sosh-" + EventIds.next().substring(24);
        String id = post("/api/v1/schools", """
                {"code":"%s","name":"МБОУ «Средняя общеобразовательная школа № 2»","shortName":"МБОУ СОШ 2",
                 "municipality":{"id":"%s","name":"Нижнетуринский городской округ"},
                 "timeZone":"Asia/Yekaterinburg","platform":"eshkola"}""".formatted(code, municipality), OPERATOR)
                .get("id").asString();
        put("/api/v1/schools/" + id + "/years/2026-2027", """
                {"start":"2026-09-01","end":"2027-05-31","scheme":"QUARTERS",
                 "periods":[{"start":"2026-09-01","end":"2026-10-23"},{"start":"2026-11-02","end":"2026-12-26"},
                            {"start":"2027-01-11","end":"2027-03-19"},{"start":"2027-03-29","end":"2027-05-31"}],
                 "holidays":[{"from":"2026-10-24","to":"2026-11-01","name":"Осенние каникулы"},
                             {"from":"2026-12-27","to":"2027-01-10","name":"Зимние каникулы"}]}""", admin(id));
        return id;
    }

    public String subject(String code, String name) {
        return put("/api/v1/subjects/" + code, "{\"name\":\"" + name + "\",\"shortName\":\"" + name.substring(0, 4)
                + ".\"}", OPERATOR).get("id").asString();
    }

    public String teacher(String schoolId, String lastName) {
        String id = put("/api/v1/schools/" + schoolId + "/staff/T-" + EventIds.next().substring(28), """
                {"lastName":"%s","firstName":"Ольга","middleName":"Петровна","email":"teacher@example.ru",
                 "roles":["TEACHER"]}""".formatted(lastName), admin(schoolId)).get("id").asString();
        schoolOfStaff.put(id, schoolId);
        return id;
    }

    public String student(String lastName, String firstName) {
        return put("/api/v1/students/by-number/S-" + EventIds.next().substring(24), """
                {"lastName":"%s","firstName":"%s","birthDate":"2013-04-17"}""".formatted(lastName, firstName),
                REGISTRAR).get("id").asString();
    }

    public String openClass(String schoolId, int grade, String letter) {
        String id = post("/api/v1/classes", """
                {"schoolId":"%s","schoolYear":"2026/2027","gradeLevel":%d,"letter":"%s"}"""
                .formatted(schoolId, grade, letter), admin(schoolId)).get("id").asString();
        schoolOfClass.put(id, schoolId);
        return id;
    }

    public void enrol(String classId, String studentId, String from) {
        post("/api/v1/classes/" + classId + "/enrolments",
                "{\"studentId\":\"" + studentId + "\",\"from\":\"" + from + "\"}", adminOfClass(classId));
    }

    public void assign(String classId, String subjectId, String teacherId, String from) {
        post("/api/v1/classes/" + classId + "/assignments", """
                {"subjectId":"%s","teacherId":"%s","from":"%s"}""".formatted(subjectId, teacherId, from),
                adminOfClass(classId));
    }

    /** A class of a school with a teacher of mathematics and students enrolled since 1 September. */
    public record SeventhB(String school, String classId, String math, String teacher, List<String> students) {
    }

    public SeventhB seventhB(String... lastNames) {
        return seventhBIn("ntgo", lastNames);
    }

    /** The same, at a school of the given municipality. */
    public SeventhB seventhBIn(String municipality, String... lastNames) {
        String school = school(municipality);
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

    public HttpResponse<String> submitLesson(String key, String json, Token as) {
        Http client = as == null ? http : http.withToken(as);
        return client.send(client.request("/api/v1/lessons").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> replaceLesson(String lessonId, String key, String json, Token as) {
        Http client = as == null ? http : http.withToken(as);
        return client.send(client.request("/api/v1/lessons/" + lessonId).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
