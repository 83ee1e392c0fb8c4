package io.socialroi.content.post;

import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Moves posts through their lifecycle. Each move locks the post, checks the status it starts from (409 and no
 * change otherwise) and writes who did it to the history in the same transaction.
 */
@ApplicationScoped
public class PostLifecycle {

    /** A schedule further in the past than this is refused as a mistake rather than published at once. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    private final Event<PostLifecycleEvent> events;
    private final io.socialroi.content.publish.PublisherRules publisherRules;
    private final MediaRules mediaRules;

    public PostLifecycle(Event<PostLifecycleEvent> events, io.socialroi.content.publish.PublisherRules publisherRules,
            MediaRules mediaRules) {
        this.mediaRules = mediaRules;
        this.publisherRules = publisherRules;
        this.events = events;
    }

    /** Must run in a transaction; answers the moved post. */
    public Post move(Workspace workspace, UUID postId, PostAction action, ActionRequest request, String actor) {
        Post post = Post.lockedInWorkspace(workspace.id, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        if (!action.from().contains(post.status)) {
            throw ProblemException.conflict("Cannot " + action.verb() + " a post that is " + post.status
                    + "; allowed from " + action.from());
        }
        if (action == PostAction.SUBMIT || action == PostAction.SCHEDULE) {
            // Before anything changes: a post the platform would refuse is refused now, not at publish time.
            PlatformRules.check(post);
            // The media themselves: size, aspect ratio, duration, as the platform will fetch them.
            mediaRules.check(post);
            // What the workspace's publisher of the platform cannot send (X_API media, REDDIT_API without its options).
            publisherRules.check(workspace.id, post);
        }
        String comment = request == null ? null : request.comment();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (action == PostAction.SCHEDULE) {
            Instant at = request == null || request.scheduledAt() == null ? post.scheduledAt
                    : Schedules.resolve("scheduledAt", request.scheduledAt(), Workspaces.zone(workspace));
            if (at == null) {
                throw ProblemException.invalid("scheduledAt", "is required: the post has no time yet");
            }
            if (at.isBefore(now.minus(PAST_TOLERANCE))) {
                throw ProblemException.invalid("scheduledAt", "is in the past");
            }
            post.scheduledAt = at.truncatedTo(ChronoUnit.MICROS);
            post.nextAttemptAt = post.scheduledAt;
            post.publishAttempts = 0;
            post.failureReason = null;
        } else if (action == PostAction.RETRY) {
            // Same delivery id as before: a receiver that did get an earlier attempt can tell it is the same post.
            post.nextAttemptAt = now;
            post.publishAttempts = 0;
            post.failureReason = null;
        } else if (action == PostAction.UNSCHEDULE || action == PostAction.REJECT) {
            post.nextAttemptAt = null;
        }
        if (action == PostAction.SUBMIT) {
            post.revision++;
        }
        PostStatus from = post.status;
        post.status = action.to();
        post.updatedAt = now;
        PostHistory.record(post, action.verb(), actor, from, comment);
        if (action == PostAction.APPROVE) {
            events.fire(new PostLifecycleEvent(PostLifecycleEvent.APPROVED, post.workspaceId, post.id));
        }
        return post;
    }

    /**
     * A person posted a hand-off (AWAITING_HANDOFF, 409 otherwise) and gives its URL on the platform (422 unless
     * https on the platform's own host): the post is PUBLISHED with that permalink. Must run in a transaction.
     */
    public Post markPublished(Workspace workspace, UUID postId, MarkPublishedRequest request, String actor) {
        Post post = Post.lockedInWorkspace(workspace.id, postId);
        if (post == null) {
            throw ProblemException.notFound("Post " + postId);
        }
        if (post.status != PostStatus.AWAITING_HANDOFF) {
            throw ProblemException.conflict("Cannot mark published a post that is " + post.status
                    + "; allowed from " + PostStatus.AWAITING_HANDOFF);
        }
        String url = request.url().trim();
        if (!PlatformRules.isPermalink(post.platform, url)) {
            throw ProblemException.invalid("url", "must be an https URL on " + PlatformRules.permalinkHost(post.platform)
                    + " (the post as published there)");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        post.status = PostStatus.PUBLISHED;
        post.publishedAt = now;
        post.permalink = url;
        post.nextAttemptAt = null;
        post.failureReason = null;
        post.updatedAt = now;
        PostHistory.record(post, "published", actor, PostStatus.AWAITING_HANDOFF,
                request.comment() == null ? url : url + " " + request.comment());
        events.fire(new PostLifecycleEvent(PostLifecycleEvent.PUBLISHED, post.workspaceId, post.id));
        return post;
    }
}
