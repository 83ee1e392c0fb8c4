package io.socialroi.conversion.attribution;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>A workspace's first report starts its load in the background and is answered from SQL, as are the
 * reports until the load is done ({@code suite.attribution.store.load-in-background}).
 *
 * <p>Memory is bounded by {@code suite.attribution.store.max-touchpoints} over all workspaces: the least
 * recently used workspaces are dropped to make room, and a workspace larger than the whole budget is not
 * kept (its reports read from SQL, {@link AttributionData}); it is counted again after five minutes.
 */
@ApplicationScoped
public class JourneyStore {

    private static final Logger LOG = Logger.getLogger(JourneyStore.class);
    private static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final String CONVERSIONS = "SELECT id, event_id, type, amount, occurred_at, customer_id, "
            + "capture_state = 'PENDING' FROM conversion WHERE workspace_id = ?";

    private final DataSource dataSource;
    private final long maxTouchpoints;
    private final boolean enabled;
    private final boolean loadInBackground;
    private final ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock lruLock = new ReentrantLock();
    /** Access-ordered: the first is the least recently used. Guarded by lruLock. */
    private final LinkedHashMap<UUID, Workspace> workspaces = new LinkedHashMap<>(16, 0.75f, true);
    private long loadedTouchpoints;
    /** Workspaces over the budget, with the System.nanoTime() until which they are not counted again. */
    private final Map<UUID, Long> tooBig = new ConcurrentHashMap<>();

    public JourneyStore(DataSource dataSource,
            @ConfigProperty(name = "suite.attribution.store.max-touchpoints", defaultValue = "1000000") long maxTouchpoints,
            @ConfigProperty(name = "suite.attribution.store.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "suite.attribution.store.load-in-background", defaultValue = "true")
            boolean loadInBackground) {
        this.dataSource = dataSource;
        this.maxTouchpoints = maxTouchpoints;
        this.enabled = enabled;
        this.loadInBackground = loadInBackground;
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }

    /**
     * The workspace's journeys as of now (changes made by any replica applied first), or null when the
     * store is off or the workspace is over the budget.
     */
    public JourneyView view(UUID workspaceId) throws SQLException {
        if (!enabled) {
            return null;
        }
        Long until = tooBig.get(workspaceId);
        if (until != null) {
            if (System.nanoTime() - until < 0) {
                return null;
            }
            tooBig.remove(workspaceId);
        }
        Workspace workspace;
        lruLock.lock();
        try {
            workspace = workspaces.computeIfAbsent(workspaceId, Workspace::new);
        } finally {
            lruLock.unlock();
        }
        if (loadInBackground && workspace.view == null) {
            // Loading takes about a second for 80,000 touchpoints: until it is done, reports read from SQL.
            if (workspace.loading.compareAndSet(false, true)) {
                loader.execute(() -> {
                    try {
                        current(workspace);
                    } catch (SQLException | RuntimeException e) {
                        LOG.warnf(e, "journey store: loading workspace %s failed; reports read from SQL", workspaceId);
                    } finally {
                        workspace.loading.set(false);
                    }
                });
            }
            return null;
        }
        return current(workspace);
    }

    private JourneyView current(Workspace workspace) throws SQLException {
        UUID workspaceId = workspace.id;
        long arrived = System.nanoTime();
        JourneyView view;
        workspace.lock.lock();
        try {
            // Reports arriving together share a refresh: one that started after this call arrived saw
            // every write committed before it.
            if (workspace.view != null && workspace.refreshedFrom - arrived > 0) {
                view = workspace.view;
            } else {
                long started = System.nanoTime();
                view = refresh(workspace);
                workspace.refreshedFrom = started;
            }
        } finally {
            workspace.lock.unlock();
        }
        if (view == null) {
            drop(workspace);
            tooBig.put(workspaceId, System.nanoTime() + RECHECK_NANOS);
            return null;
        }
        account(workspace, view.touchpoints());
        return view;
    }

    /** Forgets every workspace (tests). */
    public void clear() {
        lruLock.lock();
        try {
            workspaces.values().forEach(w -> w.evicted = true);
            workspaces.clear();
            loadedTouchpoints = 0;
            tooBig.clear();
        } finally {
            lruLock.unlock();
        }
    }

    /** Touchpoints held in memory over all workspaces. */
    public long loadedTouchpoints() {
        lruLock.lock();
        try {
            return loadedTouchpoints;
        } finally {
            lruLock.unlock();
        }
    }

    private void account(Workspace workspace, long touchpoints) {
        lruLock.lock();
        try {
            if (workspace.evicted) {
                return;
            }
            loadedTouchpoints += touchpoints - workspace.accounted;
            workspace.accounted = touchpoints;
            Iterator<Workspace> lru = workspaces.values().iterator();
            while (loadedTouchpoints > maxTouchpoints && lru.hasNext()) {
                Workspace oldest = lru.next();
                if (oldest == workspace) {
                    continue;
                }
                lru.remove();
                oldest.evicted = true;
                loadedTouchpoints -= oldest.accounted;
                LOG.debugf("journey store: dropped workspace %s (least recently used)", oldest.id);
            }
        } finally {
            lruLock.unlock();
        }
    }

    private void drop(Workspace workspace) {
        lruLock.lock();
        try {
            if (!workspace.evicted && workspaces.remove(workspace.id, workspace)) {
                workspace.evicted = true;
                loadedTouchpoints -= workspace.accounted;
            }
        } finally {
            lruLock.unlock();
        }
    }

    /** Brings the workspace up to date; null when it does not fit in the budget. */
    private JourneyView refresh(Workspace w) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (w.view != null) {
                // One statement, one snapshot: its xmin is valid for what its EXISTS saw.
                try (PreparedStatement check = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
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
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Inside one repeatable-read transaction: its snapshot's xmin, then the rows (all, or the changed ones). */
    private JourneyView read(Connection c, Workspace w) throws SQLException {
        try (PreparedStatement begin = c.prepareStatement("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
            begin.execute();
        }
        long xmin;
        ZoneId zone;
        long touchpoints = -1;
        boolean full = w.view == null;
        try (PreparedStatement snapshot = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
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
            return null;
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

    /** One workspace's state; guarded by its lock. */
    static final class Workspace {

        final UUID id;
        final ReentrantLock lock = new ReentrantLock();
        final Dictionary<UUID> posts = new Dictionary<>();
        final Dictionary<UUID> campaigns = new Dictionary<>();
        final Dictionary<String> platforms = new Dictionary<>();
        final Dictionary<String> stages = new Dictionary<>();
        final Dictionary<String> customers = new Dictionary<>();
        Map<UUID, JourneyView.Entry> entries = new HashMap<>();
        volatile JourneyView view;
        long xmin;
        final AtomicBoolean loading = new AtomicBoolean();
        /** System.nanoTime() at the start of the last successful refresh. */
        long refreshedFrom;
        /** Touchpoints counted in the store's total; guarded by the store's lruLock. */
        long accounted;
        volatile boolean evicted;

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
