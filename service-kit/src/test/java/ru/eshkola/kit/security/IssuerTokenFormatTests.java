package ru.eshkola.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wire format of the real issuer, without its code: a token built the way applications-service's sign-in builds
 * it (Nimbus, RS256, {@code typ at+jwt}, {@code kid}, a single-string {@code aud}, array claims, operator scalars),
 * and its JWKS as it serves it ({@code JWKSet.toJSONObject(true)}), pass the kit's decoder and map into a
 * {@link Caller}. If the issuer's format and the kit's expectations part, this fails; TestTokens' own JDK-made
 * tokens cannot show that.
 */
class IssuerTokenFormatTests {

    private static final String ISSUER = "http://localhost:8083";
    private HttpServer jwks;
    private RSAKey key;

    @BeforeEach
    void publishKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k-2026-01").keyUse(KeyUse.SIGNATURE).generate();
        byte[] body = new tools.jackson.databind.json.JsonMapper().writeValueAsBytes(
                new JWKSet(key).toJSONObject(true));
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void aTokenSignedTheWayTheIssuerSignsIsAcceptedAndMapped() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("acc-42").audience("eshkola")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID("0195b3c0-0000-7000-8000-000000000001")
                .claim("name", "Иванова Мария").claim("preferred_username", "maria@example.ru")
                .claim("roles", List.of("GUARDIAN", "TEACHER"))
                .claim("students", List.of("st-1", "st-2"))
                .claim("schools", List.of("sch-1"))
                .claim("classes", List.of("cl-5a")).claim("subjects", List.of("sub-math"))
                .claim("teaching", List.of("cl-5a/sub-math"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(key));

        AccessTokenDecoder decoder = new AccessTokenDecoder(
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                new TokenChecks(ISSUER, "eshkola", Duration.ofSeconds(30),
                        new TokenRevocations(null, Duration.ofSeconds(2), Duration.ofDays(1), Clock.systemUTC()),
                        Clock.systemUTC()));
        Caller caller = Caller.of(decoder.decode(jwt.serialize()));

        assertThat(caller.accountId()).isEqualTo("acc-42");
        assertThat(caller.roles()).containsExactly(Roles.GUARDIAN, Roles.TEACHER);
        assertThat(caller.students()).containsExactly("st-1", "st-2");
        assertThat(caller.teaches("cl-5a", "sub-math")).isTrue();
        assertThat(caller.adminSchools()).isEmpty();
        assertThat(caller.municipality()).isNull();
        assertThat(caller.tokenId()).isEqualTo("0195b3c0-0000-7000-8000-000000000001");
    }
}
