package ru.eshkola.journal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.TestTokens;
import ru.eshkola.kit.testing.TestTokens.Token;

/**
 * Attacks in the spirit of the OWASP API Security Top 10 against the journal: another school's and another class's
 * ids (BOLA), fields a client must not set (mass assignment), bad tokens on a write, huge pages and bodies
 * (unrestricted resource consumption), and what responses and events give away (excessive data exposure). Each case
 * also checks that nothing changed. The number of cases is printed for the closing note.
 */
@JournalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackIT {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    AccessWorld w;
    JournalApi api;
    int cases;
    final EventProbe grades = EventProbe.on("journal.grades");

    @BeforeAll
    void world() {
        w = new AccessWorld(port);
        api = w.api;
    }

    @AfterAll
    void report() throws InterruptedException {
        grades.close();
        System.out.printf("journal attack cases: %d%n", cases);
    }

    private void forbidden(HttpResponse<String> response, String what) {
        cases++;
        SecurityConventions.assertForbidden(response, what);
    }

    private void status(HttpResponse<String> response, int expected, String what) {
        cases++;
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(expected);
    }

    @Test
    void aTeacherCannotReachAnotherClassOrSchoolWithItsIds() {
        Token t1 = api.teacherToken(w.t1);
        Token t2 = api.teacherToken(w.t2);
        long before = lessonsOf(w.classB);
        Supplier<String> teacherBsLesson = () -> """
                {"classId":"%s","subjectId":"%s","teacherId":"%s","date":"2026-11-24","lessonNumber":5,
                 "grades":[{"studentId":"%s","value":"2"}]}""".formatted(w.classB, w.math, w.teacherB, w.studentB);
        forbidden(api.submitLesson(AccessWorld.key(), teacherBsLesson.get(), t1), "a lesson in another school's class");
        forbidden(api.submitLesson(AccessWorld.key(), teacherBsLesson.get().replace(w.teacherB, w.t1), t1),
                "naming oneself in another school's class");
        forbidden(api.submitLesson(AccessWorld.key(), w.lessonBody("2026-11-25", 6).replace(w.t1, w.t2), t2),
                "a colleague's class of the same school");
        forbidden(api.submitLesson(AccessWorld.key(), w.lessonBody("2026-11-25", 6), t2),
                "a lesson naming the class's teacher, sent by another");
        forbidden(api.submitLesson(AccessWorld.key(), w.lessonBody("2026-11-25", 6)
                .replace("\"date\"", "\"substituteTeacherId\":\"" + w.t2 + "\",\"date\""), t2),
                "a self-declared substitute the timetable does not name");
        forbidden(api.send("PUT", "/api/v1/lessons/" + w.lessonB + "/grades/" + w.studentB + ":ORAL_ANSWER",
                "{\"value\":\"5\"}", t1), "correcting another school's grade");
        forbidden(api.send("DELETE", "/api/v1/lessons/" + w.lessonB + "/grades/" + w.studentB + ":ORAL_ANSWER",
                null, t1), "withdrawing another school's grade");
        forbidden(api.send("POST", "/api/v1/lessons/" + w.lessonB + "/cancel", "{}", t1),
                "cancelling another school's lesson");
        forbidden(api.get("/api/v1/lessons/" + w.lessonB, t1), "reading another school's lesson");
        forbidden(api.get("/api/v1/lessons/" + w.lessonB + "/history", t1), "its history");
        forbidden(api.get("/api/v1/lessons/" + w.lesson, t2), "a lesson of a class one does not teach");
        forbidden(api.get("/api/v1/journal?classId=" + w.classB + "&subjectId=" + w.math
                + "&from=2026-11-01&to=2026-11-30", t1), "another school's journal page");
        forbidden(api.get("/api/v1/journal?classId=" + w.seventhB + "&subjectId=" + w.math
                + "&from=2026-11-01&to=2026-11-30", t2), "the journal page of a class one does not teach");
        forbidden(api.get("/api/v1/students/" + w.studentB, t1), "another school's student");
        forbidden(api.get("/api/v1/classes/" + w.classB + "/students", t1), "another school's class list");
        forbidden(api.send("PUT", w.periodResultsPath(), w.periodResults(), t2),
                "period marks of a class one does not teach");
        assertThat(lessonsOf(w.classB)).as("nothing entered in school B").isEqualTo(before);
        JsonNode lessonB = api.ok(api.get("/api/v1/lessons/" + w.lessonB, JournalApi.admin(w.schoolB)));
        assertThat(lessonB.get("status").asString()).isEqualTo("CONDUCTED");
        assertThat(lessonB.at("/grades/0/value").asString()).isEqualTo("3");
    }

    @Test
    void anAdministratorActsOnlyWithinTheirSchool() {
        Token adminA = JournalApi.admin(w.schoolA);
        forbidden(api.send("POST", "/api/v1/classes/" + w.classB + "/enrolments/" + w.studentB + "/end",
                AccessWorld.enrolmentEnd(), adminA), "ending another school's enrolment");
        forbidden(api.send("POST", "/api/v1/classes/" + w.classB + "/assignments/end", """
                {"subjectId":"%s","teacherId":"%s","to":"2026-11-01"}""".formatted(w.math, w.teacherB), adminA),
                "ending another school's assignment");
        forbidden(api.send("POST", "/api/v1/classes", """
                {"schoolId":"%s","schoolYear":"2026/2027","gradeLevel":5,"letter":"Я"}""".formatted(w.schoolB),
                adminA), "opening a class in another school");
        forbidden(api.send("PUT", "/api/v1/schools/" + w.schoolB + "/staff/EVIL", AccessWorld.staff(
                "SCHOOL_ADMINISTRATOR"), adminA), "appointing oneself in another school");
        forbidden(api.send("PUT", "/api/v1/students/by-number/" + w.s1Number, AccessWorld.student("Подменённая",
                "Анна"), JournalApi.admin(w.schoolB)), "changing the record of another school's student");
        forbidden(api.get("/api/v1/audit?schoolId=" + w.schoolB, adminA), "another school's audit");
        forbidden(api.send("PUT", "/api/v1/schools/" + w.schoolB + "/years/2026-2027", AccessWorld.year(), adminA),
                "another school's year");
        JsonNode classB = api.ok(api.get("/api/v1/classes/" + w.classB, JournalApi.admin(w.schoolB)));
        assertThat(classB.at("/enrolments/0/to").isNull()).as("the enrolment is still open").isTrue();
        assertThat(classB.at("/assignments/0/to").isNull()).isTrue();
        assertThat(api.get("/api/v1/schools/" + w.schoolB + "/staff/EVIL", JournalApi.admin(w.schoolB))
                .statusCode()).isEqualTo(404);
        assertThat(api.ok(api.get("/api/v1/students/" + w.s1, JournalApi.admin(w.schoolA))).get("lastName")
                .asString()).isEqualTo("Иванова");
    }

    @Test
    void operatorsSeeTheirTerritorysOrganisationButNoChildsData() {
        Token municipal = w.token(AccessWorld.Who.MUNICIPAL_OPERATOR_OF_THE_TERRITORY);
        Token regional = w.token(AccessWorld.Who.REGIONAL_OPERATOR);
        for (Token operator : List.of(municipal, regional)) {
            JsonNode seventhB = api.ok(api.get("/api/v1/classes/" + w.seventhB, operator));
            cases++;
            assertThat(seventhB.get("enrolments").isNull()).as("which students are in the class: not for operators")
                    .isTrue();
            assertThat(seventhB.get("assignments")).isNotEmpty();
            api.ok(api.get("/api/v1/classes?schoolId=" + w.schoolA + "&schoolYear=2026/2027", operator)).valueStream()
                    .forEach(c -> assertThat(c.get("enrolments").isNull()).isTrue());
            cases++;
            forbidden(api.get("/api/v1/lessons/" + w.lesson, operator), "a lesson");
            forbidden(api.get("/api/v1/students/" + w.s1, operator), "a student");
            forbidden(api.get("/api/v1/classes/" + w.seventhB + "/students", operator), "a class list");
            forbidden(api.get(w.periodResultsPath(), operator), "period marks");
        }
        forbidden(api.send("PUT", "/api/v1/schools/" + w.schoolA + "/staff/T-EVIL", AccessWorld.staff("TEACHER"),
                municipal), "an operator adds no teachers (only a school's administrators)");
        JsonNode asStaff = api.ok(api.get("/api/v1/classes/" + w.seventhB, api.teacherToken(w.t2)));
        assertThat(asStaff.get("enrolments")).as("the school's staff see the enrolments").hasSize(3);
    }

    @Test
    void fieldsAClientMustNotSetAreRefusedAndChangeNothing() {
        Token t1 = api.teacherToken(w.t1);
        String lesson = w.lessonBody("2026-11-25", 7);
        for (String extra : List.of("\"enteredBy\":\"someone-else\"", "\"version\":99",
                "\"enteredAt\":\"2026-09-01T00:00:00Z\"", "\"changedBy\":\"someone-else\"", "\"status\":\"CANCELLED\"",
                "\"history\":[]", "\"id\":\"chosen-id\"", "\"schoolId\":\"" + w.schoolB + "\"")) {
            HttpResponse<String> refused = api.submitLesson(AccessWorld.key(), lesson.replace("\"topic\"", extra
                    + ",\"topic\""), t1);
            status(refused, 400, "a lesson with " + extra);
            assertThat(refused.body()).contains("malformed-request");
        }
        HttpResponse<String> gradeField = api.submitLesson(AccessWorld.key(), lesson.replace(
                "\"kind\":\"ORAL_ANSWER\"}",
                "\"kind\":\"ORAL_ANSWER\",\"enteredBy\":\"someone-else\",\"version\":7}"), t1);
        status(gradeField, 400, "a grade with enteredBy and version");
        assertThat(api.ok(api.get("/api/v1/lessons?classId=" + w.seventhB + "&from=2026-11-25&to=2026-11-25", t1))
                .get("totalItems").asInt()).as("nothing stored").isZero();

        JsonNode before = api.ok(api.get("/api/v1/lessons/" + w.lesson, t1));
        status(api.send("PUT", "/api/v1/lessons/" + w.lesson + "/grades/" + w.s1 + ":ORAL_ANSWER",
                "{\"value\":\"2\",\"version\":1,\"enteredBy\":\"someone-else\"}", t1), 400,
                "a grade correction with version and enteredBy");
        status(api.replaceLesson(w.lesson, AccessWorld.key(), w.lessonBody("2026-11-23", 1).replace(w.t1, w.t2), t1),
                400, "replacing a lesson under another teacher's name");
        status(api.send("PUT", "/api/v1/students/by-number/" + w.s1Number, AccessWorld.student("Иванова", "Анна")
                .replace("}", ",\"version\":5,\"id\":\"other\"}"), JournalApi.admin(w.schoolA)), 400,
                "a student record with version and id");
        status(api.send("PUT", "/api/v1/schools/" + w.schoolA + "/staff/M-1", AccessWorld.staff("TEACHER")
                .replace("}", ",\"schoolId\":\"" + w.schoolB + "\",\"version\":9}"), JournalApi.admin(w.schoolA)),
                400, "a staff record naming another school");
        JsonNode after = api.ok(api.get("/api/v1/lessons/" + w.lesson, t1));
        assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(after.get("grades")).isEqualTo(before.get("grades"));
        assertThat(after.get("teacherId").asString()).isEqualTo(w.t1);
    }

    @Test
    void brokenTokensCannotWrite() {
        String lesson = w.lessonBody("2026-11-25", 5);
        Token t1 = api.teacherToken(w.t1);
        for (Token bad : List.of(t1.expired(), t1.forged(), t1.algNone(), t1.hs256WithPublicKey(),
                t1.signedWithUnknownKey(), t1.issuer("https://evil.example"), t1.audience("another-platform"),
                t1.type("JWT"))) {
            cases++;
            SecurityConventions.assertUnauthorized(api.submitLesson(AccessWorld.key(), lesson, bad), bad.toString());
        }
        cases++;
        SecurityConventions.assertUnauthorized(api.submitLesson(AccessWorld.key(), lesson, null), "no token");
        assertThat(api.ok(api.get("/api/v1/lessons?classId=" + w.seventhB + "&from=2026-11-25&to=2026-11-25", t1))
                .get("totalItems").asInt()).as("nothing stored").isZero();
        forbidden(api.submitLesson(AccessWorld.key(), lesson, TestTokens.teacher("someone", w.schoolA)
                .claim("staff", List.of("made-up")).claim("schools", List.of(w.schoolA))),
                "a teacher token whose staff id the class does not know");
        forbidden(api.submitLesson(AccessWorld.key(), lesson, TestTokens.account(w.t1, "TEACHER")),
                "a teacher token without a staff claim (the sub is no staff id)");
    }

    @Test
    void hugePagesAndBodiesAreRefused() {
        Token admin = JournalApi.admin(w.schoolA);
        for (String path : List.of("/api/v1/schools?size=100000", "/api/v1/schools/" + w.schoolA + "/staff?size=100000",
                "/api/v1/lessons?classId=" + w.seventhB + "&from=2026-09-01&to=2026-12-31&size=100000",
                "/api/v1/audit?schoolId=" + w.schoolA + "&size=100000", "/api/v1/schools?page=-1",
                "/api/v1/journal?classId=" + w.seventhB + "&subjectId=" + w.math + "&from=2020-01-01&to=2026-12-31")) {
            HttpResponse<String> response = api.get(path, admin);
            status(response, 400, path);
            assertThat(response.body()).contains("urn:eshkola:problem:validation-failed");
        }
        String tooManyGrades = w.lessonBody("2026-11-25", 4).replace("\"grades\":[", "\"grades\":["
                + "{\"studentId\":\"x\",\"value\":\"5\"},".repeat(101));
        status(api.submitLesson(AccessWorld.key(), tooManyGrades, api.teacherToken(w.t1)), 400, "101 grades");
        HttpResponse<String> huge = api.send("POST", "/api/v1/schools", "{\"code\":\"" + "x".repeat(1_200_000) + "\"}",
                JournalApi.OPERATOR);
        status(huge, 413, "a 1.2 MB JSON body");
        assertThat(huge.body()).contains("urn:eshkola:problem:payload-too-large");
        HttpResponse<String> hugeHistory = api.replaceLesson(w.lesson, AccessWorld.key(), w.lessonBody("2026-11-23", 1)
                .replace("Дроби", "Д".repeat(600_000)), api.teacherToken(w.t1));
        status(hugeHistory, 413, "a 1.2 MB lesson (two bytes a letter)");
        // roster files have their own, larger limit: 1.5 MB is read (and refused for what it says, not for its size)
        HttpResponse<String> bigFile = Http.local(port).withToken(admin).send(Http.local(port).withToken(admin)
                .request("/api/v1/roster/import/staff").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("school_code;staff_number\n" + "x;y\n".repeat(375_000))));
        status(bigFile, 400, "a 1.5 MB roster file");
        assertThat(bigFile.body()).contains("\"field\":\"header\"");
    }

    @Test
    void responsesAndEventsGiveAwayNoMoreThanTheirReaderNeeds() {
        Token t1 = api.teacherToken(w.t1);
        String lesson = api.ok(api.submitLesson(AccessWorld.key(), w.lessonBody("2026-11-20", 6), t1)).get("id")
                .asString();
        // the lesson's grade events of this one student (the others' may come first)
        var event = grades.await(r -> EventProbe.value(r).contains(lesson) && EventProbe.value(r).contains(w.s1),
                Duration.ofSeconds(20));
        String data = EventProbe.value(event);
        cases++;
        assertThat(data).as("a grade event carries ids, never names").contains(w.s1).doesNotContain("Иванова")
                .doesNotContain("Анна").doesNotContain("Смирнова");
        String staff = api.get("/api/v1/schools/" + w.schoolA + "/staff", JournalApi.admin(w.schoolA)).body();
        cases++;
        assertThat(staff.toLowerCase()).as("no secrets in staff records").doesNotContain("password")
                .doesNotContain("token").doesNotContain("hash");
        HttpResponse<String> refused = api.get("/api/v1/lessons/" + w.lesson, api.teacherToken(w.t2));
        cases++;
        assertThat(refused.body()).as("a refusal tells nothing of the lesson").doesNotContain(w.s1)
                .doesNotContain("Дроби").doesNotContain(w.t1);
        List<String> ids = new ArrayList<>();
        api.ok(api.get("/api/v1/lessons/" + lesson, t1)).get("grades").valueStream()
                .forEach(g -> ids.add(g.get("studentId").asString()));
        assertThat(ids).containsExactlyInAnyOrder(w.s1, w.s2);
    }

    private long lessonsOf(String classId) {
        return mongo.getCollection("lessons").countDocuments(new Document("classId", classId));
    }
}
