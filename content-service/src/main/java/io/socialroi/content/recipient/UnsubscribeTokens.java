package io.socialroi.content.recipient;

import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token of an e-mail's one-click unsubscribe link ({@code List-Unsubscribe}, RFC 8058): {@code
 * base64url("<workspace> <platform> <address>") "." base64url(HMAC-SHA256)} truncated to 128 bits. The MAC key is
 * derived from the deployment key ({@code suite.secrets.key} or {@code suite.secrets.key-file}, the one
 * {@code SecretBox} seals with), so nobody without it can make a token that unsubscribes someone else; tokens made
 * under a previous key ({@code suite.secrets.previous-keys}) still verify after a rotation. A token never expires:
 * an unsubscribe link must keep working as long as the mail is read.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    /** What a token names. */
    public record Subject(UUID workspaceId, Platform platform, String address) {
    }

    private static final byte[] PURPOSE = "socialroi/unsubscribe/v1".getBytes(StandardCharsets.UTF_8);
    private static final int MAC_BYTES = 16;

    /** The current key first. */
    private final List<SecretKeySpec> keys = new ArrayList<>();

    public UnsubscribeTokens(@ConfigProperty(name = "suite.secrets.key") Optional<String> key,
            @ConfigProperty(name = "suite.secrets.key-file") Optional<String> keyFile,
            @ConfigProperty(name = "suite.secrets.previous-keys") Optional<List<String>> previous) {
        String current = key.filter(k -> !k.isBlank()).orElseGet(() -> keyFile.filter(f -> !f.isBlank())
                .map(UnsubscribeTokens::read).orElseThrow(() -> new IllegalStateException(
                        "No deployment key (suite.secrets.key or suite.secrets.key-file) to sign unsubscribe links")));
        keys.add(derive(current));
        previous.orElse(List.of()).stream().filter(p -> !p.isBlank()).map(UnsubscribeTokens::derive).forEach(keys::add);
    }

    public String token(UUID workspaceId, Platform platform, String address) {
        byte[] payload = (workspaceId + " " + platform + " " + address).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(keys.get(0), payload));
    }

    /** What a genuine token names; empty for anything else (malformed, altered, or signed with another key). */
    public Optional<Subject> verify(String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] given;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean genuine = false;
        for (SecretKeySpec k : keys) {
            genuine |= MessageDigest.isEqual(mac(k, payload), given);
        }
        if (!genuine) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(" ", 3);
        try {
            return Optional.of(new Subject(UUID.fromString(parts[0]), Platform.valueOf(parts[1]), parts[2]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(payload);
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key for this purpose only: HMAC of the purpose under the deployment key, never the key itself. */
    private static SecretKeySpec derive(String base64) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64.strip()), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(PURPOSE), "HmacSHA256");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("suite.secrets.key is not a base64 key", e);
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
