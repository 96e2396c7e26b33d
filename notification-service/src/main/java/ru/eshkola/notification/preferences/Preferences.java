package ru.eshkola.notification.preferences;

import java.time.Clock;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.problems.ProblemException;

/**
 * Recipients' choices, one document per recipient ({@code preferences}, keyed by the recipient id) so that every read
 * is by {@code _id}. Writes are single-document: a choice and an unsubscribe never race into a lost update of each
 * other because each sets only its own fields.
 */
@Service
public class Preferences {

    static final String COLLECTION = "preferences";
    private static final Logger log = LoggerFactory.getLogger(Preferences.class);

    private final MongoTemplate mongo;
    private final PreferenceSettings settings;
    private final Clock clock;

    Preferences(MongoTemplate mongo, PreferenceSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    public RecipientPreferences of(String recipientId) {
        Document stored = mongo.getCollection(COLLECTION).find(new Document("_id", recipientId)).first();
        return read(recipientId, stored);
    }

    /** Replaces the recipient's choices; mandatory categories cannot be unsubscribed (400 naming the field). */
    public RecipientPreferences update(String recipientId, Integer digestHour, Map<Category, DeliveryMode> modes,
            Set<Category> unsubscribed, String actor) {
        for (Category category : modes.keySet()) {
            if (!category.digestible() && modes.get(category) == DeliveryMode.DIGEST) {
                throw ProblemException.invalid("modes." + category, category + " is always sent at once");
            }
        }
        for (Category category : unsubscribed) {
            if (category.mandatory()) {
                throw ProblemException.invalid("unsubscribed", category + " is a mandatory notice and cannot be "
                        + "unsubscribed");
            }
        }
        Document modeDoc = new Document();
        modes.forEach((category, mode) -> modeDoc.append(category.name(), mode.name()));
        Update update = new Update()
                .set("digestHour", digestHour == null ? settings.defaultDigestHour() : digestHour)
                .set("modes", modeDoc)
                .set("unsubscribed", unsubscribed.stream().map(Enum::name).sorted().toList())
                .set("changedAt", Date.from(clock.instant()))
                .set("changedBy", actor);
        mongo.upsert(Query.query(Criteria.where("_id").is(recipientId)), update, COLLECTION);
        log.info("preferences of recipient {} changed by {}", recipientId, actor);
        return of(recipientId);
    }

    /** The one-click unsubscribe of a signed link: adds the category, keeps everything else. */
    public void unsubscribe(String recipientId, Category category) {
        if (category.mandatory()) {
            throw new IllegalArgumentException(category + " is mandatory");
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(recipientId)), new Update()
                .addToSet("unsubscribed", category.name())
                .set("changedAt", Date.from(clock.instant()))
                .set("changedBy", "unsubscribe-link"), COLLECTION);
        log.info("recipient {} unsubscribed from {} through a signed link", recipientId, category);
    }

    private RecipientPreferences read(String recipientId, Document stored) {
        if (stored == null) {
            return new RecipientPreferences(recipientId, settings.defaultDigestHour(), Map.of(), Set.of());
        }
        Map<Category, DeliveryMode> modes = new EnumMap<>(Category.class);
        if (stored.get("modes") instanceof Document modeDoc) {
            modeDoc.forEach((key, value) -> modes.put(Category.valueOf(key), DeliveryMode.valueOf(value.toString())));
        }
        Set<Category> unsubscribed = EnumSet.noneOf(Category.class);
        for (Object name : stored.getList("unsubscribed", Object.class, List.of())) {
            unsubscribed.add(Category.valueOf(name.toString()));
        }
        Integer hour = stored.getInteger("digestHour");
        return new RecipientPreferences(recipientId, hour == null ? settings.defaultDigestHour() : hour, modes,
                unsubscribed);
    }
}
