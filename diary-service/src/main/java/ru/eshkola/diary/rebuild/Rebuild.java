package ru.eshkola.diary.rebuild;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A rebuild of the projection and how far it got.
 *
 * @param state RUNNING (replaying up to the end offsets taken at the start), SWITCHED (the new generation is current,
 *              catching up with what live consumption wrote to the old one meanwhile), DONE or FAILED
 */
@Document("projection_rebuilds")
record Rebuild(@Id String id, String state, int fromGeneration, int toGeneration, String requestedBy,
        Instant startedAt, Instant switchedAt, Instant finishedAt, long eventsApplied, long eventsSkipped,
        String error) {

    Rebuild with(String newState, Instant switched, Instant finished, long applied, long skipped, String failure) {
        return new Rebuild(id, newState, fromGeneration, toGeneration, requestedBy, startedAt, switched, finished,
                applied, skipped, failure);
    }
}
