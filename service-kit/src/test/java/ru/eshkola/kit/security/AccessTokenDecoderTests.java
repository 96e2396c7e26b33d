package ru.eshkola.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import ru.eshkola.kit.testing.TestTokens;

/** The decoder against TestTokens' JWKS server: what it accepts, and why it refuses everything else. */
class AccessTokenDecoderTests {

    private final TokenRevocations revocations = new TokenRevocations(null, Duration.ofSeconds(2), Duration.ofDays(1),
            Clock.systemUTC());

    private AccessTokenDecoder decoder() {
        return new AccessTokenDecoder(TestTokens.jwkSetUri(), new TokenChecks(TestTokens.issuer(), TestTokens.AUDIENCE,
                Duration.ofSeconds(30), revocations, Clock.systemUTC()));
    }

    @Test
    void acceptsTheIssuersAccessTokenAndKeepsItsClaims() {
        Jwt jwt = decoder().decode(TestTokens.teacher("staff-1", "school-1", "5a/math").encoded());

        assertThat(jwt.getSubject()).isEqualTo("staff-1");
        assertThat(jwt.getClaimAsStringList("teaching")).containsExactly("5a/math");
        assertThat(Caller.of(jwt).teaches("5a", "math")).isTrue();
    }

    @Test
    void refusesEachAttackWithItsOwnReason() {
        AccessTokenDecoder decoder = decoder();
        TestTokens.Token valid = TestTokens.guardian("acc-1", "s-1");

        assertRefused(decoder, valid.algNone().encoded(), Denial.ALGORITHM);
        assertRefused(decoder, valid.hs256WithPublicKey().encoded(), Denial.ALGORITHM);
        assertRefused(decoder, valid.header("alg", "RS512").encoded(), Denial.ALGORITHM);
        assertRefused(decoder, valid.type("JWT").encoded(), Denial.TYPE);
        assertRefused(decoder, valid.forged().encoded(), Denial.SIGNATURE);
        assertRefused(decoder, valid.signedWithUnknownKey().encoded(), Denial.UNKNOWN_KEY);
        assertRefused(decoder, valid.expired().encoded(), Denial.EXPIRED);
        assertRefused(decoder, valid.issuedAt(Instant.now().plusSeconds(120)).encoded(), Denial.NOT_YET_VALID);
        assertRefused(decoder, valid.claim("nbf", Instant.now().plusSeconds(120).getEpochSecond()).encoded(),
                Denial.NOT_YET_VALID);
        assertRefused(decoder, valid.issuer("http://127.0.0.1:1").encoded(), Denial.ISSUER);
        assertRefused(decoder, valid.claim("iss", null).encoded(), Denial.ISSUER);
        assertRefused(decoder, valid.issuer("not a url").encoded(), Denial.ISSUER);
        assertRefused(decoder, valid.audience("other").encoded(), Denial.AUDIENCE);
        assertRefused(decoder, valid.claim("aud", null).encoded(), Denial.AUDIENCE);
        assertRefused(decoder, valid.claim("exp", null).encoded(), Denial.CLAIMS);
        assertRefused(decoder, valid.claim("iat", null).encoded(), Denial.CLAIMS);
        assertRefused(decoder, valid.subject(null).encoded(), Denial.CLAIMS);
        assertRefused(decoder, "not-a-token", Denial.MALFORMED);
        assertRefused(decoder, "e30.e30.", Denial.MALFORMED); // a header without alg
        assertRefused(decoder, "eyJhbGciOiJub25lIn0.e30.", Denial.ALGORITHM);
        String encoded = valid.encoded();
        assertRefused(decoder, encoded.substring(0, encoded.indexOf('.') + 1) + "bm90IGpzb24"
                + encoded.substring(encoded.lastIndexOf('.')), Denial.MALFORMED);
    }

