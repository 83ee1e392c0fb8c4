package io.socialroi.content.post;

import java.util.EnumSet;
import java.util.Set;

/** The moves a person can make on a post, each allowed only from certain statuses. */
public enum PostAction {
    SUBMIT(EnumSet.of(PostStatus.DRAFT), PostStatus.IN_REVIEW),
    APPROVE(EnumSet.of(PostStatus.IN_REVIEW), PostStatus.APPROVED),
    REJECT(EnumSet.of(PostStatus.IN_REVIEW, PostStatus.APPROVED), PostStatus.DRAFT),
    SCHEDULE(EnumSet.of(PostStatus.APPROVED), PostStatus.SCHEDULED),
    UNSCHEDULE(EnumSet.of(PostStatus.SCHEDULED), PostStatus.APPROVED),
    RETRY(EnumSet.of(PostStatus.FAILED), PostStatus.SCHEDULED);

    private final Set<PostStatus> from;
    private final PostStatus to;

    PostAction(Set<PostStatus> from, PostStatus to) {
        this.from = from;
        this.to = to;
    }

    public Set<PostStatus> from() {
        return from;
    }

    public PostStatus to() {
        return to;
    }

    public String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
