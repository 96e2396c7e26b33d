package ru.eshkola.diary.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who may read whom, from {@code applications.access.*}: the one source of a guardian's right to a student's diary.
 * The token's {@code students} claim is not enough — access may have been revoked after the token was issued — so
 * every read checks here.
 */
@Component
public class AccessGrants {

    private static final Logger log = LoggerFactory.getLogger(AccessGrants.class);
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccessSettings settings;

    AccessGrants(MongoTemplate mongo, ApplicationEventPublisher events, Clock clock, AccessSettings settings) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    void granted(ApplicationsEvents.AccessChanged e) {
        change(e, false);
    }

    void revoked(ApplicationsEvents.AccessChanged e) {
        if (change(e, true)) {
            log.info("access {} revoked", e.accessId());
            events.publishEvent(new AccessRevoked(e.guardianAccountId(), e.studentId()));
        }
    }

    /** A guarded read-modify-write of one document, repeated when another writer got there first. */
    private boolean change(ApplicationsEvents.AccessChanged e, boolean revoked) {
        String id = GuardianAccess.id(e.guardianAccountId(), e.studentId());
        for (int attempt = 1; ; attempt++) {
            GuardianAccess access = mongo.findById(id, GuardianAccess.class);
            if (access == null) {
                access = GuardianAccess.of(e.guardianAccountId(), e.studentId());
            }
            if (!access.apply(e, revoked)) {
                return false;
            }
            try {
                mongo.save(access);
                return true;
            } catch (OptimisticLockingFailureException | DuplicateKeyException conflict) {
                if (attempt >= ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    public boolean isActive(String guardianAccountId, String studentId) {
        GuardianAccess access = mongo.findById(GuardianAccess.id(guardianAccountId, studentId), GuardianAccess.class);
        return access != null && access.activeOn(today());
    }

    /** Of the given {@code <account>:<student>} pairs, those with active access; one query for all. */
    public Set<String> activePairs(Collection<String> pairs) {
        Set<String> active = new HashSet<>();
        if (pairs.isEmpty()) {
            return active;
        }
        LocalDate today = today();
        mongo.find(Query.query(Criteria.where("_id").in(pairs)), GuardianAccess.class).forEach(a -> {
            if (a.activeOn(today)) {
                active.add(a.id);
            }
        });
        return active;
    }

    public static String pair(String guardianAccountId, String studentId) {
        return GuardianAccess.id(guardianAccountId, studentId);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }
}
