package io.socialroi.common.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets a service keeps for calls it makes on a user's behalf (publisher and webhook signing
 * secrets) under the deployment's key: AES-256-GCM with a random 96-bit nonce per value, and a context (which
 * row the value belongs to) as associated data, so a ciphertext copied into another row does not open. Each
 * sealed value names its key by id (the first 8 hex digits of the key's SHA-256), so the key can rotate: the
 * new key seals, the keys listed as previous still open what they sealed until it has been sealed again.
 */
public final class SecretBox {

    /** A sealed value: the id of the key and {@code base64(nonce || ciphertext || tag)}. */
    public record Sealed(String keyId, String ciphertext) {
    }

    /** The value cannot be opened with the configured keys (unknown key id, another key, or altered). */
    public static final class UnreadableSecretException extends Exception {

        public UnreadableSecretException(String message) {
            super(message, null, false, false);
        }
    }

    static final String KEY_PROPERTY = "suite.secrets.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /** The current key first, then any previous ones (base64 of 32 bytes each). */
    public SecretBox(String currentKey, List<String> previousKeys) {
        SecretKey current = key(currentKey, KEY_PROPERTY);
        currentId = id(current);
        keys.put(currentId, current);
        for (String previous : previousKeys) {
            SecretKey key = key(previous, "suite.secrets.previous-keys");
            keys.putIfAbsent(id(key), key);
        }
    }

    /**
     * From configuration: {@code suite.secrets.key} (base64), else the file {@code suite.secrets.key-file}
     * holds it. Without either the service does not start: it would otherwise store secrets in clear.
     */
    public static SecretBox fromConfig(Optional<String> key, Optional<String> keyFile, Optional<List<String>> previous) {
        String current = key.filter(k -> !k.isBlank()).orElseGet(() -> keyFile.filter(f -> !f.isBlank())
                .map(SecretBox::read).orElseThrow(() -> new IllegalStateException("No key to encrypt stored secrets "
                        + "with: set " + KEY_PROPERTY + " (SUITE_SECRETS_KEY, base64 of 32 random bytes, e.g. "
                        + "`openssl rand -base64 32`) or suite.secrets.key-file (SUITE_SECRETS_KEY_FILE)")));
        return new SecretBox(current, previous.orElse(List.of()).stream().filter(p -> !p.isBlank()).toList());
    }

    public String currentKeyId() {
        return currentId;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Encrypts {@code plain} for the row named by {@code context} under the current key. */
    public Sealed seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(currentId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts a value sealed for {@code context}. */
    public String open(String keyId, String ciphertext, String context) throws UnreadableSecretException {
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new UnreadableSecretException("sealed under key " + keyId + ", which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UnreadableSecretException("does not open with key " + keyId + " (altered, or another key "
                    + "with the same id)");
        }
    }

    private static SecretKey key(String base64, String property) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (AES-256), base64-encoded; it has "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new IllegalStateException("suite.secrets.key-file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
