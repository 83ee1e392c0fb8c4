package io.socialroi.engagement.summary;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.engagement.event.EventType;
import io.quarkus.runtime.StartupEvent;
import io.socialroi.common.snapshot.SnapshotSettings;
import io.socialroi.common.snapshot.TooBig;
import io.socialroi.common.snapshot.Warming;
import io.socialroi.common.snapshot.Watermark;
import io.socialroi.common.snapshot.WorkspaceSnapshots;
import io.socialroi.engagement.settings.ScoringSettings;
import io.socialroi.engagement.settings.SettingsStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers summaries from an in-memory copy of each workspace's rollups ({@link WorkspaceRollups}), held by the
 * suite's snapshot mechanism ({@link WorkspaceSnapshots}) and kept current from the change log {@code rollup_change}
 * (V5), which every writer of the rollups fills in its own transaction, on any replica. {@link SummaryQuery} stays
 * the fallback and the oracle of the tests: it answers while a workspace loads in the background (its first summary
 * after a start, so never a wait of seconds), and for a workspace above the memory budget or with too many groups.
 * At start the most recently written workspaces are loaded ({@code suite.snapshot.rollups.warm-at-start}).
 *
 * <p>Freshness: every summary first reads, in one REPEATABLE READ transaction, its snapshot's xmin and the change
 * rows with {@code xid >=} the xmin kept from the previous read, then reloads the hours they name in the same
 * snapshot. Every transaction not visible in a snapshot has an xid at or above that snapshot's xmin, so one that
 * commits late (out of xid order) is still found by the next read; a change seen before is skipped by its xid.
 * So a summary reflects everything committed before it started, like the SQL it replaces.
 *
 * <p>Memory: at most {@code suite.snapshot.rollups.max-weight} rollup rows over all workspaces (about 10 bytes
 * each plus the actor dictionary); least recently used workspaces are dropped first, idle ones after
 * {@code suite.snapshot.rollups.idle}. A workspace larger than the whole budget is answered by SQL. (The keys were
 * {@code engagement.summary-cache.*} before; application.properties maps the old names onto the new ones.)
 */
@ApplicationScoped
public class RollupStore {

    private static final String[] NO_STRINGS = new String[0];
    private static final String DIM_KEY = "floor(extract(epoch FROM bucket) / 3600)::int8, post_key::text || '|' "
            + "|| platform || '|' || campaign_key::text || '|' || funnel_stage";
    private static final String ENGAGEMENT_ROWS = "SELECT " + DIM_KEY + ", type, events FROM engagement_rollup "
            + "WHERE workspace_id = ?";
    private static final String ACTOR_ROWS = "SELECT " + DIM_KEY + ", actor_id, "
            + Arrays.stream(WorkspaceRollups.TYPES).map(EventType::column).collect(Collectors.joining(", "))
            + " FROM actor_rollup WHERE workspace_id = ?";
    private static final String RANGE = " AND bucket >= to_timestamp(?) AND bucket < to_timestamp(?)";
    private static final String CHANGES = "SELECT xid::text, floor(extract(epoch FROM min_bucket) / 3600)::int8, "
            + "floor(extract(epoch FROM max_bucket) / 3600)::int8 FROM rollup_change "
            + "WHERE workspace_id = ? AND xid >= ?::text::xid8";
    /**
     * The post directory is small and its writes are not in the change log: a fingerprint of the workspace's entries
     * (count and a sum of hashes of post, campaign, platform and stage) read with the changes tells whether the
     * snapshot's copy is still current; when it is not, the entries are read again.
     */
    private static final String FINGERPRINT = "SELECT count(*)::text || ':' || coalesce(sum(hashtextextended("
            + "post_id::text || '|' || coalesce(campaign_id::text, '') || '|' || platform || '|' || funnel_stage, 0)), 0)"
            + "::text FROM post_directory WHERE workspace_id = ?";
    private static final String DIRECTORY = "SELECT post_id::text, platform, coalesce(campaign_id::text, '"
            + WorkspaceRollups.NIL + "'), funnel_stage FROM post_directory WHERE workspace_id = ?";
    private static final String QUICK = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text, c.xid::text, ("
            + FINGERPRINT + ") FROM (SELECT 1) one LEFT JOIN rollup_change c ON c.workspace_id = ? "
            + "AND c.xid >= ?::text::xid8";
    private static final Map<String, Byte> TYPES = new HashMap<>();

    static {
        for (EventType t : EventType.values()) {
            TYPES.put(t.name(), (byte) t.ordinal());
        }
        TYPES.put("BOT_CLICK", (byte) WorkspaceRollups.BOT_CLICK);
    }

    private final DataSource dataSource;
    private final SummaryQuery sql;
    private final SettingsStore settingsStore;
    private final long maxEntries;
    private final Duration retention;
    /** Actor rows read again since the load, above which they are merged into the base. */
    private final int mergeAt;
    private final int warmAtStart;
    private final Warming warming = new Warming();
    private final WorkspaceSnapshots<Holder, WorkspaceRollups, ScoringSettings> snapshots;

    @Inject
    public RollupStore(DataSource dataSource, SummaryQuery sql, SettingsStore settingsStore,
            @ConfigProperty(name = "suite.snapshot.rollups.max-weight", defaultValue = "4000000") long maxEntries,
            @ConfigProperty(name = "suite.snapshot.rollups.idle", defaultValue = "1H") Duration idle,
            @ConfigProperty(name = "suite.snapshot.rollups.load-in-background", defaultValue = "true")
            boolean loadInBackground,
            @ConfigProperty(name = "suite.snapshot.rollups.change-retention", defaultValue = "6H") Duration retention,
            @ConfigProperty(name = "suite.snapshot.rollups.merge-at", defaultValue = "50000") int mergeAt,
            @ConfigProperty(name = "suite.snapshot.rollups.warm-at-start", defaultValue = "20") int warmAtStart) {
        this(dataSource, sql, settingsStore, new SnapshotSettings(maxEntries, idle, loadInBackground, idle), retention,
                mergeAt, warmAtStart);
    }

    /** A store of its own (a second replica, a restarted service): {@code settings} bound its memory. */
    public RollupStore(DataSource dataSource, SummaryQuery sql, SettingsStore settingsStore, SnapshotSettings settings,
            Duration retention, int mergeAt, int warmAtStart) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.settingsStore = settingsStore;
        this.maxEntries = settings.maxWeight();
        this.retention = retention;
        this.mergeAt = mergeAt;
        this.warmAtStart = warmAtStart;
        this.snapshots = new WorkspaceSnapshots<>("summary store", settings, new Source());
    }

