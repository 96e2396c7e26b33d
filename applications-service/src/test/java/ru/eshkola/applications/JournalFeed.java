package ru.eshkola.applications;

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
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.JsonSchemas;

/**
 * Plays the journal in tests: publishes its roster events, built from the journal's own example files with fresh
 * ids, on its topics with its CloudEvents headers — exactly the wire form this service consumes.
 */
public final class JournalFeed {

    public static final JsonMapper JSON = JsonMapper.shared();

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Roster roster;

    public JournalFeed(KafkaTemplate<byte[], byte[]> kafka, Roster roster) {
        this.kafka = kafka;
        this.roster = roster;
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

    /** A school of Нижнетуринский городской округ, known to the service when this returns. */
    public String school() {
        String id = EventIds.next();
        ObjectNode data = example("journal.school.registered.v1").put("schoolId", id)
                .put("code", "ntgo-" + id.substring(24)).put("shortName", "МБОУ СОШ 2")
                .put("name", "Муниципальное бюджетное общеобразовательное учреждение "
                        + "«Средняя общеобразовательная школа № 2»");
        send("journal.schools", "journal.school.registered.v1", id, id, data, EventIds.next());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> roster.school(id).isPresent());
        return id;
    }

    public ObjectNode studentData(String studentId, String lastName, String firstName, LocalDate birthDate,
            int version) {
        return example("journal.student.registered.v1").put("studentId", studentId).put("lastName", lastName)
                .put("firstName", firstName).put("middleName", "Сергеевна").put("birthDate", birthDate.toString())
                .put("externalId", "66-NT-" + studentId.substring(24)).put("version", version);
    }

    /** A student enrolled in a class of the school from the date, known to the service when this returns. */
    public String student(String schoolId, String lastName, String firstName, LocalDate birthDate, LocalDate from) {
        String id = EventIds.next();
        send("journal.students", "journal.student.registered.v1", id, id, studentData(id, lastName, firstName,
                birthDate, 1), EventIds.next());
        enrol(schoolId, id, from);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> roster.student(id).isPresent()
                && roster.isStudentOf(id, schoolId, from));
        return id;
    }

    public String student(String schoolId, String lastName, String firstName) {
        return student(schoolId, lastName, firstName, LocalDate.of(2013, 4, 17), LocalDate.of(2025, 9, 1));
    }

    /** As the journal makes them: class, student and first day. */
    public static String enrolmentId(String schoolId, String studentId, LocalDate from) {
        return "class-of-" + schoolId + ":" + studentId + ":" + from;
    }

    public void enrol(String schoolId, String studentId, LocalDate from) {
        ObjectNode data = example("journal.enrolment.started.v1")
                .put("enrolmentId", enrolmentId(schoolId, studentId, from))
                .put("classId", "class-of-" + schoolId).put("schoolId", schoolId).put("studentId", studentId)
                .put("from", from.toString()).put("version", 1);
        send("journal.classes", "journal.enrolment.started.v1", "class-of-" + schoolId, enrolmentId(schoolId,
                studentId, from), data, EventIds.next());
    }

    /** Ends the student's enrolment (version 2) for a reason: LEFT_SCHOOL, GRADUATED, MOVED_WITHIN_SCHOOL. */
    public void endEnrolment(String schoolId, String studentId, LocalDate from, LocalDate to, String reason) {
        ObjectNode data = example("journal.enrolment.ended.v1")
                .put("enrolmentId", enrolmentId(schoolId, studentId, from))
                .put("classId", "class-of-" + schoolId).put("schoolId", schoolId).put("studentId", studentId)
                .put("from", from.toString()).put("to", to.toString()).put("endReason", reason).put("version", 2);
        send("journal.classes", "journal.enrolment.ended.v1", "class-of-" + schoolId, enrolmentId(schoolId,
                studentId, from), data, EventIds.next());
    }

    public ObjectNode staffData(String staffId, String schoolId, String externalId, String email, List<String> roles,
            boolean active, int version) {
        ObjectNode data = example("journal.staff.registered.v1").put("staffId", staffId).put("schoolId", schoolId)
                .put("externalId", externalId).put("email", email).put("active", active).put("version", version);
        var array = data.putArray("roles");
        roles.forEach(array::add);
        return data;
    }

    public void staff(ObjectNode data) {
        String id = data.get("staffId").asString();
        send("journal.staff", data.get("version").asInt() == 1 ? "journal.staff.registered.v1"
                : "journal.staff.updated.v1", id, id, data, EventIds.next());
    }

    /** Sends one CloudEvent in Kafka binary mode, as the journal's relay does. */
    public void send(String topic, String type, String key, String subject, ObjectNode data, String eventId) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", "/journal-service");
        header(record, "ce_subject", subject);
        header(record, "ce_time", "2026-11-25T06:00:00Z");
        header(record, "content-type", "application/json");
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
