package io.socialroi.content.post;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The platforms' limits on the media themselves (size, aspect ratio, duration, format), checked when a post is
 * submitted or scheduled with what {@link MediaProbe} read of each media URL: a 422 naming {@code mediaUrls[i]},
 * not a failure at publish time. Each limit is the platform's documented one for what its API takes by URL:
 * <ul>
 * <li>INSTAGRAM (Content Publishing API): images JPEG, at most 8 MB, aspect ratio 4:5 to 1.91:1; videos (Reels)
 * 3 s to 15 min, at most 300 MB.</li>
 * <li>TIKTOK (Content Posting API): video 3 s to 10 min, at most 4 GB.</li>
 * <li>YOUTUBE (Data API v3): at most 12 hours.</li>
 * <li>X (media upload): images at most 5 MB (GIF 15 MB), video 0.5 s to 140 s, at most 512 MB.</li>
 * <li>PINTEREST (API v5): images at most 20 MB; video 4 s to 15 min.</li>
 * <li>LINKEDIN (Images and Videos APIs): images at most 36,152,320 pixels; video 3 s to 30 min, at most 500 MB.</li>
 * <li>FACEBOOK (Pages): video at most 240 min.</li>
 * <li>TELEGRAM (Bot API, files sent by URL): photos at most 5 MB, other files 20 MB.</li>
 * <li>WHATSAPP (Cloud API media): images at most 5 MB, video 16 MB.</li>
 * </ul>
 * A URL that did not answer is not refused (nothing is known of it; the platform may reach it later); one that
 * answered 4xx is, since the platform would get the same answer. Unknown sizes, dimensions and durations pass.
 */
@ApplicationScoped
public class MediaRules {

    private static final long MB = 1024L * 1024;

    /** One platform's limits; null = no limit of that kind. */
    record Limits(Long imageBytes, Long gifBytes, Long videoBytes, Double minAspect, Double maxAspect,
            Double minSeconds, Double maxSeconds, Long maxPixels, Set<String> imageFormats) {
    }

    static final Map<Platform, Limits> LIMITS = new EnumMap<>(Map.of(
            Platform.INSTAGRAM, new Limits(8 * MB, null, 300 * MB, 0.8, 1.91, 3.0, 900.0, null, Set.of("jpeg")),
            Platform.TIKTOK, new Limits(null, null, 4096 * MB, null, null, 3.0, 600.0, null, null),
            Platform.YOUTUBE, new Limits(null, null, null, null, null, null, 12 * 3600.0, null, null),
            Platform.X, new Limits(5 * MB, 15 * MB, 512 * MB, null, null, 0.5, 140.0, null, null),
            Platform.PINTEREST, new Limits(20 * MB, null, null, null, null, 4.0, 900.0, null, null),
            Platform.LINKEDIN, new Limits(null, null, 500 * MB, null, null, 3.0, 1800.0, 36_152_320L, null),
            Platform.FACEBOOK, new Limits(null, null, null, null, null, null, 240 * 60.0, null, null),
            Platform.TELEGRAM, new Limits(5 * MB, 20 * MB, 20 * MB, null, null, null, null, null, null),
            Platform.WHATSAPP, new Limits(5 * MB, null, 16 * MB, null, null, null, null, null, null)));

    private final MediaProbe probe;

    public MediaRules(MediaProbe probe) {
        this.probe = probe;
    }

    /** Whether posts of the platform have their media looked at. */
    public static boolean applies(Platform platform) {
        return LIMITS.containsKey(platform);
    }

    public void check(Post post) {
        List<FieldError> errors = errors(post.platform, post.mediaUrls);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    List<FieldError> errors(Platform platform, List<String> media) {
        Limits l = LIMITS.get(platform);
        List<FieldError> errors = new ArrayList<>();
        if (l == null || media == null) {
            return errors;
        }
        for (int i = 0; i < media.size(); i++) {
            String field = "mediaUrls[" + i + "]";
            MediaInfo m = probe.info(media.get(i));
            if (m.refused() != null) {
                errors.add(new FieldError(field, "cannot be fetched: it " + m.refused()));
                continue;
            }
            String why = problem(platform, l, m);
            if (why != null) {
                errors.add(new FieldError(field, why));
            }
        }
        return errors;
    }

    static String problem(Platform platform, Limits l, MediaInfo m) {
        String on = " on " + platform;
        if (m.image()) {
            if (l.imageFormats() != null && !l.imageFormats().contains(m.format())) {
                return "is a " + m.format().toUpperCase(Locale.ROOT) + " image; " + platform + " takes "
                        + String.join(", ", l.imageFormats()).toUpperCase(Locale.ROOT) + " only";
            }
            Long max = "gif".equals(m.format()) && l.gifBytes() != null ? l.gifBytes() : l.imageBytes();
            if (max != null && m.bytes() != null && m.bytes() > max) {
                return "is " + mb(m.bytes()) + "; images may be at most " + mb(max) + on;
            }
            if (m.width() != null && m.height() != null) {
                double aspect = (double) m.width() / m.height();
                if (l.minAspect() != null && aspect < l.minAspect() - 0.005
                        || l.maxAspect() != null && aspect > l.maxAspect() + 0.005) {
                    return "is " + m.width() + "x" + m.height() + " (aspect ratio " + String.format(Locale.ROOT, "%.2f",
                            aspect) + "); " + platform + " takes " + ratio(l.minAspect()) + " to " + ratio(l.maxAspect());
                }
                if (l.maxPixels() != null && (long) m.width() * m.height() > l.maxPixels()) {
                    return "is " + m.width() + "x" + m.height() + "; images may have at most " + l.maxPixels()
                            + " pixels" + on;
                }
            }
        } else if (m.video()) {
            if (l.videoBytes() != null && m.bytes() != null && m.bytes() > l.videoBytes()) {
                return "is " + mb(m.bytes()) + "; videos may be at most " + mb(l.videoBytes()) + on;
            }
            if (m.seconds() != null) {
                if (l.minSeconds() != null && m.seconds() < l.minSeconds()) {
                    return "lasts " + seconds(m.seconds()) + "; videos must last at least " + seconds(l.minSeconds()) + on;
                }
                if (l.maxSeconds() != null && m.seconds() > l.maxSeconds()) {
                    return "lasts " + seconds(m.seconds()) + "; videos may last at most " + seconds(l.maxSeconds()) + on;
                }
            }
        }
        return null;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    private static String seconds(double s) {
        return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String ratio(Double r) {
        return r == null ? "any" : r == 0.8 ? "4:5" : r == 1.91 ? "1.91:1" : String.format(Locale.ROOT, "%.2f", r);
    }
}
