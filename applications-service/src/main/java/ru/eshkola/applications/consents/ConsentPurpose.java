package ru.eshkola.applications.consents;

/** What personal data may be processed for (152-ФЗ art. 9: a consent names its purposes). */
public enum ConsentPurpose {
    /** providing information on current performance in the form of the electronic diary and journal */
    DIARY_AND_JOURNAL,
    /** providing information as a paper extract from the class journal */
    PAPER_EXTRACT,
    /** e-mail notices (credentials, decisions, maintenance) */
    EMAIL_NOTICES
}