    @PreDestroy
    void stop() {
        snapshots.close();
    }

    /** One workspace: what is needed to keep its snapshot current; used only under the mechanism's lock. */
    static final class Holder {
        final UUID workspaceId;
        WorkspaceRollups state;
        long refreshedAtMillis;
        long watermark;
        final Set<Long> applied = new HashSet<>();
        final Map<String, Integer> actors = new HashMap<>();
        final Map<String, Integer> dims = new HashMap<>();
        final List<String[]> dimParts = new ArrayList<>();
        long dictionaryBytes;

        Holder(UUID workspaceId) {
            this.workspaceId = workspaceId;
        }

        void reset() {
            state = null;
            applied.clear();
            actors.clear();
            dims.clear();
            dimParts.clear();
            dictionaryBytes = 0;
        }

        int actor(String id) {
            Integer a = actors.get(id);
            if (a == null) {
                a = actors.size();
                actors.put(id, a);
                dictionaryBytes += 100 + id.length();
            }
            return a;
        }

        char dim(String key) throws TooBig {
            Integer d = dims.get(key);
            if (d == null) {
                if (dims.size() >= Character.MAX_VALUE) {
                    throw new TooBig();
                }
                d = dims.size();
                dims.put(key, d);
                dimParts.add(key.split("\\|", -1));
            }
            return (char) d.intValue();
        }
    }

    /** How the mechanism loads and refreshes a workspace's rollups. */
    private final class Source implements WorkspaceSnapshots.Source<Holder, WorkspaceRollups, ScoringSettings> {

        @Override
        public Holder open(UUID workspaceId) {
            return new Holder(workspaceId);
        }

        @Override
        public WorkspaceRollups refresh(Holder h, WorkspaceRollups previous, ScoringSettings settings)
                throws SQLException, TooBig {
            RollupStore.this.refresh(h, settings);
            return h.state;
        }

        @Override
        public boolean answers(WorkspaceRollups view, ScoringSettings settings) {
            return sameThresholds(view, settings);
        }

        @Override
        public long weight(WorkspaceRollups view) {
            return view.entries;
        }
    }

