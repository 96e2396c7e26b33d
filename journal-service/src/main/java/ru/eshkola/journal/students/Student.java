package ru.eshkola.journal.students;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A student of the region, identified by the number of their personal file, which follows them from school to
 * school (which class they are in on a date is the class's enrolments).
 */
@Document("students")
class Student extends OutboxAggregate {

    static final EventRoute REGISTERED = new EventRoute("journal.student.registered.v1", "journal.students");
    static final EventRoute UPDATED = new EventRoute("journal.student.updated.v1", "journal.students");

    @Id
    private String id;
    @Version
    private Long version;
    private String externalId;
    private String lastName;
    private String firstName;
    private String middleName;
    private LocalDate birthDate;
    private int revision;
    private Instant changedAt;

    Student() {
    }

    Student(String id, String externalId) {
        this.id = id;
        this.externalId = externalId;
    }

    boolean set(String lastName, String firstName, String middleName, LocalDate birthDate, Instant now) {
        if (revision > 0 && lastName.equals(this.lastName) && firstName.equals(this.firstName)
                && Objects.equals(middleName, this.middleName) && birthDate.equals(this.birthDate)) {
            return false;
        }
        this.lastName = lastName;
        this.firstName = firstName;
        this.middleName = middleName;
        this.birthDate = birthDate;
        revision++;
        changedAt = now;
        recordEvent(revision == 1 ? REGISTERED : UPDATED, id, id, now,
                new StudentData(id, externalId, lastName, firstName, middleName, birthDate, revision, now));
        return true;
    }

    String id() {
        return id;
    }

    String externalId() {
        return externalId;
    }

    String lastName() {
        return lastName;
    }

    String firstName() {
        return firstName;
    }

    String middleName() {
        return middleName;
    }

    LocalDate birthDate() {
        return birthDate;
    }

    int revision() {
        return revision;
    }

    /** Data of {@code journal.student.registered.v1} and {@code journal.student.updated.v1}. */
    record StudentData(String studentId, String externalId, String lastName, String firstName, String middleName,
            LocalDate birthDate, int version, Instant changedAt) {
    }
}
