package ru.eshkola.applications.applications;

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
import ru.eshkola.applications.registers.Relation;
import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * An application for the public service, from receipt to decision and, for a granted service, to its end:
 * received → granted | refused; granted → terminated. The state, the trail of who did what, the deadline notices
 * and the events all live in this one document, so every change and its events are one write.
 */
@Document("applications")
@CompoundIndex(name = "school_number", def = "{'schoolId': 1, 'registrationNumber': 1}", unique = true)
class Application extends OutboxAggregate {

    static final String TOPIC = "applications.applications";
    static final EventRoute RECEIVED = new EventRoute("applications.application.received.v1", TOPIC);
    static final EventRoute GRANTED = new EventRoute("applications.application.granted.v1", TOPIC);
    static final EventRoute REFUSED = new EventRoute("applications.application.refused.v1", TOPIC);
    static final EventRoute TERMINATED = new EventRoute("applications.application.terminated.v1", TOPIC);
    static final EventRoute DECISION_OVERDUE = new EventRoute("applications.decision.overdue.v1", TOPIC);

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String schoolId;
    private String registrationNumber;
    private Kind kind;
    private Applicant applicant;
    private List<StudentRef> students = new ArrayList<>();
    private Period extractPeriod;
    private String terminatesApplicationId;
    private List<Paper> documents = new ArrayList<>();
    private Instant receivedAt;
    private Instant registeredAt;
    private String registeredBy;
    /** ISO dates of the school's calendar: they compare as strings in queries */
    private String registrationDue;
    private String decisionDue;
    private State state;
    private Decision decision;
    private Termination termination;
    private Instant dueSoonNoticeAt;
    private Instant overdueNoticeAt;
    private int revision;
    private List<AuditEntry> history = new ArrayList<>();

    Application() {
    }

    enum Kind {
        /** information on current performance in the form of the electronic diary and journal */
        ELECTRONIC_DIARY,
        /** information as a paper extract from the class journal, for a period */
        PAPER_EXTRACT,
        /** termination of the service at the applicant's request */
        TERMINATION
    }

    enum State {
        RECEIVED, GRANTED, REFUSED, TERMINATED
    }

    enum TerminationReason {
        APPLICANT_REQUEST, CONSENT_WITHDRAWN, STUDENT_LEFT_SCHOOL
    }

    record Applicant(Relation relation, String lastName, String firstName, String middleName, String email,
            String phone, PowerOfAttorney powerOfAttorney) {

        String fullName() {
            return lastName + " " + firstName + (middleName == null ? "" : " " + middleName);
        }
    }

    record PowerOfAttorney(String number, LocalDate issuedOn, LocalDate validUntil) {
    }

    /** A student the application is about, with the name the journal had for them at registration. */
    record StudentRef(String studentId, String lastName, String firstName, String middleName) {

        String fullName() {
            return lastName + " " + firstName + (middleName == null ? "" : " " + middleName);
        }
    }

    record Period(LocalDate from, LocalDate to) {
    }

    record Paper(String title, Integer pages) {
    }

    /**
     * @param grounds     refusal ground codes; empty for a grant
     * @param groundTexts the grounds' texts as they read when the decision was made (the notice must not change when
     *                    the configured wording does)
     * @param consentIds  the consents a grant relied on
     * @param onTime      decided no later than the due date
     */
    record Decision(Instant decidedAt, String decidedBy, LocalDate decisionDay, List<String> grounds,
            List<String> groundTexts, String text, List<String> consentIds, boolean onTime) {
    }

    record Termination(Instant terminatedAt, String terminatedBy, TerminationReason reason, String note,
            String consentId, String terminationApplicationId) {
    }

    /** A transition the application's state does not allow; nothing was changed. */
    static final class TransitionRefused extends RuntimeException {

        final String slug;

        TransitionRefused(String slug, String message) {
            super(message);
            this.slug = slug;
        }
    }

