package ru.eshkola.applications.roster;

import java.util.Set;

/**
 * In-process event: a staff member's record as the journal now has it (raised again on a redelivery, so listeners
 * must be idempotent).
 *
 * @param staffId    the journal's id
 * @param schoolId   their school
 * @param externalId the school's own number for them (asked when they activate their account)
 * @param email      work e-mail, the account's login; may be null
 * @param roles      TEACHER and/or SCHOOL_ADMINISTRATOR
 * @param active     false once they left the school
 */
public record StaffMemberChanged(String staffId, String schoolId, String externalId, String lastName,
        String firstName, String middleName, String email, Set<String> roles, boolean active) {

    public String displayName() {
        return Roster.fullName(lastName, firstName, middleName);
    }
}
