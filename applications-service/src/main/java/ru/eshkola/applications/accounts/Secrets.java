package ru.eshkola.applications.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords, one-time tokens and their hashes. Passwords: Argon2id (memory-hard, Spring Security's current
 * defaults). Tokens are 256 random bits, so a fast SHA-256 is enough to make the stored form useless to a reader of
 * the database.
 */
@Component
public class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** verified against when the login is unknown, so that unknown and known logins take the same time */
    private final String decoy = passwords.encode("decoy-" + RANDOM.nextLong());

    String hashPassword(String password) {
        return passwords.encode(password);
    }

    boolean matches(String password, String hash) {
        return passwords.matches(password, hash == null ? decoy : hash) && hash != null;
    }

    /** A fresh random token, URL-safe. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares hashes in constant time. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
