package ru.eshkola.applications.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.applications.registers.AuditEntry;
import ru.eshkola.applications.registers.Deadline;
import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A complaint (досудебное обжалование) about an action or decision in providing the service: registered by the next
 * working day, answered within 15 working days of registration, or 5 when it is about a refusal to accept documents
 * or to correct a mistake.
 */
@Document("complaints")
@CompoundIndex(name = "school_number", def = "{'schoolId': 1, 'registrationNumber': 1}", unique = true)
class Complaint extends OutboxAggregate {

    private static final String TOPIC = "applications.complaints";
    static final EventRoute REGISTERED = new EventRoute("applications.complaint.registered.v1", TOPIC);
    static final EventRoute ANSWERED = new EventRoute("applications.complaint.answered.v1", TOPIC);
    static final EventRoute OVERDUE = new EventRoute("applications.complaint.overdue.v1", TOPIC);

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String schoolId;
    private String registrationNumber;
    private String applicationId;
    private Subject subject;
    private Complainant complainant;
    private String text;
    private Instant receivedAt;
    private Instant registeredAt;
    private String registeredBy;
    private String registrationDue;
    private String answerDue;
    private State state;
    private Answer answer;
    private Instant dueSoonNoticeAt;
    private Instant overdueNoticeAt;
    private int revision;
    private List<AuditEntry> history = new ArrayList<>();

    Complaint() {
    }

    enum Subject {
        /** a decision, e.g. a refusal of the service */
        DECISION,
        /** an action or inaction of the school or its staff */
        ACTION,
        /** a refusal to accept the applicant's documents (5 working days) */
        REFUSAL_TO_ACCEPT_DOCUMENTS,
        /** a refusal to correct a mistake or typo in the documents issued (5 working days) */
        MISTAKE_NOT_CORRECTED;

        boolean shortDeadline() {
            return this == REFUSAL_TO_ACCEPT_DOCUMENTS || this == MISTAKE_NOT_CORRECTED;
        }
    }

    enum State {
        OPEN, ANSWERED
    }

    enum Outcome {
        UPHELD, PARTIALLY_UPHELD, REJECTED
    }

    record Complainant(String lastName, String firstName, String middleName, String email, String phone) {

        String fullName() {
            return lastName + " " + firstName + (middleName == null ? "" : " " + middleName);
        }
    }

    record Answer(Instant answeredAt, String answeredBy, Outcome outcome, String text, boolean onTime) {
    }

    static Complaint register(String id, String schoolId, String registrationNumber, String applicationId,
            Subject subject, Complainant complainant, String text, Instant receivedAt, LocalDate registrationDue,
            LocalDate answerDue, boolean registeredOnTime, Instant now, String actor) {
        Complaint c = new Complaint();
        c.id = id;
        c.schoolId = schoolId;
        c.registrationNumber = registrationNumber;
        c.applicationId = applicationId;
        c.subject = subject;
        c.complainant = complainant;
        c.text = text;
        c.receivedAt = receivedAt;
        c.registeredAt = now;
        c.registeredBy = actor;
        c.registrationDue = registrationDue.toString();
        c.answerDue = answerDue.toString();
        c.state = State.OPEN;
        c.revision = 1;
        c.history.add(new AuditEntry(now, actor, "REGISTERED", "№ " + registrationNumber + ", " + subject
                + (registeredOnTime ? "" : ", registered after the due date " + registrationDue)));
        c.recordEvent(REGISTERED, id, id, now, new ComplaintRegistered(id, schoolId, registrationNumber, applicationId,
                subject.name(), complainant.fullName(), complainant.email(), receivedAt, now, actor, answerDue,
                c.revision));
        return c;
    }

    void answer(Outcome outcome, String answerText, LocalDate answerDay, Instant now, String actor) {
        if (state == State.ANSWERED) {
            throw new IllegalStateException("complaint " + registrationNumber + " was answered at "
                    + answer.answeredAt());
        }
        boolean onTime = !answerDay.isAfter(answerDue());
        answer = new Answer(now, actor, outcome, answerText, onTime);
        state = State.ANSWERED;
        revision++;
        history.add(new AuditEntry(now, actor, "ANSWERED", outcome.name()));
        recordEvent(ANSWERED, id, id, now, new ComplaintAnswered(id, schoolId, registrationNumber, applicationId,
                complainant.fullName(), complainant.email(), outcome.name(), answerText, now, actor, answerDue(),
                onTime, revision));
    }

    /** As for a decision: each stage noted once, together with its event. */
    boolean noteDeadline(Deadline deadline, Instant now) {
        if (state != State.OPEN || deadline.stage() == Deadline.Stage.ON_TIME) {
            return false;
        }
        if (deadline.stage() == Deadline.Stage.OVERDUE ? overdueNoticeAt != null : dueSoonNoticeAt != null) {
            return false;
        }
        if (deadline.stage() == Deadline.Stage.OVERDUE) {
            overdueNoticeAt = now;
        } else {
            dueSoonNoticeAt = now;
        }
        revision++;
        history.add(new AuditEntry(now, "system:deadlines", deadline.stage().name(), "answer due " + answerDue));
        recordEvent(OVERDUE, id, id, now, new ComplaintOverdue(id, schoolId, registrationNumber, subject.name(),
                answerDue(), deadline.stage().name(), deadline.workingDaysLeft(), now, revision));
        return true;
    }

    String id() {
        return id;
    }

    String schoolId() {
        return schoolId;
    }

    String registrationNumber() {
        return registrationNumber;
    }

    String applicationId() {
        return applicationId;
    }

    Subject subject() {
        return subject;
    }

    Complainant complainant() {
        return complainant;
    }

    String text() {
        return text;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    String registeredBy() {
        return registeredBy;
    }

    LocalDate registrationDue() {
        return LocalDate.parse(registrationDue);
    }

    LocalDate answerDue() {
        return LocalDate.parse(answerDue);
    }

    State state() {
        return state;
    }

    Answer answer() {
        return answer;
    }

    int revision() {
        return revision;
    }

    List<AuditEntry> history() {
        return List.copyOf(history);
    }

    /** Data of {@code applications.complaint.registered.v1}; name and e-mail: notification acknowledges receipt. */
    record ComplaintRegistered(String complaintId, String schoolId, String registrationNumber, String applicationId,
            String subject, String complainantName, String contactEmail, Instant receivedAt, Instant registeredAt,
            String registeredBy, LocalDate answerDue, int version) {
    }

    /** Data of {@code applications.complaint.answered.v1}; name, e-mail and answer: notification sends the answer. */
    record ComplaintAnswered(String complaintId, String schoolId, String registrationNumber, String applicationId,
            String complainantName, String contactEmail, String outcome, String answer, Instant answeredAt,
            String answeredBy, LocalDate answerDue, boolean onTime, int version) {
    }

    /** Data of {@code applications.complaint.overdue.v1}: ids only. */
    record ComplaintOverdue(String complaintId, String schoolId, String registrationNumber, String subject,
            LocalDate answerDue, String stage, int workingDaysLeft, Instant detectedAt, int version) {
    }
}
