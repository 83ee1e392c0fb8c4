package io.socialroi.content.publish;


import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.net.OutboundGuard;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.common.Urls;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Platform;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Per-platform publishers of a workspace. */
@Path("/workspaces/{workspaceId}/publishers")
@Tag(name = "Publishing")
public class PublisherResource {

    /** The publishers of a workspace. */
    public record Publishers(List<PublisherView> items) {
    }

    private final WorkspaceAccess access;
    private final OutboundGuard outbound;
    private final StoredSecrets secrets;

    public PublisherResource(WorkspaceAccess access, OutboundGuard outbound, StoredSecrets secrets) {
        this.access = access;
        this.outbound = outbound;
        this.secrets = secrets;
    }

    @PUT
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Configure publishing for a platform", description = "Each due post of the platform is sent "
            + "as a JSON POST signed with X-Suite-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">, "
            + "with an X-Suite-Delivery id that stays the same across retries. Replaces an earlier configuration.")
    @APIResponse(responseCode = "200", description = "The publisher (without its secret)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublisherView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a field of the wrong type or unknown value" + "; or the url is, or resolves to, a private, loopback, link-local, carrier-grade NAT, unique-local, multicast or metadata address (type outbound-address-refused, errors naming url); nothing is stored.")
    public PublisherView configure(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform,
            @Valid @NotNull PublisherRequest request) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        Platform p = platform(platform);
        if (!Urls.isHttp(request.url())) {
            throw ProblemException.invalid("url", "must be an absolute http or https URL");
        }
        outbound.checkConfigured("url", request.url());
        Publisher publisher = Publisher.of(workspaceId, p);
        if (publisher == null) {
            publisher = new Publisher();
            publisher.workspaceId = workspaceId;
            publisher.platform = p;
        }
        publisher.type = request.type();
        publisher.url = request.url();
        var sealed = secrets.seal(request.secret(), StoredSecrets.publisherContext(workspaceId, p));
        publisher.secret = sealed.ciphertext();
        publisher.secretKeyId = sealed.keyId();
        publisher.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        publisher.persist();
        return PublisherView.of(publisher);
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "List the workspace's publishers")
    @APIResponse(responseCode = "200", description = "Publishers by platform")
    public Publishers list(@PathParam("workspaceId") UUID workspaceId) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        List<Publisher> all = Publisher.list("workspaceId = ?1 order by platform", workspaceId);
        return new Publishers(all.stream().map(PublisherView::of).toList());
    }

    @GET
    @Path("/{platform}")
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Read the publisher of a platform")
    @APIResponse(responseCode = "200", description = "The publisher (without its secret)")
    @APIResponse(responseCode = "422", description = "Unknown platform")
    public PublisherView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform) {
        access.require(workspaceId);
        Publisher publisher = Publisher.of(workspaceId, platform(platform));
        if (publisher == null) {
            throw ProblemException.notFound("Publisher for " + platform);
        }
        return PublisherView.of(publisher);
    }

    private static Platform platform(String value) {
        return Params.enumValue("platform", value, Platform.class, null);
    }
}
