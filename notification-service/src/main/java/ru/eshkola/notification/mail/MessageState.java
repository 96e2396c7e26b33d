package ru.eshkola.notification.mail;

/**
 * QUEUED: waiting (due now, or scheduled: a reminder, a retry after backoff). SENT: the mail server accepted it.
 * FAILED: permanently refused, or given up after the configured attempts; support may queue it again. CANCELLED: no
 * longer to be sent (a reminder of cancelled maintenance).
 */
public enum MessageState {
    QUEUED,
    SENT,
    FAILED,
    CANCELLED
}
