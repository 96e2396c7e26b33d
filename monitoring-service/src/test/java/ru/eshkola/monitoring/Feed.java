package ru.eshkola.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.JsonSchemas;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * Plays the journal and applications-service in tests: publishes their events, built from the producers' own example
 * files with fresh ids, on their topics with CloudEvents headers — exactly the wire form the service consumes.
 */
public final class Feed {

    public static final JsonMapper JSON = JsonMapper.shared();

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final SchoolCalendars schools;

    public Feed(KafkaTemplate<byte[], byte[]> kafka, SchoolCalendars schools) {
        this.kafka = kafka;
        this.schools = schools;
    }

    public static ObjectNode example(String producer, String type) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(JsonSchemas.repositoryFile(
                    producer + "/src/main/resources/contracts/examples/" + type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode journal(String type) {
        return example("journal-service", type);
    }

    /** A school of a municipality in Asia/Yekaterinburg, known to the service when this returns. */
    public String school(String municipalityId, String shortName) {
        String id = EventIds.next();
        ObjectNode data = journal("journal.school.registered.v1").put("schoolId", id).put("code", "t-" + id)
                .put("shortName", shortName).put("name", shortName).put("municipalityId", municipalityId)
                .put("municipalityName", "Тестовый округ " + municipalityId);
        schoolEvent(id, data);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> schools.of(id).isPresent());
        return id;
    }

    public void schoolEvent(String schoolId, ObjectNode data) {
        send("journal.schools", "journal.school.registered.v1", schoolId, schoolId, data);
    }

    /** The school year 2026/2027 with its four quarters and the autumn holidays, known when this returns. */
    public void schoolYear(String schoolId) {
        String yearId = EventIds.next();
        ObjectNode data = journal("journal.school-year.configured.v1").put("schoolYearId", yearId)
                .put("schoolId", schoolId);
        for (var period : data.withArray("periods")) {
            ((ObjectNode) period).put("periodId", yearId + "-" + period.get("periodId").asString()
                    .replaceAll(".*-", ""));
        }
        send("journal.schools", "journal.school-year.configured.v1", schoolId, yearId, data);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> schools.of(schoolId)
                .map(s -> !s.years().isEmpty()).orElse(false));
    }

    public void classOpened(String schoolId, String classId, String name) {
        ObjectNode data = journal("journal.class.opened.v1").put("classId", classId).put("schoolId", schoolId)
                .put("name", name).put("version", 1);
        send("journal.classes", "journal.class.opened.v1", classId, classId, data);
    }

    public void enrol(String schoolId, String classId, String studentId, LocalDate from) {
        String id = classId + ":" + studentId + ":" + from;
        ObjectNode data = journal("journal.enrolment.started.v1").put("enrolmentId", id).put("classId", classId)
                .put("schoolId", schoolId).put("studentId", studentId).put("from", from.toString()).put("version", 1);
        send("journal.classes", "journal.enrolment.started.v1", classId, id, data);
    }

    public void assign(String schoolId, String classId, String subjectId, String teacherId, LocalDate from) {
        String id = classId + ":" + subjectId + ":" + teacherId;
        ObjectNode data = journal("journal.assignment.started.v1").put("assignmentId", id).put("classId", classId)
                .put("schoolId", schoolId).put("subjectId", subjectId).put("teacherId", teacherId)
                .put("from", from.toString()).put("version", 1);
        send("journal.classes", "journal.assignment.started.v1", classId, id, data);
    }

    /** A weekly timetable: lesson 1 (08:30–09:10) of the subject on each of the weekdays given. */
    public void timetable(String schoolId, String classId, String subjectId, String teacherId, int version,
            int... weekdays) {
        ObjectNode data = journal("journal.timetable.changed.v1").put("classId", classId).put("schoolId", schoolId)
                .put("version", version).put("changedAt", "2026-08-30T06:00:00Z");
        ArrayNode slots = data.putArray("slots");
        for (int weekday : weekdays) {
            slots.addObject().put("weekday", weekday).put("lessonNumber", 1).put("startTime", "08:30")
                    .put("endTime", "09:10").put("subjectId", subjectId).put("teacherId", teacherId)
                    .put("validFrom", "2026-09-01");
        }
        data.putArray("changes");
        send("journal.timetables", "journal.timetable.changed.v1", classId, classId, data);
    }

    public void grade(String schoolId, String classId, String studentId, String gradeId, LocalDate lessonDate,
            String enteredAt) {
        ObjectNode data = journal("journal.grade.recorded.v1").put("gradeId", gradeId).put("studentId", studentId)
                .put("lessonId", "lesson-" + gradeId).put("lessonDate", lessonDate.toString()).put("classId", classId)
                .put("schoolId", schoolId).put("enteredAt", enteredAt).put("version", 1);
        send("journal.grades", "journal.grade.recorded.v1", studentId, gradeId, data);
    }

