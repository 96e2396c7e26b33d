package ru.eshkola.applications.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.signin.*}; each is listed with its environment variable in the README.
 *
 * @param issuer               the {@code iss} of every token and the base of the discovery document's URLs
 * @param audience             the {@code aud} of every access token
 * @param accessTokenValidity  lifetime of an access token
 * @param refreshTokenValidity lifetime of a refresh token (each use replaces it with a new one)
 * @param keyEncryptionKey     base64 of the 32-byte AES key that encrypts the signing keys' private halves
 * @param keySize              RSA modulus bits of new signing keys
 * @param keyRotationInterval  a signing key older than this is replaced automatically
 * @param keyPublishLead       how long a new key is in the JWKS before it signs
 * @param keyCheckInterval     how often keys are reloaded (other instances' rotations) and rotation is checked
 * @param jwksMaxAge           how long verifiers may cache the JWKS; must be shorter than keyPublishLead
 * @param clockSkew            tolerance between clocks when checking a token's times
 */
@ConfigurationProperties("eshkola.signin")
record SignInSettings(@DefaultValue("http://localhost:8083") String issuer, @DefaultValue("eshkola") String audience,
        @DefaultValue("15m") Duration accessTokenValidity, @DefaultValue("30d") Duration refreshTokenValidity,
        String keyEncryptionKey, @DefaultValue("2048") int keySize, @DefaultValue("90d") Duration keyRotationInterval,
        @DefaultValue("1h") Duration keyPublishLead, @DefaultValue("1m") Duration keyCheckInterval,
        @DefaultValue("10m") Duration jwksMaxAge, @DefaultValue("1m") Duration clockSkew,
        @DefaultValue Throttle throttle) {

    static final String DEVELOPMENT_KEY_ENCRYPTION_KEY = "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=";

    SignInSettings {
        if (keySize < 2048) {
            throw new IllegalArgumentException("eshkola.signin.key-size must be at least 2048");
        }
        if (!jwksMaxAge.minus(keyPublishLead).isNegative()) {
            throw new IllegalArgumentException("eshkola.signin.key-publish-lead must exceed jwks-max-age, or a "
                    + "verifier with a cached JWKS would meet tokens signed by a key it has not seen");
        }
    }

    /**
     * Lock-outs after failed sign-ins, counted per login and per client address within a window: after the free
     * failures each further one locks for twice as long as the previous, from firstLockout up to maxLockout.
     */
    record Throttle(@DefaultValue("5") int accountFreeFailures, @DefaultValue("30") int addressFreeFailures,
            @DefaultValue("30s") Duration firstLockout, @DefaultValue("15m") Duration maxLockout,
            @DefaultValue("15m") Duration window) {
    }
}
