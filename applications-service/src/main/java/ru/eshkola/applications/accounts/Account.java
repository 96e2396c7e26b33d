package ru.eshkola.applications.accounts;

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
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A user account, one per e-mail address (the login), with every basis it holds: access to students granted on
 * applications, staff roles from the journal, an operator role. Issued with a one-time activation link — the user
 * sets the password — and blocked when nothing is left to hold it by, or on request.
 *
 * <p>The password is kept only as an Argon2id hash, the activation token only as a SHA-256 hash; neither leaves this
 * document, neither is logged.
 */
@Document("accounts")
class Account extends OutboxAggregate {

    static final EventRoute ISSUED = new EventRoute("applications.account.issued.v1", "applications.accounts");
    static final EventRoute BLOCKED = new EventRoute("applications.account.blocked.v1", "applications.accounts");
    static final EventRoute ACCESS_GRANTED = new EventRoute("applications.access.granted.v1", "applications.access");
    static final EventRoute ACCESS_REVOKED = new EventRoute("applications.access.revoked.v1", "applications.access");

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed(unique = true)
    private String login;
    private String email;
    private String name;
    private State state;
    private String passwordHash;
    private Instant passwordSetAt;
    @Indexed(sparse = true)
    private String activationTokenHash;
    private Activation activation;
    private List<Access> access = new ArrayList<>();
    private List<StaffRole> staff = new ArrayList<>();
    private Operator operator;
    private Block block;
    /** tokens issued before this instant are void (set when the account is blocked) */
    private Instant tokensValidAfter;
    private Instant createdAt;
    private int revision;
    private List<AuditEntry> history = new ArrayList<>();

    Account() {
    }

    enum State {
        /** issued; the activation link is out, no password yet */
        PENDING_ACTIVATION,
        ACTIVE,
        /** annulled: cannot sign in, its tokens are void */
        BLOCKED
    }

    enum Relation {
        /** a parent, legal guardian or their representative reading a child's diary */
        GUARDIAN,
        /** a student aged 14+ reading their own diary */
        SELF
    }

    /**
     * The outstanding activation.
     *
     * @param verificationHash SHA-256 of what the activation also asks for (the application's registration number,
     *                         the staff number); null when the link alone activates (operators)
     * @param verificationHint what to enter, for the activation form
     */
    record Activation(Instant issuedAt, Instant expiresAt, String verificationHash, String verificationHint,
            int failedAttempts) {
    }

    /** Access to one student's diary, granted on an application; kept after it ends, for the trail. */
    record Access(String accessId, String studentId, String schoolId, String applicationId, Relation relation,
            LocalDate from, LocalDate to, String endReason, int version) {

        boolean active() {
            return to == null;
        }
    }

    record StaffRole(String staffId, String schoolId, String externalId, Set<String> roles) {
    }

    record Operator(String role, String municipalityId, String regionId, Instant since, String appointedBy) {
    }

    record Block(Instant blockedAt, String blockedBy, String reason, String note) {
    }

    static Account open(String id, String login, String email, String name, Instant now) {
        Account account = new Account();
        account.id = id;
        account.login = login;
        account.email = email;
        account.name = name;
        account.createdAt = now;
        return account;
    }

    boolean isNew() {
        return state == null;
    }

    /** Adds access to the students; true when anything was added (a redelivered grant adds nothing). */
    boolean grantAccess(String applicationId, String schoolId, List<String> studentIds, Relation relation,
            LocalDate from, Instant now, String actor) {
        boolean added = false;
        for (String studentId : studentIds) {
            String accessId = EventIds.fromKey("access", id, applicationId, studentId);
            if (access.stream().anyMatch(a -> a.accessId().equals(accessId))) {
                continue;
            }
            Access entry = new Access(accessId, studentId, schoolId, applicationId, relation, from, null, null, 1);
            access.add(entry);
            revision++;
            history.add(new AuditEntry(now, actor, "ACCESS_GRANTED", "student " + studentId + " on application "
                    + applicationId));
            recordEvent(ACCESS_GRANTED, studentId, accessId, now, accessData(entry, now));
            added = true;
        }
        return added;
    }