    @Test
    void anAudienceListContainingThePlatformIsAccepted() {
        Jwt jwt = decoder().decode(TestTokens.guardian("acc-1").claim("aud",
                java.util.List.of("another", TestTokens.AUDIENCE)).encoded());

        assertThat(jwt.getAudience()).contains(TestTokens.AUDIENCE);
    }

    @Test
    void aRevokedAccountsTokenIsRefusedWithItsSubject() {
        revocations.remember("acc-9", Instant.now()); // no store here: as if a refresh had read it
        TestTokens.Token token = TestTokens.guardian("acc-9").issuedAt(Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> decoder().decode(token.encoded()))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
                    assertThat(e.denial()).isEqualTo(Denial.REVOKED);
                    assertThat(e.subject()).isEqualTo("acc-9");
                });
    }

    @Test
    void theKeysAreFetchedOnceForManyTokensAndAgainForAnUnknownKeyId() {
        AccessTokenDecoder decoder = decoder();
        int before = TestTokens.jwksRequests();
        for (int i = 0; i < 20; i++) {
            decoder.decode(TestTokens.guardian("acc-" + i).encoded());
        }
        assertThat(TestTokens.jwksRequests() - before).as("cached after the first fetch").isEqualTo(1);

        assertRefused(decoder, TestTokens.guardian("acc-1").signedWithUnknownKey().encoded(), Denial.UNKNOWN_KEY);
        assertThat(TestTokens.jwksRequests() - before).as("an unknown kid is looked up once more").isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertRefused(decoder, TestTokens.guardian("acc-1").signedWithUnknownKey().encoded(), Denial.UNKNOWN_KEY);
        }
        assertThat(TestTokens.jwksRequests() - before).as("but not for every forged kid (rate limited)").isEqualTo(2);
    }

    @Test
    void aDecoderIsBuiltWithoutContactingTheIssuer() {
        AccessTokenDecoder unreachable = new AccessTokenDecoder("http://127.0.0.1:1/.well-known/jwks.json",
                new TokenChecks(TestTokens.issuer(), TestTokens.AUDIENCE, Duration.ofSeconds(30), revocations,
                        Clock.systemUTC()));

        assertRefused(unreachable, TestTokens.guardian("acc-1").encoded(), Denial.KEYS_UNAVAILABLE);
    }

    @Test
    void anIssuerVerifiesItsOwnTokensWithTheKeysItHoldsAndTheSameChecks() throws Exception {
        RSAKey own = new RSAKeyGenerator(2048).keyID("own-1").algorithm(JWSAlgorithm.RS256).generate();
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(own.toPublicJWK()));
        Instant now = Instant.parse("2030-01-01T10:00:00Z");
        Clock issuerClock = Clock.fixed(now, ZoneOffset.UTC);
        AccessTokenDecoder decoder = AccessTokenDecoder.withKeys(keys, "https://id.example", "eshkola",
                Duration.ofSeconds(30), revocations, issuerClock);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://id.example").subject("acc-7")
                .audience("eshkola").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)));

        assertThat(decoder.decode(signed(own, claims.build())).getSubject()).as("checked on the issuer's clock")
                .isEqualTo("acc-7");
        assertRefused(decoder, signed(own, claims.issuer("https://other.example").build()), Denial.ISSUER);
        assertRefused(decoder, signed(own, claims.issuer("https://id.example")
                .issueTime(Date.from(now.minusSeconds(960))).expirationTime(Date.from(now.minusSeconds(60))).build()),
                Denial.EXPIRED);
        assertRefused(decoder, TestTokens.guardian("acc-7").encoded(), Denial.UNKNOWN_KEY);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("own-1").generate();
        claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)));
        assertRefused(decoder, signed(stranger, claims.build()),
                Denial.SIGNATURE);
        revocations.remember("acc-7", now);
        assertRefused(decoder, signed(own, claims.build()), Denial.REVOKED);
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void assertRefused(AccessTokenDecoder decoder, String token, Denial denial) {
        assertThatThrownBy(() -> decoder.decode(token)).as(denial.tag())
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.denial()).isEqualTo(denial));
    }
}
