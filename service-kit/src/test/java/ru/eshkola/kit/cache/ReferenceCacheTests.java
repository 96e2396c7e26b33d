package ru.eshkola.kit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReferenceCacheTests {

    @Test
    void whatExistsIsReadOnceUntilItExpiresOrIsInvalidated() throws InterruptedException {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofMillis(200), 100);
        AtomicInteger reads = new AtomicInteger();
        var loader = (java.util.function.Function<String, Optional<String>>) k -> {
            reads.incrementAndGet();
            return Optional.of(k.toUpperCase());
        };
        assertThat(cache.get("a", loader)).hasValue("A");
        assertThat(cache.get("a", loader)).hasValue("A");
        assertThat(reads).hasValue(1);
        cache.invalidate("a");
        cache.get("a", loader);
        assertThat(reads).hasValue(2);
        Thread.sleep(250);
        cache.get("a", loader);
        assertThat(reads).hasValue(3);
    }

    @Test
    void whatIsMissingIsAskedForAgainSoThatARecordCreatedElsewhereIsFoundAtOnce() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofMinutes(1), 100);
        AtomicInteger reads = new AtomicInteger();
        cache.get("x", k -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertThat(cache.get("x", k -> {
            reads.incrementAndGet();
            return Optional.of("now there");
        })).hasValue("now there");
        assertThat(reads).hasValue(2);
    }
}
