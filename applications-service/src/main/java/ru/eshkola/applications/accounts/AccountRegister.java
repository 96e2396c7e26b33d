package ru.eshkola.applications.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ru.eshkola.applications.registers.Paging;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.applications.roster.StaffMemberChanged;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;

/**
 * The register of accounts: issuing them on a granted application, from the journal's staff and to operators;
 * activation; blocking. Sign-in asks it to check credentials.
 */
@Service
public class AccountRegister {

    static final Set<String> OPERATOR_ROLES = Set.of("MUNICIPAL_OPERATOR", "REGIONAL_OPERATOR");
    private static final Logger log = LoggerFactory.getLogger(AccountRegister.class);

    private final Accounts accounts;
    private final MongoTemplate mongo;
    private final Secrets secrets;
    private final Roster roster;
    private final AccountSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** LOCAL DEMO ONLY: the hash of the shared staff password, computed once; null when it is not set */
    private final String demoStaffPasswordHash;

    AccountRegister(Accounts accounts, MongoTemplate mongo, Secrets secrets, Roster roster, AccountSettings settings,
            BootstrapSettings bootstrap, ApplicationEventPublisher publisher, Clock clock) {
        this.accounts = accounts;
        this.mongo = mongo;
        this.secrets = secrets;
        this.roster = roster;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
        if (bootstrap.demoStaff()) {
            if (bootstrap.demoStaffPassword().length() < settings.minPasswordLength()) {
                throw new IllegalStateException("ESHKOLA_DEMO_STAFF_PASSWORD must have at least "
                        + settings.minPasswordLength() + " characters");
            }
            // one hash for every demo account: they share one known password anyway, and 250 Argon2 runs would
            // hold up the roster consumer for many seconds
            this.demoStaffPasswordHash = secrets.hashPassword(bootstrap.demoStaffPassword());
        } else {
            this.demoStaffPasswordHash = null;
        }
    }

    /**
     * What sign-in needs of an account to issue tokens.
     *
     * @param students      students whose diary the account may read (as guardian or as the student)
     * @param staffIds      the journal's staff records the account holds
     * @param schools       schools where it holds a staff role
     * @param adminSchools  schools it administers
     */
    public record AccountInfo(String id, String login, String name, String state, Set<String> roles,
            Set<String> students, Set<String> staffIds, Set<String> schools, Set<String> adminSchools,
            String municipalityId, String regionId, Instant tokensValidAfter) {

        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    /** Outcome of a credentials check. */
    public sealed interface SignInCheck {
        record Valid(AccountInfo account) implements SignInCheck {
        }

        /** unknown login, wrong password or no password set yet: told apart from nothing, to no one */
        record Invalid() implements SignInCheck {
        }

        /** the right password of a blocked account */
        record Blocked(AccountInfo account, String reason) implements SignInCheck {
        }
    }

    public SignInCheck checkCredentials(String login, String password) {
        Optional<Account> account = accounts.findByLogin(normalize(login));
        String hash = account.map(Account::passwordHash).orElse(null);
        if (!secrets.matches(password, hash)) {
            return new SignInCheck.Invalid();
        }
        Account a = account.get();
        if (a.state() == Account.State.BLOCKED) {
            return new SignInCheck.Blocked(info(a), a.block().reason());
        }
        return new SignInCheck.Valid(info(a));
    }

    public Optional<AccountInfo> find(String accountId) {
        return accounts.findById(accountId).map(this::info);
    }

    public void changePassword(String accountId, String currentPassword, String newPassword) {
        Account account = get(accountId);
        if (!secrets.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "is not the account's password");
        }
        checkPassword(account, newPassword, "newPassword");
        account.changePassword(secrets.hashPassword(newPassword), clock.instant());
        accounts.save(account);
    }

