package ru.eshkola.kit.outbox;

import java.util.List;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertEvent;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Connects aggregates to the relay.
 *
 * <p>After a save, the entries recorded since the aggregate was read are handed to the relay; the write already
 * returned, so they are durable together with the state change they belong to.
 *
 * <p>What keeps a save from writing back entries the relay published meanwhile is {@link OutboxMongoTemplate}.
 */
class OutboxSaveListener extends AbstractMongoEventListener<OutboxAggregate> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterConvert(AfterConvertEvent<OutboxAggregate> event) {
        event.getSource().markLoaded();
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
