package ru.eshkola.kit.outbox;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Hands the events of a just-saved aggregate to the relay. Runs after the write returned, so everything handed
 * over is already durable together with the state change it belongs to.
 */
class OutboxSaveListener extends AbstractMongoEventListener<OutboxAggregate> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxAggregate> event) {
        var pending = event.getSource().pendingEvents();
        if (!pending.isEmpty()) {
            relay.saved(event.getCollectionName(), event.getDocument().get("_id"), pending);
        }
    }
}
