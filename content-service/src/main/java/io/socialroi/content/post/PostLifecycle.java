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

    public PostLifecycle(Event<PostLifecycleEvent> events) {
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
}
