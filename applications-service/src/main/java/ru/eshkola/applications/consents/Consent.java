package ru.eshkola.applications.consents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.applications.registers.AuditEntry;
import ru.eshkola.applications.registers.Relation;
import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A consent to the processing of a student's personal data (152-ФЗ): who gave it, for which student and purposes,
 * on which document, and when it was withdrawn. Recorded before the service starts; withdrawing it ends the service.
 */
@Document("consents")
class Consent extends OutboxAggregate {

    private static final String TOPIC = "applications.consents";
    static final EventRoute GIVEN = new EventRoute("applications.consent.given.v1", TOPIC);
    static final EventRoute WITHDRAWN = new EventRoute("applications.consent.withdrawn.v1", TOPIC);

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String schoolId;
    @Indexed
    private String studentId;
    private GivenBy givenBy;
    private Set<ConsentPurpose> purposes = new TreeSet<>();
    private Instant givenAt;
    private Paper document;
    private String applicationId;
    private Instant registeredAt;
    private String registeredBy;
    private Instant withdrawnAt;
    private Paper withdrawalDocument;
    private String withdrawnBy;
    private int revision;
    private List<AuditEntry> history = new ArrayList<>();

    Consent() {
    }

    static Consent give(String id, String schoolId, String studentId, GivenBy givenBy, Set<ConsentPurpose> purposes,
            Instant givenAt, Paper document, String applicationId, Instant now, String actor) {
        Consent consent = new Consent();
        consent.id = id;
        consent.schoolId = schoolId;
        consent.studentId = studentId;
        consent.givenBy = givenBy;
        consent.purposes = new TreeSet<>(purposes);
        consent.givenAt = givenAt;
        consent.document = document;
        consent.applicationId = applicationId;
        consent.registeredAt = now;
        consent.registeredBy = actor;
        consent.revision = 1;
        consent.history.add(new AuditEntry(now, actor, "GIVEN", givenBy.relation() + " for " + consent.purposes
                + " on " + document.title()));
        consent.recordEvent(GIVEN, id, id, now, new ConsentGiven(id, schoolId, studentId, givenBy.relation().name(),
                consent.purposeNames(), givenAt, applicationId, now, actor, consent.revision));
        return consent;
    }

    void withdraw(Instant withdrawnAt, Paper document, Instant now, String actor) {
        if (this.withdrawnAt != null) {
            throw new IllegalStateException("consent " + id + " was withdrawn at " + this.withdrawnAt);
        }
        this.withdrawnAt = withdrawnAt;
        this.withdrawalDocument = document;
        this.withdrawnBy = actor;
        revision++;
        history.add(new AuditEntry(now, actor, "WITHDRAWN", document == null ? null : "on " + document.title()));
        recordEvent(WITHDRAWN, id, id, now, new ConsentWithdrawn(id, schoolId, studentId, purposeNames(), givenAt,
                withdrawnAt, actor, revision));
    }

    boolean isValid() {
        return withdrawnAt == null;
    }

    private List<String> purposeNames() {
        return purposes.stream().map(Enum::name).toList();
    }

    String id() {
        return id;
    }

    String schoolId() {
        return schoolId;
    }

    String studentId() {
        return studentId;
    }

    GivenBy givenBy() {
        return givenBy;
    }

    Set<ConsentPurpose> purposes() {
        return Set.copyOf(purposes);
    }

    Instant givenAt() {
        return givenAt;
    }

    Paper document() {
        return document;
    }

    String applicationId() {
        return applicationId;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    String registeredBy() {
        return registeredBy;
    }

    Instant withdrawnAt() {
        return withdrawnAt;
    }

    Paper withdrawalDocument() {
        return withdrawalDocument;
    }

    String withdrawnBy() {
        return withdrawnBy;
    }

    int revision() {
        return revision;
    }

    List<AuditEntry> history() {
        return List.copyOf(history);
    }

    /** The person who gave the consent. */
    record GivenBy(Relation relation, String lastName, String firstName, String middleName) {
    }

    /** The paper a consent or its withdrawal came on. */
    record Paper(String title, String number, LocalDate date) {
    }

    /** Data of {@code applications.consent.given.v1}: ids and purposes only, no names. */
    record ConsentGiven(String consentId, String schoolId, String studentId, String givenBy, List<String> purposes,
            Instant givenAt, String applicationId, Instant registeredAt, String registeredBy, int version) {
    }

    /** Data of {@code applications.consent.withdrawn.v1}. */
    record ConsentWithdrawn(String consentId, String schoolId, String studentId, List<String> purposes,
            Instant givenAt, Instant withdrawnAt, String withdrawnBy, int version) {
    }
}
