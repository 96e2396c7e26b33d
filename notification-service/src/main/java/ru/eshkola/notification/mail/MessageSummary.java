package ru.eshkola.notification.mail;

import java.time.Instant;

/**
 * What support staff see of a message: who, which template, its state and times — never the mail's body.
 *
 * @param sourceId what caused it: the event's ce_id, the digest's id, {@code <window>:notice}
 */
public record MessageSummary(String id, String template, String category, String recipientId, String to,
        MessageState state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String subject,
        String lastError, String sourceId, String reference) {

    static MessageSummary of(Message m) {
        return new MessageSummary(m.id(), m.template(), m.category(), m.recipientId(), m.to(), m.state(), m.attempts(),
                m.createdAt(), m.state() == MessageState.QUEUED ? m.nextAttemptAt() : null, m.sentAt(), m.subject(),
                m.lastError(), m.sourceId(), m.reference());
    }
}
