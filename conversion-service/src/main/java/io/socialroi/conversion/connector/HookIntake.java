package io.socialroi.conversion.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceInfo;
import io.socialroi.conversion.conversion.ConversionParser;
import io.socialroi.conversion.conversion.ConversionStore;
import io.socialroi.conversion.conversion.NewConversion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores what one verified webhook means, all of it or nothing, in one transaction: the delivery (so the
 * platform's retry is a duplicate and a copied signature a replay), the orders as conversions (deduplicated by
 * event id exactly like {@code POST /conversions}), the order's aliases, its refunds, and the lowered values. Any
 * refusal (an invalid order, a currency without exchange rate) rolls everything back: the platform retries, and a
 * retry after the cause is fixed is stored.
 */
@ApplicationScoped
public class HookIntake {

    /** The delivery: its platform id (null when the platform sends none) and, for timestamped schemes, the signature. */
    public record Delivery(String id, String signature, String bodySha256) {
    }

    private final DataSource dataSource;
    private final ConversionParser parser;
    private final ConversionStore conversions;
    private final Adjustments adjustments;

    public HookIntake(DataSource dataSource, ConversionParser parser, ConversionStore conversions,
            Adjustments adjustments) {
        this.dataSource = dataSource;
        this.parser = parser;
        this.conversions = conversions;
        this.adjustments = adjustments;
    }

    @Transactional(rollbackOn = Exception.class)
    public HookResult receive(UUID workspaceId, WorkspaceInfo workspace, Connector connector, Delivery delivery,
            Inbound inbound) throws SQLException {
        serialise(workspaceId);
        if (delivery.signature() != null && !logDelivery(workspaceId, connector, "sig:" + delivery.signature(),
                delivery.bodySha256(), inbound.topic())) {
            throw new ProblemException(Problem.of(409, "replayed-delivery", "Replayed delivery", "This signature was "
                    + "accepted before: the platform signs every delivery anew, so this is a copy; nothing was stored"));
        }
        if (delivery.id() != null && !logDelivery(workspaceId, connector, delivery.id(), delivery.bodySha256(),
                inbound.topic())) {
            if (!delivery.bodySha256().equals(loggedBody(workspaceId, connector, delivery.id()))) {
                throw new ProblemException(Problem.of(409, "replayed-delivery", "Replayed delivery", "Delivery "
                        + delivery.id() + " was received before with another body; nothing was stored"));
            }
            return new HookResult("DUPLICATE", inbound.topic(), List.of(), List.of(), List.of(),
                    "delivery " + delivery.id() + " was received before");
        }
        List<NewConversion> orders = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (ObjectNode order : inbound.orders()) {
            ConversionParser.Parsed parsed = parser.parse(order, workspaceId, workspace);
            errors.addAll(parsed.errors());
            orders.add(parsed.conversion());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean[] inserted = conversions.insert(workspaceId, orders);
        List<String> recorded = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            (inserted[i] ? recorded : duplicates).add(orders.get(i).eventId());
        }
        adjustments.alias(workspaceId, inbound.aliases());
        Set<String> touched = new LinkedHashSet<>(recorded);
        Set<String> refs = adjustments.record(workspaceId, inbound.adjustments());
        if (!refs.isEmpty()) {
            touched.addAll(adjustments.orders(workspaceId, refs));
        }
        List<String> adjusted = new ArrayList<>();
        for (String eventId : touched) {
            if (adjustments.apply(workspaceId, eventId)) {
                adjusted.add(eventId);
            }
        }
        boolean changed = !recorded.isEmpty() || !refs.isEmpty();
        return new HookResult(changed ? "RECORDED" : "DUPLICATE", inbound.topic(), recorded, duplicates, adjusted,
                refs.isEmpty() || !adjusted.isEmpty() || inbound.adjustments().isEmpty() ? null
                        : "the refund is kept and lowers its order once the order arrives");
    }

    /**
     * One delivery of a workspace at a time, until commit: a refund and its order arriving together would otherwise
     * each miss the other's uncommitted row (the refund finds no order, the order's sum no refund) and the refund
     * would never apply. Webhook transactions are a few statements, so the wait is short.
     */
    private void serialise(UUID workspaceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement lock = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtextextended('hooks/' || ?, 0))")) {
            lock.setString(1, workspaceId.toString());
            lock.execute();
        }
    }

    private boolean logDelivery(UUID workspaceId, Connector connector, String id, String bodySha256, String topic)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO hook_delivery (workspace_id, connector, delivery_id, body_sha256, topic, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setObject(1, workspaceId);
            insert.setString(2, connector.path());
            insert.setString(3, id);
            insert.setString(4, bodySha256);
            insert.setString(5, topic);
            insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            return insert.executeUpdate() > 0;
        }
    }

    private String loggedBody(UUID workspaceId, Connector connector, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT body_sha256 FROM hook_delivery WHERE workspace_id = ? AND connector = ? AND delivery_id = ?")) {
            select.setObject(1, workspaceId);
            select.setString(2, connector.path());
            select.setString(3, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
