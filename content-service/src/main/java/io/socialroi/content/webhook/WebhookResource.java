package io.socialroi.content.webhook;


import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.net.OutboundGuard;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.common.Urls;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.PostLifecycleEvent;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A workspace's subscription to post lifecycle webhooks. */
@Path("/workspaces/{workspaceId}/webhooks")
@Tag(name = "Webhooks")
public class WebhookResource {

    static final Set<String> EVENTS = Set.of(PostLifecycleEvent.APPROVED, PostLifecycleEvent.PUBLISHED,
            PostLifecycleEvent.FAILED);

    /** The subscription as the API shows it: without its secret. */
    public record WebhookView(String url, List<String> events, boolean secretSet, Instant updatedAt) {

        static WebhookView of(WebhookSubscription s) {
            return new WebhookView(s.url, List.copyOf(s.events), true, s.updatedAt);
        }
    }

    private final WorkspaceAccess access;
    private final OutboundGuard outbound;
    private final StoredSecrets secrets;

    public WebhookResource(WorkspaceAccess access, OutboundGuard outbound, StoredSecrets secrets) {
        this.access = access;
        this.outbound = outbound;
        this.secrets = secrets;
    }

    @PUT
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Subscribe to lifecycle events", description = "Replaces the workspace's subscription. Each "
            + "event is a JSON POST signed like publishing (X-Suite-Signature) with an X-Suite-Delivery id that stays "
            + "the same across retries, and X-Suite-Event naming the event.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a field of the wrong type or unknown value" + "; or the url is, or resolves to, a private, loopback, link-local, carrier-grade NAT, unique-local, multicast or metadata address (type outbound-address-refused, errors naming url); nothing is stored.")
    public WebhookView subscribe(@PathParam("workspaceId") UUID workspaceId, @Valid @NotNull WebhookRequest request) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        List<FieldError> errors = new ArrayList<>();
        Urls.check("url", request.url(), errors);
        for (int i = 0; i < request.events().size(); i++) {
            if (!EVENTS.contains(request.events().get(i))) {
                errors.add(new FieldError("events[" + i + "]", "unknown event, expected one of " + EVENTS));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        outbound.checkConfigured("url", request.url());
        WebhookSubscription subscription = WebhookSubscription.findById(workspaceId);
        if (subscription == null) {
            subscription = new WebhookSubscription();
            subscription.workspaceId = workspaceId;
        }
        subscription.url = request.url();
        var sealed = secrets.seal(request.secret(), StoredSecrets.webhookContext(workspaceId));
        subscription.secret = sealed.ciphertext();
        subscription.secretKeyId = sealed.keyId();
        subscription.events = new ArrayList<>(new LinkedHashSet<>(request.events()));
        subscription.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscription.persist();
        return WebhookView.of(subscription);
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Read the subscription")
    @APIResponse(responseCode = "200", description = "The subscription")
    public WebhookView get(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        WebhookSubscription subscription = WebhookSubscription.findById(workspaceId);
        if (subscription == null) {
            throw ProblemException.notFound("Webhook subscription of workspace " + workspaceId);
        }
        return WebhookView.of(subscription);
    }

    @DELETE
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Unsubscribe", description = "Deliveries still pending are dropped.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response unsubscribe(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        WebhookSubscription.deleteById(workspaceId);
        return Response.noContent().build();
    }
}
