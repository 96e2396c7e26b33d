package ru.eshkola.journal.lessons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One grade of one student in a lesson (one per kind of work), with every earlier state. Immutable: a change makes
 * a new entry whose history holds the replaced state.
 *
 * @param gradeId     studentId:kind, stable within the lesson
 * @param state       the current value, or the last value when withdrawn
 * @param active      false once withdrawn
 * @param enteredAt   the first entry, kept through corrections (the 5-day deadline is judged on it)
 * @param corrections the replaced states, oldest first
 */
record GradeEntry(String gradeId, String studentId, State state, boolean active, Instant enteredAt, String enteredBy,
        int version, Instant changedAt, String changedBy, List<Correction> corrections) {

    static GradeEntry first(String gradeId, GradeInput input, Instant now, String actor) {
        return new GradeEntry(gradeId, input.studentId(), State.of(input), true, now, actor, 1, now, actor,
                List.of());
    }

    GradeEntry corrected(GradeInput input, String reason, Instant now, String actor) {
        return new GradeEntry(gradeId, studentId, State.of(input), true, enteredAt, enteredBy, version + 1, now, actor,
                plus(new Correction(version, state, active, changedAt, changedBy, reason)));
    }

    GradeEntry withdrawn(String reason, Instant now, String actor) {
        return new GradeEntry(gradeId, studentId, state, false, enteredAt, enteredBy, version + 1, now, actor,
                plus(new Correction(version, state, true, changedAt, changedBy, reason)));
    }

    boolean sameAs(GradeInput input) {
        return state.equals(State.of(input));
    }

    GradeInput input() {
        return new GradeInput(studentId, state.value(), state.numeric(), state.scale(), state.weight(), state.kind(),
                state.comment());
    }

    /** The reason given with the latest change; it is stored on the correction that change made. */
    String lastReason() {
        return corrections.isEmpty() ? null : corrections.getLast().reason();
    }

    private List<Correction> plus(Correction correction) {
        List<Correction> all = new ArrayList<>(corrections);
        all.add(correction);
        return List.copyOf(all);
    }

    /** A grade's value as entered. */
    record State(String value, Double numeric, String scale, double weight, GradeKind kind, String comment) {

        static State of(GradeInput input) {
            return new State(input.value(), input.numeric(), input.scale(), input.weight(), input.kind(),
                    input.comment());
        }
    }

    /**
     * A replaced state: what the grade was in {@code version}, until a change by {@code changedBy} for
     * {@code reason} (the reason belongs to the change that replaced it).
     */
    record Correction(int version, State state, boolean active, Instant since, String by, String reason) {
    }
}
