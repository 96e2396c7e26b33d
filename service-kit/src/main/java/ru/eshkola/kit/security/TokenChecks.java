package ru.eshkola.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a signature-verified token must also say: a subject, an expiry not passed and an issue time not in the future
 * (both within the clock skew), the configured issuer, the configured audience among its {@code aud}, and no
 * revocation of its account covering its issue time. {@code exp} and {@code iat} are required (RFC 9068), unlike in
 * Spring Security's default validators: a token without an expiry would live forever, and one without an issue time
 * could not be revoked.
 */
final class TokenChecks implements OAuth2TokenValidator<Jwt> {

    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final TokenRevocations revocations;
    private final Clock clock;

    TokenChecks(String issuer, String audience, Duration skew, TokenRevocations revocations, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String subject = jwt.getSubject();
        Instant now = clock.instant();
        Instant expires = jwt.getExpiresAt();
        Instant issued = jwt.getIssuedAt();
        if (subject == null || subject.isBlank() || expires == null || issued == null) {
            return refuse(Denial.CLAIMS, subject);
        }
        if (!now.isBefore(expires.plus(skew))) {
            return refuse(Denial.EXPIRED, subject);
        }
        if (issued.isAfter(now.plus(skew))
                || (jwt.getNotBefore() != null && jwt.getNotBefore().isAfter(now.plus(skew)))) {
            return refuse(Denial.NOT_YET_VALID, subject);
        }
        if (!issuer.equals(jwt.getClaimAsString("iss"))) { // as text: an issuer need not be a URL
            return refuse(Denial.ISSUER, subject);
        }
        List<String> audiences = jwt.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            return refuse(Denial.AUDIENCE, subject);
        }
        if (revocations.isRevoked(subject, issued)) {
            return refuse(Denial.REVOKED, subject);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refuse(Denial denial, String subject) {
        return OAuth2TokenValidatorResult.failure(new Refusal(denial, subject));
    }

    /** An {@link OAuth2Error} that keeps the reason and the (verified) subject for the log and the meter. */
    static final class Refusal extends OAuth2Error {

        private final Denial denial;
        private final String subject;

        Refusal(Denial denial, String subject) {
            super(OAuth2ErrorCodes.INVALID_TOKEN, denial.description(), null);
            this.denial = denial;
            this.subject = subject;
        }

        Denial denial() {
            return denial;
        }

        String subject() {
            return subject;
        }
    }
}
