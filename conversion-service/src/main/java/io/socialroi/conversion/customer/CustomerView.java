package io.socialroi.conversion.customer;

import io.socialroi.common.money.Money;
import io.socialroi.conversion.identity.IdentityView;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer: what they bought over their whole history, and who they are on the platforms. */
public record CustomerView(
        String customerId,
        long conversions,
        long purchases,
        @Schema(description = "Revenue of every purchase, repeat purchases included, in the workspace currency")
        Money lifetimeValue,
        @Schema(description = "Lifetime value per purchase") Money averageOrderValue,
        OffsetDateTime firstConversionAt,
        OffsetDateTime firstPurchaseAt,
        OffsetDateTime lastConversionAt,
        List<IdentityView> identities) {
}