    /** Ends the access granted on the application; true when any was still open. */
    boolean revokeAccess(String applicationId, String reason, LocalDate to, Instant now, String actor) {
        boolean revoked = false;
        for (int i = 0; i < access.size(); i++) {
            Access a = access.get(i);
            if (a.applicationId().equals(applicationId) && a.active()) {
                Access ended = new Access(a.accessId(), a.studentId(), a.schoolId(), a.applicationId(), a.relation(),
                        a.from(), to.isBefore(a.from()) ? a.from() : to, reason, a.version() + 1);
                access.set(i, ended);
                revision++;
                history.add(new AuditEntry(now, actor, "ACCESS_REVOKED", "student " + a.studentId() + ": " + reason));
                recordEvent(ACCESS_REVOKED, a.studentId(), a.accessId(), now, accessData(ended, now));
                revoked = true;
            }
        }
        return revoked;
    }

    /** Adds or updates a staff role; true when the account did not hold this staff record before. */
    boolean putStaff(StaffRole role, Instant now) {
        boolean known = staff.removeIf(s -> s.staffId().equals(role.staffId()));
        staff.add(new StaffRole(role.staffId(), role.schoolId(), role.externalId(), new TreeSet<>(role.roles())));
        if (!known) {
            history.add(new AuditEntry(now, "system:journal", "STAFF_ROLE", role.roles() + " at school "
                    + role.schoolId()));
        }
        return !known;
    }

    boolean removeStaff(String staffId, Instant now) {
        boolean removed = staff.removeIf(s -> s.staffId().equals(staffId));
        if (removed) {
            history.add(new AuditEntry(now, "system:journal", "STAFF_ROLE_ENDED", "staff " + staffId));
        }
        return removed;
    }

    void appointOperator(Operator appointment, Instant now) {
        operator = appointment;
        history.add(new AuditEntry(now, appointment.appointedBy(), "OPERATOR", appointment.role()
                + (appointment.municipalityId() == null ? "" : " of " + appointment.municipalityId())
                + (appointment.regionId() == null ? "" : " of " + appointment.regionId())));
    }

    /** Anything left that entitles the account to exist: open access, a staff role, an operator role. */
    boolean hasBasis() {
        return access.stream().anyMatch(Access::active) || !staff.isEmpty() || operator != null;
    }

    /**
     * Issues (or re-issues) the account: a new activation link, the previous password void. The link — carrying the
     * token in clear — goes only into the event for notification to mail; the document keeps the token's hash.
     */
    void issue(String tokenHash, String activationUrl, Instant expiresAt, String verificationHash,
            String verificationHint, Instant now, String actor) {
        boolean reissue = state != null;
        state = State.PENDING_ACTIVATION;
        passwordHash = null;
        passwordSetAt = null;
        block = null;
        activationTokenHash = tokenHash;
        activation = new Activation(now, expiresAt, verificationHash, verificationHint, 0);
        revision++;
        history.add(new AuditEntry(now, actor, reissue ? "REISSUED" : "ISSUED", "activation link valid until "
                + expiresAt));
        recordEvent(ISSUED, id, id, now, new AccountIssued(id, login, email, name, roles().stream().toList(),
                activationUrl, expiresAt, verificationHint, reissue, now, revision));
    }

    boolean activationExpired(Instant now) {
        return state == State.PENDING_ACTIVATION && (activation == null || !now.isBefore(activation.expiresAt()));
    }

    void failedActivation(int maxAttempts, Instant now) {
        int attempts = activation.failedAttempts() + 1;
        if (attempts >= maxAttempts) {
            activationTokenHash = null;
            history.add(new AuditEntry(now, "system:activation", "ACTIVATION_VOID", attempts
                    + " wrong verifications; a new link must be issued"));
        }
        activation = new Activation(activation.issuedAt(), activation.expiresAt(), activation.verificationHash(),
                activation.verificationHint(), attempts);
    }

    void activate(String passwordHash, Instant now) {
        activate(passwordHash, now, id, "password set");
    }

