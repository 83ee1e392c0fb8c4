package io.socialroi.reporting.cost;

import io.quarkus.hibernate.orm.panache.Panache;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.problem.Params;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries on costs; every one is bound to a single workspace. */
@ApplicationScoped
public class CostRepository {

    /** Optional filters of the cost list; null means "any". */
    public record Filter(LocalDate from, LocalDate to, CostCategory category, UUID campaignId, UUID postId,
            Platform platform) {
    }

    /** Position after the last cost shown: its (incurredOn, id). */
    public record Cursor(LocalDate incurredOn, UUID id) {

        static Cursor of(CostView view) {
            return new Cursor(view.incurredOn(), view.id());
        }

        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split("_", 2);
            try {
                LocalDate date = LocalDate.parse(parts[0]);
                if (date.isBefore(Params.FIRST_DAY) || date.isAfter(Params.LAST_DAY)) {
                    throw new IllegalArgumentException("out of range");
                }
                return new Cursor(date, UUID.fromString(parts[1]));
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.invalid("cursor", "is not a cursor of this list");
            }
        }

        String encode() {
            return incurredOn + "_" + id;
        }
    }

    /** Costs of a period summed by everything a report may group them by. */
    public record CostLine(CostCategory category, UUID campaignId, UUID postId, Platform platform,
            BigDecimal amount) {
    }

    public List<Cost> list(UUID workspaceId, Filter filter, Cursor after, int fetch) {
        StringBuilder query = new StringBuilder("workspaceId = :ws");
        Map<String, Object> params = new HashMap<>();
        params.put("ws", workspaceId);
        if (filter.from() != null) {
            query.append(" and incurredOn >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and incurredOn <= :to");
            params.put("to", filter.to());
        }
        if (filter.category() != null) {
            query.append(" and category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.campaignId() != null) {
            query.append(" and campaignId = :campaign");
            params.put("campaign", filter.campaignId());
        }
        if (filter.postId() != null) {
            query.append(" and postId = :post");
            params.put("post", filter.postId());
        }
        if (filter.platform() != null) {
            query.append(" and platform = :platform");
            params.put("platform", filter.platform().name());
        }
        if (after != null) {
            query.append(" and (incurredOn > :afterDate or (incurredOn = :afterDate and id > :afterId))");
            params.put("afterDate", after.incurredOn());
            params.put("afterId", after.id());
        }
        return Cost.<Cost>find(query + " order by incurredOn, id", params).page(0, fetch).list();
    }

    /** The period's costs, summed per category, campaign, post and platform (a handful of rows, not one per cost). */
    public List<CostLine> sumByTies(UUID workspaceId, LocalDate from, LocalDate to) {
        List<Object[]> rows = Panache.getEntityManager().createQuery("select c.category, c.campaignId, c.postId, "
                + "c.platform, sum(c.amount) from Cost c where c.workspaceId = :ws and c.incurredOn between :from "
                + "and :to group by c.category, c.campaignId, c.postId, c.platform", Object[].class)
                .setParameter("ws", workspaceId).setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new CostLine(CostCategory.valueOf((String) r[0]), (UUID) r[1], (UUID) r[2],
                r[3] == null ? null : Platform.valueOf((String) r[3]), (BigDecimal) r[4])).toList();
    }
}
