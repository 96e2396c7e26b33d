package ru.eshkola.applications.roster;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The read model's documents, one collection per journal entity and each keyed by the journal's id, so that events
 * about different entities never wait for each other (an enrolment may arrive before its student). Dates are ISO
 * strings ({@code 2026-09-01}): they compare correctly as strings and mean the same day in every time zone.
 */
final class RosterDocuments {

    private RosterDocuments() {
    }

    @Document("roster_schools")
    record School(@Id String id, String code, String name, String shortName, String municipalityId,
            String municipalityName, String timeZone) {
    }

    @Document("roster_students")
    record Student(@Id String id, String externalId, String lastName, String firstName, String middleName,
            String birthDate, int version) {
    }

    @Document("roster_staff")
    record Staff(@Id String id, String schoolId, String externalId, String lastName, String firstName,
            String middleName, String email, List<String> roles, boolean active, int version) {
    }

    @Document("roster_classes")
    record SchoolClass(@Id String id, String schoolId, String schoolYear, String name, String classTeacherId,
            int version) {
    }

    @Document("roster_enrolments")
    record Enrolment(@Id String id, String classId, String schoolId, String studentId, String from, String to,
            String endReason, int version) {
    }

    @Document("roster_assignments")
    record Assignment(@Id String id, String classId, String schoolId, String subjectId, String teacherId,
            String from, String to, int version) {
    }
}
