package ru.eshkola.notification.maintenance;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An announced maintenance window: the record the documentation asks schools to keep (seed 003 item 6), with the
 * recipients' mails (notice, reminders, cancellation) in the message store under {@code maintenance:<id>}.
 *
 * @param announced false until every recipient's notice and reminders are queued; a window left unannounced by a
 *                  crash is announced again (the message ids make that idempotent)
 */
@Document("maintenance_windows")
record MaintenanceWindow(@Id String id, Scope scope, String scopeId, String scopeText, Instant start, Instant end,
        String zone, boolean night, boolean shortNotice, String reason, String announcedBy, String createdBy,
        Instant createdAt, State state, List<String> warnings, int recipientCount, boolean announced,
        Instant cancelledAt, String cancelledBy, String cancelReason) {

    enum Scope {
        REGION,
        MUNICIPALITY,
        SCHOOL
    }

    enum State {
        SCHEDULED,
        CANCELLED
    }

    String reference() {
        return "maintenance:" + id;
    }
}
