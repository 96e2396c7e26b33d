package ru.eshkola.diary.projection;

import org.springframework.data.annotation.Id;

/**
 * A document of the projection. {@code rev} counts the writes of the document: every write is a replace guarded by
 * the revision it was read at, so two writers that raced never lose each other's entries (the loser re-reads and
 * re-applies, which is harmless because applying an event is idempotent).
 */
public abstract class ProjectionDocument {

    @Id
    String id;
    long rev;

    public String id() {
        return id;
    }
}
