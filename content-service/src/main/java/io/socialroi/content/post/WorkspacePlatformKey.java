package io.socialroi.content.post;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The key of what a workspace has once per platform (its publisher, its connected account): an {@code @IdClass}. */
public class WorkspacePlatformKey implements Serializable {

    public UUID workspaceId;
    public Platform platform;

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspacePlatformKey k && Objects.equals(workspaceId, k.workspaceId) && platform == k.platform;
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspaceId, platform);
    }
}
