package ru.eshkola.monitoring.deadlines;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pending timed deadline waiting for its moment. Kept apart from {@code deadlines} so that the timer's query reads
 * only what is still pending (today's and tomorrow's lessons, the coming weeks, ended periods) however many entries
 * the term holds; on MongoDB the {@code dueAt} index serves it, on the embedded store it scans this small collection.
 */
@Document("deadline_timers")
record DeadlineTimer(@Id String id, @Indexed Instant dueAt) {
}
