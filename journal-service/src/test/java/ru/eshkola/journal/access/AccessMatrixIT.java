package ru.eshkola.journal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.eshkola.journal.access.AccessWorld.Who.ADMINISTRATOR_OF_ANOTHER_SCHOOL;
import static ru.eshkola.journal.access.AccessWorld.Who.ADMINISTRATOR_OF_THE_SCHOOL;
import static ru.eshkola.journal.access.AccessWorld.Who.ANONYMOUS;
import static ru.eshkola.journal.access.AccessWorld.Who.MUNICIPAL_OPERATOR_ELSEWHERE;
import static ru.eshkola.journal.access.AccessWorld.Who.MUNICIPAL_OPERATOR_OF_THE_TERRITORY;
import static ru.eshkola.journal.access.AccessWorld.Who.REGIONAL_OPERATOR;
import static ru.eshkola.journal.access.AccessWorld.Who.REGIONAL_OPERATOR_OF_ANOTHER_REGION;
import static ru.eshkola.journal.access.AccessWorld.Who.TEACHER_OF_ANOTHER_CLASS;
import static ru.eshkola.journal.access.AccessWorld.Who.TEACHER_OF_THE_CLASS;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.journal.access.AccessWorld.Who;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;

/**
 * The journal's access rules as a role × endpoint matrix: every endpoint of the API (checked against the handler
 * mappings, so a new endpoint without a row fails here), called by every kind of caller with the ids of school A's
 * class 7Б, answers exactly what the README's table says — the allowed callers succeed, anonymous callers get 401,
 * everyone else 403 (or, for a roster line about another school, 400 "not your school").
 */
@JournalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    static final Set<Who> EVERY_ROLE = Set.of(TEACHER_OF_THE_CLASS, TEACHER_OF_ANOTHER_CLASS,
            ADMINISTRATOR_OF_THE_SCHOOL, ADMINISTRATOR_OF_ANOTHER_SCHOOL, MUNICIPAL_OPERATOR_OF_THE_TERRITORY,
            MUNICIPAL_OPERATOR_ELSEWHERE, REGIONAL_OPERATOR, REGIONAL_OPERATOR_OF_ANOTHER_REGION);
    static final Set<Who> SCHOOL_READERS = Set.of(TEACHER_OF_THE_CLASS, TEACHER_OF_ANOTHER_CLASS,
            ADMINISTRATOR_OF_THE_SCHOOL, MUNICIPAL_OPERATOR_OF_THE_TERRITORY, REGIONAL_OPERATOR);
    static final Set<Who> SCHOOL_STAFF = Set.of(TEACHER_OF_THE_CLASS, TEACHER_OF_ANOTHER_CLASS,
            ADMINISTRATOR_OF_THE_SCHOOL);
    static final Set<Who> CLASS_TEACHERS = Set.of(TEACHER_OF_THE_CLASS, ADMINISTRATOR_OF_THE_SCHOOL);
    static final Set<Who> ADMINISTRATOR = Set.of(ADMINISTRATOR_OF_THE_SCHOOL);
    static final Set<Who> REGION = Set.of(REGIONAL_OPERATOR);

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    AccessWorld w;
    final AtomicInteger lessonSlots = new AtomicInteger();

    /** One request of a row, as a given caller sends it. */
    record Call(String method, String path, String body, String contentType, String idempotencyKey) {

        static Call get(String path) {
            return new Call("GET", path, null, null, null);
        }

        static Call json(String method, String path, String body) {
            return new Call(method, path, body, "application/json", null);
        }

        static Call csv(String kind, String body) {
            return new Call("POST", "/api/v1/roster/import/" + kind, body, "text/csv", null);
        }

        Call withKey() {
            return new Call(method, path, body, contentType, "key-" + EventIds.next());
        }
    }

    /**
     * One cell group: the endpoint (as the handler mapping names it), the request each caller sends, and the status of
     * each caller allowed; any other caller gets 401 without a token, 403 with one.
     */
    record Row(String endpoint, Function<Who, Call> call, Map<Who, Integer> allowed) {
    }

    @BeforeAll
    void world() {
        w = new AccessWorld(port);
    }

    static Map<Who, Integer> allow(int status, Set<Who> who) {
        Map<Who, Integer> allowed = new EnumMap<>(Who.class);
        who.forEach(x -> allowed.put(x, status));
        return allowed;
    }

    static Map<Who, Integer> allow(Map<Who, Integer> first, Map<Who, Integer> second) {
        Map<Who, Integer> both = new EnumMap<>(Who.class);
        both.putAll(first);
        both.putAll(second);
        return both;
    }

    static Row row(String endpoint, Call call, Map<Who, Integer> allowed) {
        return new Row(endpoint, who -> call, allowed);
    }

    List<Row> rows() {
        String a = "/api/v1/schools/" + w.schoolA;
        String b = "/api/v1/classes/" + w.seventhB;
        String lesson = "/api/v1/lessons/" + w.lesson;
        List<Row> rows = new ArrayList<>();
        // the region's catalogues
        rows.add(new Row("POST /api/v1/schools", who -> Call.json("POST", "/api/v1/schools", """
                {"code":"mx-%s","name":"МБОУ «Школа матрицы»","shortName":"МБОУ ШМ",
                 "municipality":{"id":"%s","name":"Матричный округ"},"timeZone":"Asia/Yekaterinburg",
                 "platform":"eshkola"}""".formatted(EventIds.next().substring(20), w.municipalityA)),
                allow(201, Set.of(MUNICIPAL_OPERATOR_OF_THE_TERRITORY, REGIONAL_OPERATOR))));
        rows.add(row("GET /api/v1/schools/{id}", Call.get(a), allow(200, EVERY_ROLE)));
        rows.add(row("GET /api/v1/schools", Call.get("/api/v1/schools?municipalityId=" + w.municipalityA),
                allow(200, EVERY_ROLE)));
        rows.add(row("PUT /api/v1/subjects/{code}", Call.json("PUT", "/api/v1/subjects/math",
                "{\"name\":\"Математика\",\"shortName\":\"Мате.\"}"), allow(200, REGION)));
        rows.add(row("GET /api/v1/subjects/{code}", Call.get("/api/v1/subjects/math"), allow(200, EVERY_ROLE)));
        rows.add(row("GET /api/v1/subjects", Call.get("/api/v1/subjects"), allow(200, EVERY_ROLE)));
        rows.add(row("GET /api/v1/scales", Call.get("/api/v1/scales"), allow(200, EVERY_ROLE)));
        rows.add(row("PUT /api/v1/scales/{id}", Call.json("PUT", "/api/v1/scales/matrix-scale", AccessWorld.scale()),
                allow(200, REGION)));
        // school A's organisation
        rows.add(row("PUT /api/v1/schools/{schoolId}/years/{year}", Call.json("PUT", a + "/years/2026-2027",
                AccessWorld.year()), allow(200, ADMINISTRATOR)));
        rows.add(row("POST /api/v1/schools/{schoolId}/years/{year}/close",
                Call.json("POST", a + "/years/2027-2028/close", null), allow(200, ADMINISTRATOR)));
        rows.add(row("GET /api/v1/schools/{schoolId}/years/{year}", Call.get(a + "/years/2026-2027"),
                allow(200, SCHOOL_READERS)));
        rows.add(row("GET /api/v1/schools/{schoolId}/years", Call.get(a + "/years"), allow(200, SCHOOL_READERS)));
        rows.add(row("PUT /api/v1/schools/{schoolId}/staff/{externalId}", Call.json("PUT", a + "/staff/M-1",
                AccessWorld.staff("TEACHER")), allow(200, ADMINISTRATOR)));
        rows.add(row("PUT /api/v1/schools/{schoolId}/staff/{externalId}", Call.json("PUT", a + "/staff/D-9",
                AccessWorld.staff("SCHOOL_ADMINISTRATOR")), allow(200, Set.of(ADMINISTRATOR_OF_THE_SCHOOL,
                MUNICIPAL_OPERATOR_OF_THE_TERRITORY, REGIONAL_OPERATOR))));
        rows.add(row("GET /api/v1/schools/{schoolId}/staff/{externalId}", Call.get(a + "/staff/M-1"),
                allow(200, SCHOOL_READERS)));
        rows.add(row("GET /api/v1/schools/{schoolId}/staff", Call.get(a + "/staff"), allow(200, SCHOOL_READERS)));
        rows.add(row("POST /api/v1/classes", Call.json("POST", "/api/v1/classes", """
                {"schoolId":"%s","schoolYear":"2026/2027","gradeLevel":9,"letter":"М"}""".formatted(w.schoolA)),
                allow(200, ADMINISTRATOR)));
        rows.add(row("GET /api/v1/classes/{classId}", Call.get(b), allow(200, SCHOOL_READERS)));
        rows.add(row("GET /api/v1/classes", Call.get("/api/v1/classes?schoolId=" + w.schoolA
                + "&schoolYear=2026/2027"), allow(200, SCHOOL_READERS)));
        rows.add(row("POST /api/v1/classes/{classId}/enrolments", Call.json("POST", b + "/enrolments",
                w.enrolment()), allow(200, ADMINISTRATOR)));
        rows.add(row("POST /api/v1/classes/{classId}/enrolments/{studentId}/end", Call.json("POST",
                b + "/enrolments/" + w.s3 + "/end", AccessWorld.enrolmentEnd()), allow(200, ADMINISTRATOR)));
        rows.add(row("POST /api/v1/classes/{classId}/assignments", Call.json("POST", b + "/assignments",
                w.assignment()), allow(200, ADMINISTRATOR)));
        rows.add(row("POST /api/v1/classes/{classId}/assignments/end", Call.json("POST", b + "/assignments/end",
                w.endPhysics()), allow(200, ADMINISTRATOR)));
        rows.add(row("PUT /api/v1/classes/{classId}/timetable", Call.json("PUT", b + "/timetable", w.timetable()),
                allow(200, ADMINISTRATOR)));
        rows.add(row("POST /api/v1/classes/{classId}/timetable/changes", Call.json("POST", b + "/timetable/changes",
                w.timetableChange()), allow(200, ADMINISTRATOR)));
        rows.add(row("GET /api/v1/classes/{classId}/timetable", Call.get(b + "/timetable"),
                allow(200, SCHOOL_READERS)));
        rows.add(row("GET /api/v1/classes/{classId}/timetable/day", Call.get(b + "/timetable/day?date=2026-11-23"),
                allow(200, SCHOOL_READERS)));
        // children's data
        rows.add(row("PUT /api/v1/students/by-number/{externalId}", Call.json("PUT", "/api/v1/students/by-number/"
                + w.s1Number, AccessWorld.student("Иванова", "Анна")), allow(200, ADMINISTRATOR)));
        rows.add(new Row("PUT /api/v1/students/by-number/{externalId}", who -> Call.json("PUT",
                "/api/v1/students/by-number/NEW-" + EventIds.next().substring(20), AccessWorld.student("Новая",
                        "Ученица")), allow(201, Set.of(ADMINISTRATOR_OF_THE_SCHOOL, ADMINISTRATOR_OF_ANOTHER_SCHOOL))));
        rows.add(row("GET /api/v1/students/{id}", Call.get("/api/v1/students/" + w.s1), allow(200, SCHOOL_STAFF)));
        rows.add(row("GET /api/v1/classes/{classId}/students", Call.get(b + "/students?date=2026-11-23"),
                allow(200, SCHOOL_STAFF)));
        rows.add(new Row("POST /api/v1/lessons", who -> Call.json("POST", "/api/v1/lessons", newLesson()).withKey(),
                allow(201, CLASS_TEACHERS)));
        rows.add(new Row("PUT /api/v1/lessons/{id}", who -> Call.json("PUT", lesson,
                w.lessonBody("2026-11-23", 1)).withKey(), allow(200, CLASS_TEACHERS)));
        rows.add(row("PUT /api/v1/lessons/{id}/grades/{gradeId}", Call.json("PUT", lesson + "/grades/" + w.s1
                + ":ORAL_ANSWER", "{\"value\":\"5\"}"), allow(200, CLASS_TEACHERS)));
        rows.add(row("DELETE /api/v1/lessons/{id}/grades/{gradeId}", Call.json("DELETE", "/api/v1/lessons/"
                + w.lessonToWithdraw + "/grades/" + w.s2 + ":ORAL_ANSWER", null), allow(200, CLASS_TEACHERS)));
        rows.add(row("POST /api/v1/lessons/{id}/cancel", Call.json("POST", "/api/v1/lessons/" + w.lessonToCancel
                + "/cancel", "{\"reason\":\"Карантин\"}"), allow(200, CLASS_TEACHERS)));
        rows.add(row("GET /api/v1/lessons", Call.get("/api/v1/lessons?classId=" + w.seventhB
                + "&from=2026-11-01&to=2026-11-30"), allow(200, CLASS_TEACHERS)));
        rows.add(row("GET /api/v1/lessons/{id}", Call.get(lesson), allow(200, CLASS_TEACHERS)));
        rows.add(row("GET /api/v1/lessons/{id}/history", Call.get(lesson + "/history"), allow(200, CLASS_TEACHERS)));
        rows.add(row("GET /api/v1/journal", Call.get("/api/v1/journal?classId=" + w.seventhB + "&subjectId=" + w.math
                + "&from=2026-11-01&to=2026-11-30"), allow(200, CLASS_TEACHERS)));
        rows.add(row("PUT /api/v1/classes/{classId}/subjects/{subjectId}/periods/{periodId}/results",
                Call.json("PUT", w.periodResultsPath(), w.periodResults()), allow(200, CLASS_TEACHERS)));
        rows.add(row("GET /api/v1/classes/{classId}/subjects/{subjectId}/periods/{periodId}/results",
                Call.get(w.periodResultsPath()), allow(200, CLASS_TEACHERS)));
        // roster files
        rows.add(row("POST /api/v1/roster/import/{kind}", Call.csv("schools",
                "code;name;short_name;municipality_id;municipality_name;time_zone\n" + "mx-file-" + w.run
                        + ";МКОУ «Файловая ООШ»;МКОУ Файловая ООШ;" + w.municipalityA + ";Округ;Asia/Yekaterinburg\n"),
                allow(200, REGION)));
        rows.add(row("POST /api/v1/roster/import/{kind}", Call.csv("subjects",
                "code,name,short_name\nmath,Математика,Мате.\n"), allow(200, REGION)));
        Map<Who, Integer> ownSchoolOnly = allow(allow(200, ADMINISTRATOR), allow(400,
                Set.of(ADMINISTRATOR_OF_ANOTHER_SCHOOL)));
        rows.add(row("POST /api/v1/roster/import/{kind}", Call.csv("staff",
                "school_code;staff_number;last_name;first_name;roles\n" + w.codeA + ";M-2;Файлова;Анна;учитель\n"),
                ownSchoolOnly));
        rows.add(row("POST /api/v1/roster/import/{kind}", Call.csv("students",
                "student_number;last_name;first_name;birth_date;school_code;school_year;class;enrolled_from\n"
                        + "MX-" + w.run + "-9;Файлова;Вера;2013-02-02;" + w.codeA + ";2026/2027;7Б;2026-09-01\n"),
                ownSchoolOnly));
        rows.add(row("POST /api/v1/roster/import/{kind}", Call.csv("assignments",
                "school_code;school_year;class;subject_code;staff_number;from\n" + w.codeA
                        + ";2026/2027;7Б;math;M-1;2026-09-01\n"), ownSchoolOnly));
        rows.add(row("GET /api/v1/audit", Call.get("/api/v1/audit?schoolId=" + w.schoolA), allow(200, ADMINISTRATOR)));
        return rows;
    }

    /** A lesson of t1 in 7Б on a free slot of September (one per call). */
    private String newLesson() {
        int n = lessonSlots.getAndIncrement();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 9, 7).plusDays(n / 7);
        if (day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return w.lessonBody(day.toString(), 1 + n % 7);
    }

    @Test
    void everyEndpointOfTheJournalIsInTheMatrix() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(m -> served.add(m.name() + " " + pattern))));
        Set<String> inMatrix = new TreeSet<>(rows().stream().map(Row::endpoint).toList());
        assertThat(served).as("the journal serves endpoints").isNotEmpty();
        assertThat(inMatrix).as("every endpoint has a row in the access matrix (and no row is stale)")
                .isEqualTo(served);
    }

    @Test
    void everyCallerGetsExactlyWhatTheRulesAllowOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        List<Row> rows = rows();
        for (Row row : rows) {
            for (Who who : Who.values()) {
                Call call = row.call().apply(who);
                int expected = row.allowed().getOrDefault(who, who == ANONYMOUS ? 401 : 403);
                HttpResponse<String> response = send(call, who);
                cases++;
                if (response.statusCode() != expected || !explained(expected, response.body())) {
                    wrong.add(row.endpoint() + " " + call.path() + " as " + who + ": expected " + expected + ", got "
                            + response.statusCode() + " " + abbreviated(response.body()));
                }
            }
        }
        System.out.printf("journal access matrix: %d rows (%d endpoints) x %d callers = %d cases%n", rows.size(),
                rows.stream().map(Row::endpoint).distinct().count(), Who.values().length, cases);
        assertThat(wrong).as("cells that differ from the access rules").isEmpty();
    }

    /** A refusal is the kit's problem document; a 400 of the matrix is a roster line about another school. */
    private static boolean explained(int status, String body) {
        return switch (status) {
            case 401 -> body.contains("urn:eshkola:problem:unauthorized");
            case 403 -> body.contains("urn:eshkola:problem:forbidden");
            case 400 -> body.contains("not your school");
            default -> true;
        };
    }

    private HttpResponse<String> send(Call call, Who who) {
        var token = w.token(who);
        Http http = token == null ? Http.local(port) : Http.local(port).withToken(token);
        HttpRequest.Builder request = http.request(call.path());
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body()));
        return http.send(request);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
