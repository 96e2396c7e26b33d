package ru.eshkola.applications.signin;

import java.time.Clock;
import java.time.Instant;

import com.mongodb.client.result.UpdateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.eshkola.applications.accounts.AccountBlocked;
import ru.eshkola.applications.accounts.Secrets;
import ru.eshkola.kit.events.EventIds;

/**
 * Refresh tokens: opaque ({@code <id>.<secret>}, 256 random bits), stored as a SHA-256 of the secret, single use.
 * Each use replaces the token with a new one of the same family; a token used a second time means it was copied, so
 * its whole family is revoked and the user signs in again (OAuth 2.0 Security BCP, refresh token rotation).
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final MongoTemplate mongo;
    private final SignInSettings settings;
    private final Clock clock;

    RefreshTokens(MongoTemplate mongo, SignInSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    @Document("refresh_tokens")
    record RefreshToken(@Id String id, @Indexed String accountId, @Indexed String familyId, String secretHash,
            Instant issuedAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {
    }

    /** A refresh token that was valid and is now used up. */
    record Used(String accountId, String familyId, Instant familyIssuedAt) {
    }

    String issue(String accountId, String familyId) {
        Instant now = clock.instant();
        String id = EventIds.next();
        String secret = Secrets.token();
        mongo.insert(new RefreshToken(id, accountId, familyId == null ? id : familyId, Secrets.sha256(secret), now,
                now.plus(settings.refreshTokenValidity()), null, null));
        return id + "." + secret;
    }

    Used use(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new TokenRefused("not a refresh token");
        }
        String id = token.substring(0, dot);
        RefreshToken stored = mongo.findById(id, RefreshToken.class);
        if (stored == null || !Secrets.sameHash(stored.secretHash(), Secrets.sha256(token.substring(dot + 1)))) {
            throw new TokenRefused("unknown refresh token");
        }
        Instant now = clock.instant();
        if (stored.revokedAt() != null) {
            throw new TokenRefused("the refresh token was revoked");
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw new TokenRefused("the refresh token has expired");
        }
        UpdateResult marked = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("usedAt").is(null)
                .and("revokedAt").is(null)), new Update().set("usedAt", now), RefreshToken.class);
        if (marked.getModifiedCount() == 0) {
            revokeFamily(stored.familyId(), now);
            log.warn("refresh token {} of account {} was used twice; its family is revoked", id, stored.accountId());
            throw new TokenRefused("the refresh token was already used; sign in again");
        }
        return new Used(stored.accountId(), stored.familyId(), stored.issuedAt());
    }

    /** Signs out: the token's whole family is revoked. */
    void revoke(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new TokenRefused("not a refresh token");
        }
        RefreshToken stored = mongo.findById(token.substring(0, dot), RefreshToken.class);
        if (stored == null || !Secrets.sameHash(stored.secretHash(), Secrets.sha256(token.substring(dot + 1)))) {
            throw new TokenRefused("unknown refresh token");
        }
        revokeFamily(stored.familyId(), clock.instant());
    }

    @EventListener
    void accountBlocked(AccountBlocked blocked) {
        mongo.updateMulti(Query.query(Criteria.where("accountId").is(blocked.accountId()).and("revokedAt").is(null)),
                new Update().set("revokedAt", blocked.at()), RefreshToken.class);
    }

    private void revokeFamily(String familyId, Instant now) {
        mongo.updateMulti(Query.query(Criteria.where("familyId").is(familyId).and("revokedAt").is(null)),
                new Update().set("revokedAt", now), RefreshToken.class);
    }
}
