package io.socialroi.engagement.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recently resolved tracked links, so a popular link costs no database read. Only hits are kept: a code
 * registered a moment ago must not stay a 404. A change made through another replica is seen within the TTL.
 */
@ApplicationScoped
public class LinkCache {

    private static final int MAX_ENTRIES = 100_000;

    private record Cached(PostEntry entry, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Cached> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public LinkCache(@ConfigProperty(name = "engagement.link-cache.ttl", defaultValue = "30S") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<PostEntry> get(String code) {
        Cached cached = entries.get(code);
        if (cached == null || System.nanoTime() - cached.expiresAt() > 0) {
            return Optional.empty();
        }
        return Optional.of(cached.entry());
    }

    public void put(String code, PostEntry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(code, new Cached(entry, System.nanoTime() + ttlNanos));
    }

    public void invalidate(String code) {
        entries.remove(code);
    }
}
