package io.socialroi.reporting.cost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.socialroi.common.money.Money;
import io.socialroi.common.json.StrictBody;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces/{ws}/costs}. Campaign, post and platform are optional ties for reports. */
@Schema(example = "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"40.00\",\"currency\":\"EUR\"},"
        + "\"incurredOn\":\"2026-11-20\",\"campaignId\":\"5b0c1f1e-3f7a-4c55-9a57-1d1f6f0c2b11\","
        + "\"postId\":null,\"platform\":\"INSTAGRAM\"}")
// The read-only fields of a cost as listed may come back with it; anything else unknown is refused.
@JsonIgnoreProperties({"id", "createdAt", "originalAmount", "exchangeRate"})
public record CostRequest(
        @NotNull CostCategory category,
        @NotNull @Schema(description = "Non-negative; in the workspace's currency, or in another one for which "
                + "the workspace has an exchange rate on incurredOn in conversion-service (then converted: "
                + "amount x rate, rounded half-even to the workspace currency, and the original kept)") Money amount,
        @NotNull @Schema(description = "Local date in the workspace's time zone", example = "2026-11-20")
        LocalDate incurredOn,
        UUID campaignId,
        UUID postId,
        Platform platform,
        @Size(max = 500) String note) implements StrictBody {
}
