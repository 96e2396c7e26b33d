package ru.eshkola.journal.lessons;

record AbsenceInput(String studentId, AbsenceReason reason) {
}
