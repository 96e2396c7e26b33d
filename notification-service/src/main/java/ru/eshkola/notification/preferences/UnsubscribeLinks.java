package ru.eshkola.notification.preferences;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signed unsubscribe links: {@code <publicUrl>/api/v1/unsubscribe?token=<payload>.<signature>}, the payload naming the
 * recipient and the category, the signature an HMAC-SHA256 under {@code NOTIFICATION_LINK_SECRET}. Whoever holds the
 * link may unsubscribe that recipient from that category and nothing else; no login is needed, as mail readers
 * expect. The links do not expire: an old mail's link still works.
 */
@Component
public class UnsubscribeLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token says. */
    public record Subscription(String recipientId, Category category) {
    }

    private final SecretKeySpec key;
    private final String base;

    UnsubscribeLinks(PreferenceSettings settings) {
        this.key = new SecretKeySpec(settings.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.base = settings.publicUrl().replaceAll("/+$", "");
    }

    /** The link for mails of this category to this recipient; none for mandatory categories. */
    public Optional<String> url(String recipientId, Category category) {
        if (category.mandatory() || recipientId == null) {
            return Optional.empty();
        }
        return Optional.of(base + "/api/v1/unsubscribe?token=" + token(recipientId, category));
    }

    /** A signed token; also for mandatory categories, which the unsubscribe page then refuses. */
    public String token(String recipientId, Category category) {
        String payload = ENCODER.encodeToString((category.name() + ":" + recipientId).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    public Optional<Subscription> verify(String token) {
        if (token == null || token.length() > 600) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String text = new String(DECODER.decode(payload), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return Optional.of(new Subscription(text.substring(colon + 1), Category.valueOf(text.substring(0, colon))));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
