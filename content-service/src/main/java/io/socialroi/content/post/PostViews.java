package io.socialroi.content.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds {@link PostView}s: needs the public redirect base for link URLs and the workspace zone for times. */
@ApplicationScoped
public class PostViews {

    private final String redirectBase;

    public PostViews(@ConfigProperty(name = "suite.links.redirect-base-url") String redirectBase) {
        this.redirectBase = redirectBase.endsWith("/") ? redirectBase.substring(0, redirectBase.length() - 1) : redirectBase;
    }

    public String linkUrl(String code) {
        return redirectBase + "/r/" + code;
    }

    public PostView of(Post p, ZoneId zone) {
        PostView.TrackedLink link = p.landingUrl == null || p.linkCode == null ? null
                : new PostView.TrackedLink(p.linkCode, linkUrl(p.linkCode), p.linkDestination,
                        Boolean.TRUE.equals(p.registered));
        PostView.Publishing publishing = p.publishAttempts == 0 && p.publishedAt == null && p.failureReason == null
                ? null
                : new PostView.Publishing(p.publishAttempts, p.deliveryId,
                        p.status == PostStatus.PUBLISHING ? p.nextAttemptAt : null, p.failureReason, p.publishedAt);
        PostView.Handoff handoff = p.status != PostStatus.AWAITING_HANDOFF ? null
                : new PostView.Handoff(PostText.compose(p.caption, p.callToAction, link == null ? null : link.url()),
                        List.copyOf(p.mediaUrls), PostText.handoffUrl(p.platform));
        return new PostView(p.id, p.workspaceId, p.campaignId, p.platform, p.funnelStage, p.caption,
                List.copyOf(p.mediaUrls), p.callToAction, p.landingUrl,
                p.scheduledAt == null ? null : p.scheduledAt.atZone(zone).toOffsetDateTime(), p.platformOptions,
                p.status, link, publishing,
                p.remoteId, p.permalink, handoff, p.createdBy, p.createdAt, p.updatedAt);
    }
}
