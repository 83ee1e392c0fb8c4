package io.socialroi.content.account;

import io.socialroi.content.imports.ImportFailure;
import io.socialroi.content.imports.PlatformReads;
import io.socialroi.content.post.Platform;
import io.socialroi.content.publish.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's own id of a connected account, for the platform webhooks that name the account rather than a
 * post: X Account Activity's {@code for_user_id} is the user id X API v2 answers to {@code GET /2/users/me}
 * ({@code users.read}, asked for from the start) as {@code {"data":{"id","name","username"}}}. Looked up with the
 * new access token at connect, and at a refresh while it is not known; best effort: no answer leaves it unknown (the
 * account still publishes and imports; only its webhooks are not matched until a refresh finds it). The other
 * platforms' webhooks name posts or Pages, so nothing is looked up for them.
 */
@ApplicationScoped
public class AccountIdentity {

    private final PlatformReads reads;
    private final PublishingConfig publishing;

    public AccountIdentity(PlatformReads reads, PublishingConfig publishing) {
        this.reads = reads;
        this.publishing = publishing;
    }

    public Optional<String> userId(Platform platform, String accessToken) {
        if (platform != Platform.X) {
            return Optional.empty();
        }
        try {
            PlatformReads.Answer me = reads.get("X", publishing.x().baseUrl().replaceAll("/+$", "") + "/2/users/me",
                    Map.of("Authorization", "Bearer " + accessToken, "User-Agent", "social-roi-suite"));
            String id = me.ok() ? me.json().path("data").path("id").asText("") : "";
            return id.matches("\\d{1,25}") ? Optional.of(id) : Optional.empty();
        } catch (ImportFailure e) {
            return Optional.empty();
        }
    }
}
