package ru.eshkola.kit.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

/**
 * Connects aggregates to the relay.
 *
 * <p>After a save, the entries recorded since the aggregate was read are handed to the relay; the write already
 * returned, so they are durable together with the state change they belong to.
 *
 * <p>Before a save, entries the aggregate was read with and that the relay has published since are dropped from
 * the document about to be written. A save replaces the whole document; without this, an aggregate read just before
 * the relay removed its published entries would write them back, and they would be published a second time.
 */
class OutboxSaveListener extends AbstractMongoEventListener<OutboxAggregate> {

    private final OutboxRelay relay;
    private final MongoTemplate mongo;

    OutboxSaveListener(OutboxRelay relay, MongoTemplate mongo) {
        this.relay = relay;
        this.mongo = mongo;
    }

    @Override
    public void onAfterConvert(AfterConvertEvent<OutboxAggregate> event) {
        event.getSource().markLoaded();
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<OutboxAggregate> event) {
        OutboxAggregate aggregate = event.getSource();
        Set<String> loaded = aggregate.loadedEventIds();
        Document document = event.getDocument();
        if (loaded.isEmpty() || document == null) {
            return;
        }
        Document stored = mongo.getCollection(event.getCollectionName())
                .find(Filters.eq("_id", document.get("_id")))
                .projection(Projections.include(OutboxAggregate.FIELD + ".eventId")).first();
        Set<String> stillPending = new HashSet<>();
        if (stored != null) {
            stored.getList(OutboxAggregate.FIELD, Document.class, List.of())
                    .forEach(entry -> stillPending.add(entry.getString("eventId")));
        }
        Set<String> published = new HashSet<>(loaded);
        published.removeAll(stillPending);
        if (!published.isEmpty()) {
            aggregate.forget(published);
            List<Document> entries = document.getList(OutboxAggregate.FIELD, Document.class, List.of());
            document.put(OutboxAggregate.FIELD, entries.stream()
                    .filter(entry -> !published.contains(entry.getString("eventId"))).toList());
        }
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        OutboxAggregate aggregate = event.getSource();
        List<OutboxEntry> recorded = aggregate.recordedSinceLoad();
        // the instance may be saved again: what it holds now is what the store holds
        aggregate.markLoaded();
        if (!recorded.isEmpty()) {
            relay.saved(event.getCollectionName(), event.getDocument().get("_id"), recorded);
        }
    }
}
