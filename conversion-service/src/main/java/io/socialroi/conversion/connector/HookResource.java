package io.socialroi.conversion.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.workspace.WorkspaceDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public receivers of the commerce and CRM webhooks: no bearer token, the platform's signature instead, checked
 * against the workspace's own connector secret over the raw bytes before anything is parsed. A missing or bad
 * signature, a workspace without the connector (the same answer, so nobody learns which workspaces have one), a
 * stale timestamp, a replayed signature, a malformed or invalid payload: a problem+json 4xx, and nothing stored.
 */
@Path("/hooks/{workspaceId}")
@Tag(name = "Connectors")
@PermitAll
@RunOnVirtualThread
public class HookResource {

    static final String ANSWERS = "200 with what was stored (a retry of a delivery, or an order seen before, is "
            + "DUPLICATE and changes nothing; topics that make no conversion are IGNORED).";

    static final String SHOPIFY_EXAMPLE = "{\"id\":820982911946154508,\"email\":\"jon@example.com\","
            + "\"created_at\":\"2026-11-20T12:00:00+01:00\",\"currency\":\"EUR\",\"total_price\":\"120.00\","
            + "\"customer\":{\"id\":115310627314723954},"
            + "\"note_attributes\":[{\"name\":\"smclid\",\"value\":\"5b0c7d1e-9a0e-4d1b-8f3e-2f6a7c1d9e10\"}]}";
    static final String STRIPE_EXAMPLE = "{\"id\":\"evt_1\",\"object\":\"event\","
            + "\"type\":\"checkout.session.completed\",\"created\":1795168800,\"data\":{\"object\":{"
            + "\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"payment_status\":\"paid\","
            + "\"amount_total\":12000,\"currency\":\"eur\",\"customer\":\"cus_9\","
            + "\"customer_details\":{\"email\":\"ana@example.com\"},\"payment_intent\":\"pi_1\","
            + "\"metadata\":{\"smclid\":\"5b0c7d1e-9a0e-4d1b-8f3e-2f6a7c1d9e10\"}}}}";
    static final String WOO_EXAMPLE = "{\"id\":501,\"status\":\"processing\",\"currency\":\"EUR\","
            + "\"total\":\"40.00\",\"date_created_gmt\":\"2026-11-20T09:00:00\","
            + "\"date_paid_gmt\":\"2026-11-20T09:05:00\",\"customer_id\":12,"
            + "\"billing\":{\"email\":\"ana@example.com\"},"
            + "\"meta_data\":[{\"id\":12,\"key\":\"smclid\",\"value\":\"5b0c7d1e-9a0e-4d1b-8f3e-2f6a7c1d9e10\"}],"
            + "\"refunds\":[{\"id\":601,\"reason\":\"\",\"total\":\"-10.00\"}]}";
    static final String UNAVAILABLE = "content-service (workspace settings) unreachable; nothing stored, the "
            + "platform retries";

    private final ConnectorStore connectors;
    private final WorkspaceDirectory workspaces;
    private final HookIntake intake;
    private final ObjectMapper json;
    private final Duration tolerance;

    public HookResource(ConnectorStore connectors, WorkspaceDirectory workspaces, HookIntake intake, ObjectMapper json,
            @ConfigProperty(name = "suite.hooks.signature-tolerance", defaultValue = "300S") Duration tolerance) {
        this.connectors = connectors;
        this.workspaces = workspaces;
        this.intake = intake;
        this.json = json;
        this.tolerance = tolerance;
    }

