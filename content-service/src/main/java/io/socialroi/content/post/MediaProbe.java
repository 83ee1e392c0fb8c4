package io.socialroi.content.post;

import io.socialroi.common.net.OutboundHttp;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at a media URL the way a platform will fetch it, to check size, aspect ratio and duration before a post is
 * submitted or scheduled ({@link MediaRules}): {@code GET} with {@code Range: bytes=0-65535} through
 * {@link OutboundHttp} (the outgoing-URL guard, no redirects, a short timeout), the size from
 * {@code Content-Range}'s total or {@code Content-Length}, the format and dimensions from the bytes
 * ({@link MediaHeaders}); for an MP4/MOV whose {@code moov} comes after a large {@code mdat}, one more range read at
 * its offset. What was learned is kept for {@code suite.media.probe-ttl} per URL (at most 2,000 URLs), so the
 * check inside the submit's transaction reads what {@link #warm} fetched before it.
 */
@ApplicationScoped
public class MediaProbe {

    static final int HEAD_BYTES = 64 * 1024;
    static final int MOOV_BYTES = 256 * 1024;
    private static final int MAX_KEPT = 2_000;
    private static final Pattern RANGE_TOTAL = Pattern.compile("bytes \\d+-\\d+/(\\d+)");

    private record Kept(MediaInfo info, Instant until) {
    }

    private final OutboundHttp http;
    private final Duration timeout;
    private final Duration ttl;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public MediaProbe(OutboundHttp http,
            @ConfigProperty(name = "suite.media.probe-timeout", defaultValue = "PT3S") Duration timeout,
            @ConfigProperty(name = "suite.media.probe-ttl", defaultValue = "PT10M") Duration ttl) {
        this.http = http;
        this.timeout = timeout;
        this.ttl = ttl;
    }

    /** Probes the URLs not known yet, in parallel, before a transaction needs them. */
    public void warm(List<String> urls) {
        List<String> unknown = urls == null ? List.of() : urls.stream().distinct().filter(u -> fresh(u) == null).toList();
        if (unknown.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            unknown.forEach(u -> pool.submit(() -> info(u)));
        }
    }

    /** What is known of the URL, probing it now when it is not. */
    public MediaInfo info(String url) {
        MediaInfo known = fresh(url);
        if (known != null) {
            return known;
        }
        MediaInfo info = probe(url);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(url, new Kept(info, Instant.now().plus(info.unread() ? Duration.ofSeconds(30) : ttl)));
        return info;
    }

    private MediaInfo fresh(String url) {
        Kept k = kept.get(url);
        return k != null && k.until().isAfter(Instant.now()) ? k.info() : null;
    }

    MediaInfo probe(String url) {
        OutboundHttp.Response head = read(url, 0, HEAD_BYTES);
        if (!head.answered()) {
            return MediaInfo.nothingKnown();
        }
        if (head.status() / 100 == 4) {
            return MediaInfo.refused("answered HTTP " + head.status() + " when fetched");
        }
        if (head.status() != 200 && head.status() != 206) {
            return MediaInfo.nothingKnown();
        }
        Long total = total(head);
        MediaHeaders.Parsed parsed = MediaHeaders.parse(head.body() == null ? new byte[0] : head.body());
        MediaInfo info = parsed.info();
        if (parsed.moovAt() > 0 && head.status() == 206 && (total == null || parsed.moovAt() < total)) {
            OutboundHttp.Response moov = read(url, parsed.moovAt(), MOOV_BYTES);
            if (moov.answered() && moov.status() == 206 && moov.body() != null) {
                info = MediaHeaders.moov(moov.body(), info.format());
            }
        }
        return info.withBytes(total);
    }

    private OutboundHttp.Response read(String url, long from, int bytes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Range", "bytes=" + from + "-" + (from + bytes - 1));
        headers.put("User-Agent", "social-roi-suite (media check)");
        return http.exchange(HttpMethod.GET, url, headers, null, timeout, bytes);
    }

    private static Long total(OutboundHttp.Response r) {
        String range = r.header("Content-Range");
        if (range != null) {
            Matcher m = RANGE_TOTAL.matcher(range.trim());
            return m.matches() ? Long.parseLong(m.group(1)) : null;
        }
        String length = r.header("Content-Length");
        return r.status() == 200 && length != null && length.trim().matches("\\d{1,15}") ? Long.parseLong(length.trim())
                : null;
    }
}
