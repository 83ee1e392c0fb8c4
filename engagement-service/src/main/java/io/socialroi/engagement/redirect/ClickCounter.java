package io.socialroi.engagement.redirect;

import io.socialroi.engagement.directory.PostEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which human clicks count (issue 13). One click per visitor per link per window: the click id is derived from
 * the visitor, the post and the window ({@code engagement.redirect.click-window}, default 1 hour, windows
 * aligned to the epoch, so clock hours in UTC), and the click's event id is {@code click:<clickId>}, so a repeat
 * within the window is an ingestion duplicate that changes nothing, on every replica and also when requests race;
 * every repeat is redirected with the same {@code smclid}, which a conversion can therefore always find. A replica
 * remembers the last 100,000 click ids it stored and does not even write a repeat of one.
 *
 * <p>Floods: a click that would count takes a token from the bucket of its client address and link
 * ({@link FloodBuckets}: {@code suite.rate-limit.redirect.per-minute} / {@code .burst}, 60 / 60 per replica); with the bucket empty the
 * visitor is still redirected, but the click is not counted. So distinct visitors behind one address (a NAT) are
 * counted up to that bound each minute, and a script that drops or harvests cookies gets no more than that.
 */
@ApplicationScoped
public class ClickCounter {

    private static final int REMEMBERED = 100_000;

    /** The click id to put in {@code smclid}, the actor, and whether to store the click. */
    public record Click(UUID clickId, String actorId, boolean count) {
    }

    private final VisitorIds visitors;
    private final FloodBuckets floods;
    private final long windowMillis;
    private final Set<UUID> stored = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public ClickCounter(VisitorIds visitors, FloodBuckets floods,
            @ConfigProperty(name = "engagement.redirect.click-window", defaultValue = "PT1H") Duration window) {
        this.visitors = visitors;
        this.floods = floods;
        this.windowMillis = Math.max(1, window.toMillis());
    }

    public Click click(PostEntry post, VisitorIds.Visitor visitor, String address, Instant now) {
        long windowIndex = now.toEpochMilli() / windowMillis;
        UUID clickId = visitors.derive("click", post.workspaceId().toString(), post.postId().toString(),
                visitor.browserId(), Long.toString(windowIndex));
        String actor = visitors.actor(post.workspaceId(), visitor);
        synchronized (stored) {
            if (stored.contains(clickId)) {
                return new Click(clickId, actor, false);
            }
        }
        return new Click(clickId, actor, floods.take(address + '\u0000' + post.postId()));
    }

    /** The click is committed: its repeats in the window need no write on this replica. */
    public void stored(UUID clickId) {
        synchronized (stored) {
            stored.add(clickId);
        }
    }
}
