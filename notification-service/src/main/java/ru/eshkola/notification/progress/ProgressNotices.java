package ru.eshkola.notification.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.digests.Digests;
import ru.eshkola.notification.mail.Freshness;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.Recipient;
import ru.eshkola.notification.mail.RussianDates;
import ru.eshkola.notification.preferences.Category;
import ru.eshkola.notification.preferences.DeliveryMode;
import ru.eshkola.notification.preferences.Preferences;
import ru.eshkola.notification.preferences.RecipientPreferences;
import ru.eshkola.notification.preferences.UnsubscribeLinks;

/**
 * Grades, absences and period results reach the accounts that may read the student's diary today — only while a
 * consent with the purpose EMAIL_NOTICES is in force for the student (152-ФЗ: a notice by e-mail is processing the
 * student's data for that purpose) — each as the recipient chose: at once, or in the daily digest (the default).
 */
@Service
class ProgressNotices {

    static final String DIGEST = "progress";
    static final String RECORDED = "RECORDED";
    static final String CORRECTED = "CORRECTED";
    static final String WITHDRAWN = "WITHDRAWN";

    private final Contacts contacts;
    private final Preferences preferences;
    private final UnsubscribeLinks links;
    private final MailQueue queue;
    private final Digests digests;
    private final Freshness freshness;
    private final Clock clock;
    private final MeterRegistry meters;

    ProgressNotices(Contacts contacts, Preferences preferences, UnsubscribeLinks links, MailQueue queue,
            Digests digests, Freshness freshness, Clock clock, MeterRegistry meters) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.links = links;
        this.queue = queue;
        this.digests = digests;
        this.freshness = freshness;
        this.clock = clock;
        this.meters = meters;
    }

    /** One change to report: the item for the digest and the model of the instant mail. */
    private record Change(Category category, MailTemplate template, String eventId, String type, String studentId,
            String schoolId, Instant happenedAt, String itemKey, int version, Map<String, Object> item) {
    }

    void grade(String eventId, String type, ProgressEvents.GradeChanged grade, String change) {
        notify(new Change(Category.GRADES, MailTemplate.GRADE, eventId, type, grade.studentId(), grade.schoolId(),
                grade.happenedAt(), "grade:" + grade.gradeId(), grade.version(), ProgressItems.map(
                        "category", Category.GRADES.name(), "change", change, "studentId", grade.studentId(),
                        "subjectId", grade.subjectId(), "schoolId", grade.schoolId(), "value", grade.value(),
                        "previousValue", grade.previousValue(), "lessonDate", grade.lessonDate().toString(),
                        "workKind", grade.kind(), "weight", ProgressTexts.weight(grade.weight()),
                        "reason", grade.reason())));
    }

    void absence(String eventId, String type, ProgressEvents.AbsenceChanged absence, String change) {
        notify(new Change(Category.ABSENCES, MailTemplate.ABSENCE, eventId, type, absence.studentId(),
                absence.schoolId(), absence.happenedAt(), "absence:" + absence.absenceId(), absence.version(),
                ProgressItems.map("category", Category.ABSENCES.name(), "change", change,
                        "studentId", absence.studentId(), "subjectId", absence.subjectId(),
                        "schoolId", absence.schoolId(), "lessonDate", absence.lessonDate().toString(),
                        "lessonNumber", absence.lessonNumber() == null ? null : absence.lessonNumber().toString(),
                        "reason", absence.reason())));
    }

    void periodResult(String eventId, String type, ProgressEvents.PeriodResultChanged result, String change) {
        notify(new Change(Category.PERIOD_RESULTS, MailTemplate.PERIOD_RESULT, eventId, type, result.studentId(),
                result.schoolId(), result.happenedAt(), "result:" + result.resultId(), result.version(),
                ProgressItems.map("category", Category.PERIOD_RESULTS.name(), "change", change,
                        "studentId", result.studentId(), "subjectId", result.subjectId(),
                        "schoolId", result.schoolId(), "periodKind", result.periodKind(),
                        "periodNumber", result.periodNumber(), "value", result.value(),
                        "previousValue", result.previousValue())));
    }

    private void notify(Change change) {
        if (freshness.tooOld(change.happenedAt(), change.type())) {
            return;
        }
        Optional<Contacts.Student> student = contacts.student(change.studentId());
        if (student.isEmpty() || !student.get().emailNotices()) {
            skipped(change, "no-consent");
            return;
        }
        ZoneId zone = contacts.zone(change.schoolId());
        Set<String> readers = student.get().readersOn(LocalDate.ofInstant(clock.instant(), zone));
        if (readers.isEmpty()) {
            skipped(change, "no-reader");
            return;
        }
        for (String accountId : readers) {
            RecipientPreferences chosen = preferences.of(accountId);
            if (!chosen.wants(change.category())) {
                skipped(change, "unsubscribed");
                continue;
            }
            if (chosen.mode(change.category()) == DeliveryMode.INSTANT) {
                Map<String, Object> model = ProgressItems.model(change.item(), contacts, student.get());
                links.url(accountId, change.category()).ifPresent(url -> model.put("unsubscribeUrl", url));
                queue.enqueue(new OutgoingMail(change.eventId(), change.template(), recipient(accountId), model));
            } else {
                digests.add(DIGEST, accountId, zone, chosen.digestHour(), change.happenedAt(), change.itemKey(),
                        change.version(), change.item());
            }
        }
    }

    private Recipient recipient(String accountId) {
        return contacts.account(accountId).map(Contacts.Account::recipient)
                .orElseGet(() -> new Recipient(accountId, null, null));
    }

    private void skipped(Change change, String reason) {
        meters.counter("eshkola.notification.events.skipped", "type", change.type(), "reason", reason).increment();
    }

    static String date(String iso) {
        return iso == null ? null : RussianDates.date(LocalDate.parse(iso));
    }
}
