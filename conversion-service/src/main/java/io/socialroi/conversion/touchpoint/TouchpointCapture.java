package io.socialroi.conversion.touchpoint;

import io.socialroi.conversion.identity.IdentityLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Copies each conversion's touchpoints from engagement-service once, so attribution reads them locally.
 *
 * <p>When: a conversion is stored PENDING; the {@link CaptureJob} captures pending conversions every few
 * seconds, and a report or journey that needs a pending conversion captures it first (503 naming
 * engagement-service when it is down). A new identity of a customer queues the customer's conversions
 * again. Everything a conversion's capture needs is fetched before it is written, and each search's
 * conversions are written in one transaction, so an outage never leaves a half-captured conversion, and what
 * was captured before it stays captured (a retry goes on from there rather than starting over).
 *
 * <p>What: every touchpoint type in the maximum lookback window before the conversion, of the
 * conversion's actors and click and every actor and click linked to its customer. Several conversions
 * share one search (up to {@code suite.capture.search-ids} ids, default 200, conversions close in time), then
 * each takes the events of its own identifiers. The bound keeps each answer small enough to arrive within the
 * client's read timeout also for people with hundreds of events each (at 2M events a search of 1,000 people
 * returned about 100,000 touchpoints and timed out again on every retry).
 */
@ApplicationScoped
public class TouchpointCapture {

    static final int PAGE = 500;
    static final Duration MAX_CHUNK_SPAN = Duration.ofDays(31);

    private final SnapshotStore snapshots;
    private final IdentityLinks identities;
    private final Engagement engagement;
    private final int maxLookbackDays;
    private final int searchIds;

    public TouchpointCapture(SnapshotStore snapshots, IdentityLinks identities, Engagement engagement,
            @ConfigProperty(name = "suite.attribution.max-lookback-days", defaultValue = "90") int maxLookbackDays,
            @ConfigProperty(name = "suite.capture.search-ids", defaultValue = "200") int searchIds) {
        this.snapshots = snapshots;
        this.identities = identities;
        this.engagement = engagement;
        this.maxLookbackDays = maxLookbackDays;
        this.searchIds = Math.max(1, Math.min(Engagement.MAX_IDS, searchIds));
    }

    /** The longest lookback a report may ask for: what a capture keeps. */
    public int maxLookbackDays() {
        return maxLookbackDays;
    }

    /** Captures every pending conversion occurring in [from, to) (either end open) or of one customer. */
    public int captureAll(UUID workspaceId, OffsetDateTime from, OffsetDateTime to, String customerId)
            throws SQLException {
        int total = 0;
        while (true) {
            List<PendingConversion> page = snapshots.pending(workspaceId, from, to, customerId, PAGE);
            if (page.isEmpty()) {
                return total;
            }
            int saved = capture(workspaceId, page);
            total += saved;
            if (saved == 0 || page.size() < PAGE) {
                return total;
            }
        }
    }

    /** Captures those of these conversions that are pending (the change feed's re-queues). */
    public int captureIds(UUID workspaceId, java.util.Collection<UUID> ids) throws SQLException {
        List<UUID> all = List.copyOf(ids);
        int total = 0;
        for (int start = 0; start < all.size(); start += PAGE) {
            List<PendingConversion> page = snapshots.pending(workspaceId, all.subList(start,
                    Math.min(all.size(), start + PAGE)));
            if (!page.isEmpty()) {
                total += capture(workspaceId, page);
            }
        }
        return total;
    }

