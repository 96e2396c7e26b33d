package ru.eshkola.kit.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.health.HealthStatus;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decodes and validates the platform's access tokens: RS256 only, {@code typ} {@code at+jwt} when present, a key
 * from the issuer's JWKS, then {@link TokenChecks}. Every refusal is a {@link TokenRejectedException} naming why.
 *
 * <p>The JWKS is fetched on first use, not at start, so a service starts while the issuer is down and recovers when
 * it is back. It is cached (refreshed ahead of expiry, kept through an outage of the issuer); a token with an
 * unknown {@code kid} makes Nimbus fetch it again (a key the issuer has just rotated in), at most twice per
 * {@value #REFETCH_INTERVAL_SECONDS} s, so forged {@code kid}s cannot turn a service into a load generator.
 */
public class AccessTokenDecoder implements JwtDecoder {

    static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    static final JOSEObjectType ACCESS_TOKEN_MEDIA_TYPE = new JOSEObjectType("application/at+jwt");
    static final long REFETCH_INTERVAL_SECONDS = 5;
    private static final int FETCH_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT = 64 * 1024;
    private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(AccessTokenDecoder.class);

    private final String jwkSetUri;
    private final NimbusJwtDecoder nimbus;
    /** Whether the last JWKS fetch worked (or served a copy through an outage); null before the first. */
    private volatile Boolean keysReachable;

    public AccessTokenDecoder(String jwkSetUri, OAuth2TokenValidator<Jwt> checks) {
        this(jwkSetUri, null, checks);
    }

    private AccessTokenDecoder(String jwkSetUri, JWKSource<SecurityContext> keys, OAuth2TokenValidator<Jwt> checks) {
        this.jwkSetUri = jwkSetUri;
        this.nimbus = NimbusJwtDecoder.withJwkSource(keys != null ? keys : jwkSource(jwkSetUri))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> {
                    processor.setJWSTypeVerifier(
                            new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN, ACCESS_TOKEN_MEDIA_TYPE, null));
                    processor.setJWTClaimsSetVerifier(AccessTokenDecoder::requireClaims);
                })
                .build();
        this.nimbus.setJwtValidator(checks);
    }

    /**
     * The decoder the kit installs: keys from the issuer's JWKS at {@code jwt.jwkSetUri()}, the configured issuer,
     * audience and clock skew, the real time.
     */
    public static AccessTokenDecoder of(SecuritySettings.Jwt jwt, TokenRevocations revocations) {
        return new AccessTokenDecoder(jwt.jwkSetUri(), new TokenChecks(jwt.issuer(), jwt.audience(), jwt.clockSkew(),
                revocations, Clock.systemUTC()));
    }

    /**
     * A decoder with the same checks over keys the service holds itself, for the issuer of the tokens: it verifies
     * what it signed without fetching its own JWKS over HTTP. {@code keys} answers from memory (a token whose
     * {@code kid} it does not hold is refused as {@link Denial#UNKNOWN_KEY}); {@code clock} is the one the issuer
     * stamps {@code iat} and {@code exp} with, so that the two always agree.
     */
    public static AccessTokenDecoder withKeys(JWKSource<SecurityContext> keys, String issuer, String audience,
            Duration clockSkew, TokenRevocations revocations, Clock clock) {
        return new AccessTokenDecoder("(keys held by this service)", keys,
                new TokenChecks(issuer, audience, clockSkew, revocations, clock));
    }

    private JWKSource<SecurityContext> jwkSource(String uri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(uri).toURL(),
                            new DefaultResourceRetriever(FETCH_TIMEOUT_MILLIS, FETCH_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                    .cache(CACHE_TIME_TO_LIVE.toMillis(), FETCH_TIMEOUT_MILLIS * 3L)
                    .rateLimited(Duration.ofSeconds(REFETCH_INTERVAL_SECONDS).toMillis())
                    .retrying(true)
                    .outageTolerant(true)
                    .healthReporting(report -> keysFetched(report.getHealthStatus() == HealthStatus.HEALTHY,
                            report.getException()))
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("eshkola.security.jwt.jwk-set-uri is not a URL: " + uri, e);
        }
    }

    private void keysFetched(boolean healthy, Exception failure) {
        Boolean before = keysReachable;
        keysReachable = healthy;
        if (!healthy && !Boolean.FALSE.equals(before)) {
            log.warn("the token signing keys cannot be fetched from {}: {}; every token is refused until they can",
                    jwkSetUri, failure == null ? "unknown error" : failure.toString());
        } else if (healthy && Boolean.FALSE.equals(before)) {
            log.info("the token signing keys are fetched from {} again", jwkSetUri);
        }
    }

    /**
     * On the raw claims, because Spring Security's claim mapping invents an {@code iat} (one second before
     * {@code exp}) for a token that has none, which would slip past the revocation check. The values themselves are
     * checked afterwards by {@link TokenChecks}.
     */
    private static void requireClaims(JWTClaimsSet claims, SecurityContext context) throws MissingClaims {
        if (claims.getSubject() == null || claims.getExpirationTime() == null || claims.getIssueTime() == null) {
            throw new MissingClaims();
        }
    }

    private static final class MissingClaims extends BadJWTException {

        MissingClaims() {
            super("JWT missing one of the required claims sub, exp, iat");
        }
    }

    @Override
    public Jwt decode(String token) {
        checkHeader(token);
        try {
            return nimbus.decode(token);
        } catch (JwtValidationException e) {
            for (OAuth2Error error : e.getErrors()) {
                if (error instanceof TokenChecks.Refusal refusal) {
                    throw new TokenRejectedException(refusal.denial(), refusal.subject(), e);
                }
            }
            throw new TokenRejectedException(Denial.CLAIMS, null, e);
        } catch (JwtException e) {
            throw new TokenRejectedException(classify(e), null, e);
        }
    }

    /**
     * The header alone decides algorithm and type, before any key is looked up: an unsigned or HMAC token (the
     * "public key as HMAC secret" attack) is refused without touching the JWKS.
     */
    private static void checkHeader(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw new TokenRejectedException(Denial.MALFORMED, null, null);
        }
        Algorithm algorithm;
        JOSEObjectType type;
        try {
            Header header = Header.parse(new Base64URL(token.substring(0, dot)));
            algorithm = header.getAlgorithm();
            type = header.getType();
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException(Denial.MALFORMED, null, e);
        }
        if (!(JWSAlgorithm.RS256.equals(algorithm))) {
            throw new TokenRejectedException(Denial.ALGORITHM, null, null);
        }
        if (type != null && !ACCESS_TOKEN.equals(type) && !ACCESS_TOKEN_MEDIA_TYPE.equals(type)) {
            throw new TokenRejectedException(Denial.TYPE, null, null);
        }
    }

    private Denial classify(JwtException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BadJWSException) {
                return Denial.SIGNATURE;
            }
            if (cause instanceof MissingClaims) {
                return Denial.CLAIMS;
            }
            if (cause instanceof RateLimitReachedException) {
                // a refetch refused: during an outage the keys are missing; otherwise a kid nobody publishes
                return Boolean.FALSE.equals(keysReachable) ? Denial.KEYS_UNAVAILABLE : Denial.UNKNOWN_KEY;
            }
            if (cause instanceof KeySourceException) {
                // the JWKS could not be fetched (issuer down, timeout, garbage) and no earlier copy is cached
                return Denial.KEYS_UNAVAILABLE;
            }
            if (cause instanceof BadJOSEException bad
                    && bad.getMessage() != null && bad.getMessage().contains("matching key")) {
                return Denial.UNKNOWN_KEY;
            }
            if (cause instanceof ParseException) {
                return Denial.MALFORMED;
            }
        }
        return Denial.MALFORMED;
    }
}
