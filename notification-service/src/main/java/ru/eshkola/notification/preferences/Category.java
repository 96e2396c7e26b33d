package ru.eshkola.notification.preferences;

/**
 * What a mail is about, as a recipient chooses to receive it. Mandatory categories are notices the service owes the
 * user by regulation (credentials, decisions, complaint answers, maintenance): they cannot be unsubscribed.
 * Progress categories can come at once or in the daily digest.
 */
public enum Category {

    GRADES(false, true, "оценки"),
    ABSENCES(false, true, "пропуски уроков"),
    PERIOD_RESULTS(false, true, "итоговые оценки за учебный период"),
    VIOLATIONS(false, false, "нарушения сроков заполнения журнала"),
    EXTRACTS(false, false, "готовность выписок из журнала"),
    CREDENTIALS(true, false, "учётная запись и вход"),
    REFUSAL(true, false, "отказ в предоставлении услуги"),
    TERMINATION(true, false, "прекращение предоставления услуги"),
    COMPLAINT_ANSWER(true, false, "ответы на жалобы"),
    MAINTENANCE(true, false, "профилактические работы");

    private final boolean mandatory;
    private final boolean digestible;
    private final String russianName;

    Category(boolean mandatory, boolean digestible, String russianName) {
        this.mandatory = mandatory;
        this.digestible = digestible;
        this.russianName = russianName;
    }

    /** A notice the user cannot unsubscribe from. */
    public boolean mandatory() {
        return mandatory;
    }

    /** Can be collected into the daily digest instead of being sent at once. */
    public boolean digestible() {
        return digestible;
    }

    /** How pages and mails name the category to the user. */
    public String russianName() {
        return russianName;
    }
}
