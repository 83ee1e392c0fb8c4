package io.socialroi.content.approval;

import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostStatus;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders the approval page of one post; every value is escaped. */
final class ApprovalPage {

    private ApprovalPage() {
    }

    static String render(Workspace workspace, Post post, ApprovalLink link, DateTimeFormatter when) {
        ZoneId zone = Workspaces.zone(workspace);
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(workspace.name)).append(": a post for your approval</h1>");
        body.append("<div class=\"post\"><p class=\"meta\">").append(Html.escape(post.platform.name()))
                .append(" &middot; ").append(Html.escape(post.funnelStage.name()));
        if (post.scheduledAt != null) {
            body.append(" &middot; planned for ").append(Html.escape(when.format(post.scheduledAt.atZone(zone))))
                    .append(" (").append(Html.escape(zone.getId())).append(')');
        }
        body.append("</p>");
        if (post.caption != null) {
            body.append("<p class=\"caption\" style=\"white-space:pre-wrap\">").append(Html.escape(post.caption))
                    .append("</p>");
        }
        for (String media : post.mediaUrls) {
            body.append("<img src=\"").append(Html.escape(media)).append("\" alt=\"media of the post\">");
        }
        if (post.callToAction != null) {
            body.append("<p><strong>").append(Html.escape(post.callToAction)).append("</strong></p>");
        }
        if (post.landingUrl != null) {
            body.append("<p class=\"meta\">Links to ").append(Html.escape(post.landingUrl)).append("</p>");
        }
        body.append("</div>");
        if (post.status == PostStatus.IN_REVIEW) {
            body.append("<form method=\"post\"><p><label for=\"comment\">Comment (optional)</label></p>")
                    .append("<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea><p>")
                    .append("<button class=\"approve\" type=\"submit\" name=\"decision\" value=\"APPROVE\">Approve</button>")
                    .append("<button class=\"reject\" type=\"submit\" name=\"decision\" value=\"REJECT\">Reject</button>")
                    .append("</p></form>");
            body.append("<p class=\"meta\">This link works once and expires ")
                    .append(Html.escape(when.format(link.expiresAt.atZone(zone)))).append(".</p>");
        } else {
            body.append("<p>This post is no longer awaiting approval (").append(Html.escape(post.status.name()))
                    .append(").</p>");
        }
        return Html.page("Approve a post", body.toString());
    }
}
