package ru.eshkola.diary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.JsonSchemas;

/**
 * Plays the journal in tests: its events, built from the journal's own example files with fresh ids, sent on its
 * topics with its CloudEvents headers and keys — exactly the wire form this service consumes.
 */
public final class JournalFeed {

    public static final JsonMapper JSON = JsonMapper.shared();
    public static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final KafkaTemplate<byte[], byte[]> kafka;

    public JournalFeed(KafkaTemplate<byte[], byte[]> kafka) {
        this.kafka = kafka;
    }

    /** The journal's example of a type, as a mutable tree. */
    public static ObjectNode example(String type) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(JsonSchemas.repositoryFile(
                    "journal-service/src/main/resources/contracts/examples/" + type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of one school's little world: a class with a student, a subject and its teacher. */
    public record World(String schoolId, String classId, String studentId, String subjectId, String teacherId,
            String periodId) {
    }

    /** A school with its 2026/2027 year, a class 7Б, a student enrolled from 1 September, mathematics and a teacher. */
    public World world(String lastName, String firstName) {
        String school = EventIds.next();
        String classId = EventIds.next();
        String student = EventIds.next();
        String subject = EventIds.next();
        String teacher = EventIds.next();
        String yearId = EventIds.next();
        send("journal.schools", "journal.school.registered.v1", school,
                example("journal.school.registered.v1").put("schoolId", school).put("shortName", "МБОУ СОШ 7")
                        .put("name", "Муниципальное бюджетное общеобразовательное учреждение «Средняя "
                                + "общеобразовательная школа № 7»"));
        ObjectNode year = example("journal.school-year.configured.v1").put("schoolId", school)
                .put("schoolYearId", yearId);
        year.withArray("periods").forEach(p -> ((ObjectNode) p).put("periodId",
                yearId + p.get("periodId").asString().substring(p.get("periodId").asString().lastIndexOf('-'))));
        send("journal.schools", "journal.school-year.configured.v1", school, year);
        send("journal.subjects", "journal.subject.defined.v1", subject,
                example("journal.subject.defined.v1").put("subjectId", subject));
        send("journal.staff", "journal.staff.registered.v1", teacher,
                example("journal.staff.registered.v1").put("staffId", teacher).put("schoolId", school));
        send("journal.classes", "journal.class.opened.v1", classId,
                example("journal.class.opened.v1").put("classId", classId).put("schoolId", school)
                        .put("classTeacherId", teacher));
        send("journal.students", "journal.student.registered.v1", student,
                example("journal.student.registered.v1").put("studentId", student).put("lastName", lastName)
                        .put("firstName", firstName));
        enrol(classId, school, student, LocalDate.of(2026, 9, 1));
        ObjectNode timetable = example("journal.timetable.changed.v1").put("classId", classId).put("schoolId", school)
                .put("version", 1);
        ObjectNode slot = (ObjectNode) timetable.withArray("slots").get(0);
        slot.put("subjectId", subject).put("teacherId", teacher);
        timetable.withArray("changes").removeAll();
        send("journal.timetables", "journal.timetable.changed.v1", classId, timetable);
        return new World(school, classId, student, subject, teacher, yearId + "-q2");
    }

    public void enrol(String classId, String schoolId, String studentId, LocalDate from) {
        send("journal.classes", "journal.enrolment.started.v1", classId, example("journal.enrolment.started.v1")
                .put("enrolmentId", classId + ":" + studentId + ":" + from).put("classId", classId)
                .put("schoolId", schoolId).put("studentId", studentId).put("from", from.toString()));
    }

    /** A conducted lesson of the world's subject on a day, lesson number 1 (version 1). */
    public ObjectNode lesson(World w, String lessonId, LocalDate date, String topic) {
        return example("journal.lesson.recorded.v1").put("lessonId", lessonId).put("classId", w.classId())
                .put("schoolId", w.schoolId()).put("subjectId", w.subjectId()).put("teacherId", w.teacherId())
                .put("date", date.toString()).put("lessonNumber", 1).put("topic", topic);
    }

    /** A grade of the world's student at a lesson: value, weight, kind, version. */
    public ObjectNode grade(World w, String lessonId, LocalDate date, String gradeId, String value, int weight,
            String kind, long version) {
        ObjectNode grade = example("journal.grade.recorded.v1").put("gradeId", gradeId)
                .put("studentId", w.studentId()).put("lessonId", lessonId).put("lessonDate", date.toString())
                .put("classId", w.classId()).put("schoolId", w.schoolId()).put("subjectId", w.subjectId())
                .put("value", value).put("weight", weight).put("kind", kind).put("version", version);
        if (value.matches("[1-5]")) {
            grade.put("numericValue", Integer.parseInt(value));
        }
        return grade;
    }

    public ObjectNode correction(ObjectNode grade, String newValue, long version, String correctedAt) {
        ObjectNode corrected = grade.deepCopy();
        corrected.put("previousValue", grade.get("value").asString()).put("value", newValue)
                .put("numericValue", Integer.parseInt(newValue)).put("version", version)
                .put("correctedAt", correctedAt).put("correctedBy", "teacher-1").put("reason", "Ошибка ввода");
        return corrected;
    }

    public ObjectNode withdrawal(ObjectNode grade, long version) {
        ObjectNode withdrawn = grade.deepCopy();
        withdrawn.remove("value");
        withdrawn.remove("numericValue");
        withdrawn.put("previousValue", grade.get("value").asString()).put("version", version)
                .put("correctedAt", "2026-11-25T09:30:00Z").put("correctedBy", "teacher-1")
                .put("reason", "Поставлена по ошибке");
        return withdrawn;
    }

    public ObjectNode absence(World w, String lessonId, LocalDate date, String reason, String code, long version) {
        return example("journal.absence.recorded.v1").put("absenceId", lessonId + ":" + w.studentId())
                .put("studentId", w.studentId()).put("lessonId", lessonId).put("lessonDate", date.toString())
                .put("lessonNumber", 1).put("classId", w.classId()).put("schoolId", w.schoolId())
                .put("subjectId", w.subjectId()).put("reason", reason).put("reasonCode", code)
                .put("version", version);
    }

    public ObjectNode periodResult(World w, String value, long version) {
        return example("journal.period-result.recorded.v1").put("resultId", w.periodId() + ":" + w.subjectId()
                        + ":" + w.studentId()).put("studentId", w.studentId()).put("classId", w.classId())
                .put("schoolId", w.schoolId()).put("subjectId", w.subjectId()).put("periodId", w.periodId())
                .put("periodNumber", 2).put("periodEnd", "2026-12-26").put("value", value)
                .put("numericValue", Integer.parseInt(value)).put("version", version);
    }

    /** Sends with a fresh ce_id; returns it. */
    public String send(String topic, String type, String key, ObjectNode data) {
        String id = EventIds.next();
        send(topic, type, key, data, id);
        return id;
    }

    public void grades(String type, ObjectNode data) {
        send("journal.grades", type, data.get("studentId").asString(), data);
    }

    /** Sends one CloudEvent in Kafka binary mode with the given ce_id, as the journal's relay does. */
    public void send(String topic, String type, String key, ObjectNode data, String eventId) {
        sendRaw(topic, key, JSON.writeValueAsBytes(data), List.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", type, "ce_source", "/journal-service", "ce_subject", key, "ce_time",
                java.time.Instant.now().toString(), "content-type", "application/json"));
    }

    /** Sends a record with the given value and headers (name, value, name, value ...), e.g. a malformed one. */
    public void sendRaw(String topic, String key, byte[] value, List<String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                value);
        for (int i = 0; i < headers.size(); i += 2) {
            record.headers().add(headers.get(i), headers.get(i + 1).getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