    /**
     * The summary (rows by key plus {@link SummaryQuery#TOTAL}), from memory when the workspace is held, else SQL
     * (the workspace is loading in the background, or above the budget): never a wait for a load.
     */
    public Map<String, SummaryQuery.Acc> run(UUID workspaceId, Instant from, Instant to, ZoneId zone, GroupBy groupBy,
            UUID campaignId, ScoringSettings settings) throws SQLException {
        // Batches acknowledged before this call are in the rollups, and in the change log the snapshot follows.
        sql.settle(workspaceId);
        WorkspaceRollups state = current(workspaceId, settings);
        if (state != null) {
            return state.summary(Math.ceilDiv(from.getEpochSecond(), 3600), Math.ceilDiv(to.getEpochSecond(), 3600),
                    zone, groupBy, campaignId == null ? null : campaignId.toString(), settings.onlyLikesMin());
        }
        return sql.run(workspaceId, from, to, zone, groupBy, campaignId, settings);
    }

    /** The workspace's snapshot, current as of this call, or null when it is answered by SQL. */
    WorkspaceRollups current(UUID workspaceId, ScoringSettings settings) throws SQLException {
        return snapshots.view(workspaceId, settings);
    }

    /** The mechanism holding the snapshots (what is held, its weight, loads, warming). */
    public WorkspaceSnapshots<?, WorkspaceRollups, ScoringSettings> snapshots() {
        return snapshots;
    }

    /**
     * At start, the workspaces written most recently (within the change retention) are loaded one after the other in
     * the background, so that their first summaries after a deploy come from memory; until then SQL answers them.
     */
    void warmAtStart(@Observes StartupEvent start) {
        if (warmAtStart > 0 && maxEntries > 0) {
            warming.start("summary-store-warm", this::warmRecentlyActive);
        }
    }

    /**
     * Whether the loads at start are still running and have run for less than {@code limit}: the service reports
     * itself not ready meanwhile, so that a restarted replica takes requests once its recent workspaces are in memory.
     */
    public boolean warming(java.time.Duration limit) {
        return warming.warming(limit);
    }