    static Application register(String id, String schoolId, String registrationNumber, Kind kind, Applicant applicant,
            List<StudentRef> students, Period extractPeriod, String terminatesApplicationId, List<Paper> documents,
            Instant receivedAt, LocalDate registrationDue, LocalDate decisionDue, boolean registeredOnTime,
            Instant now, String actor) {
        Application a = new Application();
        a.id = id;
        a.schoolId = schoolId;
        a.registrationNumber = registrationNumber;
        a.kind = kind;
        a.applicant = applicant;
        a.students = new ArrayList<>(students);
        a.extractPeriod = extractPeriod;
        a.terminatesApplicationId = terminatesApplicationId;
        a.documents = new ArrayList<>(documents);
        a.receivedAt = receivedAt;
        a.registeredAt = now;
        a.registeredBy = actor;
        a.registrationDue = registrationDue.toString();
        a.decisionDue = decisionDue.toString();
        a.state = State.RECEIVED;
        a.revision = 1;
        a.history.add(new AuditEntry(now, actor, "REGISTERED", "№ " + registrationNumber + ", " + kind
                + (registeredOnTime ? "" : ", registered after the due date " + registrationDue)));
        a.recordEvent(RECEIVED, id, id, now, new ApplicationReceived(id, schoolId, registrationNumber, kind.name(),
                applicant.relation().name(), applicant.fullName(), applicant.email(), a.studentIds(), receivedAt, now,
                actor, decisionDue, extractPeriod, a.revision));
        return a;
    }

    void grant(List<String> consentIds, String note, LocalDate decisionDay, Instant now, String actor) {
        requireUndecided("grant");
        boolean onTime = !decisionDay.isAfter(decisionDue());
        decision = new Decision(now, actor, decisionDay, List.of(), List.of(), note, List.copyOf(consentIds), onTime);
        state = State.GRANTED;
        revision++;
        history.add(new AuditEntry(now, actor, "GRANTED", note));
        recordEvent(GRANTED, id, id, now, new ApplicationGranted(id, schoolId, registrationNumber, kind.name(),
                applicant.relation().name(), applicant.fullName(), applicant.email(), studentIds(), consentIds, now,
                actor, onTime, extractPeriod, revision));
    }

    void refuse(List<String> grounds, List<String> groundTexts, String text, String noticeUrl, LocalDate decisionDay,
            Instant now, String actor) {
        requireUndecided("refuse");
        boolean onTime = !decisionDay.isAfter(decisionDue());
        decision = new Decision(now, actor, decisionDay, List.copyOf(grounds), List.copyOf(groundTexts), text,
                List.of(), onTime);
        state = State.REFUSED;
        revision++;
        history.add(new AuditEntry(now, actor, "REFUSED", String.join(", ", grounds)
                + (text == null ? "" : ": " + text)));
        recordEvent(REFUSED, id, id, now, new ApplicationRefused(id, schoolId, registrationNumber, kind.name(),
                applicant.fullName(), applicant.email(), studentIds(), grounds, now, actor, noticeUrl, decisionDue(),
                onTime, revision));
    }

    /** False when the service was already terminated (a repeated request or event); refused unless granted. */
    boolean terminate(TerminationReason reason, String note, String consentId, String terminationApplicationId,
            Instant now, String actor) {
        if (state == State.TERMINATED) {
            return false;
        }
        if (state != State.GRANTED) {
            throw new TransitionRefused("application-not-granted", "application " + registrationNumber + " is "
                    + state + "; only a granted service can be terminated");
        }
        if (kind != Kind.ELECTRONIC_DIARY) {
            throw new TransitionRefused("application-not-terminable", "application " + registrationNumber
                    + " was a one-off " + kind + "; only the service in the form of the electronic diary runs on");
        }
        termination = new Termination(now, actor, reason, note, consentId, terminationApplicationId);
        state = State.TERMINATED;
        revision++;
        history.add(new AuditEntry(now, actor, "TERMINATED", reason + (note == null ? "" : ": " + note)));
        recordEvent(TERMINATED, id, id, now, new ApplicationTerminated(id, schoolId, registrationNumber,
                applicant.fullName(), applicant.email(), studentIds(), reason.name(), consentId,
                terminationApplicationId, now, actor, revision));
        return true;
    }

