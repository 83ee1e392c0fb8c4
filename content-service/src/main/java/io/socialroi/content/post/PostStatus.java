package io.socialroi.content.post;

import java.util.EnumSet;
import java.util.Set;

/** Where a post is in its life: {@code DRAFT -> IN_REVIEW -> APPROVED -> SCHEDULED -> PUBLISHING -> PUBLISHED | FAILED}. */
public enum PostStatus {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHING, PUBLISHED, FAILED;

    /** Statuses in which the post may still be edited: everything before publishing starts, and a failure. */
    public static final Set<PostStatus> EDITABLE = EnumSet.of(DRAFT, IN_REVIEW, APPROVED, SCHEDULED, FAILED);
}