    @POST
    @Path("/shopify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Shopify order webhook", description = "Topics (X-Shopify-Topic) orders/create, "
            + "refunds/create, orders/cancelled. X-Shopify-Hmac-Sha256 must be the base64 HMAC-SHA256 of the raw body "
            + "under the app's client secret (PUT .../connectors/shopify); X-Shopify-Webhook-Id identifies the "
            + "delivery. " + ANSWERS)
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "The order or refund as Shopify sends it"),
            examples = @ExampleObject(name = "orders-create", summary = "An orders/create body (fields read; others ignored)",
                    value = SHOPIFY_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Received", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HookResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or the topic or delivery id header missing")
    @APIResponse(responseCode = "401", description = "Signature missing or not verifying with this workspace's secret")
    @APIResponse(responseCode = "409", description = "The delivery id was received before with another body")
    @APIResponse(responseCode = "422", description = "A required field missing or invalid, or a currency without "
            + "exchange rate (the platform retries; a retry after the rate is set is stored)")
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public HookResult shopify(@PathParam("workspaceId") String workspaceId,
            @HeaderParam("X-Shopify-Hmac-Sha256") String signature, @HeaderParam("X-Shopify-Topic") String topic,
            @HeaderParam("X-Shopify-Webhook-Id") String deliveryId, byte[] body) throws SQLException {
        UUID ws = workspace(workspaceId);
        HookSignatures.requireBase64(signature, "X-Shopify-Hmac-Sha256", secret(ws, Connector.SHOPIFY,
                "X-Shopify-Hmac-Sha256"), bytes(body));
        String t = header(topic, "X-Shopify-Topic");
        String id = header(deliveryId, "X-Shopify-Webhook-Id");
        return receive(ws, Connector.SHOPIFY, new HookIntake.Delivery(id, null, sha256(body)),
                ShopifyMapper.map(t, parse(body)));
    }

    @POST
    @Path("/stripe")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Stripe event", description = "Types checkout.session.completed (and "
            + "checkout.session.async_payment_succeeded), invoice.paid, charge.refunded. Stripe-Signature "
            + "t=<unix>,v1=<hex>[,v1=...]: one v1 must be the hex HMAC-SHA256 of \"<t>.<raw body>\" under the "
            + "endpoint's signing secret (PUT .../connectors/stripe), and t within 300 s of now; a signature accepted "
            + "before is a replay (409), since Stripe signs every attempt anew. " + ANSWERS)
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "The Stripe Event object"),
            examples = @ExampleObject(name = "checkout-session-completed", summary = "A checkout.session.completed event",
                    value = STRIPE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Received", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HookResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an event without id")
    @APIResponse(responseCode = "401", description = "Signature missing, not verifying, or its timestamp more than "
            + "300 s from now")
    @APIResponse(responseCode = "409", description = "A replayed signature, or the event id received before with "
            + "another body")
    @APIResponse(responseCode = "422", description = "A required field missing or invalid, or a currency without "
            + "exchange rate")
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public HookResult stripe(@PathParam("workspaceId") String workspaceId,
            @HeaderParam("Stripe-Signature") String signature, byte[] body) throws SQLException {
        UUID ws = workspace(workspaceId);
        HookSignatures.Verified verified = HookSignatures.requireTimestamped(signature, "Stripe-Signature",
                secret(ws, Connector.STRIPE, "Stripe-Signature"), bytes(body), Instant.now(), tolerance);
        JsonNode event = parse(body);
        String id = Inbound.text(event, "id");
        if (id == null) {
            throw ProblemException.badRequest("The event has no id");
        }
        return receive(ws, Connector.STRIPE, new HookIntake.Delivery("evt:" + id, verified.signature(), sha256(body)),
                StripeMapper.map(event));
    }

    @POST
    @Path("/woocommerce")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a WooCommerce order webhook", description = "Topics (X-WC-Webhook-Topic) "
            + "order.created and order.updated. X-WC-Webhook-Signature must be the base64 HMAC-SHA256 of the raw body "
            + "under the webhook's secret (PUT .../connectors/woocommerce); X-WC-Webhook-Delivery-ID identifies the "
            + "delivery. The unsigned ping WooCommerce sends when a webhook is saved (form body webhook_id=<n>) is "
            + "answered 200 IGNORED. " + ANSWERS)
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "The order as WooCommerce's REST API v3 shows it"),
            examples = @ExampleObject(name = "order-updated", summary = "An order.updated body",
                    value = WOO_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Received", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HookResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or the topic header missing")
    @APIResponse(responseCode = "401", description = "Signature missing or not verifying with this workspace's secret")
    @APIResponse(responseCode = "409", description = "The delivery id was received before with another body")
    @APIResponse(responseCode = "422", description = "A required field missing or invalid, or a currency without "
            + "exchange rate")
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public HookResult woocommerce(@PathParam("workspaceId") String workspaceId,
            @HeaderParam("X-WC-Webhook-Signature") String signature, @HeaderParam("X-WC-Webhook-Topic") String topic,
            @HeaderParam("X-WC-Webhook-Delivery-ID") String deliveryId, byte[] body) throws SQLException {
        UUID ws = workspace(workspaceId);
        if (signature == null && new String(bytes(body), StandardCharsets.US_ASCII).matches("webhook_id=[0-9]{1,20}")) {
            return HookResult.ignored("ping", "WooCommerce's ping when a webhook is saved; nothing stored");
        }
        HookSignatures.requireBase64(signature, "X-WC-Webhook-Signature", secret(ws, Connector.WOOCOMMERCE,
                "X-WC-Webhook-Signature"), bytes(body));
        String t = header(topic, "X-WC-Webhook-Topic");
        String id = deliveryId == null || deliveryId.isBlank() ? null : deliveryId.strip();
        return receive(ws, Connector.WOOCOMMERCE, new HookIntake.Delivery(id, null, sha256(body)),
                WooCommerceMapper.map(t, parse(body)));
    }

    @POST
    @Path("/leads")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed lead from a CRM or form", description = "The body is one conversion as "
            + "POST /workspaces/{workspaceId}/conversions takes it (eventId required; type defaults to LEAD, "
            + "occurredAt to now). Signed like the suite's own outgoing webhooks: X-Suite-Signature "
            + "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\"> under the secret set with "
            + "PUT .../connectors/leads, t within 300 s of now, each signature accepted once; an optional "
            + "X-Suite-Delivery id makes a resend with a new signature a duplicate. " + ANSWERS)
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = io.socialroi.conversion.conversion.ConversionRequest.class),
            examples = @ExampleObject(name = "lead", summary = "A form's lead",
                    value = "{\"eventId\":\"form-1\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00+01:00\","
                            + "\"customerId\":\"crm-5\",\"email\":\"lead@example.com\","
                            + "\"clickId\":\"5b0c7d1e-9a0e-4d1b-8f3e-2f6a7c1d9e10\"}")))
    @APIResponse(responseCode = "200", description = "Received", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = HookResult.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or not an object")
    @APIResponse(responseCode = "401", description = "Signature missing, not verifying, or its timestamp more than "
            + "300 s from now")
    @APIResponse(responseCode = "409", description = "A replayed signature, or the delivery id received before with "
            + "another body")
    @APIResponse(responseCode = "422", description = "Invalid conversion fields, or a currency without exchange rate")
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public HookResult leads(@PathParam("workspaceId") String workspaceId,
            @HeaderParam("X-Suite-Signature") String signature, @HeaderParam("X-Suite-Delivery") String deliveryId,
            byte[] body) throws SQLException {
        UUID ws = workspace(workspaceId);
        HookSignatures.Verified verified = HookSignatures.requireTimestamped(signature, "X-Suite-Signature",
                secret(ws, Connector.LEADS, "X-Suite-Signature"), bytes(body), Instant.now(), tolerance);
        String id = deliveryId == null || deliveryId.isBlank() ? null : "delivery:" + deliveryId.strip();
        return receive(ws, Connector.LEADS, new HookIntake.Delivery(id, verified.signature(), sha256(body)),
                LeadMapper.map(parse(body), OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private HookResult receive(UUID ws, Connector connector, HookIntake.Delivery delivery, Inbound inbound)
            throws SQLException {
        if (inbound.ignored() != null) {
            return HookResult.ignored(inbound.topic(), inbound.ignored());
        }
        return intake.receive(ws, workspaces.get(ws), connector, delivery, inbound);
    }

    /** A workspace id that is not a UUID has no connector: the same 401 as any other. */
    private static UUID workspace(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HookSignatures.refused("No connector verifies this signature");
        }
    }

    private String secret(UUID ws, Connector connector, String header) throws SQLException {
        return connectors.secret(ws, connector)
                .orElseThrow(() -> HookSignatures.refused("The " + header + " signature does not verify"));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(bytes(body));
            if (node == null || node.isMissingNode() || !node.isObject()) {
                throw ProblemException.badRequest("The body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read");
        }
    }

    private static String header(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("The " + name + " header is missing");
        }
        return value.strip();
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
