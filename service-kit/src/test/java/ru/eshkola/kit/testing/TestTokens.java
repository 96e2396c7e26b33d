package ru.eshkola.kit.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for tests, shaped like applications-service's (RS256, {@code typ: at+jwt}, {@code kid}, the platform's
 * claims), signed by one RSA key per test JVM whose JWKS a small JDK HTTP server on a loopback port publishes.
 * {@link ServiceIntegrationTest} points every service under test at it ({@code eshkola.security.jwt.issuer},
 * {@code jwk-set-uri}, {@code audience}), so a token from here is valid there:
 *
 * <pre>{@code
 * http.withToken(TestTokens.guardian("acc-1", "student-7")).get("/api/v1/diary/student-7");
 * http.withToken(TestTokens.teacher("staff-3", "school-1", "class-5a/math").expired()).get(...);  // 401
 * }</pre>
 *
 * Plain JDK cryptography, no JOSE library, so the kit's test jar works in services without Spring Security too.
 * Tokens are immutable: each modifier returns a new one.
 */
public final class TestTokens {

    public static final String AUDIENCE = "eshkola";
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    static final String KEY_ID = "test-key-1";
    private static final JsonMapper JSON = JsonMapper.shared();

    private static KeyPair signingKey;
    private static KeyPair unknownKey;
    private static HttpServer server;
    private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();

    private TestTokens() {
    }

    // ---- who

    /** A guardian (or any account) allowed to read the given students' diaries. */
    public static Token guardian(String accountId, String... studentIds) {
        return account(accountId, "GUARDIAN").claim("students", List.of(studentIds));
    }

    /** A student reading their own diary; the account id is the student id unless {@link Token#subject} says else. */
    public static Token student(String studentId) {
        return account(studentId, "STUDENT").claim("students", List.of(studentId));
    }

    /**
     * A teacher at a school, teaching the given {@code "<classId>/<subjectId>"} pairs ({@code classes} and
     * {@code subjects} follow from them). The staff id is also the account id (change it with {@link Token#subject})
     * and the one entry of the {@code staff} claim.
     */
    public static Token teacher(String staffId, String schoolId, String... teachingPairs) {
        Set<String> classes = new LinkedHashSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        for (String pair : teachingPairs) {
            int slash = pair.indexOf('/');
            if (slash <= 0 || slash == pair.length() - 1) {
                throw new IllegalArgumentException("a teaching pair is <classId>/<subjectId>: " + pair);
            }
            classes.add(pair.substring(0, slash));
            subjects.add(pair.substring(slash + 1));
        }
        return account(staffId, "TEACHER").claim("schools", List.of(schoolId))
                .claim("classes", List.copyOf(classes)).claim("subjects", List.copyOf(subjects))
                .claim("teaching", List.of(teachingPairs)).claim("staff", List.of(staffId));
    }

    /** The administrator of a school; like {@link #teacher}, the staff id is the account id and the staff claim. */
    public static Token schoolAdministrator(String staffId, String schoolId) {
        return account(staffId, "SCHOOL_ADMINISTRATOR").claim("schools", List.of(schoolId))
                .claim("adminSchools", List.of(schoolId)).claim("staff", List.of(staffId));
    }

    public static Token municipalOperator(String accountId, String municipalityId) {
        return account(accountId, "MUNICIPAL_OPERATOR").claim("municipality", municipalityId);
    }

    public static Token regionalOperator(String accountId, String regionId) {
        return account(accountId, "REGIONAL_OPERATOR").claim("region", regionId);
    }

