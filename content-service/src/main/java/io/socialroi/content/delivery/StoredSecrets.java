package io.socialroi.content.delivery;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.socialroi.common.secrets.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The signing secrets of publishers and webhooks (and the secret tokens of the publishers' platform webhooks), encrypted at rest with the deployment's {@link SecretBox}.
 * Each value is bound to its row (workspace, and platform for a publisher), so a ciphertext moved to another
 * row does not open. At start, rows still in clear (from before encryption) and rows sealed under a previous
 * key are sealed under the current one; a row no configured key opens is left as it is and reported: its
 * deliveries fail with a reason saying to configure the secret again, and the API keeps answering.
 */
@ApplicationScoped
public class StoredSecrets {

    /** The failure reason of a delivery whose secret does not open. */
    public static final String UNREADABLE = "the signing secret cannot be read with this deployment's keys; "
            + "configure it again";

    /** One table holding secrets, and how a row names its context (unique per row, as the key is). */
    private record Table(String name, String context) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("publisher", "'publisher/' || workspace_id || '/' || platform"),
            new Table("publisher_hook", "'publisher-hook/' || workspace_id || '/' || platform"),
            new Table("webhook_subscription", "'webhook/' || workspace_id"));

    private final SecretBox box;
    private final EntityManager em;

    public StoredSecrets(SecretBox box, EntityManager em) {
        this.box = box;
        this.em = em;
    }

    public static String publisherContext(UUID workspaceId, Object platform) {
        return "publisher/" + workspaceId + "/" + platform;
    }

    /** The secret a platform sends back with its webhook calls to a publisher (Telegram's secret_token). */
    public static String publisherHookContext(UUID workspaceId, Object platform) {
        return "publisher-hook/" + workspaceId + "/" + platform;
    }

    public static String webhookContext(UUID workspaceId) {
        return "webhook/" + workspaceId;
    }

    /** The key new secrets are sealed under. */
    public String currentKeyId() {
        return box.currentKeyId();
    }

    public SecretBox.Sealed seal(String plain, String context) {
        return box.seal(plain, context);
    }

    /** The secret in clear, or empty (logged) when no configured key opens it. */
    public Optional<String> open(String keyId, String ciphertext, String context) {
        try {
            return Optional.of(box.open(keyId, ciphertext, context));
        } catch (SecretBox.UnreadableSecretException e) {
            Log.errorf("Secret of %s %s", context, e.getMessage());
            return Optional.empty();
        }
    }

    void onStart(@Observes StartupEvent event) {
        sealStored();
    }

    /** Seals clear rows and rows of previous keys under the current key; answers how many it sealed. */
    public int sealStored() {
        int sealed = 0;
        int unreadable = 0;
        for (Table table : TABLES) {
            int[] counts = QuarkusTransaction.requiringNew().call(() -> seal(table));
            sealed += counts[0];
            unreadable += counts[1];
        }
        if (sealed > 0) {
            Log.infof("Sealed %d stored secrets under key %s", sealed, box.currentKeyId());
        }
        if (unreadable > 0) {
            Log.errorf("%d stored publisher or webhook secrets are sealed under a key this deployment does not have "
                    + "(suite.secrets.key, suite.secrets.previous-keys): their deliveries fail until the key is "
                    + "configured or the secrets are configured again", unreadable);
        }
        return sealed;
    }

    private int[] seal(Table table) {
        // FOR UPDATE: replicas starting together seal each row once (the second one re-reads it as sealed).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select secret, secret_key_id, " + table.context()
                + " from " + table.name() + " where secret is not null and (secret_key_id is null or secret_key_id <> ?1) for update")
                .setParameter(1, box.currentKeyId()).getResultList();
        int sealed = 0;
        int unreadable = 0;
        for (Object[] row : rows) {
            String keyId = (String) row[1];
            String context = (String) row[2];
            Optional<String> plain = keyId == null ? Optional.of((String) row[0])
                    : box.knows(keyId) ? open(keyId, (String) row[0], context) : Optional.empty();
            if (plain.isEmpty()) {
                unreadable++;
                continue;
            }
            SecretBox.Sealed value = box.seal(plain.get(), context);
            em.createNativeQuery("update " + table.name() + " set secret = ?1, secret_key_id = ?2 where "
                    + table.context() + " = ?3").setParameter(1, value.ciphertext()).setParameter(2, value.keyId())
                    .setParameter(3, context)
                    .executeUpdate();
            sealed++;
        }
        return new int[] {sealed, unreadable};
    }
}
