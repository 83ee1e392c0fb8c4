package io.socialroi.content.post;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each platform accepts, checked when a post is submitted for review or scheduled (422 with field errors on
 * {@code caption} and {@code mediaUrls}, nothing changed), so a post is not refused only when it is published.
 * Lengths count Unicode code points. Media types are judged by the URL's file extension ({@link MediaKind}); a URL
 * without a known extension is not refused for its type. Size, duration and aspect ratio are not checked (the
 * suite does not fetch media). {@code POST /posts} itself keeps the request's general bounds (caption 10000,
 * 20 media), so the larger limits below (Facebook, Reddit) are capped by those.
 *
 * @param captionLimit longest caption (null: no practical limit)
 * @param captionLimitWithMedia longest caption when the post has media (Telegram), else null
 * @param minMedia media required
 * @param maxMedia most media (null: the request's bound)
 * @param only the one media type the platform takes (null: images and videos)
 * @param videoAlone a video must be the post's only media
 */
public record PlatformRules(Integer captionLimit, Integer captionLimitWithMedia, int minMedia, Integer maxMedia,
        MediaKind only, boolean videoAlone) {

    private static final Map<Platform, PlatformRules> RULES = new EnumMap<>(Platform.class);

    static {
        // https://docs.x.com/x-api/posts/creation-of-a-post : 280 characters; media.media_ids 1 to 4 (one video or GIF).
        RULES.put(Platform.X, new PlatformRules(280, null, 0, 4, null, true));
        // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media :
        // caption 2200 characters; a post needs media, a carousel holds up to 10 images or videos.
        RULES.put(Platform.INSTAGRAM, new PlatformRules(2200, null, 1, 10, null, false));
        // https://developers.tiktok.com/doc/content-posting-api-reference-direct-post : title (caption) 2200
        // UTF-16 runes; one video per post, or a photo post of up to 35 images (.../content-posting-api-reference-
        // photo-post).
        RULES.put(Platform.TIKTOK, new PlatformRules(2200, null, 1, 35, null, true));
        // https://developers.google.com/youtube/v3/docs/videos#snippet.description : 5000 bytes; an upload is one video.
        RULES.put(Platform.YOUTUBE, new PlatformRules(5000, null, 1, 1, MediaKind.VIDEO, false));
        // https://developers.facebook.com/docs/graph-api/reference/page/feed : message up to 63206 characters.
        RULES.put(Platform.FACEBOOK, new PlatformRules(63206, null, 0, null, null, true));
        // https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api : commentary 3000
        // characters; MultiImage 2 to 20 images, or a single video.
        RULES.put(Platform.LINKEDIN, new PlatformRules(3000, null, 0, 20, null, true));
        // https://developers.pinterest.com/docs/api/v5/pins-create : description 500 characters; a Pin needs one
        // image or video (carousels 2 to 5 images).
        RULES.put(Platform.PINTEREST, new PlatformRules(500, null, 1, 5, null, true));
        // https://www.reddit.com/dev/api#POST_api_submit : self-post text up to 40000 characters; galleries up to 20.
        RULES.put(Platform.REDDIT, new PlatformRules(40000, null, 0, 20, null, true));
        // Quora has no posting API (hand-off): no documented limit.
        RULES.put(Platform.QUORA, new PlatformRules(null, null, 0, null, null, false));
        // https://core.telegram.org/bots/api#sendmessage text 1-4096 characters; #sendphoto caption 0-1024;
        // #sendmediagroup 2-10 photos and videos.
        RULES.put(Platform.TELEGRAM, new PlatformRules(4096, 1024, 0, 10, null, false));
        // https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components :
        // template body 1024 characters; one header image or video.
        RULES.put(Platform.WHATSAPP, new PlatformRules(1024, null, 0, 1, null, false));
        // https://discord.com/developers/docs/resources/webhook#execute-webhook : content up to 2000 characters,
        // up to 10 embeds.
        RULES.put(Platform.DISCORD, new PlatformRules(2000, null, 0, 10, null, false));
        // E-mail: no practical limit on the body; the subject is platformOptions.title (required by EMAIL_SMTP).
        RULES.put(Platform.EMAIL, new PlatformRules(null, null, 0, null, null, false));
        // https://www.twilio.com/docs/messaging/api/message-resource : Body up to 1600 characters (sent in
        // segments), up to 10 MediaUrl (MMS).
        RULES.put(Platform.SMS, new PlatformRules(1600, null, 0, 10, null, false));
    }

    public static PlatformRules of(Platform platform) {
        return RULES.get(platform);
    }

    /** The field errors of a post for its platform; empty when the platform would take it. */
    public static List<FieldError> errors(Platform platform, String caption, List<String> mediaUrls) {
        PlatformRules rules = of(platform);
        List<String> media = mediaUrls == null ? List.of() : mediaUrls;
        List<FieldError> errors = new ArrayList<>();
        Integer limit = !media.isEmpty() && rules.captionLimitWithMedia() != null ? rules.captionLimitWithMedia()
                : rules.captionLimit();
        int length = caption == null ? 0 : caption.codePointCount(0, caption.length());
        if (limit != null && length > limit) {
            errors.add(new FieldError("caption", "is " + length + " characters; " + platform + " takes at most " + limit
                    + (limit.equals(rules.captionLimitWithMedia()) ? " with media" : "")));
        }
        if (media.size() < rules.minMedia()) {
            errors.add(new FieldError("mediaUrls", platform + " needs " + (rules.only() == MediaKind.VIDEO
                    ? "a video" : "an image or video") + (rules.maxMedia() != null && rules.maxMedia() == 1 ? ""
                    : " (at least " + rules.minMedia() + ")")));
        }
        if (rules.maxMedia() != null && media.size() > rules.maxMedia()) {
            errors.add(new FieldError("mediaUrls", platform + " takes at most " + rules.maxMedia() + " media, not "
                    + media.size()));
        }
        for (int i = 0; i < media.size(); i++) {
            MediaKind kind = MediaKind.of(media.get(i));
            if (rules.only() != null && kind != MediaKind.UNKNOWN && kind != rules.only()) {
                errors.add(new FieldError("mediaUrls[" + i + "]", "is " + (kind == MediaKind.IMAGE ? "an image" : "a video")
                        + "; " + platform + " takes " + rules.only().name().toLowerCase(Locale.ROOT) + " only"));
            }
            if (rules.videoAlone() && kind == MediaKind.VIDEO && media.size() > 1) {
                errors.add(new FieldError("mediaUrls[" + i + "]", "is a video; on " + platform
                        + " a video must be the post's only media"));
            }
        }
        return errors;
    }

    /** Throws 422 with the field errors when the platform would not take the post. */
    public static void check(Post post) {
        List<FieldError> errors = errors(post.platform, post.caption, post.mediaUrls);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The host a hand-off's permalink must be on (and its subdomains). */
    public static String permalinkHost(Platform platform) {
        return platform == Platform.QUORA ? "quora.com" : null;
    }

    static boolean isPermalink(Platform platform, String url) {
        String host = permalinkHost(platform);
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String h = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getUserInfo() == null
                    && (h.equals(host) || h.endsWith("." + host)) && uri.getPath() != null && uri.getPath().length() > 1;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
