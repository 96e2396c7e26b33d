package ru.eshkola.diary.access;

/** An account lost access to a student's diary: open live streams of that pair are closed at once. */
public record AccessRevoked(String guardianAccountId, String studentId) {
}
