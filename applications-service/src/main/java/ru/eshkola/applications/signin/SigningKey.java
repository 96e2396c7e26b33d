package ru.eshkola.applications.signin;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing key as stored: the public JWK in clear, the private key encrypted ({@link KeyEncryption}). Its state is
 * derived from time alone — published from creation, signing from {@code activatesAt} until its successor
 * activates, in the JWKS until the last token it signed has expired — so every instance agrees without coordination.
 *
 * @param successorOf the key it replaces; unique, so two instances rotating at once create one successor, not two
 */
@Document("signing_keys")
record SigningKey(@Id String kid, String publicJwk, String privateKey, Instant createdAt, Instant activatesAt,
        @Indexed(unique = true) String successorOf, String createdBy) {

    static final String FIRST = "none";
}