    /** Account for a granted application (from applications.application.granted.v1), idempotent. */
    void applicationGranted(AccountConsumers.ApplicationGranted granted) {
        Instant now = clock.instant();
        String login = normalize(granted.contactEmail());
        Account account = accounts.findByLogin(login)
                .orElseGet(() -> Account.open(EventIds.next(), login, login, granted.applicantName(), now));
        ZoneId zone = roster.school(granted.schoolId()).map(Roster.SchoolInfo::timeZone).orElse(ZoneOffset.UTC);
        Instant decidedAt = granted.decidedAt() != null ? granted.decidedAt() : now;
        boolean added = account.grantAccess(granted.applicationId(), granted.schoolId(), granted.studentIds(),
                "STUDENT".equals(granted.applicantKind()) ? Account.Relation.SELF : Account.Relation.GUARDIAN,
                decidedAt.atZone(zone).toLocalDate(), now, granted.decidedBy());
        boolean issue = account.isNew() || (added && account.state() == Account.State.BLOCKED)
                || account.activationExpired(now);
        if (issue) {
            issue(account, granted.registrationNumber(), "the registration number of your application", now,
                    granted.decidedBy());
        }
        if (added || issue) {
            accounts.save(account);
        }
    }

    /** Access ends with the service (from applications.application.terminated.v1), idempotent. */
    void applicationTerminated(AccountConsumers.ApplicationTerminated terminated) {
        Instant now = clock.instant();
        ZoneId zone = roster.school(terminated.schoolId()).map(Roster.SchoolInfo::timeZone).orElse(ZoneOffset.UTC);
        LocalDate lastDay = (terminated.terminatedAt() != null ? terminated.terminatedAt() : now).atZone(zone)
                .toLocalDate();
        String actor = terminated.terminatedBy() == null ? "system:termination" : terminated.terminatedBy();
        for (Account account : accounts.findByAccessApplicationId(terminated.applicationId())) {
            boolean revoked = account.revokeAccess(terminated.applicationId(), terminated.reason(), lastDay, now,
                    actor);
            boolean blocked = revoked && !account.hasBasis()
                    && account.block("SERVICE_TERMINATED", terminated.reason(), now, actor);
            if (revoked) {
                accounts.save(account);
            }
            if (blocked) {
                publisher.publishEvent(new AccountBlocked(account.id(), now));
            }
        }
    }

    /** Staff accounts follow the journal's staff records: one per work e-mail, blocked when nothing is left. */
    @EventListener
    void staffChanged(StaffMemberChanged staff) {
        Instant now = clock.instant();
        String target = staff.active() && staff.email() != null && !staff.email().isBlank() && !staff.roles().isEmpty()
                ? normalize(staff.email()) : null;
        for (Account holder : accounts.findByStaffStaffId(staff.staffId())) {
            if (!holder.login().equals(target) && holder.removeStaff(staff.staffId(), now)) {
                // the record moved to another login when the work e-mail changed; otherwise the person left
                String reason = staff.active() && target != null ? "STAFF_LOGIN_CHANGED" : "STAFF_LEFT";
                boolean blocked = !holder.hasBasis()
                        && holder.block(reason, "staff " + staff.staffId(), now, "system:journal");
                accounts.save(holder);
                if (blocked) {
                    publisher.publishEvent(new AccountBlocked(holder.id(), now));
                }
            }
        }
        if (target == null) {
            return;
        }
        Account account = accounts.findByLogin(target)
                .orElseGet(() -> Account.open(EventIds.next(), target, target, staff.displayName(), now));
        boolean added = account.putStaff(new Account.StaffRole(staff.staffId(), staff.schoolId(), staff.externalId(),
                staff.roles()), now);
        if (account.isNew() || (added && account.state() == Account.State.BLOCKED)) {
            issue(account, staff.externalId(), "your staff number at the school", now, "system:journal");
            if (demoStaffPasswordHash != null) {
                account.activate(demoStaffPasswordHash, now, "system:demo", "the local demo's staff password");
            }
        }
        accounts.save(account);
    }