    /** Active with this password; by someone else than the holder for the bootstrap operator and the local demo. */
    void activate(String passwordHash, Instant now, String actor, String detail) {
        this.passwordHash = passwordHash;
        passwordSetAt = now;
        state = State.ACTIVE;
        activationTokenHash = null;
        activation = null;
        history.add(new AuditEntry(now, actor, "ACTIVATED", detail));
    }

    /**
     * Active with a password the environment set (the bootstrap operator): no activation link, so no event either;
     * a blocked account of that login is active again.
     */
    void activateFromEnvironment(String passwordHash, Instant now, String actor) {
        boolean existed = state != null;
        state = State.ACTIVE;
        this.passwordHash = passwordHash;
        passwordSetAt = now;
        block = null;
        activationTokenHash = null;
        activation = null;
        revision++;
        history.add(new AuditEntry(now, actor, existed ? "REACTIVATED" : "ISSUED",
                "active with the password set by the environment"));
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        passwordSetAt = now;
        history.add(new AuditEntry(now, id, "PASSWORD_CHANGED", null));
    }

    /** Blocks the account and voids its tokens; false when it was blocked already. */
    boolean block(String reason, String note, Instant now, String actor) {
        if (state == State.BLOCKED) {
            return false;
        }
        state = State.BLOCKED;
        block = new Block(now, actor, reason, note);
        tokensValidAfter = now;
        activationTokenHash = null;
        activation = null;
        revision++;
        history.add(new AuditEntry(now, actor, "BLOCKED", reason + (note == null ? "" : ": " + note)));
        recordEvent(BLOCKED, id, id, now, new AccountBlocked(id, login, email, name, reason, now, actor, now,
                revision));
        return true;
    }

    /** The roles the account holds now. */
    Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        for (Access a : access) {
            if (a.active()) {
                roles.add(a.relation() == Relation.SELF ? "STUDENT" : "GUARDIAN");
            }
        }
        staff.forEach(s -> roles.addAll(s.roles()));
        if (operator != null) {
            roles.add(operator.role());
        }
        return roles;
    }

    private AccessData accessData(Access a, Instant now) {
        return new AccessData(a.accessId(), id, a.studentId(), a.schoolId(), a.applicationId(), a.relation().name(),
                a.from(), a.to(), a.endReason(), now, a.version());
    }

    String id() {
        return id;
    }

    String login() {
        return login;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    State state() {
        return state;
    }

    String passwordHash() {
        return passwordHash;
    }

    Instant passwordSetAt() {
        return passwordSetAt;
    }

    Activation activation() {
        return activation;
    }

    List<Access> access() {
        return List.copyOf(access);
    }

    List<StaffRole> staff() {
        return List.copyOf(staff);
    }

    Operator operator() {
        return operator;
    }

    Block block() {
        return block;
    }

    Instant tokensValidAfter() {
        return tokensValidAfter;
    }

    Instant createdAt() {
        return createdAt;
    }

    int revision() {
        return revision;
    }

    List<AuditEntry> history() {
        return List.copyOf(history);
    }

    /**
     * Data of {@code applications.account.issued.v1}. login, email, name and the one-time activation link:
     * notification sends the credentials mail. Never a password or a hash.
     */
    record AccountIssued(String accountId, String login, String email, String name, List<String> roles,
            String activationUrl, Instant activationExpiresAt, String verificationHint, boolean reissue,
            Instant issuedAt, int version) {
    }

    /**
     * Data of {@code applications.account.blocked.v1}. Services drop the account's tokens issued before
     * tokensInvalidBefore; login, email and name: notification tells the user.
     */
    record AccountBlocked(String accountId, String login, String email, String name, String reason, Instant blockedAt,
            String blockedBy, Instant tokensInvalidBefore, int version) {
    }

    /** Data of {@code applications.access.granted.v1} and {@code .revoked.v1}: ids only, for the diary. */
    record AccessData(String accessId, String guardianAccountId, String studentId, String schoolId,
            String applicationId, String relation, LocalDate from, LocalDate to, String reason, Instant changedAt,
            int version) {
    }
}
