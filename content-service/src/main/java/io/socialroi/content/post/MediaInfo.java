package io.socialroi.content.post;

/**
 * What the first bytes of a media URL say about it ({@link MediaProbe}): its format as its bytes show it (jpeg,
 * png, gif, webp, mp4, mov; null when not recognised), its size in bytes (from {@code Content-Range} or
 * {@code Content-Length}; null when the server did not say), the picture's or video's width and height in pixels
 * as shown (a rotated phone video counts as portrait), and a video's duration in seconds; any of them null when
 * unknown. {@code refused} is set when the server answered that there is no such media (a 4xx): the platform would
 * not get it either; {@code unread} when there was no answer, so nothing is known and nothing is refused.
 */
public record MediaInfo(String format, Long bytes, Integer width, Integer height, Double seconds, String refused,
        boolean unread) {

    public static MediaInfo nothingKnown() {
        return new MediaInfo(null, null, null, null, null, null, true);
    }

    public static MediaInfo refused(String why) {
        return new MediaInfo(null, null, null, null, null, why, false);
    }

    public boolean video() {
        return "mp4".equals(format) || "mov".equals(format);
    }

    public boolean image() {
        return format != null && !video();
    }

    MediaInfo withBytes(Long total) {
        return new MediaInfo(format, total, width, height, seconds, refused, unread);
    }
}
