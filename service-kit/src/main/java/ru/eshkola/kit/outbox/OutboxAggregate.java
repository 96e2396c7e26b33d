package ru.eshkola.kit.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Transient;

/**
 * Base for a MongoDB aggregate whose state changes publish events.
 *
 * <p>The pending events live inside the aggregate's own document (field {@value #FIELD}), so saving the aggregate
 * writes the state change and its events in ONE single-document write: both or neither, on the embedded store
 * (no multi-document transactions) and on a sharded MongoDB alike. The {@link OutboxRelay} publishes them and then
 * removes exactly the published entries, by id.
 */
public abstract class OutboxAggregate {

    /** Name of the document field that holds the pending events; the relay and its sweep query depend on it. */
    public static final String FIELD = "outbox";

    private List<OutboxEntry> outbox = new ArrayList<>();

    /** Ids of the entries this instance was read with; they may have been published since. */
    @Transient
    private Set<String> loaded = Set.of();

    /** Records an event to be published once this aggregate is saved. */
    protected void recordEvent(EventRoute route, String key, String subject, Instant time, Object data) {
        outbox.add(OutboxEntry.of(route, key, subject, time, data));
    }

    /** Events saved with this aggregate and not yet confirmed as published, oldest first. */
    public List<OutboxEntry> pendingEvents() {
        return Collections.unmodifiableList(outbox);
    }

    void markLoaded() {
        loaded = outbox.stream().map(OutboxEntry::eventId).collect(Collectors.toUnmodifiableSet());
    }

    /** Entries recorded since this instance was read (or all, for a new aggregate). */
    List<OutboxEntry> recordedSinceLoad() {
        return outbox.stream().filter(e -> !loaded.contains(e.eventId())).toList();
    }


}