    /** Captures these conversions; returns how many snapshots were written. */
    public int capture(UUID workspaceId, List<PendingConversion> pending) throws SQLException {
        Set<String> customers = new HashSet<>();
        pending.stream().map(PendingConversion::customerId).filter(Objects::nonNull).forEach(customers::add);
        Map<String, IdentityLinks.Person> people = identities.people(workspaceId, customers);
        List<PendingConversion> ordered = new ArrayList<>(pending);
        ordered.sort(Comparator.comparing(PendingConversion::occurredAt));
        int saved = 0;
        List<PendingConversion> chunk = new ArrayList<>();
        Set<String> chunkIds = new HashSet<>();
        for (PendingConversion conversion : ordered) {
            Ids ids = Ids.of(conversion, people.get(conversion.customerId()));
            boolean full = chunkIds.size() + ids.size() > searchIds;
            boolean wide = !chunk.isEmpty() && Duration.between(chunk.get(0).occurredAt(), conversion.occurredAt())
                    .compareTo(MAX_CHUNK_SPAN) > 0;
            if (!chunk.isEmpty() && (full || wide)) {
                saved += captureChunk(workspaceId, chunk, people);
                chunk.clear();
                chunkIds.clear();
            }
            chunk.add(conversion);
            chunkIds.addAll(ids.tagged());
        }
        if (!chunk.isEmpty()) {
            saved += captureChunk(workspaceId, chunk, people);
        }
        return saved;
    }

    /** One search, then its conversions' snapshots in one transaction. */
    private int captureChunk(UUID workspaceId, List<PendingConversion> chunk, Map<String, IdentityLinks.Person> people)
            throws SQLException {
        Map<PendingConversion, List<Touchpoint>> captured = new LinkedHashMap<>();
        fetch(workspaceId, chunk, people, captured);
        return snapshots.save(workspaceId, captured);
    }

    private void fetch(UUID workspaceId, List<PendingConversion> chunk, Map<String, IdentityLinks.Person> people,
            Map<PendingConversion, List<Touchpoint>> captured) {
        Set<String> actors = new LinkedHashSet<>();
        Set<String> clicks = new LinkedHashSet<>();
        for (PendingConversion conversion : chunk) {
            Ids ids = Ids.of(conversion, people.get(conversion.customerId()));
            actors.addAll(ids.actors());
            clicks.addAll(ids.clicks());
        }
        OffsetDateTime after = chunk.get(0).occurredAt().minusDays(maxLookbackDays);
        OffsetDateTime before = chunk.get(chunk.size() - 1).occurredAt();
        List<Touchpoint> found = actors.isEmpty() && clicks.isEmpty() ? List.of()
                : engagement.touchpoints(workspaceId, actors, clicks, after, before);
        for (PendingConversion conversion : chunk) {
            captured.put(conversion, own(conversion, Ids.of(conversion, people.get(conversion.customerId())), found));
        }
    }

    /** The touchpoints of this conversion's person inside its window, the actors behind its clicks included. */
    private List<Touchpoint> own(PendingConversion conversion, Ids ids, List<Touchpoint> found) {
        Set<String> actors = new HashSet<>(ids.actors());
        for (Touchpoint t : found) {
            if (t.clickId() != null && ids.clicks().contains(t.clickId()) && t.actorId() != null) {
                actors.add(t.actorId());
            }
        }
        OffsetDateTime start = conversion.occurredAt().minusDays(maxLookbackDays);
        return found.stream()
                .filter(t -> (t.actorId() != null && actors.contains(t.actorId()))
                        || (t.clickId() != null && ids.clicks().contains(t.clickId())))
                .filter(t -> !t.occurredAt().isBefore(start) && !t.occurredAt().isAfter(conversion.occurredAt()))
                .toList();
    }

    /** The identifiers of a conversion's person: its own plus those linked to its customer. */
    record Ids(Set<String> actors, Set<String> clicks) {

        static Ids of(PendingConversion conversion, IdentityLinks.Person person) {
            Set<String> actors = new LinkedHashSet<>(conversion.actorIds());
            Set<String> clicks = new LinkedHashSet<>();
            if (conversion.clickId() != null) {
                clicks.add(conversion.clickId());
            }
            if (person != null) {
                actors.addAll(person.actorIds());
                clicks.addAll(person.clickIds());
            }
            return new Ids(actors, clicks);
        }

        int size() {
            return actors.size() + clicks.size();
        }

        Set<String> tagged() {
            Set<String> all = new HashSet<>();
            actors.forEach(a -> all.add("a:" + a));
            clicks.forEach(c -> all.add("c:" + c));
            return all;
        }
    }
}
