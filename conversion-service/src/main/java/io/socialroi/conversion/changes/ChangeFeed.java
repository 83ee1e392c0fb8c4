package io.socialroi.conversion.changes;

import io.quarkus.runtime.StartupEvent;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import io.socialroi.common.workspace.ServiceTokens;
import io.socialroi.conversion.conversion.Ordered;
import io.socialroi.conversion.touchpoint.TouchpointCapture;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Follows engagement-service's change feed ({@code GET /changes}) so late touches and post edits reach
 * attribution: an item of touches re-queues (PENDING, capture version bumped) the conversions it can change,
 * as CONTRACTS.md says, and the poller captures exactly those right after (nothing else: an import's pending
 * conversions are the capture job's, so a late touch never waits behind them); a post edit is applied in place.
 *
 * <ul>
 * <li>an item with actors or clicks: the conversions whose click id or actor ids, or an actor or click
 *     linked to their customer, or an actor or click of a touchpoint captured for them (the actor behind
 *     a click), is one of the item's, and whose occurredAt is within [from, to + max lookback] (no time
 *     bound when the item has none: a redirect click);</li>
 * <li>an item with posts: the posts' current campaign, platform and stage (the item carries them) are
 *     applied in place to the captured touchpoints of those posts, no capture again (the campaign only
 *     where the event named none: {@code campaign_origin}); the conversion_touchpoint trigger marks the
 *     conversions changed, so the journey store re-reads them. Touchpoints of unknown origin (captured
 *     before V6) or an item without labels re-queue the post's conversions as before;</li>
 * <li>410 (the cursor is older than what engagement-service keeps): every conversion of the last max
 *     lookback days, and the feed is read again from its oldest item.</li>
 * </ul>
 *
 * <p>The cursor lives in {@code change_feed_cursor}; the re-queues of a page and the cursor after it are
 * written in one transaction, so a crash re-applies a page (harmless) but never skips one. One replica
 * polls at a time: the leader holds a session advisory lock on a connection of its own (released when it
 * stops or its connection dies, then another replica takes over on its next tick); a session lock holds
 * no transaction open, so it never holds back the xmin the journey store and engagement-service rely on.
 * When engagement-service is down, failing or refuses the read the cursor stays and the next tick tries again.
 */
@ApplicationScoped
public class ChangeFeed {

    /** What one poll did. */
    public enum Outcome { NOT_LEADER, CAUGHT_UP, UNAVAILABLE, EXPIRED }

    static final String FEED = "engagement";
    /** The dependency, and its {@link RemotePolicy}: the one of the touchpoint searches. */
    static final String SERVICE = io.socialroi.conversion.touchpoint.EngagementGateway.BREAKER;
    /** The advisory lock of the leader ("convfeed"). */
    static final long LOCK = 0x636f6e7666656564L;
    static final int LIMIT = 500;
    static final int MAX_PAGES = 20;

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final String REQUEUE_SET = "capture_state = 'PENDING', capture_version = capture_version + 1";
    /** By the item's actors (the branches of its clicks are left out when it has none, and vice versa). */
    private static final String BY_ACTORS = "actor_ids && ? "
            + "OR customer_id IN (SELECT l.customer_id FROM identity_link l WHERE l.workspace_id = ? "
            + "    AND l.kind = 'ACTOR' AND l.ref = ANY (?)) "
            + "OR id IN (SELECT t.conversion_id FROM conversion_touchpoint t WHERE t.workspace_id = ? "
            + "    AND t.actor_id = ANY (?))";
    private static final String BY_CLICKS = "click_id = ANY (?) "
            + "OR customer_id IN (SELECT l.customer_id FROM identity_link l WHERE l.workspace_id = ? "
            + "    AND l.kind = 'CLICK' AND l.ref = ANY (?)) "
            + "OR id IN (SELECT t.conversion_id FROM conversion_touchpoint t WHERE t.workspace_id = ? "
            + "    AND t.click_id = ANY (?))";
    private static final String BY_POSTS = Ordered.update(REQUEUE_SET, "workspace_id = ? AND id IN (SELECT "
            + "t.conversion_id FROM conversion_touchpoint t WHERE t.workspace_id = ? AND t.post_id = ANY (?))", "c.id");
    private static final String BY_POSTS_UNKNOWN_ORIGIN = Ordered.update(REQUEUE_SET, "workspace_id = ? AND id IN "
            + "(SELECT t.conversion_id FROM conversion_touchpoint t WHERE t.workspace_id = ? AND t.post_id = ANY (?) "
            + "AND t.campaign_origin IS NULL)", "c.id");
    /** Captures under way may have read labels from before a post edit: they are not saved, and run again. */
    private static final String IN_FLIGHT = Ordered.update("capture_version = capture_version + 1",
            "workspace_id = ? AND capture_state = 'PENDING'", null);
    private static final String RELABEL = "UPDATE conversion_touchpoint SET platform = ?, funnel_stage = ?, "
            + "campaign_id = CASE WHEN campaign_origin = 'POST' THEN ?::uuid ELSE campaign_id END "
            + "WHERE workspace_id = ? AND post_id = ? AND (platform IS DISTINCT FROM ? "
            + "OR funnel_stage IS DISTINCT FROM ? OR (campaign_origin = 'POST' AND campaign_id IS DISTINCT FROM ?::uuid))";
    private static final String RECENT = Ordered.update(REQUEUE_SET,
            "occurred_at >= now() - make_interval(days => ?)", "c.workspace_id");
    private static final OffsetDateTime BEGINNING = OffsetDateTime.parse("1970-01-01T00:00:00Z");
    private static final OffsetDateTime END = OffsetDateTime.parse("9999-01-01T00:00:00Z");