    public void gradeWithdrawn(String schoolId, String classId, String studentId, String gradeId,
            LocalDate lessonDate, String enteredAt) {
        ObjectNode data = journal("journal.grade.withdrawn.v1").put("gradeId", gradeId).put("studentId", studentId)
                .put("lessonId", "lesson-" + gradeId).put("lessonDate", lessonDate.toString()).put("classId", classId)
                .put("schoolId", schoolId).put("enteredAt", enteredAt).put("version", 2);
        send("journal.grades", "journal.grade.withdrawn.v1", studentId, gradeId, data);
    }

    public void absence(String schoolId, String classId, String studentId, String absenceId, LocalDate lessonDate,
            String enteredAt) {
        ObjectNode data = journal("journal.absence.recorded.v1").put("absenceId", absenceId)
                .put("studentId", studentId).put("lessonId", "lesson-" + absenceId)
                .put("lessonDate", lessonDate.toString()).put("classId", classId).put("schoolId", schoolId)
                .put("enteredAt", enteredAt).put("version", 1);
        send("journal.absences", "journal.absence.recorded.v1", studentId, absenceId, data);
    }

    public void lesson(String schoolId, String classId, String subjectId, String teacherId, LocalDate date,
            int lessonNumber, String topicEnteredAt) {
        String lessonId = EventIds.next();
        ObjectNode data = journal("journal.lesson.recorded.v1").put("lessonId", lessonId).put("classId", classId)
                .put("schoolId", schoolId).put("subjectId", subjectId).put("teacherId", teacherId)
                .put("date", date.toString()).put("lessonNumber", lessonNumber).put("topicEnteredAt", topicEnteredAt)
                .put("enteredAt", topicEnteredAt).put("changedAt", topicEnteredAt);
        data.remove("homework");
        send("journal.lessons", "journal.lesson.recorded.v1", classId, lessonId, data);
    }

    public void periodResult(String schoolId, String classId, String studentId, String subjectId, String periodId,
            LocalDate periodEnd, String enteredAt) {
        String id = periodId + ":" + subjectId + ":" + studentId;
        ObjectNode data = journal("journal.period-result.recorded.v1").put("resultId", id).put("studentId", studentId)
                .put("classId", classId).put("schoolId", schoolId).put("subjectId", subjectId)
                .put("periodId", periodId).put("periodEnd", periodEnd.toString()).put("enteredAt", enteredAt)
                .put("version", 1);
        send("journal.period-results", "journal.period-result.recorded.v1", studentId, id, data);
    }

    public void access(String schoolId, String studentId, String accountId, String relation, LocalDate from,
            LocalDate to) {
        String id = EventIds.next();
        ObjectNode data = example("applications-service", "applications.access.granted.v1").put("accessId", id)
                .put("guardianAccountId", accountId).put("studentId", studentId).put("schoolId", schoolId)
                .put("relation", relation).put("from", from.toString()).put("version", to == null ? 1 : 2);
        String type = "applications.access.granted.v1";
        if (to != null) {
            data.put("to", to.toString()).put("reason", "APPLICANT_REQUEST");
            type = "applications.access.revoked.v1";
        }
        send("applications.access", type, studentId, id, data, "/applications-service");
    }

    public void consent(String schoolId, String studentId) {
        String id = EventIds.next();
        ObjectNode data = example("applications-service", "applications.consent.given.v1").put("consentId", id)
                .put("schoolId", schoolId).put("studentId", studentId);
        send("applications.consents", "applications.consent.given.v1", id, id, data, "/applications-service");
    }

    public void accountIssued(String accountId) {
        ObjectNode data = example("applications-service", "applications.account.issued.v1")
                .put("accountId", accountId);
        send("applications.accounts", "applications.account.issued.v1", accountId, accountId, data,
                "/applications-service");
    }

    public void send(String topic, String type, String key, String subject, ObjectNode data) {
        send(topic, type, key, subject, data, "/journal-service");
    }

    /** One CloudEvent in Kafka binary mode, as the producers' relays send them. */
    public void send(String topic, String type, String key, String subject, ObjectNode data, String source) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(data));
        for (var header : List.of(List.of("ce_specversion", "1.0"), List.of("ce_id", EventIds.next()),
                List.of("ce_type", type), List.of("ce_source", source), List.of("ce_subject", subject),
                List.of("ce_time", "2026-11-25T06:00:00Z"), List.of("content-type", "application/json"))) {
            record.headers().add(header.get(0), header.get(1).getBytes(StandardCharsets.UTF_8));
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
