package ru.eshkola.kit.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reference data read on every request (a school's time zone, a subject, a teacher's school) held for a short
 * time. What exists is cached; what is missing is not, so a record created on another instance is found at once.
 * A change made through this instance invalidates its entry; one made elsewhere shows after at most {@code ttl}.
 */
public final class ReferenceCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxSize;

    public ReferenceCache(Duration ttl, int maxSize) {
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return Optional.of(entry.value());
        }
        Optional<V> loaded = loader.apply(key);
        if (loaded.isPresent()) {
            if (entries.size() >= maxSize) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded.get(), now + ttlNanos));
        } else {
            entries.remove(key);
        }
        return loaded;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}