    private final DataSource dataSource;
    private final ChangeFeedClient client;
    private final ServiceTokens tokens;
    private final TouchpointCapture capture;
    private final int maxLookbackDays;
    private final Duration interval;
    private Connection leader;
    private boolean down;
    private boolean databaseDown;
    private volatile boolean running;
    private Thread loop;

    public ChangeFeed(DataSource dataSource, @RestClient ChangeFeedClient client, ServiceTokens tokens,
            TouchpointCapture capture,
            @ConfigProperty(name = "suite.attribution.max-lookback-days", defaultValue = "90") int maxLookbackDays,
            @ConfigProperty(name = "suite.attribution.changes.poll-interval", defaultValue = "250ms") String interval) {
        this.dataSource = dataSource;
        this.client = client;
        this.tokens = tokens;
        this.capture = capture;
        this.maxLookbackDays = maxLookbackDays;
        this.interval = interval(interval);
    }

    /** "off", a number of ms or s ("250ms", "2s") or an ISO-8601 duration. */
    static Duration interval(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("false")) {
            return null;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s") && !v.startsWith("p")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
    }

    void start(@Observes StartupEvent event) {
        if (interval == null) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().daemon().name("change-feed").start(() -> {
            while (running) {
                try {
                    poll();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "change feed: poll failed; retrying");
                }
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        resign();
    }

    /** Gives up leadership (the advisory lock), so another replica polls. */
    public synchronized void resign() {
        if (leader != null) {
            try (PreparedStatement unlock = leader.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, LOCK);
                unlock.execute();
            } catch (SQLException e) {
                LOG.debugf("change feed: unlock failed (%s); the lock goes with the connection", e.getMessage());
            }
            close(leader);
            leader = null;
        }
    }

    /**
     * One tick: when this replica leads, reads the feed from the stored cursor until caught up (at most
     * {@link #MAX_PAGES} pages), re-queues what the items name, then captures the conversions it re-queued (after
     * a 410 it leaves the re-queued ones to the capture job and the reports).
     */
    public synchronized Outcome poll() {
        try {
            if (!lead()) {
                return Outcome.NOT_LEADER;
            }
        } catch (SQLException e) {
            if (!databaseDown) {
                LOG.warnf("change feed: no database connection (%s); retrying", e.getMessage());
                databaseDown = true;
            }
            return Outcome.UNAVAILABLE;
        }
        databaseDown = false;
        Map<UUID, Set<UUID>> requeued = new LinkedHashMap<>();
        Outcome outcome = Outcome.CAUGHT_UP;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String cursor = cursor();
                Optional<ChangePage> read;
                try {
                    read = read(cursor);
                } catch (RuntimeException e) {
                    // Unreachable, timed out, failing, breaker open, no service token (content-service down), or
                    // a refusal: the cursor stays and the next tick reads again.
                    unavailable(e.getMessage());
                    outcome = Outcome.UNAVAILABLE;
                    break;
                }
                if (read.isEmpty()) {
                    LOG.warnf("change feed: cursor expired; re-queueing every conversion of the last %d days",
                            maxLookbackDays);
                    requeueRecent(); // captured by the capture job and the reports, not this loop
                    outcome = Outcome.EXPIRED;
                    break; // the next tick reads the feed from its oldest item
                }
                ChangePage answer = read.get();
                if (down) {
                    LOG.infof("change feed: engagement-service answers again");
                    down = false;
                }
                List<ChangePage.Item> items = answer == null || answer.items() == null ? List.of() : answer.items();
                apply(items, answer == null || answer.cursor() == null ? cursor : answer.cursor())
                        .forEach((ws, ids) -> requeued.computeIfAbsent(ws, k -> new LinkedHashSet<>()).addAll(ids));
                if (items.size() < LIMIT) {
                    break;
                }
            }
        } catch (SQLException e) {
            LOG.warnf("change feed: database failed (%s); the cursor stays", e.getMessage());
            resign();
            return Outcome.UNAVAILABLE;
        }
        // Only what these items re-queued, so the next tick (a late touch) never waits behind a large capture
        // (an import's conversions are the capture job's and the reports').
        for (Map.Entry<UUID, Set<UUID>> entry : requeued.entrySet()) {
            UUID workspaceId = entry.getKey();
            try {
                capture.captureIds(workspaceId, entry.getValue());
            } catch (ProblemException | SQLException e) {
                // Stays pending: the capture job, or the next report, captures it.
                LOG.debugf("change feed: capture of workspace %s postponed: %s", workspaceId, e.getMessage());
            }
        }
        return outcome;
    }

    /**
     * One page after the cursor, under the suite's one policy ({@link RemotePolicy}: a GET, asked again once after a
     * connect failure or 5xx; engagement-service's breaker, shared with the touchpoint searches, which a 4xx does not
     * trip); empty on 410 (the cursor is older than what engagement-service keeps: an answer, not a failure). Any
     * failure is a 503 {@link ProblemException} naming engagement-service (a remote 400/404/409/422 its own status).
     */
    private Optional<ChangePage> read(String cursor) {
        String authorization = tokens.authorization();
        return RemotePolicy.of(SERVICE).get(() -> tokens.forgettingOn401(() -> {
            try {
                ChangePage page = client.changes(authorization, cursor, LIMIT);
                return Optional.of(page == null ? new ChangePage(List.of(), null) : page);
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 410) {
                    return Optional.<ChangePage>empty();
                }
                throw e;
            }
        }));
    }

    private void unavailable(String why) {
        if (!down) {
            LOG.warnf("change feed: engagement-service unavailable (%s); the cursor stays, retrying", why);
            down = true;
        }
    }

    private boolean lead() throws SQLException {
        if (leader != null) {
            if (leader.isValid(2)) {
                return true;
            }
            close(leader);
            leader = null;
        }
        Connection c = dataSource.getConnection();
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    leader = c;
                    return true;
                }
            }
        } catch (SQLException | RuntimeException e) {
            close(c);
            throw e;
        }
        close(c);
        return false;
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // nothing left to do
        }
    }

    /** The stored cursor, null before the first page (the feed then starts at its oldest item). */
    String cursor() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT cursor FROM change_feed_cursor WHERE feed = ?")) {
            select.setString(1, FEED);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Re-queues (and edits in place) what the items name and stores the next cursor, in one transaction; the
     * conversions re-queued, per workspace.
     */
    private Map<UUID, Set<UUID>> apply(List<ChangePage.Item> items, String next) throws SQLException {
        return inTransaction(c -> {
            Map<UUID, Set<UUID>> touched = new LinkedHashMap<>();
            for (ChangePage.Item item : items) {
                if (item.workspaceId() != null) {
                    Set<UUID> ids = requeue(c, item);
                    if (!ids.isEmpty()) {
                        touched.computeIfAbsent(item.workspaceId(), k -> new LinkedHashSet<>()).addAll(ids);
                    }
                }
            }
            bump(c, items.stream().map(ChangePage.Item::workspaceId).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
            store(c, next);
            return touched;
        });
    }

    /** The workspace whose counter counts the feed's restarts (410), after which any workspace may have changed. */
    public static final UUID EVERY_WORKSPACE = new UUID(0, 0);

    /**
     * Counts the served changes per workspace ({@code engagement_change}), in the transaction that stores the cursor,
     * in workspace order (concurrent replicas never deadlock on it).
     */
    private static void bump(Connection c, java.util.Collection<UUID> workspaces) throws SQLException {
        if (workspaces.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO engagement_change (workspace_id, changes) "
                + "VALUES (?, 1) ON CONFLICT (workspace_id) DO UPDATE SET changes = engagement_change.changes + 1, "
                + "updated_at = now()")) {
            for (UUID ws : workspaces) {
                upsert.setObject(1, ws);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction, rolled back when it throws. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Set<UUID> requeue(Connection c, ChangePage.Item item) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        UUID ws = item.workspaceId();
        boolean actors = !item.actors().isEmpty();
        boolean clicks = !item.clicks().isEmpty();
        if (actors || clicks) {
            String sql = Ordered.update(REQUEUE_SET, "workspace_id = ? AND occurred_at >= ? AND occurred_at <= ? AND ("
                    + (actors ? BY_ACTORS : "") + (actors && clicks ? " OR " : "") + (clicks ? BY_CLICKS : "")
                    + ")", "c.id");
            try (PreparedStatement update = c.prepareStatement(sql)) {
                int i = 1;
                update.setObject(i++, ws);
                update.setObject(i++, item.from() == null ? BEGINNING : item.from());
                update.setObject(i++, item.to() == null ? END : item.to().plusDays(maxLookbackDays));
                if (actors) {
                    Array array = c.createArrayOf("text", item.actors().toArray());
                    update.setArray(i++, array);
                    update.setObject(i++, ws);
                    update.setArray(i++, array);
                    update.setObject(i++, ws);
                    update.setArray(i++, array);
                }
                if (clicks) {
                    Array array = c.createArrayOf("text", item.clicks().toArray());
                    update.setArray(i++, array);
                    update.setObject(i++, ws);
                    update.setArray(i++, array);
                    update.setObject(i++, ws);
                    update.setArray(i, array);
                }
                collect(update, ids);
            }
        }
        if (!item.postIdList().isEmpty()) {
            ids.addAll(posts(c, ws, item));
        }
        return ids;
    }

    private static void collect(PreparedStatement statement, Set<UUID> into) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getObject(1, UUID.class));
            }
        }
    }

    /**
     * A post edit: its current labels are applied to the captured touchpoints in place (platform and stage are
     * the post's; the campaign too where the event named none), so nothing is captured again. Re-queued instead:
     * the conversions holding a touchpoint of the post whose campaign origin is unknown (captured before V6),
     * and every post the item names without labels (an older engagement-service). Conversions pending right now
     * may be in a capture that read the labels from before the edit: their version moves on first, so that
     * capture is not saved and the next one reads the new labels (a capture saved before this transaction locks
     * the conversion rows is corrected by the update after it). Answers the conversions re-queued.
     */
    private Set<UUID> posts(Connection c, UUID ws, ChangePage.Item item) throws SQLException {
        Map<UUID, ChangePage.PostLabels> labels = new LinkedHashMap<>();
        for (ChangePage.PostLabels l : item.labels()) {
            if (l != null && l.postId() != null && l.platform() != null && l.funnelStage() != null) {
                labels.put(l.postId(), l);
            }
        }
        List<UUID> unlabelled = item.postIdList().stream().filter(p -> !labels.containsKey(p)).toList();
        Set<UUID> ids = new LinkedHashSet<>();
        if (!labels.isEmpty()) {
            try (PreparedStatement bump = c.prepareStatement(IN_FLIGHT)) {
                bump.setObject(1, ws);
                bump.executeUpdate(); // still pending: the capture job's or a report's, as before
            }
            try (PreparedStatement update = c.prepareStatement(BY_POSTS_UNKNOWN_ORIGIN)) {
                update.setObject(1, ws);
                update.setObject(2, ws);
                update.setArray(3, c.createArrayOf("uuid", labels.keySet().toArray()));
                collect(update, ids);
            }
            try (PreparedStatement relabel = c.prepareStatement(RELABEL)) {
                for (ChangePage.PostLabels l : labels.values()) {
                    relabel.setString(1, l.platform());
                    relabel.setString(2, l.funnelStage());
                    relabel.setObject(3, l.campaignId());
                    relabel.setObject(4, ws);
                    relabel.setObject(5, l.postId());
                    relabel.setString(6, l.platform());
                    relabel.setString(7, l.funnelStage());
                    relabel.setObject(8, l.campaignId());
                    relabel.addBatch();
                }
                relabel.executeBatch();
            }
        }
        if (!unlabelled.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement(BY_POSTS)) {
                update.setObject(1, ws);
                update.setObject(2, ws);
                update.setArray(3, c.createArrayOf("uuid", unlabelled.toArray()));
                collect(update, ids);
            }
        }
        return ids;
    }

    /** 410: every conversion of the last max-lookback days, and the feed from its oldest item again. */
    private Set<UUID> requeueRecent() throws SQLException {
        return inTransaction(c -> {
            Set<UUID> touched = new LinkedHashSet<>();
            try (PreparedStatement update = c.prepareStatement(RECENT)) {
                update.setInt(1, maxLookbackDays);
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        touched.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            bump(c, List.of(EVERY_WORKSPACE));
            store(c, null);
            return touched;
        });
    }

    private static void store(Connection c, String cursor) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO change_feed_cursor (feed, cursor, updated_at) "
                + "VALUES (?, ?, now()) ON CONFLICT (feed) DO UPDATE SET cursor = EXCLUDED.cursor, "
                + "updated_at = EXCLUDED.updated_at")) {
            upsert.setString(1, FEED);
            upsert.setString(2, cursor);
            upsert.executeUpdate();
        }
    }
}
