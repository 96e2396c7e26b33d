package ru.eshkola.applications.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per login and per client address in the database, so that the limits hold however many
 * instances serve the requests. A locked login or address is refused before its password is even checked, so a
 * lock-out also stops the password hashing an attacker would make the service do.
 */
@Component
class SignInThrottle {

    private final MongoTemplate mongo;
    private final SignInSettings.Throttle settings;
    private final Clock clock;

    SignInThrottle(MongoTemplate mongo, SignInSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings.throttle();
        this.clock = clock;
    }

    @Document("signin_throttle")
    record Counter(@Id String id, int failures, Instant windowStart, Instant lockedUntil) {
    }

    void check(String login, String address) {
        Instant now = clock.instant();
        locked(accountKey(login), now).ifPresent(wait -> {
            throw new TooManyAttempts("login", wait);
        });
        locked(addressKey(address), now).ifPresent(wait -> {
            throw new TooManyAttempts("address", wait);
        });
    }

    void failed(String login, String address) {
        Instant now = clock.instant();
        count(accountKey(login), settings.accountFreeFailures(), now);
        count(addressKey(address), settings.addressFreeFailures(), now);
    }

    /** The right password clears the login's failures; the address keeps its count (it may be shared, or hostile). */
    void succeeded(String login) {
        mongo.remove(Query.query(Criteria.where("_id").is(accountKey(login))), Counter.class);
    }

    /** Lock-out after the n-th failure: none within the free failures, then doubling from the first lock-out. */
    static Duration lockout(int failures, int free, Duration first, Duration max) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration lock = first.multipliedBy(1L << doublings);
        return lock.compareTo(max) > 0 ? max : lock;
    }

    private java.util.Optional<Duration> locked(String key, Instant now) {
        Counter counter = mongo.findById(key, Counter.class);
        if (counter == null || counter.lockedUntil() == null || !counter.lockedUntil().isAfter(now)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.between(now, counter.lockedUntil()));
    }

    private void count(String key, int free, Instant now) {
        // a window long past starts afresh: old failures do not add up to a lock-out months later
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("windowStart")
                .lt(now.minus(settings.window()))).addCriteria(Criteria.where("lockedUntil").not().gt(now)),
                new Update().set("failures", 0).set("windowStart", now).unset("lockedUntil"), Counter.class);
        Counter counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
                new Update().inc("failures", 1).setOnInsert("windowStart", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
        Duration lock = lockout(counter.failures(), free, settings.firstLockout(), settings.maxLockout());
        if (!lock.isZero()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                    new Update().set("lockedUntil", now.plus(lock)), Counter.class);
        }
    }

    private static String accountKey(String login) {
        return "login:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
