package ru.eshkola.kit.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** Reads outbox entries back from a raw document (the sweep path, which bypasses the aggregate's mapping). */
final class OutboxDocuments {

    private OutboxDocuments() {
    }

    static List<OutboxEntry> entries(Document document) {
        List<Document> raw = document.getList(OutboxAggregate.FIELD, Document.class, List.of());
        List<OutboxEntry> entries = new ArrayList<>(raw.size());
        for (Document entry : raw) {
            Date time = entry.getDate("time");
            Date recordedAt = entry.getDate("recordedAt");
            entries.add(new OutboxEntry(entry.getString("eventId"), entry.getString("type"), entry.getString("topic"),
                    entry.getString("key"), entry.getString("subject"), time.toInstant(), entry.getString("data"),
                    (recordedAt != null ? recordedAt : time).toInstant()));
        }
        return entries;
    }
}
