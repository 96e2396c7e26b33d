package ru.eshkola.journal.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/** A teacher or school administrator of one school. */
@Document("staff")
class StaffMember extends OutboxAggregate {

    static final EventRoute REGISTERED = new EventRoute("journal.staff.registered.v1", "journal.staff");
    static final EventRoute UPDATED = new EventRoute("journal.staff.updated.v1", "journal.staff");

    @Id
    private String id;
    @Version
    private Long version;
    private String schoolId;
    private String externalId;
    private String lastName;
    private String firstName;
    private String middleName;
    private String email;
    private Set<StaffRole> roles = new TreeSet<>();
    private boolean active;
    private int revision;
    private Instant changedAt;

    StaffMember() {
    }

    StaffMember(String id, String schoolId, String externalId) {
        this.id = id;
        this.schoolId = schoolId;
        this.externalId = externalId;
    }

    boolean set(String lastName, String firstName, String middleName, String email, Set<StaffRole> roles,
            boolean active, Instant now) {
        if (revision > 0 && lastName.equals(this.lastName) && firstName.equals(this.firstName)
                && Objects.equals(middleName, this.middleName) && Objects.equals(email, this.email)
                && roles.equals(this.roles) && active == this.active) {
            return false;
        }
        this.lastName = lastName;
        this.firstName = firstName;
        this.middleName = middleName;
        this.email = email;
        this.roles = new TreeSet<>(roles);
        this.active = active;
        revision++;
        changedAt = now;
        recordEvent(revision == 1 ? REGISTERED : UPDATED, id, id, now, new StaffData(id, schoolId, externalId,
                lastName, firstName, middleName, email, this.roles.stream().map(StaffRole::name).toList(), active,
                revision, now));
        return true;
    }

    String id() {
        return id;
    }

    String schoolId() {
        return schoolId;
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

    String email() {
        return email;
    }

    Set<StaffRole> roles() {
        return Set.copyOf(roles);
    }

    boolean active() {
        return active;
    }

    int revision() {
        return revision;
    }

    /** Data of {@code journal.staff.registered.v1} and {@code journal.staff.updated.v1}. */
    record StaffData(String staffId, String schoolId, String externalId, String lastName, String firstName,
            String middleName, String email, List<String> roles, boolean active, int version, Instant changedAt) {
    }
}
