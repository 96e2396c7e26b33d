package ru.eshkola.notification.mail;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail to one recipient, from queueing to its end. The id is derived from (cause, recipient, template), so
 * inserting it again is refused by the store: that is what makes redelivered and replayed events send nothing twice.
 * The state, the attempts and the time of the next attempt are stored here, so a restarted instance resumes exactly
 * where the queue was. The model holds what the template shows; the support API never shows it.
 */
@Document(Message.COLLECTION)
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
record Message(@Id String id, String template, String category, @Indexed String recipientId, @Indexed String to, String name,
        Map<String, Object> model, MessageState state, int attempts, Instant nextAttemptAt, Instant createdAt,
        Instant sentAt, String subject, String lastError, String sourceId, @Indexed String reference,
        @Indexed(expireAfter = "0s") Instant keepUntil) {

    static final String COLLECTION = "messages";
    static final String LEASE = "lease";
}
