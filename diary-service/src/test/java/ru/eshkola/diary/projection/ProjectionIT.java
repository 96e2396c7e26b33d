package ru.eshkola.diary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.diary.JournalFeed;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.EventProbe;
import ru.eshkola.kit.testing.Http;

/** The projection through the week, subject and period views, fed over the real broker as the journal feeds it. */
class ProjectionIT extends DiaryIntegrationTest {

    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Generations generations;
    @Autowired
    ChangeLog changes;
    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void theWeekJoinsTimetableLessonTopicHomeworkGradesAndAbsencesWithNames() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Иванова", "Анна");
        Http guardian = guardianOf(w, EventIds.next());
        LocalDate monday = JournalFeed.MONDAY;
        String lesson = EventIds.next();
        feed.send("journal.lessons", "journal.lesson.recorded.v1", w.classId(), feed.lesson(w, lesson, monday,
                "Линейные уравнения"));
        feed.grades("journal.grade.recorded.v1", feed.grade(w, lesson, monday, lesson + ":1", "5", 2, "TEST", 1));
        feed.send("journal.absences", "journal.absence.recorded.v1", w.studentId(),
                feed.absence(w, EventIds.next(), monday.plusDays(2), "ILLNESS", "Б", 1));

        JsonNode week = awaitJson(guardian, week(w, monday), v -> v.at("/days/0/lessons/0/grades/0/value").isString()
                && v.at("/days/2/lessons/0/absence/reasonCode").isString()
                && "Смирнова О. П.".equals(v.at("/days/0/lessons/0/teacher/name").asString(null))
                && v.at("/studentName").isString()); // names are cached briefly: one may show a little later
        assertThat(week.at("/studentName").asString()).isEqualTo("Иванова Анна Сергеевна");
        assertThat(week.at("/weekStart").asString()).isEqualTo("2026-11-23");
        JsonNode first = week.at("/days/0/lessons/0");
        assertThat(first.at("/lessonNumber").asInt()).isEqualTo(1);
        assertThat(first.at("/startTime").asString()).as("from the timetable").isEqualTo("08:30");
        assertThat(first.at("/room").asString()).isEqualTo("21");
        assertThat(first.at("/subject/name").asString()).isEqualTo("Математика");
        assertThat(first.at("/status").asString()).isEqualTo("CONDUCTED");
        assertThat(first.at("/topic").asString()).isEqualTo("Линейные уравнения");
        assertThat(first.at("/homework/text").asString()).isEqualTo("№ 245, 247");
        assertThat(first.at("/grades/0/weight").asDouble()).isEqualTo(2.0);
        assertThat(first.at("/grades/0/kind").asString()).isEqualTo("TEST");
        assertThat(week.at("/days/2/lessons/0/absence/reasonCode").asString()).isEqualTo("Б");
        assertThat(week.at("/days/7").isMissingNode()).as("Sunday only when something happens").isTrue();
        assertThat(week.at("/days/1/lessons").size()).as("no timetable slot on Tuesday").isZero();
        // next Monday: the timetable's slot, nothing recorded yet
        JsonNode next = json(guardian.get(week(w, monday.plusWeeks(1))));
        assertThat(next.at("/days/0/lessons/0/status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aCorrectionShowsTheNewValueAndWhatAParentSeesChangedAndAWithdrawnGradeDisappears() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Петров", "Илья");
        Http guardian = guardianOf(w, EventIds.next());
        String lesson = EventIds.next();
        ObjectNode four = feed.grade(w, lesson, TUESDAY, lesson + ":1", "4", 1, "ORAL_ANSWER", 1);
        ObjectNode three = feed.grade(w, lesson, TUESDAY, lesson + ":2", "3", 1, "HOMEWORK", 1);
        feed.grades("journal.grade.recorded.v1", four);
        feed.grades("journal.grade.recorded.v1", three);
        feed.grades("journal.grade.corrected.v1", feed.correction(four, "5", 2, "2026-11-24T09:30:00Z"));
        feed.grades("journal.grade.withdrawn.v1", feed.withdrawal(three, 2));

        JsonNode week = awaitJson(guardian, week(w, TUESDAY), v -> v.at("/corrections").size() == 2);
        List<String> values = grades(week);
        assertThat(values).containsExactly("5");
        JsonNode corrected = correction(week, lesson + ":1");
        assertThat(corrected.at("/from").asString()).isEqualTo("4");
        assertThat(corrected.at("/to").asString()).isEqualTo("5");
        assertThat(corrected.at("/correctedAt").asString()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(corrected.at("/reason").asString()).isEqualTo("Ошибка ввода");
        JsonNode withdrawn = correction(week, lesson + ":2");
        assertThat(withdrawn.at("/from").asString()).isEqualTo("3");
        assertThat(withdrawn.at("/to").isNull() || withdrawn.at("/to").isMissingNode()).isTrue();
    }

    @Test
    void aStaleVersionNeverOverwritesANewerOneAndAWithdrawnGradeStaysWithdrawn() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Сидорова", "Мария");
        Http guardian = guardianOf(w, EventIds.next());
        String lesson = EventIds.next();
        ObjectNode four = feed.grade(w, lesson, TUESDAY, lesson + ":1", "4", 1, "ORAL_ANSWER", 1);
        ObjectNode two = feed.grade(w, lesson, TUESDAY, lesson + ":2", "2", 1, "ORAL_ANSWER", 1);
        // the newer versions first (a replay in another order), the older ones after
        feed.grades("journal.grade.corrected.v1", feed.correction(four, "5", 2, "2026-11-24T09:30:00Z"));
        feed.grades("journal.grade.withdrawn.v1", feed.withdrawal(two, 2));
        feed.grades("journal.grade.recorded.v1", four);
        feed.grades("journal.grade.recorded.v1", two);
        String marker = EventIds.next();
        feed.grades("journal.grade.recorded.v1", feed.grade(w, marker, TUESDAY, marker + ":1", "3", 1, "TEST", 1));

        JsonNode week = awaitJson(guardian, week(w, TUESDAY), v -> grades(v).contains("3"));
        assertThat(grades(week)).containsExactlyInAnyOrder("5", "3");
        assertThat(correction(week, lesson + ":1").at("/from").asString()).isEqualTo("4");
    }

