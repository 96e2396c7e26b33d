package ru.eshkola.journal.lessons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A student's absence from a lesson, with every earlier state; immutable like {@link GradeEntry}.
 *
 * @param enteredAt the first entry, kept through corrections (absences are due on the day)
 */
record AbsenceEntry(String absenceId, String studentId, AbsenceReason reason, boolean active, Instant enteredAt,
        String enteredBy, int version, Instant changedAt, String changedBy, List<Correction> corrections) {

    static AbsenceEntry first(String absenceId, AbsenceInput input, Instant now, String actor) {
        return new AbsenceEntry(absenceId, input.studentId(), input.reason(), true, now, actor, 1, now, actor,
                List.of());
    }

    AbsenceEntry corrected(AbsenceReason next, String why, Instant now, String actor) {
        return new AbsenceEntry(absenceId, studentId, next, true, enteredAt, enteredBy, version + 1, now, actor,
                plus(new Correction(version, reason, active, changedAt, changedBy, why)));
    }

    AbsenceEntry withdrawn(String why, Instant now, String actor) {
        return new AbsenceEntry(absenceId, studentId, reason, false, enteredAt, enteredBy, version + 1, now, actor,
                plus(new Correction(version, reason, true, changedAt, changedBy, why)));
    }

    String lastReason() {
        return corrections.isEmpty() ? null : corrections.getLast().why();
    }

    private List<Correction> plus(Correction correction) {
        List<Correction> all = new ArrayList<>(corrections);
        all.add(correction);
        return List.copyOf(all);
    }

    /** A replaced state; {@code why} is the reason of the change that replaced it. */
    record Correction(int version, AbsenceReason reason, boolean active, Instant since, String by, String why) {
    }
}
