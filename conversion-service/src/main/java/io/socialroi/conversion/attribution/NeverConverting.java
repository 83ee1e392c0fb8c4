package io.socialroi.conversion.attribution;

import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.conversion.touchpoint.Engagement;
import io.socialroi.conversion.touchpoint.JourneyPaths;
import io.socialroi.conversion.touchpoint.JourneySearch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The never-converting journeys DATA_DRIVEN and path analysis add to the ones {@link NonConverting} knows: the
 * actors engaged in the period who belong to no converting person, from engagement-service's
 * {@code POST /workspaces/{ws}/journeys/search} (CONTRACTS.md). The exclusion list is every actor id this service
 * knows to be a converting person's (identity links of kind ACTOR of customers with a conversion, conversions' actor
 * ids, the actors of captured touchpoints), so nobody is counted twice: a person who converts after the period is a
 * non-converting journey from the snapshots, and everyone else engaged is one from engagement-service. Each actor is
 * one journey.
 *
 * <p>The answer is kept per (workspace, period, types, grouping, digest of the exclusion list, the count of
 * engagement changes of the workspace the change feed has served, {@code engagement_change}): the exclusion list
 * is read from SQL on both report paths (memory and SQL give identical answers),
 * once per journey-store snapshot on the memory path (every write that can change it, a conversion, a captured
 * touchpoint or an identity link of a customer with conversions, which re-queues them, makes a new snapshot),
 * and engagement data that could change the answer moves that count once the feed has served it, so a report is
 * the same whatever order the data arrived in and never mixes an old answer with newer touches. engagement-service
 * down, slow or failing: a 503 naming it ({@link Engagement}), never numbers without these journeys. More than
 * {@link JourneySearch#MAX_EXCLUDED} actors known to convert: the search is not made and the note says so (the
 * contract's bound; the converting people's actors cannot be sent).
 */
@ApplicationScoped
public class NeverConverting {

    /** The journeys learned from engagement-service, and the note to show when they are incomplete. */
    record Answer(List<String[]> paths, String version, String note, long steps) {
        Answer(List<String[]> paths, String version, String note) {
            this(paths, version, note, 0);
        }
    }

    /**
     * Each distinct path repeated as many times as it has journeys, without the copies: a kept answer costs its
     * distinct paths, not one entry per person.
     */
    static final class Repeated extends java.util.AbstractList<String[]> implements java.util.RandomAccess {

        private final String[][] paths;
        private final int[] ends;

        Repeated(List<String[]> paths, List<Integer> counts) {
            this.paths = paths.toArray(String[][]::new);
            this.ends = new int[counts.size()];
            int end = 0;
            for (int i = 0; i < ends.length; i++) {
                end = Math.addExact(end, counts.get(i));
                ends[i] = end;
            }
        }

        @Override
        public String[] get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            int found = java.util.Arrays.binarySearch(ends, index + 1);
            return paths[found >= 0 ? found : -found - 1];
        }

