package io.socialroi.engagement.journey;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.Bounds;
import io.socialroi.engagement.actor.FlaggedActors;
import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.event.RollupQueue;
import io.socialroi.engagement.settings.ScoringSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The journeys of the actors engaged in a period, for conversion-service's never-converting journeys (DATA_DRIVEN
 * and path analysis). Read from the raw events (the actor rollups keep hours, and a path needs the order of the
 * touches inside an hour), by the period's partitions and the time index. Each touch is grouped as the touchpoint
 * search labels it: the post's current directory entry for platform and stage (the event's own platform while the
 * directory does not know the post), the event's own campaign or else the post's. As conversion-service's
 * non-converting journeys are built ({@code NonConverting}): an actor's touches with the same instant, type,
 * platform, post, campaign and stage count once, in time order, ties by group key (a missing key sorting as
 * {@code "none"}). Redirect hits of bots and previews are never events; actors flagged for the period
 * ({@link FlaggedActors}, as the summary and the audiences leave them out) and the excluded actors are left out.
 */
@ApplicationScoped
public class JourneyQuery {

    /** Excluded actors per search. */
    public static final int MAX_EXCLUDED = 50_000;
    /** Distinct paths per answer; beyond it the rarest are left out and the answer says so. */
    public static final int MAX_PATHS = 100_000;
    public static final String ELISION = "…";
    private static final String NONE = "none";
    private static final List<EventType> DEFAULT_TYPES = Arrays.stream(EventType.values())
            .filter(t -> t != EventType.IMPRESSION).toList();

    /** What one step of a path is. */
    public enum Group {
        POST, PLATFORM, CAMPAIGN, FUNNEL_STAGE
    }

    private record Touch(long at, String type, String platform, String post, String campaign, String stage) {
    }

    private final DataSource dataSource;
    private final RollupQueue pending;

    public JourneyQuery(DataSource dataSource, RollupQueue pending) {
        this.dataSource = dataSource;
        this.pending = pending;
    }

