package ru.eshkola.notification.mail;

import java.time.Instant;
import java.util.Map;

/**
 * A mail to queue.
 *
 * @param sourceId  what caused it: the event's ce_id, a digest's id, a maintenance window's notice id. With the
 *                  recipient and the template it makes the message id, so the same cause never mails the same person
 *                  twice with the same template
 * @param template  which mail
 * @param recipient to whom
 * @param model     the template's data: strings, numbers, booleans, lists and maps of those; already formatted for
 *                  reading (dates in Russian form, names resolved)
 * @param notBefore not sent before this instant (reminders); null: now
 * @param reference groups messages for a feature's own listing (e.g. {@code maintenance:<windowId>}); may be null
 */
public record OutgoingMail(String sourceId, MailTemplate template, Recipient recipient, Map<String, Object> model,
        Instant notBefore, String reference) {

    public OutgoingMail(String sourceId, MailTemplate template, Recipient recipient, Map<String, Object> model) {
        this(sourceId, template, recipient, model, null, null);
    }

    public String messageId() {
        return MessageIds.of(sourceId, recipient.key(), template.templateName());
    }
}
