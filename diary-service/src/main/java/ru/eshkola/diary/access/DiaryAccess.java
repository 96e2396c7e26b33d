package ru.eshkola.diary.access;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.security.Roles;

/**
 * Who may read a student's diary, decided on every read and recorded in the access audit either way:
 * <ul>
 * <li>a GUARDIAN with active access to that student (from {@code applications.access.*}; the token's
 * {@code students} claim alone is not enough, access may have been revoked since it was issued);</li>
 * <li>a STUDENT, only themselves (their own id in the {@code students} claim);</li>
 * <li>a SCHOOL_ADMINISTRATOR of the student's school, only for the journal extracts.</li>
 * </ul>
 * Anything else is a 403 problem; the attempt is logged (ids only) and counted. A blocked account never gets here:
 * its tokens are refused by the kit's {@code TokenRevocations}.
 */
@Component
public class DiaryAccess {

    private static final Logger log = LoggerFactory.getLogger(DiaryAccess.class);

    private final AccessGrants grants;
    private final AccessAudit audit;
    private final MeterRegistry meters;
    private final Clock clock;

    DiaryAccess(AccessGrants grants, AccessAudit audit, MeterRegistry meters, Clock clock) {
        this.grants = grants;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
    }

    /** Lets a guardian with active access or the student themselves read the diary; records the read. */
    public Reader requireReader(Caller caller, String studentId, String view, String what,
            HttpServletRequest request) {
        String role = readerRole(caller, studentId);
        if (role == null) {
            throw deny(caller, studentId, view, what, request, "no-access");
        }
        allow(caller, role, studentId, view, what, request);
        return new Reader(caller.accountId(), role);
    }

    /** Lets the administrator of the school read a journal extract of one of its students; records the read. */
    public void requireSchoolAdministrator(Caller caller, String schoolId, String studentId, String what,
            HttpServletRequest request) {
        if (!caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) || !caller.administers(schoolId)) {
            throw deny(caller, studentId, "extract", what, request, "not-school-administrator");
        }
        allow(caller, Roles.SCHOOL_ADMINISTRATOR, studentId, "extract", what, request);
    }

    /** In which capacity the caller may read the student's diary, or null. */
    private String readerRole(Caller caller, String studentId) {
        if (caller.hasRole(Roles.GUARDIAN) && grants.isActive(caller.accountId(), studentId)) {
            return Roles.GUARDIAN;
        }
        if (caller.hasRole(Roles.STUDENT) && caller.hasStudent(studentId)) {
            return Roles.STUDENT;
        }
        return null;
    }

    /** A reader's identity as a live stream keeps it. */
    public record Reader(String accountId, String role) {
    }

    private void allow(Caller caller, String role, String studentId, String view, String what,
            HttpServletRequest request) {
        meters.counter("eshkola.diary.reads", "view", view).increment();
        audit.record(new AuditEntry(EventIds.next(), caller.accountId(), role, studentId, what, clock.instant(),
                request.getRemoteAddr(), "ALLOWED"));
    }

    private ProblemException deny(Caller caller, String studentId, String view, String what,
            HttpServletRequest request, String reason) {
        meters.counter("eshkola.diary.reads.denied", "view", view, "reason", reason).increment();
        log.warn("diary read denied: view={} reason={} account={} student={} from={}", view, reason,
                caller.accountId(), studentId, request.getRemoteAddr());
        audit.record(new AuditEntry(EventIds.next(), caller.accountId(), String.join(",", caller.roles()), studentId,
                what, clock.instant(), request.getRemoteAddr(), "DENIED"));
        return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "this account may not read this student's diary", List.of());
    }
}
