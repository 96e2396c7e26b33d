package ru.eshkola.monitoring.deadlines;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.monitoring.MonitoringApplication;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.AbsenceChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.GradeChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.LessonChanged;
import ru.eshkola.monitoring.timetables.TimetableChanged;
import ru.eshkola.monitoring.timetables.Timetables;

/**
 * The seed 003 checklist for its nine schools of Нижнетуринский городской округ, printed as a text table and
 * written as HTML, CSV and XLSX to {@code target/nine-schools/}. A synthetic, deterministic journal: 3 classes × 25
 * students per school, 5 lessons a day from 2 to 24 November 2026, lesson records, grades and absences entered with a
 * per-school share of delays; access, consents and issued accounts for part of the students; the attested rows as
 * the seed's own filled-in cells (April 2015). Runs the service in-JVM; events go straight to its handling.
 *
 * <pre>./mvnw -B -pl monitoring-service exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=ru.eshkola.monitoring.deadlines.NineSchoolsTable</pre>
 * (the exec plugin is fetched once; later runs work with {@code -o})
 */
public final class NineSchoolsTable {

    static final String[] NAMES = {"МБОУ СОШ 1", "МБОУ СОШ 2", "МБОУ СОШ 3", "МБОУ СОШ 7", "МАОУ НТГ", "МБОУ ИСОШ",
        "МКОУ Сигнальненская СОШ", "МКОУ Косьинская СОШ", "МКОУ Платинская ООШ"};
    /** Seed 003's filled-in cells of the rows only a person can know ("" = left blank in the seed). */
    static final String[][] SEED = {
        {"1.1", "+", "+", "+", "+", "+", "+", "+", "+", "+"},
        {"1.2", "-", "", "+", "+", "+", "+", "+", "+", "+"},
        {"1.6", "+", "", "", "", "", "", "", "", ""},
        {"2", "-", "-", "-", "+", "+", "+", "-", "-", "-"},
        {"3", "+", "+", "+", "+", "+", "+", "+", "+", "+"},
        {"7", "+", "+", "+", "+", "+", "+", "+", "+", "+"}};
    /** Per school: the share of entries made late, in per mille. */
    static final int[] LATE = {10, 60, 20, 15, 5, 80, 30, 120, 40};
    static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");
    static final LocalDate FROM = LocalDate.of(2026, 11, 2);
    static final LocalDate TO = LocalDate.of(2026, 11, 24);