    /**
     * Records that the decision is due soon or overdue, once per stage, with its event: the notice and its event are
     * one write, so a restarted or second instance neither repeats nor misses it.
     */
    boolean noteDeadline(Deadline deadline, Instant now) {
        if (state != State.RECEIVED || deadline.stage() == Deadline.Stage.ON_TIME) {
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
        history.add(new AuditEntry(now, "system:deadlines", deadline.stage().name(),
                "decision due " + decisionDue));
        recordEvent(DECISION_OVERDUE, id, id, now, new DecisionOverdue(id, schoolId, registrationNumber, receivedAt,
                decisionDue(), deadline.stage().name(), deadline.workingDaysLeft(), now, revision));
        return true;
    }

    private void requireUndecided(String what) {
        if (state != State.RECEIVED) {
            throw new TransitionRefused("application-already-decided", "cannot " + what + " application "
                    + registrationNumber + ": it is already " + state + " (decided " + decision.decidedAt()
                    + " by " + decision.decidedBy() + ")");
        }
    }

    List<String> studentIds() {
        return students.stream().map(StudentRef::studentId).toList();
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

    Kind kind() {
        return kind;
    }

    Applicant applicant() {
        return applicant;
    }

    List<StudentRef> students() {
        return List.copyOf(students);
    }

    Period extractPeriod() {
        return extractPeriod;
    }

    String terminatesApplicationId() {
        return terminatesApplicationId;
    }

    List<Paper> documents() {
        return List.copyOf(documents);
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

    LocalDate decisionDue() {
        return LocalDate.parse(decisionDue);
    }

    State state() {
        return state;
    }

    Decision decision() {
        return decision;
    }

    Termination termination() {
        return termination;
    }

    Instant dueSoonNoticeAt() {
        return dueSoonNoticeAt;
    }

    Instant overdueNoticeAt() {
        return overdueNoticeAt;
    }

    int revision() {
        return revision;
    }

    List<AuditEntry> history() {
        return List.copyOf(history);
    }

    /**
     * Data of {@code applications.application.received.v1}. applicantName and contactEmail: notification confirms
     * the registration to the applicant. extractPeriod: only for a paper extract (null, so absent, otherwise).
     */
    record ApplicationReceived(String applicationId, String schoolId, String registrationNumber, String kind,
            String applicantKind, String applicantName, String contactEmail, List<String> studentIds,
            Instant receivedAt, Instant registeredAt, String registeredBy, LocalDate decisionDue, Period extractPeriod,
            int version) {
    }

    /**
     * Data of {@code applications.application.granted.v1}. applicantName and contactEmail: notification tells the
     * applicant, and the account for the electronic diary is issued to that e-mail. extractPeriod: only for a paper
     * extract, the period diary-service renders the extract for.
     */
    record ApplicationGranted(String applicationId, String schoolId, String registrationNumber, String kind,
            String applicantKind, String applicantName, String contactEmail, List<String> studentIds,
            List<String> consentIds, Instant decidedAt, String decidedBy, boolean onTime, Period extractPeriod,
            int version) {
    }

    /**
     * Data of {@code applications.application.refused.v1}. applicantName and contactEmail: notification sends the
     * written refusal notice, which it fetches from noticeUrl.
     */
    record ApplicationRefused(String applicationId, String schoolId, String registrationNumber, String kind,
            String applicantName, String contactEmail, List<String> studentIds, List<String> grounds,
            Instant decidedAt, String decidedBy, String noticeUrl, LocalDate decisionDue, boolean onTime,
            int version) {
    }

    /**
     * Data of {@code applications.application.terminated.v1}. applicantName and contactEmail: notification tells
     * the applicant that the service ended and why.
     */
    record ApplicationTerminated(String applicationId, String schoolId, String registrationNumber,
            String applicantName, String contactEmail, List<String> studentIds, String reason, String consentId,
            String terminationApplicationId, Instant terminatedAt, String terminatedBy, int version) {
    }

    /** Data of {@code applications.decision.overdue.v1}: ids only, for the school and monitoring. */
    record DecisionOverdue(String applicationId, String schoolId, String registrationNumber, Instant receivedAt,
            LocalDate decisionDue, String stage, int workingDaysLeft, Instant detectedAt, int version) {
    }
}
