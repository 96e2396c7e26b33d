package ru.eshkola.journal.access;

import java.util.List;
import java.util.Optional;

/**
 * The journal's own data the access rules read, provided by the features that own it (schools, classes): the rules
 * live here, the data stays where it is, and no feature depends on another in a cycle.
 */
public interface JournalDirectory {

    /** The municipality a school belongs to, if the school exists. */
    interface Schools {

        Optional<String> municipalityOf(String schoolId);
    }

    /** Classes and the students' places in them. */
    interface Classes {

        Optional<ClassScope> classScope(String classId);

        /** Every enrolment of the student, in any class of any school. */
        List<Placement> placementsOf(String studentId);
    }
}