    /** Loads the most recently written workspaces, one at a time; answers how many were asked for. */
    public int warmRecentlyActive() {
        List<UUID> recent = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT workspace_id FROM rollup_change GROUP BY workspace_id ORDER BY max(at) DESC LIMIT ?")) {
            ps.setInt(1, warmAtStart);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recent.add(rs.getObject(1, UUID.class));
                }
            }
            for (UUID ws : recent) {
                snapshots.warm(ws, settingsStore.get(ws)).join();
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Summary store: warming at start stopped (%s); summaries come from SQL until loaded",
                    e.getMessage());
        }
        return recent.size();
    }

    private void refresh(Holder h, ScoringSettings settings) throws SQLException, TooBig {
        if (h.state != null && System.currentTimeMillis() - h.refreshedAtMillis > retention.toMillis() / 2) {
            // The change rows this replica has not read may have been pruned: start again.
            h.reset();
        }
        if (h.state != null && sameThresholds(h.state, settings) && nothingNew(h)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long xmin = Watermark.xmin(c);
                if (h.state == null) {
                    load(c, h, settings);
                } else {
                    update(c, h, settings);
                }
                String fingerprint = fingerprint(c, h.workspaceId);
                if (!fingerprint.equals(h.state.directory.fingerprint())) {
                    h.state = h.state.withDirectory(directory(c, h.workspaceId, fingerprint));
                }
                h.watermark = xmin;
                h.applied.removeIf(x -> x < xmin);
                h.refreshedAtMillis = System.currentTimeMillis();
                c.commit();
            } catch (SQLException | RuntimeException | TooBig e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; nothing was written
                }
                throw e;
            } finally {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * The usual case, in one statement: no change row the store has not applied. Then the store equals the
     * database as of this statement's snapshot, whose xmin becomes the watermark.
     */
    private boolean nothingNew(Holder h) throws SQLException {
        long xmin = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(QUICK)) {
            ps.setObject(1, h.workspaceId);
            ps.setObject(2, h.workspaceId);
            ps.setString(3, Long.toString(h.watermark));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    xmin = Long.parseLong(rs.getString(1));
                    String xid = rs.getString(2);
                    if (xid != null && !h.applied.contains(Long.parseLong(xid))
                            || !rs.getString(3).equals(h.state.directory.fingerprint())) {
                        return false;
                    }
                }
            }
        }
        long watermark = xmin;
        h.watermark = watermark;
        h.applied.removeIf(x -> x < watermark);
        h.refreshedAtMillis = System.currentTimeMillis();
        return true;
    }

    private static boolean sameThresholds(WorkspaceRollups state, ScoringSettings settings) {
        return state.flags.burst() == settings.burstPerMinute()
                && state.flags.identical() == settings.identicalCommentActors();
    }

    private static String fingerprint(Connection c, UUID ws) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINGERPRINT)) {
            ps.setObject(1, ws);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static WorkspaceRollups.Directory directory(Connection c, UUID ws, String fingerprint) throws SQLException {
        Map<String, String[]> posts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(DIRECTORY)) {
            ps.setFetchSize(10_000);
            ps.setObject(1, ws);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    posts.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return new WorkspaceRollups.Directory(posts, fingerprint);
    }

    private void load(Connection c, Holder h, ScoringSettings settings) throws SQLException, TooBig {
        long started = System.nanoTime();
        h.reset();
        Map<Integer, DayChunk.Builder> builders = new TreeMap<>();
        ActorRows.Builder actorRows = new ActorRows.Builder();
        rows(c, h, builders, actorRows, null, null);
        WorkspaceRollups empty = new WorkspaceRollups(0, new DayChunk[0], ActorRows.EMPTY, ActorRows.EMPTY,
                new long[0], NO_STRINGS, NO_STRINGS, NO_STRINGS, NO_STRINGS, 0, WorkspaceRollups.Flags.NONE,
                WorkspaceRollups.Directory.NONE, 0);
        ActorRows base = actorRows.build(h.actors.size());
        h.state = install(h, empty, builders, base, ActorRows.EMPTY, replacedBits(base), flags(c, h, settings));
        Log.infof("Summary store: workspace %s loaded, %d rollup rows, %d actors, about %d MB, in %d ms",
                h.workspaceId, h.state.entries, h.state.actorCount, h.state.bytes >> 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void update(Connection c, Holder h, ScoringSettings settings) throws SQLException, TooBig {
        List<long[]> ranges = new ArrayList<>();
        List<Long> xids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
            ps.setObject(1, h.workspaceId);
            ps.setString(2, Long.toString(h.watermark));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long xid = Long.parseLong(rs.getString(1));
                    if (!h.applied.contains(xid)) {
                        xids.add(xid);
                        ranges.add(new long[] {rs.getLong(2), rs.getLong(3)});
                    }
                }
            }
        }
        WorkspaceRollups state = h.state;
        if (ranges.isEmpty()) {
            if (!sameThresholds(state, settings)) {
                h.state = state.withFlags(flags(c, h, settings));
            }
            return;
        }
        List<long[]> merged = merge(ranges);
        // The hours of each touched day that are read again; the day's other rows are kept.
        Map<Integer, boolean[]> reread = new TreeMap<>();
        for (long[] range : merged) {
            for (long hour = range[0]; hour <= range[1]; hour++) {
                reread.computeIfAbsent(Math.toIntExact(Math.floorDiv(hour, 24)), d -> new boolean[24])
                        [(int) Math.floorMod(hour, 24)] = true;
            }
        }
        // actor_rollup: the rows of those hours go to the delta (replacing its older rows of the same hours), the
        // base rows of those hours are marked replaced; a delta grown to a quarter of the base is merged into it.
        ActorRows.Builder delta = new ActorRows.Builder();
        for (int a = 0; a < state.delta.actors(); a++) {
            for (int r = state.delta.off[a]; r < state.delta.off[a + 1]; r++) {
                if (!within(merged, state.delta.hour[r])) {
                    delta.copy(state.delta, r, a);
                }
            }
        }
        long[] replaced = state.replaced.clone();
        for (long[] range : merged) {
            for (long hour = Math.max(range[0], state.base.minHour); hour <= Math.min(range[1], state.base.maxHour);
                    hour++) {
                int bit = (int) (hour - state.base.minHour);
                replaced[bit >>> 6] |= 1L << bit;
            }
        }
        Map<Integer, DayChunk.Builder> builders = new TreeMap<>();
        for (Map.Entry<Integer, boolean[]> day : reread.entrySet()) {
            DayChunk.Builder b = new DayChunk.Builder(day.getKey());
            DayChunk old = chunk(state, day.getKey());
            if (old != null) {
                b.keep(old, day.getValue());
            }
            builders.put(day.getKey(), b);
        }
        for (long[] range : merged) {
            rows(c, h, builders, delta, range[0], range[1] + 1);
        }
        ActorRows base = state.base;
        if (delta.size() > Math.max(mergeAt, base.size() / 4)) {
            ActorRows.Builder merge = new ActorRows.Builder();
            for (int a = 0; a < base.actors(); a++) {
                for (int r = base.off[a]; r < base.off[a + 1]; r++) {
                    int bit = base.hour[r] - base.minHour;
                    if ((replaced[bit >>> 6] & 1L << bit) == 0) {
                        merge.copy(base, r, a);
                    }
                }
            }
            ActorRows d = delta.build(h.actors.size());
            for (int a = 0; a < d.actors(); a++) {
                for (int r = d.off[a]; r < d.off[a + 1]; r++) {
                    merge.copy(d, r, a);
                }
            }
            base = merge.build(h.actors.size());
            h.state = install(h, state, builders, base, ActorRows.EMPTY, replacedBits(base), flags(c, h, settings));
        } else {
            h.state = install(h, state, builders, base, delta.build(h.actors.size()), replaced, flags(c, h, settings));
        }
        h.applied.addAll(xids);
    }

    private static boolean within(List<long[]> ranges, long hour) {
        for (long[] r : ranges) {
            if (hour >= r[0] && hour <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** An empty bitset over the hours of the base rows. */
    private static long[] replacedBits(ActorRows base) {
        return new long[base.size() == 0 ? 0 : (int) (((long) base.maxHour - base.minHour + 64) >>> 6)];
    }

    private static DayChunk chunk(WorkspaceRollups state, int day) {
        int i = day - state.firstDay;
        return i < 0 || i >= state.days.length ? null : state.days[i];
    }

    /** Hour ranges, inclusive, merged where they overlap or touch. */
    static List<long[]> merge(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new long[] {r[0], r[1]});
            }
        }
        return merged;
    }

    /** Reads the rollup rows of the workspace (of the hours [fromHour, toHour) when given) into the day builders. */
    private void rows(Connection c, Holder h, Map<Integer, DayChunk.Builder> builders, ActorRows.Builder actorRows,
            Long fromHour, Long toHour)
            throws SQLException, TooBig {
        long budget = maxEntries;
        long read = 0;
        try (PreparedStatement ps = c.prepareStatement(ENGAGEMENT_ROWS + (fromHour == null ? "" : RANGE))) {
            bindRange(ps, h.workspaceId, fromHour, toHour);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long hour = rs.getLong(1);
                    long events = rs.getLong(4);
                    if (++read > budget || events > Integer.MAX_VALUE || events < 0) {
                        throw new TooBig();
                    }
                    builder(builders, hour).engagement((int) Math.floorMod(hour, 24), h.dim(rs.getString(2)),
                            TYPES.get(rs.getString(3)), (int) events);
                }
            }
        }
        int[] counts = new int[ActorRows.TYPES];
        try (PreparedStatement ps = c.prepareStatement(ACTOR_ROWS + (fromHour == null ? "" : RANGE))) {
            bindRange(ps, h.workspaceId, fromHour, toHour);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (++read > budget) {
                        throw new TooBig();
                    }
                    long hour = rs.getLong(1);
                    for (int t = 0; t < counts.length; t++) {
                        counts[t] = rs.getInt(4 + t);
                    }
                    actorRows.add(h.actor(rs.getString(3)), Math.toIntExact(hour), h.dim(rs.getString(2)), counts);
                }
            }
        }
    }

    private static void bindRange(PreparedStatement ps, UUID ws, Long fromHour, Long toHour) throws SQLException {
        ps.setFetchSize(10_000);
        ps.setObject(1, ws);
        if (fromHour != null) {
            ps.setLong(2, fromHour * 3600);
            ps.setLong(3, toHour * 3600);
        }
    }

    private static DayChunk.Builder builder(Map<Integer, DayChunk.Builder> builders, long hour) {
        int day = Math.toIntExact(Math.floorDiv(hour, 24));
        return builders.computeIfAbsent(day, DayChunk.Builder::new);
    }

    /**
     * What {@link io.socialroi.engagement.actor.FlaggedActors} needs, read again after every change (the rows it reads
     * change with the rollups): burst minutes at the threshold and the actors that posted a farm text.
     */
    private static WorkspaceRollups.Flags flags(Connection c, Holder h, ScoringSettings settings) throws SQLException {
        int actors = h.actors.size();
        int[] perActor = new int[actors + 1];
        List<int[]> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(io.socialroi.engagement.actor.FlaggedActors.BURST_MINUTES)) {
            ps.setFetchSize(10_000);
            ps.setObject(1, h.workspaceId);
            ps.setInt(2, settings.burstPerMinute());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // An actor without rollup rows has nothing to judge.
                    Integer a = h.actors.get(rs.getString(1));
                    if (a != null) {
                        found.add(new int[] {a, Math.toIntExact(rs.getLong(2))});
                        perActor[a + 1]++;
                    }
                }
            }
        }
        for (int a = 0; a < actors; a++) {
            perActor[a + 1] += perActor[a];
        }
        // Rows come ordered by actor id text and minute: placing them by dictionary id keeps each actor's order.
        int[] minutes = new int[found.size()];
        int[] at = java.util.Arrays.copyOf(perActor, Math.max(actors, 1));
        for (int[] f : found) {
            minutes[at[f[0]]++] = f[1];
        }
        long[] farm = new long[(actors + 63) >>> 6];
        try (PreparedStatement ps = c.prepareStatement(io.socialroi.engagement.actor.FlaggedActors.FARM_TEXT_ACTORS)) {
            ps.setFetchSize(10_000);
            ps.setObject(1, h.workspaceId);
            ps.setInt(2, settings.identicalCommentActors());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer a = h.actors.get(rs.getString(1));
                    if (a != null) {
                        farm[a >>> 6] |= 1L << a;
                    }
                }
            }
        }
        return new WorkspaceRollups.Flags(perActor, minutes, farm, settings.burstPerMinute(),
                settings.identicalCommentActors());
    }

    /** A new snapshot: {@code base} with the days of {@code builders} replaced, and the current dictionaries. */
    private WorkspaceRollups install(Holder h, WorkspaceRollups base, Map<Integer, DayChunk.Builder> builders,
            ActorRows actorBase, ActorRows actorDelta, long[] replaced, WorkspaceRollups.Flags flags) throws TooBig {
        int first = base.days.length == 0 ? Integer.MAX_VALUE : base.firstDay;
        int last = base.days.length == 0 ? Integer.MIN_VALUE : base.firstDay + base.days.length - 1;
        for (int day : builders.keySet()) {
            first = Math.min(first, day);
            last = Math.max(last, day);
        }
        DayChunk[] days;
        if (first > last) {
            first = 0;
            days = new DayChunk[0];
        } else {
            days = new DayChunk[last - first + 1];
            for (int i = 0; i < base.days.length; i++) {
                days[base.firstDay + i - first] = base.days[i];
            }
            for (Map.Entry<Integer, DayChunk.Builder> b : builders.entrySet()) {
                days[b.getKey() - first] = b.getValue().build();
            }
        }
        int dims = h.dimParts.size();
        String[][] parts = new String[4][dims];
        for (int d = 0; d < dims; d++) {
            for (int p = 0; p < 4; p++) {
                parts[p][d] = h.dimParts.get(d)[p];
            }
        }
        WorkspaceRollups next = new WorkspaceRollups(first, days, actorBase, actorDelta, replaced, parts[0], parts[1],
                parts[2], parts[3],
                h.actors.size(), flags, base.directory, h.dictionaryBytes);
        if (next.entries > maxEntries) {
            throw new TooBig();
        }
        return next;
    }

    /** Workspaces not summarised for {@code suite.snapshot.rollups.idle} give their memory back. */
    @Scheduled(every = "1m", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void evictIdle() {
        snapshots.evictIdle();
    }

    /**
     * Change rows older than {@code suite.snapshot.rollups.change-retention} and below every running transaction
     * go; a replica that has not read changes for half that time reloads instead. Safe on any number of replicas.
     */
    @Scheduled(every = "10m", delay = 2, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void prune() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM rollup_change WHERE at < now() - ? * interval "
                        + "'1 second' AND xid < pg_snapshot_xmin(pg_current_snapshot())")) {
            ps.setLong(1, retention.toSeconds());
            int n = ps.executeUpdate();
            Log.debugf("Pruned %d rollup changes", n);
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Could not prune rollup changes: %s", e.getMessage());
        }
    }

    /** The snapshot held for the workspace, if any, as it is (diagnostics). */
    public WorkspaceRollups held(UUID workspaceId) {
        return snapshots.held(workspaceId);
    }
}
