package io.socialroi.conversion.connector;

import io.socialroi.common.json.StrictBody;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /workspaces/{ws}/connectors/{connector}}. */
@Schema(example = "{\"secret\":\"whsec_8d1f0c2b7a9e4f6b3c5d7e9f1a2b4c6d\"}")
public record ConnectorRequest(
        @NotNull @Size(min = 8, max = 500) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
        @Schema(description = "The secret the platform signs its webhooks with: Shopify the app's client secret, "
                + "Stripe the endpoint's signing secret (whsec_...), WooCommerce the webhook's secret, leads a secret "
                + "of your choice. Stored encrypted, never shown again.", writeOnly = true) String secret)
        implements StrictBody {
}
