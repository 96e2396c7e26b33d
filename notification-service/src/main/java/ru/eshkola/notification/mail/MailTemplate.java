package ru.eshkola.notification.mail;

import java.util.Arrays;
import java.util.Optional;

import ru.eshkola.notification.preferences.Category;

/**
 * Every kind of mail the service sends. Each has three Thymeleaf templates under
 * {@code src/main/resources/templates/mail/}: {@code <name>.subject.txt}, {@code <name>.txt} (plain text part) and
 * {@code <name>.html} (HTML part), all Russian.
 */
public enum MailTemplate {

    CREDENTIALS("credentials", Category.CREDENTIALS, "Account issued: login and one-time activation link"),
    REFUSAL("refusal", Category.REFUSAL, "Refusal to provide the service, with grounds and the written notice"),
    TERMINATION("termination", Category.TERMINATION, "The service was terminated"),
    COMPLAINT_ANSWER("complaint-answer", Category.COMPLAINT_ANSWER, "The answer to a complaint"),
    MAINTENANCE_NOTICE("maintenance-notice", Category.MAINTENANCE, "Scheduled maintenance (профилактические работы)"),
    MAINTENANCE_REMINDER("maintenance-reminder", Category.MAINTENANCE, "Reminder shortly before maintenance"),
    MAINTENANCE_CANCELLED("maintenance-cancelled", Category.MAINTENANCE, "Announced maintenance was cancelled"),
    GRADE("grade", Category.GRADES, "A grade recorded, corrected or withdrawn (instant mode)"),
    ABSENCE("absence", Category.ABSENCES, "An absence recorded, corrected or withdrawn (instant mode)"),
    PERIOD_RESULT("period-result", Category.PERIOD_RESULTS, "A period result recorded or corrected (instant mode)"),
    /** Carries grades, absences and period results; each section links its own category's unsubscribe. */
    PROGRESS_DIGEST("progress-digest", Category.GRADES, "The day's grades, absences and period results (digest mode)"),
    VIOLATIONS_TEACHER("violations-teacher", Category.VIOLATIONS, "A teacher's data-entry deadline violations of the day"),
    VIOLATIONS_ADMINISTRATOR("violations-administrator", Category.VIOLATIONS,
            "All data-entry deadline violations of the school's day, to its administrators"),
    EXTRACT_READY("extract-ready", Category.EXTRACTS, "A paper extract (PDF) is ready, to the school's administrators");

    private final String templateName;
    private final Category category;
    private final String description;

    MailTemplate(String templateName, Category category, String description) {
        this.templateName = templateName;
        this.category = category;
        this.description = description;
    }

    public String templateName() {
        return templateName;
    }

    public Category category() {
        return category;
    }

    public String description() {
        return description;
    }

    public static Optional<MailTemplate> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.templateName.equals(name)).findFirst();
    }
}
