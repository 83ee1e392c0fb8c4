package io.socialroi.content.publish;

import io.socialroi.content.account.OAuthProvider;
import io.socialroi.content.post.MediaKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Posts to a Facebook Page with the Graph API v21.0 ({@link MetaGraph}) and the workspace's connected FACEBOOK
 * account (Facebook Login user token, {@code pages_show_list,pages_manage_posts,pages_read_engagement}); the Page is
 * the publisher's {@code pageId} ({@link Publisher#target}). Each attempt first asks for the Page access token,
 * {@code GET /{page-id}?fields=access_token} with the user token, as Meta documents (an answer without one: the
 * user has no role on the Page that lets it post, FAILED saying so), then publishes with it:
 * <ul>
 * <li>no media: {@code POST /{page-id}/feed} with {@code message} (caption and call to action) and {@code link}
 * (the tracked link, when the post has one);</li>
 * <li>one image: {@code POST /{page-id}/photos} with {@code url} and {@code caption} (the whole text, link
 * included);</li>
 * <li>several images: each {@code POST /{page-id}/photos} with {@code published=false}, then {@code POST
 * /{page-id}/feed} with {@code message} and {@code attached_media[i]={"media_fbid":"<photo id>"}};</li>
 * <li>a video (it must be the only media, {@code PlatformRules}): {@code POST /{page-id}/videos} with
 * {@code file_url} and {@code description}.</li>
 * </ul>
 * A media URL is a video by its extension ({@link MediaKind}); any other is sent as an image. The remote id is the
 * post's id ({@code <page>_<post>}; the video's id for a video), the permalink the {@code permalink_url} Graph
 * answers for it, else {@code https://www.facebook.com/<id>}. Errors as {@link MetaGraph} maps them.
 * Graph takes no idempotency key: when the answer to the publishing call is lost the attempt is retried and may
 * post a second time (the unpublished photos of a lost attempt stay invisible, unattached).
 */
@ApplicationScoped
public class FacebookPublisher implements AccountPublisher {

    /** A Page id: Graph ids are digits. */
    static final Pattern ID = Pattern.compile("\\d{1,30}");
    private static final String WHO = "Facebook";
    private static final String PERMISSION = "pages_manage_posts";

    private final MetaGraph graph;
    private final PublishingConfig config;

    public FacebookPublisher(MetaGraph graph, PublishingConfig config) {
        this.graph = graph;
        this.config = config;
    }

    @Override
    public PublisherType type() {
        return PublisherType.FACEBOOK_API;
    }

    @Override
    public PublishResult publish(AccountPost post) {
        String page = post.target();
        if (page == null || !ID.matcher(page).matches()) {
            return PublishResult.failed("the FACEBOOK_API publisher has no pageId: configure the publisher again");
        }
        MetaGraph.Session user = graph.session(config.facebook().baseUrl(), post.accessToken(),
                OAuthProvider.FACEBOOK, WHO, PERMISSION);
        MetaGraph.Reply pageToken = user.get(page, Map.of("fields", "access_token"));
        if (!pageToken.ok()) {
            return pageToken.problem();
        }
        String token = pageToken.json().path("access_token").asText("");
        if (token.isEmpty()) {
            return PublishResult.failed("Facebook gave no Page access token for Page " + page + ": the connected "
                    + "account's user needs a role on that Page that can create content (or pageId is not its Page)");
        }
        MetaGraph.Session graphPage = user.as(token);
        List<String> media = post.mediaOrEmpty();
        String text = post.text() == null ? "" : post.text();
        MetaGraph.Reply published;
        if (media.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("message", message(post));
            if (post.link() != null) {
                form.put("link", post.link());
            }
            published = graphPage.post(page + "/feed", form, true);
        } else if (media.size() == 1 && MediaKind.of(media.get(0)) == MediaKind.VIDEO) {
            published = graphPage.post(page + "/videos", Map.of("file_url", media.get(0), "description", text), true);
        } else if (media.size() == 1) {
            published = graphPage.post(page + "/photos", Map.of("url", media.get(0), "caption", text), true);
        } else {
            List<String> photos = new ArrayList<>();
            for (String url : media) {
                MetaGraph.Reply photo = graphPage.post(page + "/photos", Map.of("url", url, "published", "false"),
                        false);
                if (!photo.ok()) {
                    return photo.problem();
                }
                String id = photo.json().path("id").asText("");
                if (id.isEmpty()) {
                    return PublishResult.retry("Facebook answered an unpublished photo without its id", null);
                }
                photos.add(id);
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("message", text);
            for (int i = 0; i < photos.size(); i++) {
                form.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + photos.get(i) + "\"}");
            }
            published = graphPage.post(page + "/feed", form, true);
        }
        if (!published.ok()) {
            return published.problem();
        }
        String id = published.json().path("post_id").asText(published.json().path("id").asText(""));
        if (id.isEmpty()) {
            return PublishResult.failed("Facebook answered without the post's id");
        }
        return PublishResult.published(id, permalink(graphPage, id));
    }

    /** The caption and the call to action: the tracked link goes in {@code link}, shown as its preview. */
    private static String message(AccountPost post) {
        List<String> parts = new ArrayList<>();
        if (post.caption() != null && !post.caption().isBlank()) {
            parts.add(post.caption().strip());
        }
        if (post.link() != null && post.callToAction() != null && !post.callToAction().isBlank()) {
            parts.add(post.callToAction().strip());
        }
        return post.link() == null ? (post.text() == null ? "" : post.text()) : String.join("\n\n", parts);
    }

    /** The {@code permalink_url} Graph answers for the post (relative for videos); its plain URL when it does not. */
    private static String permalink(MetaGraph.Session graphPage, String id) {
        MetaGraph.Reply reply = graphPage.get(id, Map.of("fields", "permalink_url"));
        String url = reply.ok() ? reply.json().path("permalink_url").asText("") : "";
        if (url.startsWith("https://")) {
            return url;
        }
        return url.startsWith("/") ? "https://www.facebook.com" + url : "https://www.facebook.com/" + id;
    }
}