    @Test
    void redeliveredAndReplayedEventsChangeNothing() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Кузнецов", "Артём");
        Http guardian = guardianOf(w, EventIds.next());
        String lesson = EventIds.next();
        ObjectNode grade = feed.grade(w, lesson, TUESDAY, lesson + ":1", "4", 1, "ORAL_ANSWER", 1);
        String eventId = EventIds.next();
        feed.send("journal.grades", "journal.grade.recorded.v1", w.studentId(), grade, eventId);
        awaitJson(guardian, week(w, TUESDAY), v -> grades(v).contains("4"));
        Document before = weekDocument(w.studentId(), TUESDAY);
        long seq = changes.sequences(List.of(w.studentId())).get(w.studentId());

        feed.send("journal.grades", "journal.grade.recorded.v1", w.studentId(), grade, eventId); // redelivered
        feed.grades("journal.grade.recorded.v1", grade); // replayed: the same version under another ce_id
        String marker = EventIds.next();
        feed.grades("journal.grade.recorded.v1", feed.grade(w, marker, TUESDAY, marker + ":1", "5", 1, "TEST", 1));

        awaitJson(guardian, week(w, TUESDAY), v -> grades(v).contains("5"));
        Document after = weekDocument(w.studentId(), TUESDAY);
        assertThat(after.getList("grades", Document.class)).hasSize(2);
        assertThat(after.getList("grades", Document.class).getFirst())
                .isEqualTo(before.getList("grades", Document.class).getFirst());
        assertThat(after.getLong("rev")).as("one write for the marker grade, none for the repeats")
                .isEqualTo(before.getLong("rev") + 1);
        assertThat(changes.sequences(List.of(w.studentId())).get(w.studentId()))
                .as("one change for live streams: the marker's; the repeats notify no one").isEqualTo(seq + 1);
    }

    @Test
    void gradesArrivingBeforeTheStudentAndClassAreKept() {
        JournalFeed feed = journal();
        JournalFeed.World known = feed.world("Орлова", "Вера");
        // a student and class the diary has never heard of
        JournalFeed.World early = new JournalFeed.World(known.schoolId(), EventIds.next(), EventIds.next(),
                known.subjectId(), known.teacherId(), known.periodId());
        String lesson = EventIds.next();
        feed.grades("journal.grade.recorded.v1", feed.grade(early, lesson, TUESDAY, lesson + ":1", "5", 1, "TEST", 1));
        Http guardian = guardianOf(early, EventIds.next());
        JsonNode before = awaitJson(guardian, week(early, TUESDAY), v -> grades(v).contains("5"));
        assertThat(before.at("/studentName").isNull()).as("no name yet").isTrue();

        feed.send("journal.classes", "journal.class.opened.v1", early.classId(), JournalFeed
                .example("journal.class.opened.v1").put("classId", early.classId()).put("schoolId", early.schoolId()));
        feed.send("journal.students", "journal.student.registered.v1", early.studentId(), JournalFeed
                .example("journal.student.registered.v1").put("studentId", early.studentId()).put("lastName", "Белова")
                .put("firstName", "Ольга"));
        feed.enrol(early.classId(), early.schoolId(), early.studentId(), LocalDate.of(2026, 11, 1));
        feed.send("journal.lessons", "journal.lesson.recorded.v1", early.classId(),
                feed.lesson(early, lesson, TUESDAY, "Проценты"));

        JsonNode after = awaitJson(guardian, week(early, TUESDAY),
                v -> "Проценты".equals(v.at("/days/1/lessons/0/topic").asString(null))
                        && v.at("/studentName").isString());
        assertThat(after.at("/studentName").asString()).startsWith("Белова Ольга");
        assertThat(after.at("/days/1/lessons/0/grades/0/value").asString()).isEqualTo("5");
    }

    @Test
    void theSubjectViewHasEveryGradeTheWeightedAverageAndThePeriodResultAndTheSummaryEverySubject() {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Волков", "Денис");
        Http guardian = guardianOf(w, EventIds.next());
        String a = EventIds.next();
        String b = EventIds.next();
        String outside = EventIds.next();
        feed.grades("journal.grade.recorded.v1", feed.grade(w, a, LocalDate.of(2026, 11, 10), a + ":1", "5", 1,
                "ORAL_ANSWER", 1));
        feed.grades("journal.grade.recorded.v1", feed.grade(w, b, LocalDate.of(2026, 12, 1), b + ":1", "3", 2,
                "TEST", 1));
        feed.grades("journal.grade.recorded.v1", feed.grade(w, outside, LocalDate.of(2026, 10, 20), outside + ":1",
                "2", 1, "TEST", 1));
        feed.send("journal.absences", "journal.absence.recorded.v1", w.studentId(),
                feed.absence(w, EventIds.next(), LocalDate.of(2026, 11, 12), "UNEXCUSED", "Н", 1));
        feed.send("journal.period-results", "journal.period-result.recorded.v1", w.studentId(),
                feed.periodResult(w, "4", 1));

        String path = "/api/v1/students/" + w.studentId() + "/subjects/" + w.subjectId() + "?periodId=" + w.periodId();
        JsonNode subject = awaitJson(guardian, path, v -> v.at("/grades").size() == 2 && v.at("/periodResult").isObject()
                && v.at("/absences").asInt() == 1);
        assertThat(subject.at("/subject/name").asString()).isEqualTo("Математика");
        assertThat(subject.at("/period/kind").asString()).isEqualTo("QUARTER");
        assertThat(subject.at("/grades/0/date").asString()).isEqualTo("2026-11-10");
        assertThat(subject.at("/weightedAverage").asDouble()).as("(5×1 + 3×2) / 3").isEqualTo(3.67);
        assertThat(subject.at("/periodResult/value").asString()).isEqualTo("4");

        JsonNode summary = json(guardian.get("/api/v1/students/" + w.studentId() + "/period-summary?periodId="
                + w.periodId()));
        assertThat(summary.at("/subjects").size()).isEqualTo(1);
        JsonNode row = summary.at("/subjects/0");
        assertThat(row.at("/grades").toString()).isEqualTo("[\"5\",\"3\"]");
        assertThat(row.at("/weightedAverage").asDouble()).isEqualTo(3.67);
        assertThat(row.at("/periodResult/value").asString()).isEqualTo("4");
        assertThat(row.at("/absencesUnexcused").asInt()).isEqualTo(1);
        assertThat(summary.at("/absences").asInt()).isEqualTo(1);

        assertThat(guardian.get("/api/v1/students/" + w.studentId() + "/period-summary?periodId=no-such").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMalformedEventIsDeadLetteredWhileTheEventsAroundItAreApplied() throws Exception {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Зайцева", "Ксения");
        Http guardian = guardianOf(w, EventIds.next());
        String before = EventIds.next();
        String after = EventIds.next();
        String badId = EventIds.next();
        try (EventProbe deadLetters = EventProbe.on("journal.grades." + group + ".dlt")) {
            feed.grades("journal.grade.recorded.v1", feed.grade(w, before, TUESDAY, before + ":1", "4", 1, "TEST", 1));
            feed.sendRaw("journal.grades", w.studentId(), "{not json".getBytes(StandardCharsets.UTF_8), List.of(
                    "ce_specversion", "1.0", "ce_id", badId, "ce_type", "journal.grade.recorded.v1", "ce_source",
                    "/journal-service", "content-type", "application/json"));
            feed.grades("journal.grade.recorded.v1", feed.grade(w, after, TUESDAY, after + ":1", "5", 1, "TEST", 1));

            JsonNode week = awaitJson(guardian, week(w, TUESDAY), v -> grades(v).contains("5"));
            assertThat(grades(week)).containsExactlyInAnyOrder("4", "5");
            var dead = deadLetters.await(EventProbe.withHeader("ce_id", badId), Duration.ofSeconds(20));
            assertThat(EventProbe.header(dead, "x-exception-root-message")).contains("not valid JSON");
        }
    }

    private Document weekDocument(String studentId, LocalDate day) {
        return mongo.getCollection(Generations.collection(StudentWeek.COLLECTION, generations.current()))
                .find(new Document("_id", StudentWeek.id(studentId, day))).first();
    }

    static List<String> grades(JsonNode week) {
        return week.at("/days").valueStream().flatMap(d -> d.at("/lessons").valueStream())
                .flatMap(l -> l.at("/grades").valueStream()).map(g -> g.at("/value").asString()).toList();
    }

    static JsonNode correction(JsonNode week, String entryId) {
        return week.at("/corrections").valueStream().filter(c -> c.at("/entryId").asString().equals(entryId))
                .findFirst().orElseThrow(() -> new AssertionError("no correction of " + entryId + " in " + week));
    }
}
