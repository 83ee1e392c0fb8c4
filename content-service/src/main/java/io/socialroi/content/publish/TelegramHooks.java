package io.socialroi.content.publish;

import io.socialroi.content.delivery.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Sets up a TELEGRAM publisher's webhook when it is saved: a random {@code secret_token} (32 random bytes, base64url,
 * within Telegram's 1-256 characters of A-Z, a-z, 0-9, _ and -) sealed like the publisher's own secret, and
 * {@code setWebhook} to {@code <hooks-base-url>/hooks/telegram/<publisher id>} ({@link TelegramPublisher#setWebhook}).
 * Every save makes a new secret token, so a leaked one ends with the next save; the publisher id stays. What
 * Telegram answered is kept ({@link PublisherHook#error}) and shown; a refusal does not refuse the save, since
 * publishing works without the webhook. A publisher of the platform that is no longer TELEGRAM loses its hook (its
 * URL then answers 404).
 */
@ApplicationScoped
public class TelegramHooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TelegramPublisher telegram;
    private final StoredSecrets secrets;
    private final PublishingConfig config;

    public TelegramHooks(TelegramPublisher telegram, StoredSecrets secrets, PublishingConfig config) {
        this.telegram = telegram;
        this.secrets = secrets;
        this.config = config;
    }

    /** The hook URL of a publisher id under a public base URL. */
    static String url(String base, UUID id) {
        return base.replaceAll("/+$", "") + "/hooks/telegram/" + id;
    }

    String base() {
        return config.telegram().hooksBaseUrl();
    }

    /** In the transaction that saved {@code publisher}, with the bot token it was given (null for other types). */
    void saved(Publisher publisher, String botToken) {
        PublisherHook hook = PublisherHook.of(publisher.workspaceId, publisher.platform);
        if (publisher.type != PublisherType.TELEGRAM) {
            if (hook != null) {
                hook.delete();
            }
            return;
        }
        if (hook == null) {
            hook = new PublisherHook();
            hook.workspaceId = publisher.workspaceId;
            hook.platform = publisher.platform;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secretToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var sealed = secrets.seal(secretToken, StoredSecrets.publisherHookContext(hook.workspaceId, hook.platform));
        hook.secret = sealed.ciphertext();
        hook.secretKeyId = sealed.keyId();
        hook.error = telegram.setWebhook(botToken, url(base(), publisher.publicId), secretToken);
        hook.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        hook.persist();
    }
}
