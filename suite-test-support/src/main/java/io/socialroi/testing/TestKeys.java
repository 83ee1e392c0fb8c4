package io.socialroi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An RSA key pair generated once per test JVM and written as PEM files, so no key material is ever
 * committed. The private key signs test tokens (and content-service's own in its tests); the public key
 * is what every service verifies with.
 */
public final class TestKeys {

    private static final KeyPair PAIR = generate();
    private static final Path DIR = write();
    private static final String SECRETS_KEY = randomKey();

    private TestKeys() {
    }

    public static PrivateKey privateKey() {
        return PAIR.getPrivate();
    }

    public static Path publicKeyPem() {
        return DIR.resolve("public.pem");
    }

    public static Path privateKeyPem() {
        return DIR.resolve("private.pem");
    }

    /** A random AES-256 key (base64) for {@code suite.secrets.key}, the same for the whole test JVM. */
    public static String secretsKey() {
        return SECRETS_KEY;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write() {
        try {
            Path dir = Files.createTempDirectory("suite-test-keys");
            dir.toFile().deleteOnExit();
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", PAIR.getPublic().getEncoded()));
            Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", PAIR.getPrivate().getEncoded()));
            dir.resolve("public.pem").toFile().deleteOnExit();
            dir.resolve("private.pem").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
