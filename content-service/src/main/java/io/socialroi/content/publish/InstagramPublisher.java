package io.socialroi.content.publish;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.account.OAuthProvider;
import io.socialroi.content.post.MediaKind;
import io.socialroi.content.post.Post;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts to an Instagram professional account connected to a Facebook Page, with the Instagram Graph API (Graph API
 * v21.0, {@link MetaGraph}, Content Publishing) and the workspace's connected INSTAGRAM account (Facebook Login user
 * token, {@code instagram_basic,instagram_content_publish,pages_read_engagement}); the account is the publisher's
 * {@code instagramAccountId} ({@link Publisher#target}). Instagram publishes from containers:
 * <ol>
 * <li>{@code POST /{ig-user-id}/media}: one image {@code image_url} + {@code caption}; one video
 * {@code media_type=REELS} + {@code video_url} + {@code caption} (single feed videos are reels since 2023); 2 to 10
 * media: a container per item ({@code is_carousel_item=true}, videos {@code media_type=VIDEO}), then a
 * {@code media_type=CAROUSEL} container with {@code children} (the item ids, comma separated) and the caption;</li>
 * <li>a container holding a video is checked, {@code GET /{container-id}?fields=status_code,status}, every
 * {@code status-interval} up to {@code status-checks} times (within the attempt's deadline) until FINISHED; ERROR or
 * EXPIRED: FAILED with Instagram's {@code status}; still IN_PROGRESS: the attempt is retried later;</li>
 * <li>{@code POST /{ig-user-id}/media_publish} with {@code creation_id}: the media's id, then
 * {@code GET /{media-id}?fields=permalink} for its link (the post stays PUBLISHED without one if that fails).</li>
 * </ol>
 * The caption is the whole text (caption, call to action, tracked link: Instagram shows links as text). Media must be
 * on public URLs (Instagram fetches them); a URL is a video by its extension ({@link MediaKind}), any other an image.
 * At submit and schedule {@code PlatformRules} already requires 1 to 10 media and at most 2,200 characters; this
 * publisher adds Instagram's 30 hashtags and 20 @ tags.
 * <p>
 * Graph takes no idempotency key. The publishable container (the single one, or the carousel) is kept for the post
 * ({@link InstagramContainers}, with a fingerprint of its account, media and caption) until the post is published or
 * refused (a FAILED answer; not when its attempts run out, so a rescheduled post finds it too), so the next attempt
 * with the same content asks for that container's {@code status_code} first: PUBLISHED (the earlier {@code
 * media_publish} went through, its answer lost): PUBLISHED without a media id or link, posted once; FINISHED: published
 * now; IN_PROGRESS: waited for again (a long video is processed across attempts); ERROR, EXPIRED or unreadable: a new
 * container. Carousel items of an attempt that ended before the carousel container was made are left unpublished
 * (invisible, they expire after 24 hours).
 */
@ApplicationScoped
public class InstagramPublisher implements AccountPublisher {

    static final int MAX_HASHTAGS = 30;
    static final int MAX_MENTIONS = 20;
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#/])#[\\p{L}\\p{N}_]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@[A-Za-z0-9._]+");
    private static final String WHO = "Instagram";
    private static final String PERMISSION = "instagram_content_publish";

    private final MetaGraph graph;
    private final PublishingConfig config;
    private final InstagramContainers containers;

    public InstagramPublisher(MetaGraph graph, PublishingConfig config, InstagramContainers containers) {
        this.graph = graph;
        this.config = config;
        this.containers = containers;
    }

    @Override
    public PublisherType type() {
        return PublisherType.INSTAGRAM_API;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        List<FieldError> errors = new ArrayList<>();
        int hashtags = count(HASHTAG, post.caption);
        if (hashtags > MAX_HASHTAGS) {
            errors.add(new FieldError("caption", "has " + hashtags + " hashtags; Instagram takes at most "
                    + MAX_HASHTAGS));
        }
        int mentions = count(MENTION, post.caption);
        if (mentions > MAX_MENTIONS) {
            errors.add(new FieldError("caption", "has " + mentions + " @ tags; Instagram takes at most "
                    + MAX_MENTIONS));
        }
        return errors;
    }

    static int count(Pattern pattern, String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Override
    public PublishResult publish(AccountPost post) {
        String account = post.target();
        if (account == null || !FacebookPublisher.ID.matcher(account).matches()) {
            return PublishResult.failed("the INSTAGRAM_API publisher has no instagramAccountId: configure the "
                    + "publisher again");
        }
        List<String> media = post.mediaOrEmpty();
        if (media.isEmpty() || media.size() > 10) {
            return PublishResult.failed("Instagram takes 1 to 10 images or videos, not " + media.size());
        }
        PublishResult result;
        try {
            result = publish(post, account, media);
        } catch (RuntimeException e) {
            // The kept container could not be read or written (database): nothing was published by this attempt.
            return PublishResult.retry("Instagram: the container could not be kept (" + e.getClass().getSimpleName()
                    + ")", null);
        }
        if (result.kind() != PublishResult.Kind.RETRY) {
            try {
                containers.forget(post.workspaceId(), post.postId());
            } catch (RuntimeException e) {
                // Harmless when left: the next attempt would find it PUBLISHED (or make another for new content).
                Log.warnf("Instagram container of post %s not forgotten: %s", post.postId(), e.toString());
            }
        }
        return result;
    }

    private PublishResult publish(AccountPost post, String account, List<String> media) {
        MetaGraph.Session ig = graph.session(config.instagram().baseUrl(), post.accessToken(),
                OAuthProvider.INSTAGRAM, WHO, PERMISSION);
        String caption = post.text() == null ? "" : post.text();
        String fingerprint = InstagramContainers.fingerprint(account, media, caption);
        boolean video = media.stream().anyMatch(url -> MediaKind.of(url) == MediaKind.VIDEO);
        String creation = null;
        var kept = containers.of(post.workspaceId(), post.postId()).filter(k -> k.fingerprint().equals(fingerprint));
        if (kept.isPresent()) {
            // An earlier attempt made this container with the same content: publish it rather than another one.
            MetaGraph.Reply status = ig.get(kept.get().containerId(), Map.of("fields", "status_code,status"));
            if (!status.ok() && (status.problem().reconnect() || status.problem().kind() == PublishResult.Kind.RETRY)) {
                return status.problem();
            }
            String code = status.ok() ? status.json().path("status_code").asText("") : "";
            if (code.equals("PUBLISHED")) {
                // The earlier media_publish went through though its answer was lost; Graph names no media id here.
                return PublishResult.published(null, null);
            }
            if (code.equals("FINISHED") || code.equals("IN_PROGRESS")) {
                creation = kept.get().containerId();
                PublishResult waiting = code.equals("FINISHED") ? null
                        : waitFinished(ig, creation);
                if (waiting != null) {
                    return waiting;
                }
            }
            // ERROR, EXPIRED or gone (another user's token, say): a new container.
        }
        if (creation == null) {
            MetaGraph.Reply made = media.size() == 1 ? single(ig, account, media.get(0), caption)
                    : carousel(ig, account, media, caption);
            if (!made.ok()) {
                return made.problem();
            }
            creation = made.json().path("id").asText();
            containers.keep(post.workspaceId(), post.postId(), creation, fingerprint);
            if (video) {
                PublishResult waiting = waitFinished(ig, creation);
                if (waiting != null) {
                    return waiting;
                }
            }
        }
        MetaGraph.Reply published = ig.post(account + "/media_publish", Map.of("creation_id", creation), true);
        if (!published.ok()) {
            return published.problem();
        }
        String id = published.json().path("id").asText("");
        if (id.isEmpty()) {
            return PublishResult.published(null, null);
        }
        MetaGraph.Reply link = ig.get(id, Map.of("fields", "permalink"));
        String permalink = link.ok() ? link.json().path("permalink").asText(null) : null;
        return PublishResult.published(id, permalink);
    }

    /** One image, or one video as a reel. */
    private static MetaGraph.Reply single(MetaGraph.Session ig, String account, String url, String caption) {
        Map<String, String> form = new LinkedHashMap<>();
        if (MediaKind.of(url) == MediaKind.VIDEO) {
            form.put("media_type", "REELS");
            form.put("video_url", url);
        } else {
            form.put("image_url", url);
        }
        form.put("caption", caption);
        return container(ig, account, form);
    }

    /** A container per item (videos waited for), then the CAROUSEL container with their ids and the caption. */
    private MetaGraph.Reply carousel(MetaGraph.Session ig, String account, List<String> media, String caption) {
        List<String> children = new ArrayList<>();
        List<String> videos = new ArrayList<>();
        for (String url : media) {
            boolean video = MediaKind.of(url) == MediaKind.VIDEO;
            Map<String, String> form = new LinkedHashMap<>();
            if (video) {
                form.put("media_type", "VIDEO");
                form.put("video_url", url);
            } else {
                form.put("image_url", url);
            }
            form.put("is_carousel_item", "true");
            MetaGraph.Reply item = container(ig, account, form);
            if (!item.ok()) {
                return item;
            }
            children.add(item.json().path("id").asText());
            if (video) {
                videos.add(item.json().path("id").asText());
            }
        }
        for (String video : videos) {
            PublishResult waiting = waitFinished(ig, video);
            if (waiting != null) {
                return new MetaGraph.Reply(null, waiting);
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", "CAROUSEL");
        form.put("children", String.join(",", children));
        form.put("caption", caption);
        return container(ig, account, form);
    }

    private static MetaGraph.Reply container(MetaGraph.Session ig, String account, Map<String, String> form) {
        MetaGraph.Reply reply = ig.post(account + "/media", form, false);
        if (reply.ok() && reply.json().path("id").asText("").isEmpty()) {
            return new MetaGraph.Reply(null, PublishResult.retry("Instagram answered a container without its id",
                    null));
        }
        return reply;
    }

    /**
     * Checks a container until FINISHED: null then; FAILED for ERROR and EXPIRED (with Instagram's {@code status});
     * a retry when it is still IN_PROGRESS after the checks this attempt can make.
     */
    private PublishResult waitFinished(MetaGraph.Session ig, String container) {
        PublishingConfig.Instagram settings = config.instagram();
        String last = "IN_PROGRESS";
        for (int check = 0; check < settings.statusChecks(); check++) {
            if (check > 0) {
                Duration pause = settings.statusInterval();
                if (ig.deadline().left().compareTo(pause.plus(graph.timeout())) < 0) {
                    break;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            MetaGraph.Reply status = ig.get(container, Map.of("fields", "status_code,status"));
            if (!status.ok()) {
                return status.problem();
            }
            last = status.json().path("status_code").asText("");
            String said = status.json().path("status").asText(last);
            switch (last) {
                case "FINISHED":
                    return null;
                case "ERROR":
                    return PublishResult.failed("Instagram could not process the media (ERROR: " + Texts.shorten(said)
                            + ")");
                case "EXPIRED":
                    return PublishResult.failed("Instagram's container expired before it was published (EXPIRED: "
                            + Texts.shorten(said) + ")");
                case "PUBLISHED":
                    return PublishResult.failed("Instagram says the container is already published");
                default:
                    // IN_PROGRESS: check again.
            }
        }
        return PublishResult.retry("Instagram was still processing the video (" + last + ") when this attempt's "
                + "checks ran out", null);
    }
}
