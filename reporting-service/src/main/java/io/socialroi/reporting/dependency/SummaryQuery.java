package io.socialroi.reporting.dependency;

import java.time.LocalDate;
import java.util.UUID;

/** Parameters of one engagement summary; also its cache key. */
public record SummaryQuery(UUID workspaceId, LocalDate from, LocalDate to, String groupBy, UUID campaignId) {
}
