package ru.eshkola.applications.registers;

/** Who a person is to the student: what entitles them to apply or to consent (REQUIREMENTS.md items 26–27). */
public enum Relation {
    PARENT,
    LEGAL_GUARDIAN,
    /** a representative acting under a power of attorney from a parent or legal guardian */
    REPRESENTATIVE,
    /** the student themselves, from age 14 */
    STUDENT
}
