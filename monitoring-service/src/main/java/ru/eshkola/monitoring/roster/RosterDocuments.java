package ru.eshkola.monitoring.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The roster's documents, one collection per entity and keyed by the producer's id, so an enrolment arriving before
 * its class is kept. Dates are ISO strings: they compare correctly as strings and mean the same day everywhere.
 */
final class RosterDocuments {

    private RosterDocuments() {
    }

    @Document("roster_classes")
    record ClassDocument(@Id String id, @Indexed String schoolId, String schoolYear, int gradeLevel, String name,
            String classTeacherId, int version) {
    }

    @Document("roster_enrolments")
    record EnrolmentDocument(@Id String id, @Indexed String classId, @Indexed String schoolId, String studentId,
            String from, String to, int version) {
    }

    @Document("roster_assignments")
    record AssignmentDocument(@Id String id, @Indexed String classId, String schoolId, String subjectId,
            String teacherId, String group, String from, String to, int version) {
    }

    @Document("roster_access")
    record AccessDocument(@Id String id, String accountId, String studentId, @Indexed String schoolId,
            String applicationId, String relation, String from, String to, int version) {
    }
}
