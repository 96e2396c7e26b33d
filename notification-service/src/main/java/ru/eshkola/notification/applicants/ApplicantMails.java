package ru.eshkola.notification.applicants;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.mail.Freshness;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.Recipient;
import ru.eshkola.notification.mail.RussianDates;

/**
 * The mails the regulation owes applicants: the account's credentials (a one-time activation link, never a
 * password), the refusal notice, the confirmation of termination, the answer to a complaint. All mandatory. Each is
 * caused by one event, so its ce_id keys the message and a redelivery or replay queues nothing new.
 */
@Service
class ApplicantMails {

    private final Contacts contacts;
    private final MailQueue queue;
    private final Freshness freshness;
    private final ApplicantSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    ApplicantMails(Contacts contacts, MailQueue queue, Freshness freshness, ApplicantSettings settings, Clock clock,
            MeterRegistry meters) {
        this.contacts = contacts;
        this.queue = queue;
        this.freshness = freshness;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    void accountIssued(String eventId, String type, ApplicantEvents.AccountIssued account) {
        contacts.accountIssued(account.accountId(), account.email(), account.name(), account.roles(),
                account.version());
        if (freshness.tooOld(account.issuedAt(), type)) {
            return;
        }
        if (!account.activationExpiresAt().isAfter(clock.instant())) {
            meters.counter("eshkola.notification.events.skipped", "type", type, "reason", "link-expired").increment();
            return;
        }
        ZoneId zone = contacts.defaultZone();
        queue.enqueue(new OutgoingMail(eventId, MailTemplate.CREDENTIALS,
                new Recipient(account.accountId(), account.email(), account.name()), ApplicantTexts.map(
                        "recipientName", account.name(),
                        "login", account.login(),
                        "activationUrl", account.activationUrl(),
                        "activationExpires", RussianDates.dateTime(account.activationExpiresAt(), zone),
                        "verificationHint", ApplicantTexts.verificationHint(account.verificationHint()),
                        "reissue", account.reissue(),
                        "roles", ApplicantTexts.roles(account.roles()))));
    }

    void accountBlocked(ApplicantEvents.AccountBlocked account) {
        contacts.accountBlocked(account.accountId(), account.version());
    }

    void refused(String eventId, String type, ApplicantEvents.ApplicationRefused refusal) {
        if (freshness.tooOld(refusal.decidedAt(), type)) {
            return;
        }
        ZoneId zone = contacts.zone(refusal.schoolId());
        List<String> grounds = refusal.grounds().stream().map(code -> settings.refusalGrounds().getOrDefault(code,
                "иное основание (код " + code + "), изложенное в уведомлении об отказе")).toList();
        queue.enqueue(new OutgoingMail(eventId, MailTemplate.REFUSAL,
                new Recipient(null, refusal.contactEmail(), refusal.applicantName()), ApplicantTexts.map(
                        "recipientName", refusal.applicantName(),
                        "registrationNumber", refusal.registrationNumber(),
                        "schoolName", schoolName(refusal.schoolId()),
                        "decidedOn", RussianDates.date(refusal.decidedAt(), zone),
                        "grounds", grounds,
                        "noticeUrl", settings.applicationsPublicUrl().replaceAll("/+$", "") + refusal.noticeUrl())));
    }

    void terminated(String eventId, String type, ApplicantEvents.ApplicationTerminated termination) {
        if (freshness.tooOld(termination.terminatedAt(), type)) {
            return;
        }
        ZoneId zone = contacts.zone(termination.schoolId());
        queue.enqueue(new OutgoingMail(eventId, MailTemplate.TERMINATION,
                new Recipient(null, termination.contactEmail(), termination.applicantName()), ApplicantTexts.map(
                        "recipientName", termination.applicantName(),
                        "registrationNumber", termination.registrationNumber(),
                        "schoolName", schoolName(termination.schoolId()),
                        "terminatedOn", RussianDates.date(termination.terminatedAt(), zone),
                        "reason", ApplicantTexts.terminationReason(termination.reason()))));
    }

    void complaintAnswered(String eventId, String type, ApplicantEvents.ComplaintAnswered answer) {
        if (freshness.tooOld(answer.answeredAt(), type)) {
            return;
        }
        ZoneId zone = contacts.zone(answer.schoolId());
        queue.enqueue(new OutgoingMail(eventId, MailTemplate.COMPLAINT_ANSWER,
                new Recipient(null, answer.contactEmail(), answer.complainantName()), ApplicantTexts.map(
                        "recipientName", answer.complainantName(),
                        "registrationNumber", answer.registrationNumber(),
                        "schoolName", schoolName(answer.schoolId()),
                        "answeredOn", RussianDates.date(answer.answeredAt(), zone),
                        "outcome", ApplicantTexts.outcome(answer.outcome()),
                        "answer", answer.answer())));
    }

    private String schoolName(String schoolId) {
        return contacts.school(schoolId).map(Contacts.School::displayName).orElse("образовательное учреждение");
    }

    /** Russian wording of the applications service's codes. */
    static final class ApplicantTexts {

        private ApplicantTexts() {
        }

        static Map<String, Object> map(Object... pairs) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
            return map;
        }

        static String verificationHint(String hint) {
            if (hint == null) {
                return null;
            }
            if (hint.contains("registration number")) {
                return "регистрационный номер вашего заявления";
            }
            if (hint.contains("staff number")) {
                return "ваш табельный номер в школе";
            }
            return null;
        }

        static String roles(List<String> roles) {
            String text = roles.stream().map(role -> switch (role) {
                case "GUARDIAN" -> "родитель (законный представитель)";
                case "STUDENT" -> "обучающийся";
                case "TEACHER" -> "учитель";
                case "SCHOOL_ADMINISTRATOR" -> "администратор школы";
                case "MUNICIPAL_OPERATOR" -> "оператор муниципального органа управления образованием";
                case "REGIONAL_OPERATOR" -> "оператор регионального органа управления образованием";
                default -> null;
            }).filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
            return text.isEmpty() ? null : text;
        }

        static String terminationReason(String reason) {
            return switch (reason) {
                case "APPLICANT_REQUEST" -> "по заявлению заявителя";
                case "CONSENT_WITHDRAWN" -> "отзыв согласия на обработку персональных данных";
                case "STUDENT_LEFT_SCHOOL" -> "выбытие обучающегося из образовательного учреждения";
                default -> "по основанию, предусмотренному регламентом";
            };
        }

        static String outcome(String outcome) {
            return switch (outcome) {
                case "UPHELD" -> "жалоба удовлетворена";
                case "PARTIALLY_UPHELD" -> "жалоба удовлетворена частично";
                case "REJECTED" -> "в удовлетворении жалобы отказано";
                default -> "жалоба рассмотрена";
            };
        }
    }
}
