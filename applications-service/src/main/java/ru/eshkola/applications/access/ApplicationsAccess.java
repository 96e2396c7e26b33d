package ru.eshkola.applications.access;

import java.util.Collection;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.security.AccessRules;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.security.Roles;

/**
 * Every access rule of this service, in one place. The coarse ones are path rules the kit applies before any
 * controller runs ({@link #pathRules()}): which roles may reach which part of the API at all. The fine ones are the
 * named methods below, which controllers call with the caller and what the request touches (the school of an entry,
 * the schools of an account), because only this service's data says which school an entry belongs to.
 *
 * <ul>
 * <li>A school's administrator registers, decides, lists and exports the applications, consents and complaints of
 * their school, and lists and blocks the accounts of their school.</li>
 * <li>A municipal operator reads (lists, exports, opens) the registers of the schools of their municipality, a
 * regional operator of this platform's region those of every school: read-only.</li>
 * <li>Only a regional operator of the region creates operators and manages the signing keys.</li>
 * <li>Guardians, students and teachers have no business with the registers: 403 on all of them.</li>
 * </ul>
 *
 * Every refusal here is a 403 problem and an audit entry ({@code DENIED}) naming the school it was about.
 */
@Component
public class ApplicationsAccess {

    private static final String[] REGISTER_ROLES = {Roles.SCHOOL_ADMINISTRATOR, Roles.MUNICIPAL_OPERATOR,
            Roles.REGIONAL_OPERATOR};

    private final Roster roster;
    private final AccessSettings settings;
    private final AuditLog audit;

