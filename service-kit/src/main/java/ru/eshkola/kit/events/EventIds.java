package ru.eshkola.kit.events;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers. {@link #next()}: time-ordered (UUID version 7, RFC 9562), unique without coordination, sorting by
 * creation time, which keeps B-tree inserts local in MongoDB. {@link #fromKey(String...)}: derived from a natural key.
 */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    /**
     * The same id for the same natural key, every time (a name-based UUID): creating an entity twice from the same
     * key yields one entity, which makes imports and retried requests idempotent without a lookup.
     */
    public static String fromKey(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