        @Override
        public int size() {
            return ends.length == 0 ? 0 : ends[ends.length - 1];
        }
    }

    private static final String EXCLUDED = """
            SELECT id FROM (
                SELECT l.ref AS id FROM identity_link l WHERE l.workspace_id = ? AND l.kind = 'ACTOR'
                    AND EXISTS (SELECT 1 FROM conversion c WHERE c.workspace_id = l.workspace_id
                                AND c.customer_id = l.customer_id)
                UNION SELECT unnest(actor_ids) FROM conversion WHERE workspace_id = ?
                UNION SELECT actor_id FROM conversion_touchpoint WHERE workspace_id = ? AND actor_id IS NOT NULL
            ) known
            ORDER BY id COLLATE "C"
            """;
    private static final int CACHED = 256;
    /**
     * The kept answers' steps together (a step is a reference in a distinct path; the keys themselves are shared):
     * about 8 bytes each, so 16 MiB of a heap sized for the manifests' 256 MiB. A 40-day answer at 2M events is about
     * 40,000 distinct paths of 8 steps; before this bound (and before the keys were shared), twelve of them held 200 MB
     * of copies of the same few platform names. Lowered by tests.
     */
    static volatile long keptStepsLimit = 2_000_000;
    /** The search's longest path after collapsing repeats (its bound); a longer one is elided by engagement-service. */
    static final int COLLAPSED = 1000;

    /** The exclusion list and its digest. */
    private record Excluded(List<String> ids, String digest) {
    }

    private record Key(UUID workspaceId, OffsetDateTime from, OffsetDateTime to, List<String> types, GroupBy groupBy,
            String excluded, String cursor) {
    }

    private final DataSource dataSource;
    private final Engagement engagement;
    /** Kept answers, least recently used first; at most {@link #CACHED} and {@link #keptStepsLimit} steps in all. */
    private final LinkedHashMap<Key, Answer> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedSteps;

    /** The exclusion list per journey-store snapshot (held weakly: a new snapshot reads it again). */
    private final Map<Object, Excluded> bySnapshot = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Searches in flight on this replica ({@code suite.attribution.journeys.concurrency}, 1): each reads a period's
     * events on engagement-service for seconds of its CPU at scale, and a person moving the period of a DATA_DRIVEN
     * report starts one per move, each going on after the report stopped waiting. More at once only share the same
     * cores, finish late together and slow every other report; a search waits {@code suite.attribution.journeys.wait}
     * (5 s) for its turn, then the report is a 503
     * {@code learning-busy} with Retry-After, and the rule models, which never search, are not slowed by a queue.
     */
    private final Semaphore searches;
    private final Duration searchWait;

    public NeverConverting(DataSource dataSource, Engagement engagement,
            @ConfigProperty(name = "suite.attribution.journeys.concurrency", defaultValue = "1") int concurrency,
            @ConfigProperty(name = "suite.attribution.journeys.wait", defaultValue = "5s") Duration searchWait) {
        this.dataSource = dataSource;
        this.engagement = engagement;
        this.searches = new Semaphore(Math.max(1, concurrency), true);
        this.searchWait = searchWait;
    }

    /**
     * The never-converting journeys of [from, to), each as its group keys in time order; {@code snapshot}: the
     * journey-store snapshot the report reads (null: the report reads SQL, and so does the exclusion list).
     */
    Answer journeys(UUID workspaceId, Object snapshot, OffsetDateTime from, OffsetDateTime to, List<String> types,
            GroupBy groupBy) throws SQLException {
        Excluded known = snapshot == null ? null : bySnapshot.get(snapshot);
        if (known == null) {
            List<String> ids = excluded(workspaceId);
            known = new Excluded(ids, digest(ids));
            if (snapshot != null) {
                bySnapshot.put(snapshot, known);
            }
        }
        List<String> excluded = known.ids();
        if (excluded.size() > JourneySearch.MAX_EXCLUDED) {
            return new Answer(List.of(), "over:" + excluded.size(), "More than " + JourneySearch.MAX_EXCLUDED
                    + " actors belong to converting people (" + excluded.size() + "), more than engagement-service "
                    + "can leave out of a search: the people who never converted are not counted.");
        }
        Key key = new Key(workspaceId, from, to, List.copyOf(types), groupBy, known.digest(), cursor(workspaceId));
        Answer kept;
        synchronized (cache) {
            kept = cache.get(key);
        }
        if (kept != null) {
            return kept;
        }
        // Consecutive repeats collapsed (maxLength): Markov absorption probabilities and Shapley's channel sets do not
        // depend on a state repeating itself, and path analysis collapses them anyway, while the answer (distinct
        // paths) shrinks by orders of magnitude at scale (95,000 people over 60 days ran a 512 MB heap out).
        JourneyPaths found = search(workspaceId, new JourneySearch(from, to, types, groupBy.name(), excluded,
                COLLAPSED));
        List<String[]> paths = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        // Every step of every path is one of a few hundred group keys: one String per key, not one per step.
        Map<String, String> keys = new java.util.HashMap<>();
        long steps = 0;
        for (JourneyPaths.Item item : found.items()) {
            if (item.path() == null || item.path().isEmpty() || item.journeys() <= 0) {
                continue;
            }
            String[] path = new String[item.path().size()];
            for (int i = 0; i < path.length; i++) {
                String k = item.path().get(i);
                path[i] = k == null ? GroupBy.NONE : keys.computeIfAbsent(k, x -> x);
            }
            paths.add(path);
            steps += path.length + 2; // the array's header, about two references
            counts.add(Math.toIntExact(item.journeys())); // one journey per actor
        }
        String note = found.truncated() ? "engagement-service left out its rarest paths (" + found.omittedJourneys()
                + " journeys of people who never converted, past its bound of distinct paths)." : null;
        Answer answer = new Answer(new Repeated(paths, counts), key.excluded() + "@" + key.cursor(), note, steps);
        keep(key, answer, steps);
        return answer;
    }

    /** Keeps an answer, dropping the least recently used ones beyond the bounds; one above them is not kept. */
    private void keep(Key key, Answer answer, long steps) {
        long limit = keptStepsLimit;
        if (steps > limit) {
            return;
        }
        synchronized (cache) {
            Answer before = cache.put(key, answer);
            cachedSteps += steps - (before == null ? 0 : before.steps());
            var eldest = cache.entrySet().iterator();
            while ((cache.size() > CACHED || cachedSteps > limit) && eldest.hasNext()) {
                Map.Entry<Key, Answer> e = eldest.next();
                if (e.getKey().equals(key)) {
                    continue;
                }
                cachedSteps -= e.getValue().steps();
                eldest.remove();
            }
        }
    }

    /** The search, when one of this replica's turns ({@link #searches}) is free within the wait. */
    private JourneyPaths search(UUID workspaceId, JourneySearch search) {
        boolean turn;
        try {
            turn = searches.tryAcquire(searchWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new ProblemException(Problem.of(503, "learning-busy", "Service Unavailable", "Too many "
                    + "DATA_DRIVEN and path reports are learning from new periods on this replica at once; ask again "
                    + "in a few seconds (a period asked before is answered at once)"), Map.of("Retry-After", "2"));
        }
        try {
            return engagement.journeys(workspaceId, search);
        } finally {
            searches.release();
        }
    }

    /** Every actor id known to belong to a converting person, in code point order. */
    List<String> excluded(UUID workspaceId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(EXCLUDED)) {
            select.setObject(1, workspaceId);
            select.setObject(2, workspaceId);
            select.setObject(3, workspaceId);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (id != null && !id.isEmpty()) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /**
     * How often the change feed served engagement changes of this workspace, and restarted ({@code engagement_change}):
     * engagement writes of the workspace move it once the feed serves them; the feed's own cursor moves on every poll,
     * so it would keep nothing.
     */
    private String cursor(UUID workspaceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT coalesce(sum(changes) FILTER (WHERE workspace_id = ?), 0) || '.' || coalesce(sum(changes) "
                        + "FILTER (WHERE workspace_id = ?), 0) FROM engagement_change WHERE workspace_id IN (?, ?)")) {
            select.setObject(1, workspaceId);
            select.setObject(2, io.socialroi.conversion.changes.ChangeFeed.EVERY_WORKSPACE);
            select.setObject(3, workspaceId);
            select.setObject(4, io.socialroi.conversion.changes.ChangeFeed.EVERY_WORKSPACE);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : "0.0";
            }
        }
    }

    private static String digest(List<String> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha.update(id.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return ids.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
