package io.socialroi.content.post;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a post is in its life: {@code DRAFT -> IN_REVIEW -> APPROVED -> SCHEDULED -> PUBLISHING -> PUBLISHED | FAILED}.
 * A post for a platform without a posting API (Quora, publisher type QUORA_ASSISTED) goes from PUBLISHING to
 * {@code AWAITING_HANDOFF} when due: a person posts it and marks it PUBLISHED with its URL.
 */
public enum PostStatus {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHING, AWAITING_HANDOFF, PUBLISHED, FAILED;

    /** Statuses in which the post may still be edited: everything before publishing starts, and a failure. */
    public static final Set<PostStatus> EDITABLE = EnumSet.of(DRAFT, IN_REVIEW, APPROVED, SCHEDULED, FAILED);
}
