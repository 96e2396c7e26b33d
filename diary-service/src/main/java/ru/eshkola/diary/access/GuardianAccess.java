package ru.eshkola.diary.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Whether an account may read a student's diary ({@code _id = <guardianAccountId>:<studentId>}): every grant for the
 * pair with its own version, so that a revocation is never undone by a late or redelivered grant, and a new grant
 * (a new application) opens access again.
 */
@Document("access")
class GuardianAccess {

    @Id
    String id;
    @Version
    Long revision;
    String guardianAccountId;
    String studentId;
    List<Grant> grants = new ArrayList<>();

    GuardianAccess() {
    }

    record Grant(String accessId, String schoolId, LocalDate from, LocalDate to, boolean revoked, long version) {

        boolean activeOn(LocalDate day) {
            return !revoked && !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    static String id(String guardianAccountId, String studentId) {
        return guardianAccountId + ":" + studentId;
    }

    static GuardianAccess of(String guardianAccountId, String studentId) {
        GuardianAccess access = new GuardianAccess();
        access.id = id(guardianAccountId, studentId);
        access.guardianAccountId = guardianAccountId;
        access.studentId = studentId;
        return access;
    }

    /** @return true when the grant changed */
    boolean apply(ApplicationsEvents.AccessChanged e, boolean revoked) {
        Grant grant = new Grant(e.accessId(), e.schoolId(), e.from(), e.to(), revoked, e.version());
        for (int i = 0; i < grants.size(); i++) {
            if (grants.get(i).accessId().equals(e.accessId())) {
                if (grants.get(i).version() >= e.version()) {
                    return false;
                }
                grants.set(i, grant);
                return true;
            }
        }
        grants.add(grant);
        return true;
    }

    boolean activeOn(LocalDate day) {
        return grants.stream().anyMatch(g -> g.activeOn(day));
    }
}
