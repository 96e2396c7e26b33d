package ru.eshkola.diary.projection;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.inbox.ProcessedEvents;

/**
 * The kit's record of processed events ({@code processed_events}, keyed {@code <consumer>:<ce_id>}, TTL on
 * {@code processedAt}), read and written a batch at a time: one {@code _id $in} query before the batch, one
 * unordered insert after it. The kit's {@code ProcessedEvents} offers only one event per call, which at the journal's
 * rate would double the store's load; the records are the same, so the TTL and any tooling treat them alike.
 */
@Component
class BatchDedupe {

    private final MongoTemplate mongo;

    BatchDedupe(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The events not processed yet by the consumer, each id once, in order. */
    List<ParsedEvent> unprocessed(String consumer, List<ParsedEvent> events) {
        Map<String, ParsedEvent> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.putIfAbsent(key(consumer, e.id()), e));
        if (byKey.isEmpty()) {
            return List.of();
        }
        Set<String> done = new HashSet<>();
        mongo.getCollection(ProcessedEvents.COLLECTION).find(Filters.in("_id", byKey.keySet()))
                .projection(new Document("_id", 1)).forEach(d -> done.add(d.getString("_id")));
        List<ParsedEvent> fresh = new ArrayList<>();
        byKey.forEach((key, event) -> {
            if (!done.contains(key)) {
                fresh.add(event);
            }
        });
        return fresh;
    }

    void markProcessed(String consumer, List<ParsedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<Document> records = events.stream().map(e -> new Document("_id", key(consumer, e.id()))
                .append("type", e.type()).append("processedAt", now)).toList();
        try {
            mongo.getCollection(ProcessedEvents.COLLECTION).insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
