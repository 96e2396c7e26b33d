package ru.eshkola.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
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
 * Plays the producers in tests: publishes their events, built from each producer's own example files with fresh
 * ids, on their topics with their CloudEvents headers — exactly the wire form this service consumes. Methods speak
 * the domain: a school, a teacher, a guardian with access, a grade.
 */
public final class Feed {

    public static final JsonMapper JSON = JsonMapper.shared();

    private final KafkaTemplate<byte[], byte[]> kafka;

    public Feed(KafkaTemplate<byte[], byte[]> kafka) {
        this.kafka = kafka;
    }

    /** A producer's example of a type, as a mutable tree. */
    public static ObjectNode example(String producer, String type) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(JsonSchemas.repositoryFile(
                    producer + "/src/main/resources/contracts/examples/" + type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String id() {
        return EventIds.next();
    }

    /** A unique address for a person of this test. */
    public static String email(String who) {
        return who + "." + EventIds.next().substring(24) + "@example.ru";
    }

    // ------------------------------------------------------------------------------------------------ journal

    public String school(String shortName) {
        String id = id();
        send("journal-service", "journal.schools", "journal.school.registered.v1", id,
                example("journal-service", "journal.school.registered.v1").put("schoolId", id)
                        .put("shortName", shortName).put("name", "Муниципальное бюджетное общеобразовательное "
                                + "учреждение «" + shortName + "»"), id());
        return id;
    }

    public void staff(String staffId, String schoolId, String lastName, String firstName, String email,
            List<String> roles, int version) {
        ObjectNode data = example("journal-service", "journal.staff.registered.v1").put("staffId", staffId)
                .put("schoolId", schoolId).put("lastName", lastName).put("firstName", firstName)
                .put("middleName", "Петровна").put("email", email).put("active", true).put("version", version);
        var array = data.putArray("roles");
        roles.forEach(array::add);
        send("journal-service", "journal.staff", version == 1 ? "journal.staff.registered.v1"
                : "journal.staff.updated.v1", staffId, data, id());
    }

    public void student(String studentId, String lastName, String firstName) {
        send("journal-service", "journal.students", "journal.student.registered.v1", studentId,
                example("journal-service", "journal.student.registered.v1").put("studentId", studentId)
                        .put("lastName", lastName).put("firstName", firstName).put("version", 1), id());
    }

    public void subject(String subjectId, String name) {
        send("journal-service", "journal.subjects", "journal.subject.defined.v1", subjectId,
                example("journal-service", "journal.subject.defined.v1").put("subjectId", subjectId)
                        .put("name", name).put("version", 1), id());
    }

    public void schoolClass(String classId, String schoolId, String name) {
        send("journal-service", "journal.classes", "journal.class.opened.v1", classId,
                example("journal-service", "journal.class.opened.v1").put("classId", classId)
                        .put("schoolId", schoolId).put("name", name).put("version", 1), id());
    }

    public ObjectNode grade(String gradeId, String studentId, String schoolId, String subjectId, String value,
            Instant enteredAt, LocalDate lessonDate) {
        return example("journal-service", "journal.grade.recorded.v1").put("gradeId", gradeId)
                .put("studentId", studentId).put("schoolId", schoolId).put("subjectId", subjectId)
                .put("value", value).put("numericValue", Integer.parseInt(value))
                .put("enteredAt", enteredAt.toString()).put("lessonDate", lessonDate.toString()).put("version", 1);
    }

    // ------------------------------------------------------------------------------------------------ applications

    /** An account issued to the address, with its one-time activation link. */
    public ObjectNode accountIssued(String accountId, String email, String name, Instant issuedAt) {
        return example("applications-service", "applications.account.issued.v1").put("accountId", accountId)
                .put("login", email).put("email", email).put("name", name).put("issuedAt", issuedAt.toString())
                .put("activationExpiresAt", issuedAt.plusSeconds(7 * 86_400).toString())
                .put("activationUrl", "https://eshkola.example.ru/activate?token=tok-" + accountId.substring(24));
    }

    public void publishAccount(ObjectNode account, String eventId) {
        send("applications-service", "applications.accounts", "applications.account.issued.v1",
                account.get("accountId").asString(), account, eventId);
    }

    public void access(String accountId, String studentId, String schoolId, LocalDate from) {
        String accessId = id();
        send("applications-service", "applications.access", "applications.access.granted.v1", studentId,
                example("applications-service", "applications.access.granted.v1").put("accessId", accessId)
                        .put("guardianAccountId", accountId).put("studentId", studentId).put("schoolId", schoolId)
                        .put("from", from.toString()).put("version", 1), id());
    }

    public void consent(String studentId, String schoolId, String... purposes) {
        String consentId = id();
        ObjectNode data = example("applications-service", "applications.consent.given.v1").put("consentId", consentId)
                .put("studentId", studentId).put("schoolId", schoolId).put("version", 1);
        var array = data.putArray("purposes");
        for (String purpose : purposes) {
            array.add(purpose);
        }
        send("applications-service", "applications.consents", "applications.consent.given.v1", consentId, data, id());
    }

    // ------------------------------------------------------------------------------------------------ wire

    /** Sends one CloudEvent in Kafka binary mode, as the producer's outbox relay does. */
    public void send(String producer, String topic, String type, String key, ObjectNode data, String eventId) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", type);
        header(record, "ce_source", "/" + producer);
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
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
