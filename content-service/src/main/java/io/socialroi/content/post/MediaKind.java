package io.socialroi.content.post;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a media URL holds, judged by the extension of its path (the suite does not fetch media). A URL without
 * a known extension is UNKNOWN: it is never refused for its type, since it may be either.
 */
public enum MediaKind {
    IMAGE, VIDEO, UNKNOWN;

    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "gif", "webp", "heic", "bmp");
    private static final Set<String> VIDEOS = Set.of("mp4", "mov", "m4v", "webm", "avi", "mkv", "mpeg", "mpg");

    public static MediaKind of(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
        if (path == null || path.lastIndexOf('.') < 0) {
            return UNKNOWN;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return IMAGES.contains(ext) ? IMAGE : VIDEOS.contains(ext) ? VIDEO : UNKNOWN;
    }
}
