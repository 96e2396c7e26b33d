package ru.eshkola.notification.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic message ids: SHA-256 of (cause, recipient, template), 128 bits in hex. */
final class MessageIds {

    private MessageIds() {
    }

    static String of(String sourceId, String recipientKey, String template) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest(String.join("\u001f", sourceId, recipientKey, template)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