    private NineSchoolsTable() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(MonitoringApplication.class)
                .initializers(LocalStore.initializer())
                .properties("server.port=0", "spring.cloud.function.definition=", "logging.level.root=WARN",
                        "eshkola.monitoring.deadlines.materialise-initial-delay=1d")
                .run()) {
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            Entries entries = service.getBean(Entries.class);
            Timetables timetables = service.getBean(Timetables.class);
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            SplittableRandom random = new SplittableRandom(2015);
            for (int s = 0; s < NAMES.length; s++) {
                school(mongo, entries, timetables, s, random);
            }
            HttpClient http = HttpClient.newHttpClient();
            for (String[] row : SEED) {
                for (int s = 0; s < NAMES.length; s++) {
                    if (!row[s + 1].isEmpty()) {
                        String body = "{\"rowCode\":\"" + row[0] + "\",\"value\":\"" + row[s + 1] + "\","
                                + "\"attestedBy\":\"Мониторинг, апрель 2015\",\"date\":\"2015-04-30\"}";
                        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/schools/"
                                + schoolId(s) + "/attestations")).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    }
                }
            }
            String query = "?municipality=ntgo&from=" + FROM + "&to=" + TO;
            Path out = JsonSchemas.repositoryFile("monitoring-service/pom.xml").getParent().resolve("target/nine-schools");
            Files.createDirectories(out);
            for (String file : List.of("checklist.csv", "checklist.xlsx")) {
                Files.write(out.resolve(file), http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/" + file + query)).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
            }
            Files.writeString(out.resolve("checklist.html"), http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/checklist.html" + query)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            JsonNode table = JsonMapper.shared().readTree(http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/checklist" + query)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
            print(table);
            System.out.println("files: " + out.toAbsolutePath());
        }
        System.exit(0);
    }

    static String schoolId(int s) {
        return "ntgo-school-" + s;
    }

    private static void school(MongoTemplate mongo, Entries entries, Timetables timetables, int s,
            SplittableRandom random) {
        String school = schoolId(s);
        mongo.getCollection("schools").insertOne(new Document("_id", school).append("code", "ntgo-" + s)
                .append("name", NAMES[s]).append("shortName", NAMES[s]).append("municipalityId", "ntgo")
                .append("municipalityName", "Нижнетуринский городской округ").append("timeZone", ZONE.getId())
                .append("platform", "eshkola"));
        mongo.getCollection("school_years").insertOne(new Document("_id", school + "-2026").append("schoolId", school)
                .append("label", "2026/2027").append("start", "2026-09-01").append("end", "2027-05-31")
                .append("periods", List.of()).append("holidays", List.of(new Document("from", "2026-10-24")
                        .append("to", "2026-11-01").append("name", "Осенние каникулы")))
                .append("closed", false).append("version", 1));
        for (int c = 0; c < 3; c++) {
            String classId = school + "-class-" + c;
            mongo.getCollection("roster_classes").insertOne(new Document("_id", classId).append("schoolId", school)
                    .append("schoolYear", "2026/2027").append("gradeLevel", 5 + c).append("name", (5 + c) + "А")
                    .append("version", 1));
            List<TimetableChanged.Slot> slots = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                for (int n = 1; n <= 5; n++) {
                    slots.add(new TimetableChanged.Slot(day, n, LocalTime.of(7 + n, 30), LocalTime.of(8 + n, 10),
                            "subject-" + n, "teacher-" + s + "-" + n, null, LocalDate.of(2026, 9, 1), null));
                }
            }
            timetables.store(new TimetableChanged(classId, school, "2026/2027", slots, List.of(), 1,
                    Instant.parse("2026-08-28T06:00:00Z")));
            for (int st = 0; st < 25; st++) {
                String student = classId + "-s" + st;
                mongo.getCollection("roster_enrolments").insertOne(new Document("_id", classId + ":" + student)
                        .append("classId", classId).append("schoolId", school).append("studentId", student)
                        .append("from", "2026-09-01").append("version", 1));
                if (random.nextInt(100) < 70 + 3 * s) {
                    String account = "acc-" + student;
                    mongo.getCollection("roster_access").insertOne(new Document("_id", "access-" + student)
                            .append("accountId", account).append("studentId", student).append("schoolId", school)
                            .append("relation", "GUARDIAN").append("from", "2026-09-05").append("version", 1));
                    mongo.getCollection("reg_accounts").insertOne(new Document("_id", account)
                            .append("issuedAt", Instant.parse("2026-09-05T06:00:00Z")).append("version", 1));
                    if (s != 1 && s != 5 || random.nextInt(10) > 0) {
                        mongo.getCollection("reg_consents").insertOne(new Document("_id", "consent-" + student)
                                .append("schoolId", school).append("studentId", student)
                                .append("givenAt", Instant.parse("2026-09-04T06:00:00Z")).append("version", 1));
                    }
                }
            }
            mongo.getCollection("reg_applications").insertOne(new Document("_id", "application-" + classId)
                    .append("schoolId", school).append("state", "GRANTED")
                    .append("receivedAt", Instant.parse("2026-11-05T05:00:00Z"))
                    .append("registeredAt", Instant.parse("2026-11-05T06:00:00Z")).append("decisionDue", "2026-11-19")
                    .append("decidedAt", Instant.parse("2026-11-10T06:00:00Z")).append("decidedOnTime", s != 5)
                    .append("overdueNoticed", false).append("version", 2));
            for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() > 5 || day.equals(LocalDate.of(2026, 11, 4))) {
                    continue;
                }
                for (int n = 1; n <= 5; n++) {
                    Instant lessonEnd = day.atTime(8 + n, 10).atZone(ZONE).toInstant();
                    Instant entered = entered(random, s, lessonEnd);
                    String lessonId = classId + "-" + day + "-" + n;
                    entries.lesson(new LessonChanged(lessonId, classId, school, "subject-" + n,
                            "teacher-" + s + "-" + n, null, day, n, null, "LESSON", "Тема", entered,
                            new JournalEntryEvents.Homework("§ " + n, day.plusDays(2), entered(random, s, lessonEnd)),
                            "CONDUCTED", 1, entered, entered));
                    for (int g = 0; g < 3; g++) {
                        String student = classId + "-s" + random.nextInt(25);
                        entries.grade(new GradeChanged(lessonId + ":" + student + ":" + g, student, lessonId, day,
                                classId, school, "subject-" + n, entered(random, s, lessonEnd), "teacher", 1, null),
                                false);
                    }
                    String absent = classId + "-s" + random.nextInt(25);
                    entries.absence(new AbsenceChanged(lessonId + ":" + absent, absent, lessonId, day, classId, school,
                            "subject-" + n, entered(random, s, lessonEnd), "teacher", 1, null), false);
                }
            }
        }
    }

    /** Most entries right after the lesson; the school's share late by one to eight days. */
    private static Instant entered(SplittableRandom random, int s, Instant lessonEnd) {
        Instant soon = lessonEnd.plusSeconds(60L * random.nextInt(40));
        return random.nextInt(1000) < LATE[s] ? soon.plusSeconds(86_400L * (1 + random.nextInt(8))) : soon;
    }

    private static void print(JsonNode table) {
        StringBuilder header = new StringBuilder(String.format("%-5s", "№"));
        for (JsonNode school : table.get("schools")) {
            String name = school.get("name").asString().replace("МКОУ ", "").replace("МБОУ ", "").replace("МАОУ ", "");
            header.append(String.format(" %-11.11s", name));
        }
        System.out.println("Checklist " + table.get("from").asString() + " – " + table.get("to").asString());
        System.out.println(header + "  «+»");
        for (JsonNode row : table.get("rows")) {
            StringBuilder line = new StringBuilder(String.format("%-5s", row.get("code").asString()));
            for (JsonNode cell : row.get("cells")) {
                line.append(String.format(" %-11s", cell.get("value").asString()));
            }
            line.append("  ").append(row.get("count").get("plus").asInt()).append("/")
                    .append(row.get("cells").size());
            System.out.println(line);
        }
        System.out.println("reasons of row 4.1:");
        JsonNode schools = table.get("schools");
        for (JsonNode row : table.get("rows")) {
            if (row.get("code").asString().equals("4.1") || row.get("code").asString().equals("4.5")) {
                for (int i = 0; i < row.get("cells").size(); i++) {
                    System.out.println("  " + row.get("code").asString() + " " + schools.get(i).get("name").asString()
                            + ": " + row.get("cells").get(i).get("value").asString() + " "
                            + row.get("cells").get(i).get("reason").asString());
                }
            }
        }
    }
}
