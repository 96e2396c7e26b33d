package ru.eshkola.journal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;

@JournalIntegrationTest
class RosterImportIT {

    @LocalServerPort
    int port;

    EventProbe probe = EventProbe.on("journal.students", "journal.classes");

    @AfterEach
    void close() throws InterruptedException {
        probe.close();
    }

    HttpResponse<String> upload(String kind, String csv, boolean skipInvalid, TestTokens.Token as) {
        Http http = Http.local(port).withToken(as);
        return http.send(http.request("/api/v1/roster/import/" + kind + (skipInvalid ? "?skipInvalid=true" : ""))
                .header("Content-Type", "text/csv; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** Schools and subjects as the region's operator, the rest as the administrator of the school. */
    HttpResponse<String> upload(String kind, String csv, String schoolId) {
        return upload(kind, csv, false, kind.equals("schools") || kind.equals("subjects") ? JournalApi.OPERATOR
                : JournalApi.admin(schoolId));
    }

    @Test
    void aSchoolOfficesFilesBuildTheRosterAndImportingThemAgainChangesNothing() {
        String run = EventIds.next().substring(28);
        String schools = "code;name;short_name;municipality_id;municipality_name;time_zone\n"
                + "imp-" + run + ";МКОУ «Косьинская СОШ»;МКОУ Косьинская СОШ;ntgo;Нижнетуринский городской округ;"
                + "Asia/Yekaterinburg\n";
        String subjects = "code,name,short_name\nphysics,Физика,Физ.\n";
        String staff = "school_code;staff_number;last_name;first_name;middle_name;email;roles\n"
                + "imp-" + run + ";T1;Волкова;Мария;Ивановна;volkova@example.ru;учитель|администратор\n";
        String students = "student_number;last_name;first_name;middle_name;birth_date;school_code;school_year;class;"
                + "enrolled_from\n"
                + "N-" + run + "-1;Зайцева;Дарья;;12.03.2012;imp-" + run + ";2026/2027;8А;01.09.2026\n"
                + "N-" + run + "-2;Орлов;Никита;Олегович;2012-07-30;imp-" + run + ";2026/2027;8 «А»;2026-09-01\n";
        String assignments = "school_code;school_year;class;subject_code;staff_number;from\n"
                + "imp-" + run + ";2026/2027;8А;physics;T1;2026-09-01\n";

        JournalApi api = new JournalApi(port);
        String schoolId = null;
        for (String[] file : new String[][] {{"schools", schools}, {"subjects", subjects}, {"staff", staff},
                {"students", students}, {"assignments", assignments}}) {
            HttpResponse<String> first = upload(file[0], file[1], schoolId);
            assertThat(first.statusCode()).as(file[0] + ": " + first.body()).isEqualTo(200);
            assertThat(JournalApi.JSON.readTree(first.body()).get("unchanged").asInt()).isZero();
            if (schoolId == null) {
                schoolId = api.ok(api.get("/api/v1/schools?size=500", JournalApi.OPERATOR)).get("items")
                        .valueStream().filter(s -> s.get("code").asString().equals("imp-" + run)).findFirst()
                        .orElseThrow().get("id").asString();
            }
        }
        for (String[] file : new String[][] {{"schools", schools}, {"subjects", subjects}, {"staff", staff},
                {"students", students}, {"assignments", assignments}}) {
            JsonNode again = JournalApi.JSON.readTree(upload(file[0], file[1], schoolId).body());
            assertThat(again.get("created").asInt() + again.get("changed").asInt()).as(file[0]).isZero();
        }

        String classId = ClassRoster.classId(schoolId, "2026/2027", 8, "А");
        var admin = JournalApi.admin(schoolId);
        JsonNode eighthA = api.ok(api.get("/api/v1/classes/" + classId, admin));
        assertThat(eighthA.get("enrolments")).hasSize(2);
        assertThat(eighthA.get("assignments")).hasSize(1);
        String zaytseva = StudentRegistry.studentId("N-" + run + "-1");
        assertThat(api.ok(api.get("/api/v1/students/" + zaytseva, admin)).get("birthDate").asString())
                .isEqualTo("2012-03-12");
        probe.await(EventProbe.withHeader("ce_subject", zaytseva), Duration.ofSeconds(15));
        assertThat(probe.records(EventProbe.withHeader("ce_subject", zaytseva))).hasSize(1);
    }

    @Test
    void aFileWithBadLinesImportsNothingAndListsEveryBadLineUnlessAskedToSkipThem() {
        String run = EventIds.next().substring(28);
        JournalApi api = new JournalApi(port);
        String school = api.school();
        String code = api.ok(api.get("/api/v1/schools/" + school, JournalApi.OPERATOR)).get("code").asString();
        var admin = JournalApi.admin(school);
        String students = "student_number;last_name;first_name;birth_date;school_code;school_year;class;enrolled_from\n"
                + "G-" + run + "-1;Good;Student;2013-01-01;" + code + ";2026/2027;5А;2026-09-01\n"
                + "G-" + run + "-2;;Nameless;2013-01-01;" + code + ";2026/2027;5А;2026-09-01\n"
                + "G-" + run + "-3;Bad;Date;31.02.2013;" + code + ";2026/2027;5А;2026-09-01\n"
                + "G-" + run + "-4;Wrong;School;2013-01-01;nowhere;2026/2027;5А;2026-09-01\n";

        HttpResponse<String> refused = upload("students", students, false, admin);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("line 3: last_name").contains("line 4: birth_date")
                .contains("line 5: school_code").doesNotContain("line 2");
        assertThat(api.get("/api/v1/students/" + StudentRegistry.studentId("G-" + run + "-1"), admin).statusCode())
                .as("nothing imported").isEqualTo(404);

        JsonNode skipped = JournalApi.JSON.readTree(upload("students", students, true, admin).body());
        assertThat(skipped.get("created").asInt()).isEqualTo(1);
        assertThat(skipped.get("skipped").asInt()).isEqualTo(3);
        assertThat(skipped.get("errors")).hasSize(3);
        assertThat(api.get("/api/v1/students/" + StudentRegistry.studentId("G-" + run + "-1"), admin).statusCode())
                .isEqualTo(200);

        HttpResponse<String> noColumns = upload("students", "student_number;last_name\nX;Y\n", false, admin);
        assertThat(noColumns.statusCode()).isEqualTo(400);
        assertThat(noColumns.body()).contains("\"field\":\"header\"").contains("birth_date");
    }
}
