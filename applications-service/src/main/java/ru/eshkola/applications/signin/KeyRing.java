package ru.eshkola.applications.signin;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/**
 * The service's RSA signing keys: generated here, kept in its database, rotated without downtime. A new key is
 * published in the JWKS {@code key-publish-lead} before it signs (longer than verifiers cache the JWKS), and the key
 * it replaces stays published until the last access token it signed has expired.
 */
@Component
class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final MongoTemplate mongo;
    private final KeyEncryption encryption;
    private final SignInSettings settings;
    private final Clock clock;
    private final Map<String, RSAKey> privateKeys = new ConcurrentHashMap<>();
    /** parsed once: every token check looks its key up here */
    private final Map<String, RSAKey> publicKeys = new ConcurrentHashMap<>();
    private volatile List<SigningKey> keys = List.of();

    KeyRing(MongoTemplate mongo, SignInSettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
        this.encryption = new KeyEncryption(settings.keyEncryptionKey());
        if (SignInSettings.DEVELOPMENT_KEY_ENCRYPTION_KEY.equals(settings.keyEncryptionKey())) {
            log.warn("signing keys are encrypted with the DEVELOPMENT key-encryption key; set JWT_KEY_ENCRYPTION_KEY "
                    + "in any real deployment");
        }
        reload();
        if (keys.isEmpty()) {
            create(SigningKey.FIRST, clock.instant(), clock.instant(), "system:first-start");
        }
    }

    /** A key and what time makes of it. */
    record KeyStatus(String kid, Instant createdAt, Instant activatesAt, String status, Instant retiresAt) {
    }

    /** The key that signs now: the most recently activated one. */
    RSAKey signingKey() {
        Instant now = clock.instant();
        List<SigningKey> current = keys;
        SigningKey signer = current.stream().filter(k -> !k.activatesAt().isAfter(now))
                .max(Comparator.comparing(SigningKey::activatesAt))
                // only a clock set back before the first key (tests) finds none active; sign with the oldest
                .orElse(current.getFirst());
        return privateKeys.computeIfAbsent(signer.kid(), kid -> decrypt(signer));
    }

    /** Keys a token may be verified with now: published and not yet past their retirement. */
    List<RSAKey> publishedKeys() {
        Instant now = clock.instant();
        List<RSAKey> published = new ArrayList<>();
        for (SigningKey key : keys) {
            if (retiresAt(key).map(now::isBefore).orElse(true)) {
                published.add(publicJwk(key));
            }
        }
        return published;
    }

    Optional<RSAKey> verificationKey(String kid) {
        return publishedKeys().stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    JWKSet jwks() {
        return new JWKSet(new ArrayList<>(publishedKeys()));
    }

    /** Whether the key is one of this service's, still published (so a token it signed can be verified here). */
    boolean holds(String kid) {
        return kid != null && verificationKey(kid).isPresent();
    }

    /** The published keys as a verifier's key source, answered from memory: no HTTP round trip to this service. */
    JWKSource<SecurityContext> jwkSource() {
        return (selector, context) -> selector.select(jwks());
    }

    List<KeyStatus> statuses() {
        Instant now = clock.instant();
        List<SigningKey> current = keys;
        String signing = signingKid(current, now);
        return current.stream().map(k -> {
            Instant retires = retiresAt(k).orElse(null);
            String status = k.activatesAt().isAfter(now) ? "PUBLISHED"
                    : k.kid().equals(signing) ? "SIGNING"
                    : retires != null && !now.isBefore(retires) ? "REMOVED" : "RETIRED";
            return new KeyStatus(k.kid(), k.createdAt(), k.activatesAt(), status, retires);
        }).toList();
    }

    /**
     * Publishes a new key that starts signing after the publish lead. Refused while an earlier rotation is still
     * waiting to activate, and when another instance rotated the same key a moment earlier.
     */
    KeyStatus rotate(String actor) {
        reload();
        Instant now = clock.instant();
        SigningKey newest = keys.getLast();
        if (newest.activatesAt().isAfter(now)) {
            throw ProblemException.conflict("key-rotation-pending", "key " + newest.kid()
                    + " is published and starts signing at " + newest.activatesAt());
        }
        SigningKey created = create(newest.kid(), now, now.plus(settings.keyPublishLead()), actor);
        if (created == null) {
            throw ProblemException.conflict("key-rotation-pending", "key " + newest.kid()
                    + " was rotated by another request a moment ago");
        }
        return new KeyStatus(created.kid(), created.createdAt(), created.activatesAt(), "PUBLISHED", null);
    }

    /** Picks up other instances' rotations, rotates a key that is due, forgets keys no token can need any more. */
    @Scheduled(fixedDelayString = "${eshkola.signin.key-check-interval:1m}",
            initialDelayString = "${eshkola.signin.key-check-interval:1m}")
    void maintain() {
        try {
            reload();
            Instant now = clock.instant();
            SigningKey newest = keys.getLast();
            if (!newest.activatesAt().isAfter(now)
                    && !newest.activatesAt().plus(settings.keyRotationInterval()).isAfter(now)) {
                log.info("signing key {} is older than {}; rotating", newest.kid(), settings.keyRotationInterval());
                create(newest.kid(), now, now.plus(settings.keyPublishLead()), "system:rotation-schedule");
            }
            for (SigningKey key : keys) {
                if (retiresAt(key).map(r -> !now.isBefore(r.plus(settings.clockSkew()))).orElse(false)) {
                    mongo.remove(Query.query(Criteria.where("_id").is(key.kid())), SigningKey.class);
                    privateKeys.remove(key.kid());
                    publicKeys.remove(key.kid());
                    log.info("signing key {} removed: every token it signed has expired", key.kid());
                }
            }
            reload();
        } catch (RuntimeException e) {
            log.warn("signing key maintenance failed: {}", e.toString());
        }
    }

    void reload() {
        List<SigningKey> loaded = new ArrayList<>(mongo.findAll(SigningKey.class));
        loaded.sort(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::createdAt));
        keys = List.copyOf(loaded);
    }

    /** When the key stops being needed: its successor's activation plus the longest life of a token it signed. */
    private Optional<Instant> retiresAt(SigningKey key) {
        return keys.stream().filter(k -> key.kid().equals(k.successorOf())).findFirst()
                .map(successor -> successor.activatesAt().plus(settings.accessTokenValidity())
                        .plus(settings.clockSkew()));
    }

    private static String signingKid(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(k -> !k.activatesAt().isAfter(now))
                .max(Comparator.comparing(SigningKey::activatesAt)).map(SigningKey::kid).orElse(null);
    }

    private SigningKey create(String successorOf, Instant now, Instant activatesAt, String actor) {
        try {
            String kid = EventIds.next();
            RSAKey generated = new RSAKeyGenerator(settings.keySize()).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            SigningKey key = new SigningKey(kid, generated.toPublicJWK().toJSONString(),
                    encryption.encrypt(generated.toRSAPrivateKey().getEncoded(), kid), now, activatesAt, successorOf,
                    actor);
            mongo.insert(key);
            log.info("signing key {} created by {}, signs from {}", kid, actor, activatesAt);
            reload();
            return key;
        } catch (DuplicateKeyException anotherInstanceWasFaster) {
            reload();
            return null;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private RSAKey publicJwk(SigningKey key) {
        return publicKeys.computeIfAbsent(key.kid(), kid -> {
            try {
                return RSAKey.parse(key.publicJwk());
            } catch (ParseException e) {
                throw new IllegalStateException("stored public key " + kid + " is not a JWK", e);
            }
        });
    }

    private RSAKey decrypt(SigningKey key) {
        try {
            RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(encryption.decrypt(key.privateKey(), key.kid())));
            return new RSAKey.Builder(publicJwk(key)).privateKey(privateKey).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("stored private key " + key.kid() + " is unreadable", e);
        }
    }
}
