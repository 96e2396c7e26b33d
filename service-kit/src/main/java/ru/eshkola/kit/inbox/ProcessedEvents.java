package ru.eshkola.kit.inbox;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The record of events a consumer has already handled, keyed by consumer and {@code ce_id}, expiring after a TTL
 * that must exceed any window in which the same event can be delivered again.
 *
 * <p>The check happens before the handler and the record after it, so a crash in between runs the handler once
 * more on redelivery: handlers must therefore be idempotent on their own (upserts guarded by version), and this
 * record is what keeps ordinary redeliveries and replays from doing the work twice.
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        collection().createIndex(Indexes.ascending("processedAt"),
                new IndexOptions().name("processed_ttl").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
    }

    public boolean contains(String consumer, String eventId) {
        return collection().find(Filters.eq("_id", key(consumer, eventId))).limit(1).first() != null;
    }

    public void add(String consumer, String eventId, String type) {
        try {
            collection().insertOne(new Document("_id", key(consumer, eventId))
                    .append("type", type)
                    // wall-clock time: the TTL is operational, whatever business clock the service runs on
                    .append("processedAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
