package ru.eshkola.journal.staff;

/** What a staff member does at their school. */
public enum StaffRole {
    TEACHER, SCHOOL_ADMINISTRATOR
}
