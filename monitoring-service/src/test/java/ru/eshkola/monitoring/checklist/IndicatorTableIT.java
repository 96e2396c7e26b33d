package ru.eshkola.monitoring.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.ShiftedClock;
import ru.eshkola.monitoring.Feed;
import ru.eshkola.monitoring.MonitoringIntegrationTest;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * A small school worked out by hand, week of Monday 23 – Friday 27 November 2026 (no holidays), seen on 1 December.
 * Class A (3 students, lessons Monday–Friday), class B (2 students, no timetable yet: Monday–Friday assumed).
 * <ul>
 * <li>grades of class A: entered on the 23rd, 24th, 25th for lessons of the 23rd (in time) and on the 30th for a
 * lesson of the 23rd (due by the 28th: late) → 3 of 4 on time, 0.75;</li>
 * <li>absences of class A: lesson of the 24th entered the same day, lesson of the 25th entered the 26th → 1 of 2;</li>
 * <li>frequency: class A got new data on the 23rd, 24th, 25th, 26th (the 30th is outside), class B never → 4 of
 * 10 class school days, 0.4;</li>
 * <li>service on 27 November: s1 (guardian) and s2 (own account) of class A have access, s4 of class B lost it on
 * the 15th → 2 of 5 students (0.4), 1 of 2 classes (0.5);</li>
 * <li>checklist: 4.1 and 4.3 "−" (below 95 %), 4.2 "+" (no period ended), 8 "−" (a consent only for s1), 6.1 "−"
 * (only one of the two accounts with access was issued on record), 1.1 "+" as attested.</li>
 * </ul>
 */
@MonitoringIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorTableIT {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final String RANGE = "&from=2026-11-23&to=2026-11-27";

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    SchoolCalendars schools;
    @Autowired
    ShiftedClock clock;

    final String municipality = "mun-" + EventIds.next().substring(24);
    String school;
    Http http;

    @BeforeAll
    void fixture() {
        clock.setTo("2026-12-01T04:00:00Z");
        http = Http.local(port);
        Feed feed = new Feed(kafka, schools);
        school = feed.school(municipality, "МКОУ Платинская ООШ");
        feed.schoolYear(school);
        String a = EventIds.next();
        String b = EventIds.next();
        feed.classOpened(school, a, "5А");
        feed.classOpened(school, b, "5Б");
        LocalDate september = LocalDate.of(2026, 9, 1);
        for (String s : new String[] {"s1", "s2", "s3"}) {
            feed.enrol(school, a, s + school, september);
        }
        for (String s : new String[] {"s4", "s5"}) {
            feed.enrol(school, b, s + school, september);
        }
        feed.timetable(school, a, "maths", "teacher", 1, 1, 2, 3, 4, 5);
        feed.grade(school, a, "s1" + school, EventIds.next(), MONDAY, "2026-11-23T10:00:00Z");
        feed.grade(school, a, "s2" + school, EventIds.next(), MONDAY, "2026-11-24T10:00:00Z");
        feed.grade(school, a, "s3" + school, EventIds.next(), MONDAY, "2026-11-25T10:00:00Z");
        feed.grade(school, a, "s1" + school, EventIds.next(), MONDAY, "2026-11-30T10:00:00Z");
        feed.absence(school, a, "s2" + school, EventIds.next(), MONDAY.plusDays(1), "2026-11-24T12:00:00Z");
        feed.absence(school, a, "s3" + school, EventIds.next(), MONDAY.plusDays(2), "2026-11-26T12:00:00Z");
        feed.access(school, "s1" + school, "acc1" + school, "GUARDIAN", september, null);
        feed.access(school, "s2" + school, "acc2" + school, "SELF", LocalDate.of(2026, 10, 1), null);
        feed.access(school, "s4" + school, "acc4" + school, "GUARDIAN", september, LocalDate.of(2026, 11, 15));
        feed.consent(school, "s1" + school);
        feed.accountIssued("acc1" + school);
        HttpResponse<String> attested = http.post("/api/v1/schools/" + school + "/attestations", """
                {"rowCode":"1.1","value":"+","attestedBy":"Петрова Н. В.","date":"2026-11-20",
                 "note":"приказ № 45 от 01.09.2026"}""");
        assertThat(attested.statusCode()).as(attested.body()).isEqualTo(201);
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSchoolsIndicatorsEqualTheValuesWorkedOutByHand() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = Feed.JSON.readTree(http.get("/api/v1/indicators?scope=SCHOOL&id=" + school + RANGE)
                    .body());
            assertThat(report.at("/timeliness/GRADE_ENTRY/onTime").asLong()).isEqualTo(3);
            assertThat(report.at("/timeliness/GRADE_ENTRY/late").asLong()).isEqualTo(1);
            assertThat(report.at("/timeliness/GRADE_ENTRY/onTimeShare").asDouble()).isEqualTo(0.75);
            assertThat(report.at("/timeliness/ABSENCE_ENTRY/onTimeShare").asDouble()).isEqualTo(0.5);
            assertThat(report.at("/frequency/classSchoolDays").asLong()).isEqualTo(10);
            assertThat(report.at("/frequency/classDaysWithData").asLong()).isEqualTo(4);
            assertThat(report.at("/frequency/share").asDouble()).isEqualTo(0.4);
            assertThat(report.at("/service/students").asLong()).isEqualTo(5);
            assertThat(report.at("/service/studentsWithService").asLong()).isEqualTo(2);
            assertThat(report.at("/service/studentShare").asDouble()).isEqualTo(0.4);
            assertThat(report.at("/service/classShare").asDouble()).isEqualTo(0.5);
            assertThat(report.at("/platforms/eshkola").asLong()).isEqualTo(1);
        });
        JsonNode municipal = Feed.JSON.readTree(http.get("/api/v1/indicators?scope=MUNICIPALITY&id=" + municipality
                + RANGE).body());
        assertThat(municipal.at("/schoolCount").asInt()).isEqualTo(1);
        assertThat(municipal.at("/timeliness/GRADE_ENTRY/total").asLong()).isEqualTo(4);
    }

    @Test
    void theChecklistShowsComputedCellsWithTheirReasonsAttestationsAndTheRollUp() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode table = Feed.JSON.readTree(http.get("/api/v1/checklist?municipality=" + municipality + RANGE)
                    .body());
            assertThat(table.at("/schools/0/schoolId").asString()).isEqualTo(school);
            assertThat(cell(table, "4.1").get("value").asString()).isEqualTo("−");
            assertThat(cell(table, "4.1").get("reason").asString()).contains("в срок 3 из 4");
            assertThat(cell(table, "4.2").get("value").asString()).isEqualTo("+");
            assertThat(cell(table, "4.3").get("value").asString()).isEqualTo("−");
            assertThat(cell(table, "4").get("value").asString()).isEqualTo("−");
            assertThat(cell(table, "8").get("reason").asString()).contains("1 из 2");
            assertThat(cell(table, "6.1").get("value").asString()).isEqualTo("−");
            assertThat(cell(table, "6.2").get("value").asString()).isEqualTo("?");
            assertThat(cell(table, "1.1").get("value").asString()).isEqualTo("+");
            assertThat(cell(table, "1.1").get("attestedBy").asString()).isEqualTo("Петрова Н. В.");
            assertThat(table.at("/municipalities/0/rows/1.1/plus").asInt()).isEqualTo(1);
        });

        HttpResponse<String> csv = http.get("/api/v1/checklist.csv?municipality=" + municipality + RANGE);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF№;Показатель").contains("МКОУ Платинская ООШ")
                .contains("Петрова Н. В.");
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/checklist.xlsx?municipality=" + municipality + RANGE)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(http.get("/checklist.html?municipality=" + municipality + RANGE).body())
                .contains("Приложение 1").contains("МКОУ Платинская ООШ").contains("в срок 3 из 4");
    }

    @Test
    void attestingAComputedRowOrWithAnUnknownValueIsRefusedNamingTheField() {
        HttpResponse<String> computed = http.post("/api/v1/schools/" + school + "/attestations", """
                {"rowCode":"4.1","value":"+","attestedBy":"Петрова Н. В.","date":"2026-11-20"}""");
        assertThat(computed.statusCode()).isEqualTo(400);
        assertThat(computed.body()).contains("rowCode");
        HttpResponse<String> badValue = http.post("/api/v1/schools/" + school + "/attestations", """
                {"rowCode":"2","value":"да","attestedBy":"Петрова Н. В.","date":"2026-11-20"}""");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(badValue.body()).contains("value");
        HttpResponse<String> future = http.post("/api/v1/schools/" + school + "/attestations", """
                {"rowCode":"2","value":"+","attestedBy":"Петрова Н. В.","date":"2027-01-20"}""");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("date");
        assertThat(http.get("/api/v1/indicators?scope=SCHOOL" + RANGE).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/checklist?from=2026-11-27&to=2026-11-01").statusCode()).isEqualTo(400);
    }

    private static JsonNode cell(JsonNode table, String code) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("code").asString().equals(code)) {
                return row.get("cells").get(0);
            }
        }
        throw new AssertionError("no row " + code);
    }
}
