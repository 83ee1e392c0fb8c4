package io.socialroi.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM at rest: round trip, a fresh nonce per value, bound to its row, rotation, and clear refusals. */
class SecretBoxTest {

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    final String key = newKey();
    final SecretBox box = new SecretBox(key, List.of());

    @Test
    void sealsWithAFreshNonceAndOpensForTheSameRowOnly() throws Exception {
        SecretBox.Sealed one = box.seal("whsec_plain_secret_value", "publisher/ws/X");
        SecretBox.Sealed two = box.seal("whsec_plain_secret_value", "publisher/ws/X");
        assertNotEquals(one.ciphertext(), two.ciphertext(), "a random nonce per value");
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(Base64.getDecoder().decode(one.ciphertext()), 12),
                java.util.Arrays.copyOf(Base64.getDecoder().decode(two.ciphertext()), 12)), "the nonces differ");
        assertFalse(one.ciphertext().contains("whsec"));
        assertEquals(box.currentKeyId(), one.keyId());
        assertTrue(one.keyId().matches("[0-9a-f]{8}"));
        assertEquals("whsec_plain_secret_value", box.open(one.keyId(), one.ciphertext(), "publisher/ws/X"));
        assertThrows(SecretBox.UnreadableSecretException.class,
                () -> box.open(one.keyId(), one.ciphertext(), "publisher/ws/LINKEDIN"), "copied into another row");
    }

    @Test
    void anAlteredValueOrAnotherKeyDoesNotOpen() {
        SecretBox.Sealed sealed = box.seal("secret-0123456789", "webhook/ws");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        String altered = Base64.getEncoder().encodeToString(bytes);
        assertThrows(SecretBox.UnreadableSecretException.class, () -> box.open(sealed.keyId(), altered, "webhook/ws"));
        assertThrows(SecretBox.UnreadableSecretException.class, () -> box.open(sealed.keyId(), "not base64!", "webhook/ws"));
        SecretBox other = new SecretBox(newKey(), List.of());
        SecretBox.UnreadableSecretException e = assertThrows(SecretBox.UnreadableSecretException.class,
                () -> other.open(sealed.keyId(), sealed.ciphertext(), "webhook/ws"));
        assertTrue(e.getMessage().contains("not configured"), e.getMessage());
        assertFalse(other.knows(sealed.keyId()));
    }

    @Test
    void aRotatedKeyStillOpensWhatThePreviousOneSealed() throws Exception {
        SecretBox.Sealed old = box.seal("secret-0123456789", "webhook/ws");
        SecretBox rotated = new SecretBox(newKey(), List.of(key));
        assertNotEquals(box.currentKeyId(), rotated.currentKeyId());
        assertTrue(rotated.knows(old.keyId()));
        assertEquals("secret-0123456789", rotated.open(old.keyId(), old.ciphertext(), "webhook/ws"));
        assertEquals(rotated.currentKeyId(), rotated.seal("x", "webhook/ws").keyId());
    }

    @Test
    void withoutAUsableKeyTheServiceDoesNotStart(@TempDir Path dir) throws Exception {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> SecretBox.fromConfig(Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(none.getMessage().contains("suite.secrets.key"), none.getMessage());
        IllegalStateException shortKey = assertThrows(IllegalStateException.class, () -> SecretBox.fromConfig(
                Optional.of(Base64.getEncoder().encodeToString(new byte[16])), Optional.empty(), Optional.empty()));
        assertTrue(shortKey.getMessage().contains("32 bytes"), shortKey.getMessage());
        assertThrows(IllegalStateException.class,
                () -> SecretBox.fromConfig(Optional.of("not base64 at all!"), Optional.empty(), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> SecretBox.fromConfig(Optional.empty(),
                Optional.of(dir.resolve("missing.key").toString()), Optional.empty()));
        Path file = dir.resolve("secrets.key");
        Files.writeString(file, key + "\n");
        assertEquals(box.currentKeyId(),
                SecretBox.fromConfig(Optional.empty(), Optional.of(file.toString()), Optional.empty()).currentKeyId());
    }
}
