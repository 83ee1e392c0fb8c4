package io.socialroi.engagement.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last entry each tracked link code resolved to on this replica, used only while the database cannot be
 * read, so that links clicked before an outage keep redirecting through it. The redirect reads the directory on
 * every request otherwise (one lookup by the unique code, beside the click it writes anyway): a code registered a
 * moment ago resolves at once, and a changed or removed link is never served stale, whichever replica changed it.
 * Misses are never kept.
 */
@ApplicationScoped
public class LinkCache {

    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<String, PostEntry> entries = new ConcurrentHashMap<>();

    /** What the code resolved to when the database last answered for it on this replica. */
    public Optional<PostEntry> lastKnown(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public void remember(String code, PostEntry entry) {
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(code)) {
            entries.clear();
        }
        entries.put(code, entry);
    }

    public void forget(String code) {
        entries.remove(code);
    }
}