    public JourneyPaths search(UUID workspaceId, JourneySearch search, ScoringSettings settings) throws SQLException {
        Group group = validate(search);
        // The flagged actors come from actor_minute and comment_fingerprint: every acknowledged batch in them.
        pending.settle(workspaceId);
        List<EventType> types = search.eventTypes() == null || search.eventTypes().isEmpty() ? DEFAULT_TYPES
                : search.eventTypes().stream().distinct().sorted().toList();
        List<String> excluded = search.excludeActors() == null ? List.of() : search.excludeActors();
        String sql = "WITH flagged AS MATERIALIZED (" + FlaggedActors.SQL + "), "
                + "excluded AS MATERIALIZED (SELECT DISTINCT unnest(?::text[]) AS actor_id) "
                // No DISTINCT: a touch seen twice (same time, type, platform, post, campaign, stage) is one in the
                // per-actor set below, without PostgreSQL hashing every row of the period first.
                + "SELECT e.actor_id, e.occurred_at, e.type, coalesce(d.platform, e.platform), e.post_id, "
                + "coalesce(e.campaign_id, d.campaign_id), coalesce(d.funnel_stage, e.funnel_stage) "
                + "FROM engagement_event e LEFT JOIN post_directory d ON d.workspace_id = e.workspace_id "
                + "AND d.post_id = e.post_id WHERE e.workspace_id = ? AND e.occurred_at >= ? AND e.occurred_at < ? "
                + "AND e.type = ANY (?) AND NOT EXISTS (SELECT 1 FROM excluded x WHERE x.actor_id = e.actor_id) "
                + "AND NOT EXISTS (SELECT 1 FROM flagged f WHERE f.actor_id = e.actor_id) "
                + "ORDER BY e.actor_id, e.occurred_at";
        Map<List<String>, Long> byPath = new HashMap<>();
        long actors = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: the rows stream instead of being held at once
            try (var jit = c.createStatement()) {
                // PostgreSQL's JIT compiles this plan anew on every search (about 50 ms of 700 at 2M events), for a
                // scan that is mostly reading rows.
                jit.execute("SET LOCAL jit = off");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = FlaggedActors.bind(ps, 1, workspaceId, settings, search.from().toInstant(),
                        search.to().toInstant());
                ps.setArray(i++, c.createArrayOf("text", excluded.toArray()));
                ps.setObject(i++, workspaceId);
                ps.setObject(i++, search.from());
                ps.setObject(i++, search.to());
                ps.setArray(i, c.createArrayOf("text", types.stream().map(Enum::name).toArray()));
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    String actor = null;
                    Set<Touch> touches = new LinkedHashSet<>();
                    while (rs.next()) {
                        String who = rs.getString(1);
                        if (!who.equals(actor)) {
                            if (actor != null) {
                                byPath.merge(path(touches, group, search.maxLength()), 1L, Long::sum);
                                actors++;
                            }
                            actor = who;
                            touches.clear();
                        }
                        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                        UUID post = rs.getObject(5, UUID.class);
                        UUID campaign = rs.getObject(6, UUID.class);
                        touches.add(new Touch(micros(at), rs.getString(3), rs.getString(4),
                                post == null ? null : post.toString(), campaign == null ? null : campaign.toString(),
                                rs.getString(7)));
                    }
                    if (actor != null) {
                        byPath.merge(path(touches, group, search.maxLength()), 1L, Long::sum);
                        actors++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        List<JourneyPaths.Item> items = sorted(byPath);
        long omitted = 0;
        boolean truncated = items.size() > MAX_PATHS;
        if (truncated) {
            for (JourneyPaths.Item item : items.subList(MAX_PATHS, items.size())) {
                omitted += item.journeys();
            }
        }
        return new JourneyPaths(truncated ? List.copyOf(items.subList(0, MAX_PATHS)) : items, actors, byPath.size(),
                truncated, omitted);
    }

    private static long micros(OffsetDateTime at) {
        return Math.addExact(Math.multiplyExact(at.toEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private static String key(Touch t, Group group) {
        return switch (group) {
            case POST -> t.post();
            case PLATFORM -> t.platform();
            case CAMPAIGN -> t.campaign();
            case FUNNEL_STAGE -> t.stage();
        };
    }

    /** One actor's path: touches in time order, ties by key; collapsed and elided when maxLength is given. */
    static List<String> path(Set<Touch> touches, Group group, Integer maxLength) {
        List<Touch> sorted = new ArrayList<>(touches);
        sorted.sort(Comparator.comparingLong(Touch::at)
                .thenComparing(t -> Objects.requireNonNullElse(key(t, group), NONE)));
        List<String> steps = new ArrayList<>(sorted.size());
        for (Touch t : sorted) {
            String key = key(t, group);
            if (maxLength == null || steps.isEmpty() || !Objects.equals(steps.get(steps.size() - 1), key)) {
                steps.add(key);
            }
        }
        if (maxLength != null && steps.size() > maxLength) {
            List<String> kept = new ArrayList<>(steps.subList(0, maxLength - 2));
            kept.add(ELISION);
            kept.add(steps.get(steps.size() - 1));
            steps = kept;
        }
        return java.util.Collections.unmodifiableList(steps);
    }

    /**
     * The paths by journeys (most first), then step by step in code point order ({@link #comparePaths}). The steps
     * are a few hundred group keys over tens of thousands of paths, so each key gets its rank in that order once and
     * the paths are compared as arrays of ranks: the same order, without comparing the same strings again and again
     * (that was a third of a 40-day search's CPU at 2M events).
     */
    static List<JourneyPaths.Item> sorted(Map<List<String>, Long> byPath) {
        java.util.TreeSet<String> distinct = new java.util.TreeSet<>(JourneyQuery::compareCodePoints);
        for (List<String> path : byPath.keySet()) {
            for (String key : path) {
                if (key != null) {
                    distinct.add(key);
                }
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (String key : distinct) {
            rank.put(key, rank.size());
        }
        record Ranked(JourneyPaths.Item item, int[] ranks) {
        }
        List<Ranked> ranked = new ArrayList<>(byPath.size());
        byPath.forEach((path, n) -> {
            int[] r = new int[path.size()];
            for (int i = 0; i < r.length; i++) {
                String key = path.get(i);
                r[i] = key == null ? -1 : rank.get(key);
            }
            ranked.add(new Ranked(new JourneyPaths.Item(path, n), r));
        });
        ranked.sort((x, y) -> {
            int c = Long.compare(y.item().journeys(), x.item().journeys());
            return c != 0 ? c : java.util.Arrays.compare(x.ranks(), y.ranks());
        });
        List<JourneyPaths.Item> items = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            items.add(r.item());
        }
        return items;
    }

    /** Step by step in code point order (null first), a prefix first. */
    static int comparePaths(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : compareCodePoints(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static Group validate(JourneySearch search) {
        List<FieldError> errors = new ArrayList<>();
        if (search.from() == null) {
            errors.add(new FieldError("from", "is required"));
        } else if (!Bounds.inRange(search.from())) {
            errors.add(new FieldError("from", Bounds.DATE_MESSAGE));
        }
        if (search.to() == null) {
            errors.add(new FieldError("to", "is required"));
        } else if (!Bounds.inRange(search.to())) {
            errors.add(new FieldError("to", Bounds.DATE_MESSAGE));
        }
        if (errors.isEmpty() && !search.from().isBefore(search.to())) {
            errors.add(new FieldError("from", "must be before 'to'"));
        }
        Group group = null;
        if (search.groupBy() == null || search.groupBy().isBlank()) {
            errors.add(new FieldError("groupBy", "is required: one of POST, PLATFORM, CAMPAIGN, FUNNEL_STAGE"));
        } else {
            try {
                group = Group.valueOf(search.groupBy().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("groupBy", "must be one of POST, PLATFORM, CAMPAIGN, FUNNEL_STAGE"));
            }
        }
        if (search.eventTypes() != null && search.eventTypes().stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("eventTypes", "must not contain null"));
        }
        List<String> excluded = search.excludeActors();
        if (excluded != null) {
            if (excluded.size() > MAX_EXCLUDED) {
                errors.add(new FieldError("excludeActors", "at most " + MAX_EXCLUDED + " actor ids"));
            } else if (excluded.stream().anyMatch(a -> a == null || a.isEmpty())) {
                errors.add(new FieldError("excludeActors", "must not contain empty ids"));
            } else if (excluded.stream().anyMatch(a -> !Bounds.storable(a))) {
                errors.add(new FieldError("excludeActors", "must not contain NUL characters"));
            }
        }
        if (search.maxLength() != null && (search.maxLength() < 2 || search.maxLength() > 1000)) {
            errors.add(new FieldError("maxLength", "must be from 2 to 1000"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return group;
    }
}
