package io.socialroi.content.campaign;

import io.socialroi.common.money.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/campaigns}, and the shape a {@code PATCH} is merged into. */
@Schema(example = "{\"name\":\"Spring sale\",\"objective\":\"Sell the spring collection\",\"startDate\":\"2026-03-01\","
        + "\"endDate\":\"2026-03-31\",\"budget\":{\"amount\":\"2500.00\",\"currency\":\"EUR\"}}")
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 1000) @Schema(description = "What the campaign is for, e.g. leads or sales") String objective,
        @NotNull @Schema(description = "First day, local date in the workspace's time zone") LocalDate startDate,
        @Schema(description = "Last day (inclusive); open-ended when absent") LocalDate endDate,
        @Schema(description = "Not negative; in the workspace's currency, or in another one for which the workspace has an "
                + "exchange rate on startDate at conversion-service (converted into budgetInWorkspaceCurrency)")
        Money budget,
        @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        @Schema(description = "utm_campaign value; derived from the name when absent; cannot change later",
                example = "spring-sale") String slug) {
}
