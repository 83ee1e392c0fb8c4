package io.socialroi.conversion.attribution;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.snapshot.SnapshotSettings;
import io.socialroi.common.snapshot.TooBig;
import io.socialroi.common.snapshot.Warming;
import io.socialroi.common.snapshot.Watermark;
import io.socialroi.common.snapshot.WorkspaceSnapshots;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every conversion of a workspace with its captured touchpoints, in memory, so a report of any period is
 * computed without reading them again. Loaded on first use, then kept current from the change marker
 * {@code conversion.changed_xid} (the id of the transaction that last wrote the row, set on insert and by
 * a trigger on every update; a capture rewrites the touchpoints in the transaction that updates the row).
 *
 * <p>Each read keeps the xmin of its snapshot: every transaction with a smaller id had ended before the
 * read, so its writes were seen. The next refresh re-reads the rows with {@code changed_xid >= xmin}, which
 * covers every transaction the read could not see, whatever order they commit in and whichever replica
 * made them. Re-reading a row twice is harmless. When nothing changed a refresh is one indexed query.
 *
 * <p>The workspaces are held by the suite's snapshot mechanism ({@link WorkspaceSnapshots}). A workspace's first
 * report starts its load in the background and is answered from SQL, as are the reports until the load is done
 * ({@code suite.snapshot.journeys.load-in-background}); at start the workspaces with the most recent conversions
 * are loaded ({@code suite.snapshot.journeys.warm-at-start}).
 *
 * <p>Memory is bounded by {@code suite.snapshot.journeys.max-weight} touchpoints over all workspaces: the least
 * recently used workspaces are dropped to make room, idle ones after {@code suite.snapshot.journeys.idle}, and a
 * workspace larger than the whole budget is not kept (its reports read from SQL, {@link AttributionData}); it is
 * counted again after five minutes. (The keys were {@code suite.attribution.store.*}; application.properties maps
 * the old names onto the new ones.)
 */
@ApplicationScoped
public class JourneyStore {

    private static final Logger LOG = Logger.getLogger(JourneyStore.class);
    private static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final String CONVERSIONS = "SELECT id, event_id, type, amount, occurred_at, customer_id, "
            + "capture_state = 'PENDING' FROM conversion WHERE workspace_id = ?";

    private final DataSource dataSource;
    private final long maxTouchpoints;
    private final int warmAtStart;
    private final Warming warming = new Warming();
    private final WorkspaceSnapshots<Workspace, JourneyView, Void> snapshots;

