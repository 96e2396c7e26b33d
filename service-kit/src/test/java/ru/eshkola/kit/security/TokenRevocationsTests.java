package ru.eshkola.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.eshkola.kit.testing.MongoWireStore;

class TokenRevocationsTests {

    private static MongoWireStore store;
    private static MongoClient client;
    private static int databases;

    private MongoTemplate mongo;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

    @BeforeAll
    static void startStore() {
        store = MongoWireStore.inMemory();
        store.start("127.0.0.1", 0);
        client = MongoClients.create(store.uri("admin"));
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "revocations-" + databases++);
    }

    private TokenRevocations instance() {
        return new TokenRevocations(mongo, Duration.ofSeconds(2), Duration.ofDays(1), clock);
    }

    @Test
    void tokensIssuedAtOrBeforeTheInstantAreRevokedLaterOnesNot() {
        TokenRevocations revocations = instance();
        Instant blocked = clock.instant().minusSeconds(10);

        revocations.revoke("acc-1", blocked);

        assertThat(revocations.isRevoked("acc-1", blocked.minusSeconds(600))).isTrue();
        assertThat(revocations.isRevoked("acc-1", blocked)).as("iat not after tokensInvalidBefore").isTrue();
        assertThat(revocations.isRevoked("acc-1", blocked.plusSeconds(1))).isFalse();
        assertThat(revocations.isRevoked("acc-2", blocked.minusSeconds(600))).as("another account").isFalse();
    }

    @Test
    void theLaterInstantWinsWhateverTheOrderOfRevocations() {
        TokenRevocations revocations = instance();
        Instant first = clock.instant().minusSeconds(100);
        Instant second = clock.instant().minusSeconds(10);

        revocations.revoke("acc-1", second);
        revocations.revoke("acc-1", second); // the same again
        revocations.revoke("acc-1", first); // an older, redelivered event

        assertThat(revocations.invalidBefore("acc-1")).contains(second);
        Document stored = mongo.getCollection(TokenRevocations.COLLECTION).find(new Document("_id", "acc-1")).first();
        assertThat(stored.getDate("invalidBefore").toInstant()).isEqualTo(second);
        assertThat(mongo.getCollection(TokenRevocations.COLLECTION).countDocuments()).isEqualTo(1);

        TokenRevocations another = instance();
        another.refresh();
        assertThat(another.invalidBefore("acc-1")).contains(second);
    }

    @Test
    void aRefreshPicksUpWhatAnotherInstanceRevoked() {
        TokenRevocations here = instance();
        TokenRevocations there = instance();
        here.refresh(); // started before the revocation
        Instant blocked = clock.instant().minusSeconds(5);

        there.revoke("acc-1", blocked);
        assertThat(here.isRevoked("acc-1", blocked.minusSeconds(60))).as("before the refresh").isFalse();

        clock.advance(Duration.ofSeconds(2));
        here.refresh();
        assertThat(here.isRevoked("acc-1", blocked.minusSeconds(60))).isTrue();
    }

    @Test
    void aRevocationWrittenWithASlightlySlowClockIsNotMissed() {
        TokenRevocations here = instance();
        here.refresh();
        clock.advance(Duration.ofSeconds(2));
        here.refresh();
        // another instance whose clock is 20 s behind wrote it
        Instant behind = clock.instant().minusSeconds(20);
        mongo.getCollection(TokenRevocations.COLLECTION).insertOne(new Document("_id", "acc-3")
                .append("invalidBefore", Date.from(behind)).append("updatedAt", Date.from(behind)));

        clock.advance(Duration.ofSeconds(2));
        here.refresh();

        assertThat(here.isRevoked("acc-3", behind.minusSeconds(1))).isTrue();
    }

    @Test
    void listenersAreToldOnceOnTheRevokingInstanceAndOnceOnTheOthers() {
        TokenRevocations here = instance();
        TokenRevocations there = instance();
        List<String> toldHere = new CopyOnWriteArrayList<>();
        List<String> toldThere = new CopyOnWriteArrayList<>();
        here.onRevoked(toldHere::add);
        Runnable unsubscribe = there.onRevoked(toldThere::add);
        there.refresh();

        here.revoke("acc-1", clock.instant());
        here.revoke("acc-1", clock.instant().minusSeconds(1)); // older: nothing new
        assertThat(toldHere).containsExactly("acc-1");

        clock.advance(Duration.ofSeconds(2));
        there.refresh();
        clock.advance(Duration.ofSeconds(2));
        there.refresh(); // the overlap reads it again: not news
        assertThat(toldThere).containsExactly("acc-1");

        unsubscribe.run();
        clock.advance(Duration.ofSeconds(2));
        here.revoke("acc-2", clock.instant());
        there.refresh();
        assertThat(toldThere).containsExactly("acc-1");
    }

    @Test
    void aFailingListenerDoesNotStopTheRevocationNorTheOtherListeners() {
        TokenRevocations revocations = instance();
        List<String> told = new CopyOnWriteArrayList<>();
        revocations.onRevoked(account -> {
            throw new IllegalStateException("boom");
        });
        revocations.onRevoked(told::add);

        revocations.revoke("acc-1", clock.instant());

        assertThat(told).containsExactly("acc-1");
        assertThat(revocations.isRevoked("acc-1", clock.instant().minusSeconds(1))).isTrue();
    }

    @Test
    void revocationsOlderThanTheRetentionAreForgotten() {
        TokenRevocations revocations = instance();
        revocations.revoke("acc-1", clock.instant());

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        revocations.refresh();

        assertThat(revocations.invalidBefore("acc-1")).isEmpty();
        TokenRevocations restarted = instance();
        restarted.refresh();
        assertThat(restarted.invalidBefore("acc-1")).as("a new instance does not load it either").isEmpty();
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
