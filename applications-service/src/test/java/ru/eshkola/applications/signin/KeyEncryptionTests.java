package ru.eshkola.applications.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeyEncryptionTests {

    static final String KEK = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    final KeyEncryption encryption = new KeyEncryption(KEK);

    @Test
    void aPrivateKeyComesBackOnlyUnderItsOwnIdAndTheSameKeyEncryptionKey() {
        byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);
        String sealed = encryption.encrypt(secret, "kid-1");

        assertThat(sealed).doesNotContain("private");
        assertThat(encryption.decrypt(sealed, "kid-1")).isEqualTo(secret);
        assertThatThrownBy(() -> encryption.decrypt(sealed, "kid-2")).hasMessageContaining("JWT_KEY_ENCRYPTION_KEY");
        KeyEncryption other = new KeyEncryption(Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> other.decrypt(sealed, "kid-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyEncryptionKeyOfTheWrongSizeStopsTheService() {
        assertThatThrownBy(() -> new KeyEncryption(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeyEncryption("not base64 !")).hasMessageContaining("base64");
    }
}