    @Inject
    public JourneyStore(DataSource dataSource,
            @ConfigProperty(name = "suite.snapshot.journeys.max-weight", defaultValue = "1000000") long maxTouchpoints,
            @ConfigProperty(name = "suite.snapshot.journeys.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "suite.snapshot.journeys.load-in-background", defaultValue = "true")
            boolean loadInBackground,
            @ConfigProperty(name = "suite.snapshot.journeys.idle", defaultValue = "1H") Duration idle,
            @ConfigProperty(name = "suite.snapshot.journeys.warm-at-start", defaultValue = "20") int warmAtStart) {
        this(dataSource, new SnapshotSettings(enabled ? maxTouchpoints : 0, idle, loadInBackground,
                Duration.ofNanos(RECHECK_NANOS)), warmAtStart);
    }

    /** A store of its own (a second replica, a restarted service): {@code settings} bound its memory. */
    public JourneyStore(DataSource dataSource, SnapshotSettings settings, int warmAtStart) {
        this.dataSource = dataSource;
        this.maxTouchpoints = settings.maxWeight();
        this.warmAtStart = warmAtStart;
        this.snapshots = new WorkspaceSnapshots<>("journey store", settings, new Source());
    }

    @PreDestroy
    void stop() {
        snapshots.close();
    }

    /**
     * The workspace's journeys as of now (changes made by any replica applied first), or null when SQL answers: the
     * store is off, the workspace is over the budget, or it is loading in the background.
     */
    public JourneyView view(UUID workspaceId) throws SQLException {
        return snapshots.view(workspaceId, null);
    }

    /** The mechanism holding the journeys (what is held, its weight in touchpoints, loads, warming). */
    public WorkspaceSnapshots<?, JourneyView, Void> snapshots() {
        return snapshots;
    }

    /** Touchpoints held in memory over all workspaces. */
    public long loadedTouchpoints() {
        return snapshots.weight();
    }

    /** Workspaces without a report for {@code suite.snapshot.journeys.idle} give their memory back. */
    @Scheduled(every = "1m", delay = 1, delayUnit = TimeUnit.MINUTES)
    void evictIdle() {
        snapshots.evictIdle();
    }

    /**
     * At start, the workspaces with the most recent conversions (the last day) are loaded one after the other in the
     * background, so that their first reports after a deploy come from memory; until then SQL answers them.
     */
    void warmAtStart(@Observes StartupEvent start) {
        if (warmAtStart > 0 && maxTouchpoints > 0) {
            warming.start("journey-store-warm", this::warmRecentlyActive);
        }
    }

    /**
     * Whether the loads at start are still running and have run for less than {@code limit}: the service reports
     * itself not ready meanwhile, so that a restarted replica takes requests once its recent workspaces are in memory.
     */
    public boolean warming(java.time.Duration limit) {
        return warming.warming(limit);
    }

    /** Loads the workspaces with the most recent conversions, one at a time; answers how many were asked for. */
    public int warmRecentlyActive() {
        List<UUID> recent = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT workspace_id FROM conversion WHERE created_at > now() - interval '1 day' "
                        + "GROUP BY workspace_id ORDER BY max(created_at) DESC LIMIT ?")) {
            ps.setInt(1, warmAtStart);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recent.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("journey store: warming at start stopped (%s); reports read from SQL until loaded",
                    e.getMessage());
            return 0;
        }
        for (UUID ws : recent) {
            snapshots.warm(ws, null).join();
        }
        return recent.size();
    }

    /** How the mechanism loads and refreshes a workspace's journeys. */
    private final class Source implements WorkspaceSnapshots.Source<Workspace, JourneyView, Void> {

        @Override
        public Workspace open(UUID workspaceId) {
            return new Workspace(workspaceId);
        }

        @Override
        public JourneyView refresh(Workspace w, JourneyView previous, Void parameter) throws SQLException, TooBig {
            return JourneyStore.this.refresh(w);
        }

        @Override
        public long weight(JourneyView view) {
            return view.touchpoints();
        }
    }

    /** Brings the workspace up to date; TooBig when it does not fit in the budget. */
    private JourneyView refresh(Workspace w) throws SQLException, TooBig {
        try (Connection c = dataSource.getConnection()) {
            if (w.view != null) {
                // One statement, one snapshot: its xmin is valid for what its EXISTS saw.
                try (PreparedStatement check = c.prepareStatement("SELECT " + Watermark.XMIN + ", "
                        + "EXISTS (SELECT 1 FROM conversion WHERE workspace_id = ? AND changed_xid >= ?)")) {
                    check.setObject(1, w.id);
                    check.setObject(2, Long.toString(w.xmin), Types.OTHER);
                    try (ResultSet rs = check.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(2)) {
                            w.xmin = Long.parseLong(rs.getString(1));
                            return w.view;
                        }
                    }
                }
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                JourneyView view = read(c, w);
                c.commit();
                return view;
            } catch (SQLException | RuntimeException | TooBig e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Inside one repeatable-read transaction: its snapshot's xmin, then the rows (all, or the changed ones). */
    private JourneyView read(Connection c, Workspace w) throws SQLException, TooBig {
        try (PreparedStatement begin = c.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
            begin.execute();
        }
        long xmin;
        ZoneId zone;
        long touchpoints = -1;
        boolean full = w.view == null;
        try (PreparedStatement snapshot = c.prepareStatement("SELECT " + Watermark.XMIN + ", "
                + "current_setting('TimeZone')" + (full ? ", (SELECT count(*) FROM conversion_touchpoint "
                + "WHERE workspace_id = ?)" : ""))) {
            if (full) {
                snapshot.setObject(1, w.id);
            }
            try (ResultSet rs = snapshot.executeQuery()) {
                rs.next();
                xmin = Long.parseLong(rs.getString(1));
                zone = zone(rs.getString(2));
                if (full) {
                    touchpoints = rs.getLong(3);
                }
            }
        }
        if (full && touchpoints > maxTouchpoints) {
            LOG.infof("journey store: workspace %s has %d touchpoints, over the budget of %d; reports read from SQL",
                    w.id, touchpoints, maxTouchpoints);
            throw new TooBig();
        }
        long started = System.nanoTime();
        Map<UUID, JourneyView.Entry> changed = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(CONVERSIONS + (full ? "" : " AND changed_xid >= ?"))) {
            select.setObject(1, w.id);
            if (!full) {
                select.setObject(2, Long.toString(w.xmin), Types.OTHER);
            }
            select.setFetchSize(5000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    boolean purchase = "PURCHASE".equals(rs.getString(3));
                    String customer = rs.getString(6);
                    changed.put(id, new JourneyView.Entry(id, rs.getString(2), purchase,
                            purchase ? rs.getBigDecimal(4) : BigDecimal.ZERO,
                            Batch.micros(rs.getObject(5, java.time.OffsetDateTime.class)),
                            customer == null ? null : w.customers.intern(customer), rs.getBoolean(7)));
                }
            }
        }
        if (!changed.isEmpty()) {
            String sql = "SELECT conversion_id, type, platform, post_id, campaign_id, funnel_stage, occurred_at "
                    + "FROM conversion_touchpoint WHERE workspace_id = ?"
                    + (full ? "" : " AND conversion_id = ANY (?)") + " ORDER BY conversion_id, occurred_at, event_id";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setObject(1, w.id);
                if (!full) {
                    select.setArray(2, c.createArrayOf("uuid", changed.keySet().toArray()));
                }
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    JourneyView.Entry current = null;
                    TouchBuffer buffer = new TouchBuffer();
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        if (current == null || !current.id.equals(id)) {
                            buffer.flush(current);
                            current = changed.get(id);
                        }
                        if (current == null) {
                            continue; // a touchpoint of a conversion that is not this read's (cannot happen)
                        }
                        buffer.add(Batch.micros(rs.getObject(7, java.time.OffsetDateTime.class)),
                                EventTypes.code(rs.getString(2)), w.platforms.id(rs.getString(3)),
                                w.posts.id(rs.getObject(4, UUID.class)), w.campaigns.id(rs.getObject(5, UUID.class)),
                                w.stages.id(rs.getString(6)));
                    }
                    buffer.flush(current);
                }
            }
        }
        JourneyView view;
        if (full) {
            w.entries = changed;
            view = JourneyView.build(w, zone);
            LOG.infof("journey store: loaded workspace %s: %d conversions, %d touchpoints, about %d KB, in %d ms",
                    w.id, changed.size(), view.touchpoints(), view.estimatedBytes() / 1024,
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            boolean differs = !zone.equals(w.view.zone());
            for (JourneyView.Entry entry : changed.values()) {
                JourneyView.Entry old = w.entries.put(entry.id, entry);
                differs |= old == null || !old.sameAs(entry);
            }
            view = differs ? JourneyView.build(w, zone) : w.view;
        }
        w.view = view;
        w.xmin = xmin;
        return view;
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** One workspace's state; used only under the mechanism's lock of the workspace. */
    static final class Workspace {

        final UUID id;
        final Dictionary<UUID> posts = new Dictionary<>();
        final Dictionary<UUID> campaigns = new Dictionary<>();
        final Dictionary<String> platforms = new Dictionary<>();
        final Dictionary<String> stages = new Dictionary<>();
        final Dictionary<String> customers = new Dictionary<>();
        Map<UUID, JourneyView.Entry> entries = new HashMap<>();
        JourneyView view;
        long xmin;

        Workspace(UUID id) {
            this.id = id;
        }
    }

    /** Interns values as small ids (append-only, so ids held by older views stay valid). */
    static final class Dictionary<T> {

        private final Map<T, Integer> ids = new HashMap<>();
        private final List<T> values = new ArrayList<>();

        int id(T value) {
            if (value == null) {
                return -1;
            }
            Integer id = ids.get(value);
            if (id == null) {
                id = values.size();
                ids.put(value, id);
                values.add(value);
            }
            return id;
        }

        T intern(T value) {
            int id = id(value);
            return values.get(id);
        }

        int size() {
            return values.size();
        }

        T get(int id) {
            return values.get(id);
        }
    }

    /** Event type names as small codes (the bit of a type set). */
    static final class EventTypes {

        private static final Map<String, Byte> CODES = new HashMap<>();

        static {
            for (EventType type : EventType.values()) {
                CODES.put(type.name(), (byte) type.ordinal());
            }
        }

        private EventTypes() {
        }

        /** The code of a type name, -1 when it is none of {@link EventType}. */
        static byte code(String type) {
            Byte code = type == null ? null : CODES.get(type);
            return code == null ? -1 : code;
        }

        static int mask(List<String> types) {
            int mask = 0;
            for (String type : types) {
                byte code = code(type);
                if (code >= 0) {
                    mask |= 1 << code;
                }
            }
            return mask;
        }
    }

    /** Collects one conversion's touchpoints while they stream in, then stores them on its entry. */
    private static final class TouchBuffer {

        private int size;
        private long[] at = new long[64];
        private byte[] type = new byte[64];
        private int[] platform = new int[64];
        private int[] post = new int[64];
        private int[] campaign = new int[64];
        private int[] stage = new int[64];

        void add(long time, byte eventType, int platformId, int postId, int campaignId, int stageId) {
            if (size == at.length) {
                int grown = size * 2;
                at = Arrays.copyOf(at, grown);
                type = Arrays.copyOf(type, grown);
                platform = Arrays.copyOf(platform, grown);
                post = Arrays.copyOf(post, grown);
                campaign = Arrays.copyOf(campaign, grown);
                stage = Arrays.copyOf(stage, grown);
            }
            at[size] = time;
            type[size] = eventType;
            platform[size] = platformId;
            post[size] = postId;
            campaign[size] = campaignId;
            stage[size] = stageId;
            size++;
        }

        void flush(JourneyView.Entry entry) {
            if (entry != null && size > 0) {
                entry.touches(Arrays.copyOf(at, size), Arrays.copyOf(type, size), JourneyView.small(platform, size),
                        Arrays.copyOf(post, size), Arrays.copyOf(campaign, size), JourneyView.small(stage, size));
            }
            size = 0;
        }
    }
}