    /**
     * LOCAL DEMO ONLY ({@code ESHKOLA_DEMO_STAFF_PASSWORD}): staff accounts issued before the demo password was set
     * and still waiting for activation are made active with it. Returns how many.
     */
    int activatePendingStaff() {
        if (demoStaffPasswordHash == null) {
            return 0;
        }
        Instant now = clock.instant();
        int activated = 0;
        for (Account account : mongo.find(Query.query(Criteria.where("state").is(Account.State.PENDING_ACTIVATION)
                .and("staff.0").exists(true)), Account.class)) {
            account.activate(demoStaffPasswordHash, now, "system:demo", "the local demo's staff password");
            accounts.save(account);
            activated++;
        }
        return activated;
    }

    /**
     * The platform's first operator ({@code ESHKOLA_BOOTSTRAP_OPERATOR_*}): a regional operator of the region, active
     * with the given password. Idempotent: an existing account keeps its id and gets the role, activation or
     * password it lacks; an account in order is left alone. Returns the account id.
     */
    String bootstrapOperator(String login, String password, String regionId) {
        Instant now = clock.instant();
        String normalized = normalize(login);
        Account account = accounts.findByLogin(normalized)
                .orElseGet(() -> Account.open(EventIds.next(), normalized, normalized, "Региональный оператор", now));
        try {
            checkPassword(account, password, "password");
        } catch (ProblemException e) {
            throw new IllegalStateException("ESHKOLA_BOOTSTRAP_OPERATOR_PASSWORD is refused: " + e.getMessage());
        }
        boolean changed = false;
        Account.Operator operator = account.operator();
        if (operator == null || !"REGIONAL_OPERATOR".equals(operator.role())
                || !regionId.equals(operator.regionId())) {
            account.appointOperator(new Account.Operator("REGIONAL_OPERATOR", null, regionId, now,
                    "system:bootstrap"), now);
            changed = true;
        }
        if (account.state() != Account.State.ACTIVE) {
            // no applications.account.issued.v1: there is no activation link to mail (the password is the
            // environment's), and a platform-internal login need not be a deliverable address
            account.activateFromEnvironment(secrets.hashPassword(password), now, "system:bootstrap");
            changed = true;
        } else if (!secrets.matches(password, account.passwordHash())) {
            account.changePassword(secrets.hashPassword(password), now);
            changed = true;
        }
        if (changed) {
            try {
                accounts.save(account);
            } catch (DuplicateKeyException | OptimisticLockingFailureException anotherInstanceWasFaster) {
                return accounts.findByLogin(normalized).map(Account::id).orElseThrow(() -> anotherInstanceWasFaster);
            }
        }
        return account.id();
    }

    Account appointOperator(AccountController.AppointOperator request, String actor) {
        if (!OPERATOR_ROLES.contains(request.role())) {
            throw ProblemException.invalid("role", "must be one of " + new TreeSet<>(OPERATOR_ROLES));
        }
        if ("MUNICIPAL_OPERATOR".equals(request.role()) == (request.municipalityId() == null)) {
            throw ProblemException.invalid("municipalityId", "a municipal operator names the municipality, a "
                    + "regional one does not");
        }
        Instant now = clock.instant();
        String login = normalize(request.email());
        String name = Roster.fullName(request.lastName().strip(), request.firstName().strip(),
                request.middleName() == null ? null : request.middleName().strip());
        Account account = accounts.findByLogin(login)
                .orElseGet(() -> Account.open(EventIds.next(), login, login, name, now));
        boolean wasBasis = account.operator() != null;
        account.appointOperator(new Account.Operator(request.role(), request.municipalityId(), request.regionId(),
                now, actor), now);
        if (account.isNew() || (!wasBasis && account.state() == Account.State.BLOCKED)) {
            issue(account, null, null, now, actor);
        }
        return accounts.save(account);
    }

    Account block(String id, String note, String actor) {
        Account account = get(id);
        Instant now = clock.instant();
        if (!account.block("ON_REQUEST", note, now, actor)) {
            throw ProblemException.conflict("account-blocked", "account " + id + " is already blocked");
        }
        Account saved = accounts.save(account);
        publisher.publishEvent(new AccountBlocked(id, now));
        return saved;
    }

