package ru.eshkola.journal.lessons;

/** The kind of work a grade is for, with the weight it has unless the teacher sets another. */
public enum GradeKind {
    ORAL_ANSWER(1), HOMEWORK(1), DICTATION(1.5), PRACTICAL_WORK(1.5), WRITTEN_WORK(2), ESSAY(2), TEST(3), OTHER(1);

    final double defaultWeight;

    GradeKind(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }
}
