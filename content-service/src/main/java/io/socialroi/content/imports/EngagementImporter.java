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
     * @param remoteId the platform's id of the post, as its publisher stored it
     * @param accessToken the connected account's current token
     * @param target the publisher's destination (a Facebook Page id), or null
     */
    Imported read(String remoteId, String accessToken, String target);
}
