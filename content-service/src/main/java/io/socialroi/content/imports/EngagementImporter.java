package io.socialroi.content.imports;

import io.socialroi.content.post.Platform;

/**
 * Reads back what happened to a published post on one platform, with the workspace's connected account: one CDI
 * bean per platform, found by {@link #platform()} by {@link ImportRunner}. Implementations use the platform's
 * documented read API, bound every read (pages, items), and throw {@link ImportFailure} for what the platform
 * refused; they never write anything themselves.
 */
public interface EngagementImporter {

    Platform platform();

    /**
     * Whether {@link #read} takes the connected account's token (the default); false for importers that read with
     * the publisher's own credential (a DISCORD bot's token), which the runner then opens and passes instead.
     */
    default boolean usesAccount() {
        return true;
    }

    /**
     * @param remoteId the platform's id of the post, as its publisher stored it
     * @param accessToken the connected account's current token (or the publisher's own, see {@link #usesAccount})
     * @param target the publisher's destination (a Facebook Page id, a Discord bot's channel id), or null
     */
    Imported read(String remoteId, String accessToken, String target);
}