    /** An account with the given roles and no other claim: a starting point for anything else. */
    public static Token account(String accountId, String... roles) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", accountId);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(VALIDITY).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of(roles));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "at+jwt");
        header.put("kid", KEY_ID);
        return new Token(header, claims, Signing.RS256);
    }

    // ---- the issuer under test

    /** The issuer URL tokens name, the base of the JWKS server; starts it on first use. */
    public static String issuer() {
        return "http://127.0.0.1:" + server().getAddress().getPort();
    }

    public static String jwkSetUri() {
        return issuer() + "/.well-known/jwks.json";
    }

    /** The public JWKS, to serve from elsewhere (e.g. a test's own server that starts late). */
    public static String jwkSet() {
        RSAPublicKey key = (RSAPublicKey) signingKey().getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", KEY_ID);
        jwk.put("n", base64Url(unsigned(key.getModulus())));
        jwk.put("e", base64Url(unsigned(key.getPublicExponent())));
        return JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
    }

    /** How often the JWKS was fetched from the JVM's server: shows caching and refetching. */
    public static int jwksRequests() {
        return JWKS_REQUESTS.get();
    }

    private static synchronized HttpServer server() {
        if (server == null) {
            try {
                HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                started.createContext("/.well-known/jwks.json", exchange -> {
                    JWKS_REQUESTS.incrementAndGet();
                    respond(exchange, "application/jwk-set+json", jwkSet());
                });
                started.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                        "application/json", JSON.writeValueAsString(Map.of("issuer", issuer(),
                                "jwks_uri", jwkSetUri(), "id_token_signing_alg_values_supported", List.of("RS256")))));
                started.start();
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static synchronized KeyPair signingKey() {
        if (signingKey == null) {
            signingKey = rsa();
        }
        return signingKey;
    }

    private static synchronized KeyPair unknownKey() {
        if (unknownKey == null) {
            unknownKey = rsa();
        }
        return unknownKey;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private enum Signing { RS256, UNKNOWN_KEY, NONE, HS256_WITH_PUBLIC_KEY }

    /** One token, changed by its modifiers (each returns a copy), turned into text by {@link #encoded()}. */
    public static final class Token {

        private final Map<String, Object> header;
        private final Map<String, Object> claims;
        private final Signing signing;

        private Token(Map<String, Object> header, Map<String, Object> claims, Signing signing) {
            this.header = header;
            this.claims = claims;
            this.signing = signing;
        }

        private Token with(Map<String, Object> newHeader, Map<String, Object> newClaims, Signing newSigning) {
            return new Token(new LinkedHashMap<>(newHeader), new LinkedHashMap<>(newClaims), newSigning);
        }

        /** Sets a claim ({@code null} removes it); a collection becomes a JSON array. */
        public Token claim(String name, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(claims);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value instanceof Set<?> set ? new ArrayList<>(set) : value);
            }
            return with(header, changed, signing);
        }

        /** Sets a header parameter ({@code null} removes it). */
        public Token header(String name, Object value) {
            Map<String, Object> changed = new LinkedHashMap<>(header);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return with(changed, claims, signing);
        }

        public Token subject(String accountId) {
            return claim("sub", accountId);
        }

        /** Adds roles to those the token has. */
        public Token withRoles(String... roles) {
            List<Object> all = new ArrayList<>(claims.get("roles") instanceof List<?> list ? list : List.of());
            all.addAll(List.of(roles));
            return claim("roles", all);
        }

        /** Issued at that instant, expiring {@link #VALIDITY} later. */
        public Token issuedAt(Instant issuedAt) {
            return claim("iat", issuedAt.getEpochSecond()).claim("exp", issuedAt.plus(VALIDITY).getEpochSecond());
        }

        /** Expired five minutes ago (well beyond any clock skew). */
        public Token expired() {
            return issuedAt(Instant.now().minus(VALIDITY).minus(Duration.ofMinutes(5)));
        }

        public Token issuer(String issuer) {
            return claim("iss", issuer);
        }

        public Token audience(String audience) {
            return claim("aud", audience);
        }

        /** Another token type in the header (e.g. {@code JWT}: an ID token is no access token). */
        public Token type(String typ) {
            return header("typ", typ);
        }

        /** Signed by a key the JWKS does not publish, under a {@code kid} it does not know. */
        public Token signedWithUnknownKey() {
            return with(header, claims, Signing.UNKNOWN_KEY).header("kid", "unknown-" + KEY_ID);
        }

        /** Signed by a key the JWKS does not publish, under the {@code kid} of the one it does: a forgery. */
        public Token forged() {
            return with(header, claims, Signing.UNKNOWN_KEY);
        }

        /** {@code alg: none}, no signature. */
        public Token algNone() {
            return with(header, claims, Signing.NONE).header("alg", "none");
        }

        /** HS256 with the issuer's PUBLIC key as the HMAC secret: the classic algorithm-confusion attack. */
        public Token hs256WithPublicKey() {
            return with(header, claims, Signing.HS256_WITH_PUBLIC_KEY).header("alg", "HS256");
        }

        /** The compact JWT. */
        public String encoded() {
            String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "."
                    + base64Url(JSON.writeValueAsBytes(claims));
            byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
            try {
                return signingInput + "." + switch (signing) {
                    case RS256 -> base64Url(rs256(signingKey().getPrivate(), input));
                    case UNKNOWN_KEY -> base64Url(rs256(unknownKey().getPrivate(), input));
                    case NONE -> "";
                    case HS256_WITH_PUBLIC_KEY -> {
                        Mac mac = Mac.getInstance("HmacSHA256");
                        mac.init(new SecretKeySpec(signingKey().getPublic().getEncoded(), "HmacSHA256"));
                        yield base64Url(mac.doFinal(input));
                    }
                };
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The {@code Authorization} header value: {@code Bearer <jwt>}. */
        public String bearer() {
            return "Bearer " + encoded();
        }

        @Override
        public String toString() {
            return "TestTokens.Token" + claims;
        }

        private static byte[] rs256(PrivateKey key, byte[] input) throws GeneralSecurityException {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input);
            return signature.sign();
        }
    }
}
