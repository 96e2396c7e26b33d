package ru.eshkola.notification.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The durable outgoing queue: a mail is queued by inserting its {@code messages} document (state QUEUED) with the
 * deterministic id; a second insert of the same (cause, recipient, template) is refused by the store and changes
 * nothing. The sender ({@link MailDispatcher}) takes it from there.
 */
@Service
public class MailQueue {

    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);
    private static final int DUPLICATE_KEY = 11000;
    private static final int BULK = 500;

    private final MongoTemplate mongo;
    private final MailSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MailDispatcher sender;

    MailQueue(MongoTemplate mongo, MailSettings settings, Clock clock, MeterRegistry meters, MailDispatcher sender) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.sender = sender;
    }

    /** Queues a mail; false when this exact mail was queued before (a redelivered or replayed cause). */
    public boolean enqueue(OutgoingMail mail) {
        try {
            mongo.insert(message(mail, clock.instant()));
        } catch (DuplicateKeyException already) {
            count(mail, "duplicate");
            return false;
        }
        count(mail, "queued");
        log.debug("queued message {} ({})", mail.messageId(), mail.template().templateName());
        sender.wake();
        return true;
    }

    /** Queues many mails in unordered bulk inserts; returns how many were new. */
    public int enqueueAll(List<OutgoingMail> mails) {
        Instant now = clock.instant();
        int inserted = 0;
        for (int from = 0; from < mails.size(); from += BULK) {
            List<OutgoingMail> chunk = mails.subList(from, Math.min(mails.size(), from + BULK));
            List<InsertOneModel<Document>> inserts = new ArrayList<>(chunk.size());
            for (OutgoingMail mail : chunk) {
                Document document = new Document();
                mongo.getConverter().write(message(mail, now), document);
                inserts.add(new InsertOneModel<>(document));
            }
            try {
                inserted += mongo.getCollection(Message.COLLECTION)
                        .bulkWrite(inserts, new BulkWriteOptions().ordered(false)).getInsertedCount();
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                }
                inserted += e.getWriteResult().getInsertedCount();
            }
        }
        meters.counter("eshkola.notification.queued.bulk").increment(inserted);
        if (inserted > 0) {
            sender.wake();
        }
        return inserted;
    }

    /** The messages of a feature's reference (e.g. a maintenance window), for its own listing. */
    public List<MessageSummary> byReference(String reference) {
        return mongo.find(Query.query(Criteria.where("reference").is(reference))
                .with(Sort.by("createdAt", "_id")), Message.class).stream().map(MessageSummary::of).toList();
    }

    /** Cancels the queued messages of a reference that no sender holds; returns how many. */
    public long cancelQueued(String reference) {
        Date now = Date.from(Instant.now());
        return mongo.updateMulti(Query.query(Criteria.where("reference").is(reference)
                        .and("state").is(MessageState.QUEUED)
                        .orOperator(Criteria.where(Message.LEASE).exists(false),
                                Criteria.where(Message.LEASE + ".until").lt(now))),
                new Update().set("state", MessageState.CANCELLED), Message.class).getModifiedCount();
    }

    private Message message(OutgoingMail mail, Instant now) {
        Instant due = mail.notBefore() == null || mail.notBefore().isBefore(now) ? now : mail.notBefore();
        return new Message(mail.messageId(), mail.template().templateName(), mail.template().category().name(),
                mail.recipient().id(), normalize(mail.recipient().address()), mail.recipient().name(),
                new java.util.LinkedHashMap<>(mail.model()), MessageState.QUEUED, 0, due, now, null, null, null, mail.sourceId(),
                mail.reference(), due.plus(settings.retention()));
    }

    static String normalize(String address) {
        return address == null ? null : address.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private void count(OutgoingMail mail, String outcome) {
        meters.counter("eshkola.notification.enqueued", "template", mail.template().templateName(), "outcome", outcome)
                .increment();
    }
}
