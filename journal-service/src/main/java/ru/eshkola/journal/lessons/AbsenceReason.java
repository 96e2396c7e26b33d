package ru.eshkola.journal.lessons;

/** Why a student missed a lesson, with the letter the paper journal uses. */
public enum AbsenceReason {
    ILLNESS("Б"), VALID("У"), UNEXCUSED("Н");

    final String code;

    AbsenceReason(String code) {
        this.code = code;
    }
}
