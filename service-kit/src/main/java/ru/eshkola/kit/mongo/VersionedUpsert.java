package ru.eshkola.kit.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The consumers' guard against stale and repeated events, as one conditional upsert: the filter matches only a
 * stored entry whose version is lower than the event's (or none), so an equal or newer stored entry makes the upsert
 * try to insert the same {@code _id}, which the unique {@code _id} index refuses. No read before the write, and two
 * instances racing on the same entry cannot both win with different versions.
 */
public final class VersionedUpsert {

    private static final Logger log = LoggerFactory.getLogger(VersionedUpsert.class);

    private VersionedUpsert() {
    }

    /**
     * Applies {@code update} (plus {@code versionField = version}) to the document {@code id} of {@code collection}
     * when its stored {@code versionField} is lower than {@code version} or the document does not exist yet.
     *
     * @return true when written; false when the stored version was the same or newer (nothing changed)
     */
    public static boolean ifNewer(MongoOperations mongo, String collection, String id, String versionField,
            int version, Update update) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(id).and(versionField).not().gte(version)),
                    update.set(versionField, version), collection);
            return true;
        } catch (DuplicateKeyException sameOrNewer) {
            log.debug("kept the stored {} of {} {}: version {} is not newer", versionField, collection, id, version);
            return false;
        }
    }

    /** {@link #ifNewer(MongoOperations, String, String, String, long, Update)} on the collection of {@code type}, field {@code version}. */
    public static boolean ifNewer(MongoOperations mongo, Class<?> type, String id, int version, Update update) {
        return ifNewer(mongo, mongo.getCollectionName(type), id, "version", version, update);
    }
}
