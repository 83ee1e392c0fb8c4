package io.socialroi.content.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsSaltedArgon2idInPhcFormat() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second);
        assertTrue(hasher.matches("correct horse battery", first));
        assertTrue(hasher.matches("correct horse battery", second));
        assertFalse(hasher.matches("correct horse batterY", first));
    }

    @Test
    void readsTheCostFromTheStoredHash() {
        // A hash made elsewhere with other parameters (64 KiB, 1 pass) still verifies, so the cost can change.
        byte[] salt = "saltsaltsaltsalt".getBytes(StandardCharsets.UTF_8);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(64).withIterations(1)
                .withParallelism(1).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes("pw".getBytes(StandardCharsets.UTF_8), out);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String stored = "$argon2id$v=19$m=64,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
        assertTrue(hasher.matches("pw", stored));
        assertFalse(hasher.matches("pw", stored.replace("t=1", "t=2")));
    }

    @Test
    void malformedHashesMatchNothing() {
        assertFalse(hasher.matches("pw", null));
        assertFalse(hasher.matches(null, hasher.hash("pw")));
        assertFalse(hasher.matches("pw", "plain"));
        assertFalse(hasher.matches("pw", "$argon2i$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA"));
        assertFalse(hasher.matches("pw", "$argon2id$v=19$m=x,t=1,p=1$c2FsdA$aGFzaA"));
        assertFalse(hasher.matches("pw", "$argon2id$v=19$m=64,t=1,p=1$***$aGFzaA"));
    }
}
