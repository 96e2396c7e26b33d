package ru.eshkola.notification.digests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Items collected per recipient and sending day, turned into mails at a local hour — a durable timer: the digest
 * document ({@code digests}, {@code _id = <kind>:<recipient>:<sendDate>}) holds its due time, and whichever instance
 * looks after it has come closes it (OPEN → CLOSED, one atomic update, so items arriving later go to the next day's),
 * hands it to its {@link DigestKind}, then marks it DONE. A restart or a missed hour is caught up by the next look.
 *
 * <p>An item belongs to the first sending hour after the change it reports happened (the event's own time, not when
 * it was consumed), keyed by what it is about (a grade id) with its version: a correction replaces the item, a
 * redelivery changes nothing, and an item whose digest was already sent with that version is dropped — so a replay
 * mails nothing twice — while a newer version or an item that simply arrived late goes to the next open digest.
 */
@Service
public class Digests {

    static final String COLLECTION = "digests";
    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final int MAX_DAYS_AHEAD = 14;

    public enum Added {
        /** in the digest now */
        ADDED,
        /** this version or a newer one is already in the open digest */
        STALE,
        /** a digest with this version of the item was already sent */
        ALREADY_SENT
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final DigestSettings settings;
    private final ObjectProvider<DigestKind> kindBeans;
    private volatile Map<String, DigestKind> kinds;

    /** The kinds are looked up when first flushing: they collect their items through this service. */
    Digests(MongoTemplate mongo, Clock clock, DigestSettings settings, ObjectProvider<DigestKind> kinds) {
        this.mongo = mongo;
        this.clock = clock;
        this.settings = settings;
        this.kindBeans = kinds;
        // MongoDB uses them (due digests, expiry); the embedded local store ignores non-unique and TTL indexes
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("due"));
        indexes.createIndex(new Index().on("keepUntil", Sort.Direction.ASC).expire(java.time.Duration.ZERO)
                .named("expiry"));
    }

    /** The first sending hour strictly after the instant, in the zone. */
    public static ZonedDateTime slotAfter(Instant instant, ZoneId zone, int hour) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(hour, 0).atZone(zone);
        return slot.isAfter(local) ? slot : local.toLocalDate().plusDays(1).atTime(hour, 0).atZone(zone);
    }

    /**
     * Adds (or replaces with a newer version) an item in the recipient's digest of the first sending hour after
     * {@code happenedAt}; when that digest was sent already, the item goes to the next day's.
     */
    public Added add(String kind, String recipientId, ZoneId zone, int hour, Instant happenedAt, String itemKey,
            int version, Map<String, Object> item) {
        return add(kind, recipientId, zone, hour, happenedAt, itemKey, version, item, true);
    }

    /**
     * As {@link #add}, but only into the digest of {@code happenedAt}'s sending hour: an update that makes sense only
     * while that digest is open (a violation closed the same day) is dropped ({@code ALREADY_SENT}) once it was sent.
     */
    public Added update(String kind, String recipientId, ZoneId zone, int hour, Instant happenedAt, String itemKey,
            int version, Map<String, Object> item) {
        return add(kind, recipientId, zone, hour, happenedAt, itemKey, version, item, false);
    }

    private Added add(String kind, String recipientId, ZoneId zone, int hour, Instant happenedAt, String itemKey,
            int version, Map<String, Object> item, boolean carryOver) {
        String path = "items." + itemKey.replace('.', '_').replace('$', '_');
        ZonedDateTime slot = slotAfter(happenedAt, zone, hour);
        for (int day = 0; day < MAX_DAYS_AHEAD; day++) {
            String id = kind + ":" + recipientId + ":" + slot.toLocalDate();
            Document value = new Document(item).append("version", version);
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(id).and("state").is("OPEN")
                                .and(path + ".version").not().gte(version)),
                        new Update().set(path, value)
                                .setOnInsert("kind", kind)
                                .setOnInsert("recipientId", recipientId)
                                .setOnInsert("sendDate", slot.toLocalDate().toString())
                                .setOnInsert("dueAt", Date.from(slot.toInstant()))
                                .setOnInsert("zone", zone.getId())
                                .setOnInsert("keepUntil", Date.from(slot.toInstant().plus(settings.retention()))),
                        COLLECTION);
                return Added.ADDED;
            } catch (DuplicateKeyException notOpenOrNotNewer) {
                Document stored = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
                if (stored == null) {
                    day--; // removed in between: try the same day again
                    continue;
                }
                Integer storedVersion = storedVersion(stored, path);
                boolean open = "OPEN".equals(stored.getString("state"));
                if (storedVersion != null && storedVersion >= version) {
                    return open ? Added.STALE : Added.ALREADY_SENT;
                }
                if (!open) {
                    if (!carryOver) {
                        return Added.ALREADY_SENT;
                    }
                    slot = slotAfter(slot.toInstant(), zone, hour);
                }
            }
        }
        throw new IllegalStateException("no open " + kind + " digest within " + MAX_DAYS_AHEAD + " days for "
                + recipientId);
    }

    private static Integer storedVersion(Document stored, String path) {
        Object current = stored;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Document document)) {
                return null;
            }
            current = document.get(part);
        }
        return current instanceof Document item && item.get("version") instanceof Number n ? n.intValue() : null;
    }

    @Scheduled(fixedDelayString = "${notification.digests.check-interval:30s}", initialDelayString = "2s")
    void scheduledFlush() {
        try {
            flushDue();
        } catch (RuntimeException e) {
            // the next look retries: a digest stays OPEN or CLOSED until it was handed over
            log.warn("digest flush failed: {}", e.toString());
        }
    }

    /** Closes and hands over every digest whose hour has come; returns how many. */
    public int flushDue() {
        Date now = Date.from(clock.instant());
        List<Document> due = mongo.find(Query.query(Criteria.where("state").in("OPEN", "CLOSED")
                .and("dueAt").lte(now)).limit(500), Document.class, COLLECTION);
        int flushed = 0;
        for (Document candidate : due) {
            Document digest = candidate;
            if ("OPEN".equals(candidate.getString("state"))) {
                digest = mongo.findAndModify(Query.query(Criteria.where("_id").is(candidate.get("_id"))
                                .and("state").is("OPEN")),
                        new Update().set("state", "CLOSED").set("closedAt", now),
                        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
                if (digest == null) {
                    continue; // another instance closed it
                }
            }
            DigestKind kind = kinds().get(digest.getString("kind"));
            if (kind == null) {
                log.error("digest {} of unknown kind {} left closed", digest.get("_id"), digest.getString("kind"));
                continue;
            }
            try {
                kind.flush(closed(digest));
            } catch (RuntimeException e) {
                log.warn("flushing digest {} failed, retried at the next look: {}", digest.get("_id"), e.toString());
                continue;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(digest.get("_id"))),
                    new Update().set("state", "DONE").set("doneAt", now), COLLECTION);
            flushed++;
        }
        return flushed;
    }

    private Map<String, DigestKind> kinds() {
        if (kinds == null) {
            kinds = kindBeans.stream().collect(Collectors.toMap(DigestKind::name, Function.identity()));
        }
        return kinds;
    }

    private static ClosedDigest closed(Document d) {
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        if (d.get("items") instanceof Document stored) {
            stored.forEach((key, value) -> {
                if (value instanceof Document item) {
                    items.put(key, new LinkedHashMap<>(item));
                }
            });
        }
        return new ClosedDigest(d.getString("_id"), d.getString("kind"), d.getString("recipientId"),
                LocalDate.parse(d.getString("sendDate")), d.getDate("dueAt").toInstant(), ZoneId.of(d.getString("zone")),
                items);
    }
}
