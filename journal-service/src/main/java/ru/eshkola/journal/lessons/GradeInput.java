package ru.eshkola.journal.lessons;

/** A validated grade: the value is on the scale, the numeric value is the scale's. */
record GradeInput(String studentId, String value, Double numeric, String scale, double weight, GradeKind kind,
        String comment) {
}