    ApplicationsAccess(Roster roster, AccessSettings settings, AuditLog audit) {
        this.roster = roster;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * The path rules, between the kit's public paths and its closing "everything else needs a valid token". A
     * controller's own check still follows: these only keep whole roles away from whole parts of the API.
     */
    @Bean
    static AccessRules pathRules() {
        return rules -> rules
                // the sign-in point and what a verifier needs: open
                .requestMatchers(HttpMethod.POST, "/api/v1/signin", "/api/v1/signin/refresh", "/api/v1/signout",
                        "/api/v1/accounts/activation").permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json", "/.well-known/openid-configuration")
                .permitAll()
                // the wording of the regulation's refusal grounds: reference text, no personal data
                .requestMatchers(HttpMethod.GET, "/api/v1/applications/refusal-grounds").authenticated()
                .requestMatchers("/api/v1/operators/**", "/api/v1/signing-keys/**").hasRole(Roles.REGIONAL_OPERATOR)
                .requestMatchers("/api/v1/applications/**", "/api/v1/consents/**", "/api/v1/complaints/**",
                        "/api/v1/accounts/**").hasAnyRole(REGISTER_ROLES)
                // administrators search their school's audit; guardians and students the reads of their child
                .requestMatchers("/api/v1/audit/**").hasAnyRole(Roles.SCHOOL_ADMINISTRATOR, Roles.GUARDIAN,
                        Roles.STUDENT)
                .requestMatchers("/api/v1/me/**").authenticated();
    }

    /** Registers, decides on and withdraws entries of the school's registers: its administrator only. */
    public void requireAdministrator(Caller caller, String schoolId) {
        if (!administers(caller, schoolId)) {
            refuse(caller, schoolId, "only an administrator of school " + schoolId + " may change its registers");
        }
    }

    /**
     * Reads (opens, lists, exports) the school's registers, the written refusal notices included: its administrator;
     * read-only the municipal operator of its municipality and the regional operator of the region.
     */
    public void requireRegisterReader(Caller caller, String schoolId) {
        if (!readsRegisters(caller, schoolId)) {
            refuse(caller, schoolId, "not an administrator of school " + schoolId + " nor an operator of its "
                    + "territory");
        }
    }

    /**
     * Opens an account's register entry: whoever reads the registers of a school the account has access or a staff
     * role in (they see only what concerns the schools they read, see {@link #readsRegisters}); an operator's
     * account, the regional operator; and the account holder themselves.
     */
    public void requireAccountReader(Caller caller, String accountId, Collection<String> accountSchools,
            boolean operatorAccount) {
        boolean allowed = caller.accountId().equals(accountId)
                || accountSchools.stream().anyMatch(school -> readsRegisters(caller, school))
                || (operatorAccount && regionalOperator(caller));
        if (!allowed) {
            refuse(caller, first(accountSchools), "not an account of a school this caller may read");
        }
    }

    /** Whether the caller sees everything of an account, not only what concerns the schools they read. */
    public boolean seesWholeAccount(Caller caller, String accountId, Collection<String> accountSchools,
            boolean operatorAccount) {
        return caller.accountId().equals(accountId) || regionalOperator(caller)
                || (!operatorAccount && accountSchools.stream().allMatch(school -> readsRegisters(caller, school)));
    }

    /**
     * Blocks (annuls) an account: an administrator of a school the account has access or a staff role in — the
     * applicant asks their school, and the annulment ends the whole account, as they asked; an operator's account
     * (which no school owns), only the regional operator, who creates them.
     */
    public void requireAccountBlocker(Caller caller, Collection<String> accountSchools, boolean operatorAccount) {
        boolean allowed = operatorAccount ? regionalOperator(caller)
                : accountSchools.stream().anyMatch(school -> administers(caller, school));
        if (!allowed) {
            refuse(caller, first(accountSchools), operatorAccount ? "an operator's account is blocked by the "
                    + "regional operator" : "not an account of a school this caller administers");
        }
    }

    /**
     * Creates an operator: the regional operator of this platform's region, for that region only (a regional
     * operator of it, or a municipal operator of any of its municipalities).
     */
    public void requireOperatorAppointer(Caller caller, String requestedRegion) {
        if (!regionalOperator(caller)) {
            refuse(caller, null, "operators are created by the regional operator of region " + settings.region());
        }
        if (requestedRegion != null && !requestedRegion.equals(settings.region())) {
            refuse(caller, null, "this platform serves region " + settings.region());
        }
    }

    /** Lists and rotates the token signing keys: the regional operator of the region. */
    public void requireKeyManager(Caller caller) {
        if (!regionalOperator(caller)) {
            refuse(caller, null, "the signing keys are managed by the regional operator of region "
                    + settings.region());
        }
    }

    /**
     * Searches the audit: a school's administrator that of their school; a guardian or a student the reads of their
     * own child's (their own) data, by the student's id.
     */
    public void requireAuditReader(Caller caller, String schoolId, String studentId) {
        boolean allowed = (schoolId != null && administers(caller, schoolId))
                || (studentId != null && caller.hasStudent(studentId));
        if (!allowed) {
            refuse(caller, schoolId, "not an administrator of the school nor a guardian of the student");
        }
    }

    /** The region this platform serves. */
    public String region() {
        return settings.region();
    }

    public boolean administers(Caller caller, String schoolId) {
        return schoolId != null && caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) && caller.administers(schoolId);
    }

    public boolean readsRegisters(Caller caller, String schoolId) {
        if (schoolId == null) {
            return false;
        }
        if (administers(caller, schoolId) || regionalOperator(caller)) {
            return true;
        }
        return caller.hasRole(Roles.MUNICIPAL_OPERATOR) && roster.school(schoolId)
                .map(school -> caller.operatesInMunicipality(school.municipalityId())).orElse(false);
    }

    private boolean regionalOperator(Caller caller) {
        return caller.hasRole(Roles.REGIONAL_OPERATOR) && caller.operatesInRegion(settings.region());
    }

    private void refuse(Caller caller, String schoolId, String why) {
        audit.denied(caller, schoolId);
        throw new AccessDeniedException(why);
    }

    private static String first(Collection<String> schools) {
        return schools.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }
}
