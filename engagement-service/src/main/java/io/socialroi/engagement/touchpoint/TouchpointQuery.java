package io.socialroi.engagement.touchpoint;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.Bounds;
import io.socialroi.engagement.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Touchpoints by actor or click id, in time order (ties by event id). A click id stands for the redirect click
 * and for every event of the actor that click is tied to (the visitor of the tracked link).
 */
@ApplicationScoped
public class TouchpointQuery {

    /** Ids per search, actor and click ids together. */
    public static final int MAX_IDS = 1000;
    /** Touchpoints per answer; a search that finds more must be narrowed rather than silently cut. */
    public static final int MAX_ITEMS = 50_000;

    private final DataSource dataSource;

    public TouchpointQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Touchpoint> search(UUID workspaceId, TouchpointSearch search) throws SQLException {
        List<String> actors = search.actorIds() == null ? List.of() : search.actorIds();
        List<UUID> clicks = search.clickIds() == null ? List.of() : search.clickIds();
        validate(actors, clicks, search);
        OffsetDateTime before = search.before() == null ? OffsetDateTime.now() : search.before();
        List<EventType> types = search.types() == null || search.types().isEmpty() ? List.of() : search.types();
        // Each branch is driven by an index (actor ids, then click ids) rather than one OR across them, which the
        // planner can only answer by scanning the workspace's events (seconds at millions of events).
        String filter = " AND e.occurred_at < ?" + (search.after() == null ? "" : " AND e.occurred_at >= ?")
                + (types.isEmpty() ? "" : " AND e.type = ANY(?)");
        String columns = "e.event_id, e.type, e.platform, e.post_id, e.campaign_id, e.funnel_stage, e.actor_id, "
                + "e.click_id, e.occurred_at, e.retargeting";
        String sql = "WITH who AS (SELECT unnest(?::text[]) AS actor_id UNION SELECT c.actor_id FROM engagement_event c "
                + "WHERE c.workspace_id = ? AND c.click_id = ANY(?)), "
                + "hits AS (SELECT " + columns + " FROM engagement_event e WHERE e.workspace_id = ? "
                + "AND e.actor_id IN (SELECT actor_id FROM who)" + filter
                + " UNION SELECT " + columns + " FROM engagement_event e WHERE e.workspace_id = ? AND e.click_id = ANY(?)"
                + filter + ") "
                // The post's current entry (V6: events keep only their own campaign): as the summary groups.
                + "SELECT e.event_id, e.type, coalesce(d.platform, e.platform), e.post_id, "
                + "coalesce(e.campaign_id, d.campaign_id), coalesce(d.funnel_stage, e.funnel_stage), e.actor_id, "
                + "e.click_id, e.occurred_at, e.retargeting, "
                + "CASE WHEN e.campaign_id IS NOT NULL THEN 'EVENT' ELSE 'POST' END "
                + "FROM hits e LEFT JOIN post_directory d ON d.workspace_id = ? AND d.post_id = e.post_id "
                + "ORDER BY e.occurred_at, e.event_id LIMIT " + (MAX_ITEMS + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array actorArray = c.createArrayOf("text", actors.toArray());
            Array clickArray = c.createArrayOf("uuid", clicks.toArray());
            Array typeArray = types.isEmpty() ? null : c.createArrayOf("text", types.stream().map(Enum::name).toArray());
            int i = 1;
            ps.setArray(i++, actorArray);
            ps.setObject(i++, workspaceId);
            ps.setArray(i++, clickArray);
            ps.setObject(i++, workspaceId);
            i = bindFilter(ps, i, before, search.after(), typeArray);
            ps.setObject(i++, workspaceId);
            ps.setArray(i++, clickArray);
            i = bindFilter(ps, i, before, search.after(), typeArray);
            ps.setObject(i, workspaceId);
            List<Touchpoint> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Touchpoint(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                            rs.getObject(8, UUID.class), rs.getObject(9, OffsetDateTime.class), rs.getBoolean(10),
                            rs.getString(11)));
                }
            }
            if (items.size() > MAX_ITEMS) {
                throw ProblemException.invalid("actorIds", "more than " + MAX_ITEMS
                        + " touchpoints match; search fewer people or a shorter window");
            }
            return items;
        }
    }

    private static int bindFilter(PreparedStatement ps, int first, OffsetDateTime before, OffsetDateTime after,
            Array types) throws SQLException {
        int i = first;
        ps.setObject(i++, before);
        if (after != null) {
            ps.setObject(i++, after);
        }
        if (types != null) {
            ps.setArray(i++, types);
        }
        return i;
    }

    private static void validate(List<String> actors, List<UUID> clicks, TouchpointSearch search) {
        List<FieldError> errors = new ArrayList<>();
        if (actors.isEmpty() && clicks.isEmpty()) {
            errors.add(new FieldError("actorIds", "actorIds or clickIds must name at least one person"));
        }
        if (actors.size() + clicks.size() > MAX_IDS) {
            errors.add(new FieldError("actorIds", "actorIds and clickIds together at most " + MAX_IDS));
        }
        if (actors.stream().anyMatch(a -> a == null || a.isBlank())) {
            errors.add(new FieldError("actorIds", "must not contain empty ids"));
        } else if (actors.stream().anyMatch(a -> !Bounds.storable(a))) {
            errors.add(new FieldError("actorIds", "must not contain NUL characters"));
        }
        if (!Bounds.inRange(search.before())) {
            errors.add(new FieldError("before", Bounds.DATE_MESSAGE));
        }
        if (!Bounds.inRange(search.after())) {
            errors.add(new FieldError("after", Bounds.DATE_MESSAGE));
        }
        if (clicks.stream().anyMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("clickIds", "must not contain null"));
        }
        if (errors.isEmpty() && search.before() != null && search.after() != null
                && !search.after().isBefore(search.before())) {
            errors.add(new FieldError("after", "must be before 'before'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