    /** The first sign-in: the activation link's token, what the link asks for, and the password the user chooses. */
    Account activate(String token, String verification, String password) {
        Instant now = clock.instant();
        Account account = accounts.findByActivationTokenHash(Secrets.sha256(token))
                .filter(a -> a.state() == Account.State.PENDING_ACTIVATION)
                .orElseThrow(() -> refused("activation-invalid",
                        "the activation link is unknown, used or void; ask the school for a new one"));
        if (account.activationExpired(now)) {
            throw refused("activation-expired", "the activation link expired at " + account.activation().expiresAt()
                    + "; ask the school for a new one");
        }
        String expected = account.activation().verificationHash();
        if (expected != null && (verification == null
                || !Secrets.sameHash(expected, Secrets.sha256(normalizeVerification(verification))))) {
            account.failedActivation(settings.activationMaxAttempts(), now);
            accounts.save(account);
            throw ProblemException.invalid("verification", "does not match " + account.activation()
                    .verificationHint());
        }
        checkPassword(account, password, "password");
        account.activate(secrets.hashPassword(password), now);
        return accounts.save(account);
    }

    private void issue(Account account, String verification, String hint, Instant now, String actor) {
        String token = Secrets.token();
        String url = settings.activationUrl() + (settings.activationUrl().contains("?") ? "&" : "?") + "token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        account.issue(Secrets.sha256(token), url, now.plus(settings.activationValidity()),
                verification == null ? null : Secrets.sha256(normalizeVerification(verification)), hint, now, actor);
        log.info("account {} issued, activation link valid for {}", account.id(), settings.activationValidity());
    }

    private void checkPassword(Account account, String password, String field) {
        if (password == null || password.length() < settings.minPasswordLength()) {
            throw ProblemException.invalid(field, "must have at least " + settings.minPasswordLength()
                    + " characters");
        }
        if (password.length() > 128) {
            throw ProblemException.invalid(field, "must have at most 128 characters");
        }
        String name = account.login().split("@")[0];
        if (name.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(name)) {
            throw ProblemException.invalid(field, "must not contain the login");
        }
    }

    Account get(String id) {
        return accounts.findById(id).orElseThrow(() -> ProblemException.notFound("account", id));
    }

    Page<Account> list(Query filter, Pageable page) {
        return Paging.page(mongo, filter, page, Account.class);
    }

    void each(Query filter, Consumer<Account> action) {
        Paging.each(mongo, filter, Sort.by("createdAt"), Account.class, action);
    }

    static Query filter(String schoolId, Account.State state) {
        Criteria criteria = new Criteria().orOperator(Criteria.where("access.schoolId").is(schoolId),
                Criteria.where("staff.schoolId").is(schoolId));
        if (state != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("state").is(state));
        }
        return Query.query(criteria);
    }

    AccountInfo info(Account a) {
        Set<String> students = new TreeSet<>();
        a.access().stream().filter(Account.Access::active).forEach(x -> students.add(x.studentId()));
        Set<String> staffIds = new TreeSet<>();
        Set<String> schools = new TreeSet<>();
        Set<String> adminSchools = new TreeSet<>();
        for (Account.StaffRole s : a.staff()) {
            staffIds.add(s.staffId());
            schools.add(s.schoolId());
            if (s.roles().contains("SCHOOL_ADMINISTRATOR")) {
                adminSchools.add(s.schoolId());
            }
        }
        Account.Operator op = a.operator();
        return new AccountInfo(a.id(), a.login(), a.name(), a.state().name(), a.roles(), students, staffIds, schools,
                adminSchools, op == null ? null : op.municipalityId(), op == null ? null : op.regionId(),
                a.tokensValidAfter());
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String normalizeVerification(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    private static ProblemException refused(String slug, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.of(slug), "Activation refused", detail,
                List.of(new FieldProblem("token", detail)));
    }
}
