package io.socialroi.content.post;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.campaign.Campaign;
import io.socialroi.content.common.Urls;
import io.socialroi.content.registration.PostRegistration;
import io.socialroi.content.registration.RegistrationOutbox;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Creating and editing posts: validation, the tracked link, and keeping engagement-service's directory in step. */
@ApplicationScoped
public class PostService {

    /** What validation found out on the way: the campaign's slug and the schedule as an instant. */
    private record Checked(String campaignSlug, Instant scheduledAt) {
    }

    private final RegistrationOutbox outbox;

    public PostService(RegistrationOutbox outbox) {
        this.outbox = outbox;
    }

    public Post create(Workspace workspace, PostRequest request, String actor) {
        Checked checked = validate(workspace, request, null);
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.workspaceId = workspace.id;
        post.status = PostStatus.DRAFT;
        post.createdBy = actor;
        post.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        apply(post, request, checked);
        post.persist();
        PostHistory.record(post, "created", actor, null, null);
        register(post, checked.campaignSlug());
        return post;
    }

    /**
     * Applies an edit. Changing what was approved (anything but the schedule) of an approved or scheduled
     * post withdraws the approval: it goes back to DRAFT, so nothing is published that nobody approved.
     * True when the edit queued a new registration (campaign, platform, stage or landing URL changed): the
     * caller then delivers it after the commit ({@link RegistrationOutbox#deliverNow}).
     */
    public boolean update(Workspace workspace, Post post, PostRequest request, String actor) {
        if (!PostStatus.EDITABLE.contains(post.status)) {
            throw ProblemException.conflict("Post is " + post.status + " and can no longer be changed");
        }
        Checked checked = validate(workspace, request, post.campaignId);
        List<String> changed = changedFields(post, request, checked);
        if (changed.isEmpty()) {
            return false;
        }
        if (post.status == PostStatus.SCHEDULED && checked.scheduledAt() == null) {
            throw ProblemException.invalid("scheduledAt", "a scheduled post needs a time; unschedule it instead");
        }
        boolean relink = !Objects.equals(post.campaignId, request.campaignId()) || post.platform != request.platform()
                || post.funnelStage != request.funnelStage() || !Objects.equals(post.landingUrl, request.landingUrl());
        PostStatus from = post.status;
        apply(post, request, checked);
        post.revision++;
        String comment = "changed " + String.join(", ", changed);
        boolean contentChanged = changed.stream().anyMatch(f -> !f.equals("scheduledAt"));
        if (contentChanged && EnumSet.of(PostStatus.APPROVED, PostStatus.SCHEDULED).contains(from)) {
            post.status = PostStatus.DRAFT;
            post.nextAttemptAt = null;
            comment += "; approval withdrawn";
        } else if (post.status == PostStatus.SCHEDULED) {
            post.nextAttemptAt = post.scheduledAt;
        }
        PostHistory.record(post, "edited", actor, from, comment);
        if (relink) {
            register(post, checked.campaignSlug());
        }
        return relink;
    }

    /** Queues the post's current values (all of them, on every change) as its directory entry. */
    private void register(Post post, String campaignSlug) {
        post.linkDestination = post.landingUrl == null ? null
                : TrackedLinks.destination(post.landingUrl, post.platform, campaignSlug, post.id);
        if (post.landingUrl != null && post.linkCode == null) {
            post.linkCode = TrackedLinks.newCode();
        }
        PostRegistration.Link link = post.landingUrl == null ? null
                : new PostRegistration.Link(post.linkCode, post.linkDestination);
        outbox.enqueue(post.workspaceId, post.id, new PostRegistration(post.campaignId, post.platform.name(),
                post.funnelStage.name(), link));
        post.registered = false;
    }

    /**
     * After the commit of a write that queued a registration: sends it before the API answers, within
     * {@code suite.registration.inline-timeout}, and records on the post whether it arrived.
     */
    public void deliverRegistration(Post post) {
        post.registered = outbox.deliverNow(post.workspaceId, post.id);
    }

    private static void apply(Post post, PostRequest request, Checked checked) {
        post.campaignId = request.campaignId();
        post.platform = request.platform();
        post.funnelStage = request.funnelStage();
        post.caption = request.caption();
        post.mediaUrls = request.mediaUrls() == null ? new ArrayList<>() : new ArrayList<>(request.mediaUrls());
        post.callToAction = request.callToAction();
        post.landingUrl = request.landingUrl();
        post.platformOptions = PlatformOptions.normalized(request.platformOptions());
        post.scheduledAt = checked.scheduledAt();
        post.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<String> changedFields(Post post, PostRequest request, Checked checked) {
        List<String> changed = new ArrayList<>();
        addIf(changed, "campaignId", post.campaignId, request.campaignId());
        addIf(changed, "platform", post.platform, request.platform());
        addIf(changed, "funnelStage", post.funnelStage, request.funnelStage());
        addIf(changed, "caption", post.caption, request.caption());
        addIf(changed, "mediaUrls", post.mediaUrls, request.mediaUrls() == null ? List.of() : request.mediaUrls());
        addIf(changed, "callToAction", post.callToAction, request.callToAction());
        addIf(changed, "landingUrl", post.landingUrl, request.landingUrl());
        addIf(changed, "platformOptions", post.platformOptions, PlatformOptions.normalized(request.platformOptions()));
        addIf(changed, "scheduledAt", post.scheduledAt, checked.scheduledAt());
        return changed;
    }

    private static void addIf(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /**
     * {@code currentCampaign}: the campaign the post is in now (null on create). A post may stay in a campaign
     * that was archived since, but is never put into an archived one.
     */
    private static Checked validate(Workspace workspace, PostRequest request, UUID currentCampaign) {
        List<FieldError> errors = new ArrayList<>();
        String slug = null;
        if (request.campaignId() != null) {
            Campaign campaign = Campaign.inWorkspace(workspace.id, request.campaignId());
            if (campaign == null) {
                errors.add(new FieldError("campaignId", "no such campaign in this workspace"));
            } else if (campaign.archivedAt != null && !campaign.id.equals(currentCampaign)) {
                errors.add(new FieldError("campaignId", "is an archived campaign; unarchive it first"));
            } else {
                slug = campaign.slug;
            }
        }
        boolean noCaption = request.caption() == null || request.caption().isBlank();
        boolean noMedia = request.mediaUrls() == null || request.mediaUrls().isEmpty();
        if (noCaption && noMedia) {
            errors.add(new FieldError("caption", "a post needs a caption or media"));
        }
        if (!noCaption && request.caption().codePointCount(0, request.caption().length())
                > request.platform().captionLimit()) {
            errors.add(new FieldError("caption", "is longer than " + request.platform() + " allows ("
                    + request.platform().captionLimit() + " characters)"));
        }
        if (request.mediaUrls() != null) {
            for (int i = 0; i < request.mediaUrls().size(); i++) {
                Urls.check("mediaUrls[" + i + "]", request.mediaUrls().get(i), errors);
            }
        }
        Urls.check("landingUrl", request.landingUrl(), errors);
        errors.addAll(PlatformOptions.errors(request.platform(), PlatformOptions.normalized(request.platformOptions())));
        Instant scheduledAt = null;
        try {
            scheduledAt = Schedules.resolve("scheduledAt", request.scheduledAt(), Workspaces.zone(workspace));
        } catch (ProblemException e) {
            errors.addAll(e.problem().errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Checked(slug, scheduledAt == null ? null : scheduledAt.truncatedTo(ChronoUnit.MICROS));
    }
}
