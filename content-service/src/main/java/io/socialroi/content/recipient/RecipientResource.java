package io.socialroi.content.recipient;

import io.socialroi.common.auth.Scopes;
import io.socialroi.common.auth.WorkspaceAccess;
import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.post.Platform;
import io.socialroi.content.workspace.Workspaces;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The opted-in recipients a messaging publisher (EMAIL_SMTP, SMS_API, WHATSAPP_API) sends each post to. The agency
 * uploads the list it has consent for; the suite keeps who unsubscribed (the e-mail's one-click link, Twilio's
 * opt-out answer) and never sends to them again, whatever list is uploaded later.
 */
@Path("/workspaces/{workspaceId}/publishers/{platform}/recipients")
@Tag(name = "Publishing")
public class RecipientResource {

    /** At most this many recipients per list and platform. */
    public static final int MAX = 10_000;

    /** The body of a PUT: the whole list. */
    @Schema(description = "The whole list; it replaces the earlier one. At most 10000 recipients.")
    public record RecipientList(@Schema(description = "The recipients, each once") List<RecipientEntry> recipients) {
    }

    @Schema(description = "One recipient who agreed to receive the workspace's messages")
    public record RecipientEntry(
            @Schema(description = "EMAIL: an e-mail address; SMS and WHATSAPP: an E.164 phone number",
                    example = "+393471234567") String address,
            @Schema(description = "When the recipient gave consent (not in the future); optional") OffsetDateTime consentedAt) {
    }

    @Schema(description = "A stored recipient")
    public record RecipientView(String address, OffsetDateTime consentedAt,
            @Schema(description = "Set once the recipient unsubscribed (one-click link, or the platform said they "
                    + "opted out): never sent to again") OffsetDateTime unsubscribedAt,
            @Schema(description = "Whether posts are sent to this recipient") boolean subscribed) {
    }

    @Schema(description = "A page of a platform's recipients, in address order")
    public record RecipientPage(Platform platform, List<RecipientView> items,
            @Schema(description = "Recipients stored, unsubscribed ones included") long total,
            @Schema(description = "Recipients posts are sent to") long subscribed,
            @Schema(description = "Pass as ?after= for the next page; null on the last") String next) {
    }

    private final WorkspaceAccess access;
    private final Recipients recipients;

    public RecipientResource(WorkspaceAccess access, Recipients recipients) {
        this.access = access;
        this.recipients = recipients;
    }

    @PUT
    @RolesAllowed(Scopes.CONTENT_WRITE)
    @Transactional
    @Operation(summary = "Replace a messaging platform's recipients", description = "WHATSAPP, EMAIL and SMS only. "
            + "The list replaces the earlier one; recipients who unsubscribed stay unsubscribed (and listed) even when "
            + "the new list names them. A broadcast post of the platform goes to every subscribed recipient, one "
            + "message each.")
    @APIResponse(responseCode = "200", description = "The first page of the stored list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecipientPage.class)))
    @APIResponse(responseCode = "422", description = "A platform without recipients, more than 10000 recipients, or "
            + "an address that is not the platform's (errors name recipients[i].address), given twice, or a "
            + "consentedAt in the future; nothing is stored.")
    public RecipientPage replace(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RecipientList.class), examples = {
                        @ExampleObject(name = "sms", summary = "SMS or WHATSAPP", value = "{\"recipients\":[{\"address\":"
                                + "\"+393471234567\",\"consentedAt\":\"2026-03-01T10:00:00Z\"},{\"address\":"
                                + "\"+14155550123\"}]}"),
                        @ExampleObject(name = "email", summary = "EMAIL", value = "{\"recipients\":[{\"address\":"
                                + "\"anna@example.com\",\"consentedAt\":\"2026-03-01T10:00:00Z\"}]}")}))
            @NotNull RecipientList body) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        Platform p = platform(platform);
        recipients.replace(workspaceId, p, entries(p, body));
        return page(workspaceId, p, null, 100);
    }

    @GET
    @RolesAllowed(Scopes.CONTENT_READ)
    @Operation(summary = "Read a messaging platform's recipients", description = "In address order, unsubscribed "
            + "recipients included and marked; ?limit (1-1000, default 100) and ?after (the page's next) page through.")
    @APIResponse(responseCode = "200", description = "A page of the list",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecipientPage.class)))
    @APIResponse(responseCode = "422", description = "A platform without recipients, or a limit out of range")
    public RecipientPage list(@PathParam("workspaceId") UUID workspaceId, @PathParam("platform") String platform,
            @QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        access.require(workspaceId);
        Workspaces.require(workspaceId);
        Platform p = platform(platform);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            throw ProblemException.invalid("limit", "must be 1 to 1000");
        }
        return page(workspaceId, p, after, n);
    }

    private RecipientPage page(UUID workspaceId, Platform platform, String after, int limit) {
        List<Recipients.Row> rows = recipients.page(workspaceId, platform, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Recipients.Row> shown = more ? rows.subList(0, limit) : rows;
        long[] counts = recipients.counts(workspaceId, platform);
        return new RecipientPage(platform, shown.stream().map(r -> new RecipientView(r.address(), r.consentedAt(),
                r.unsubscribedAt(), r.unsubscribedAt() == null)).toList(), counts[0], counts[1],
                more ? shown.get(shown.size() - 1).address() : null);
    }

    private static List<Recipients.Entry> entries(Platform platform, RecipientList body) {
        if (body.recipients() == null) {
            throw ProblemException.invalid("recipients", "is required (an empty list removes every recipient)");
        }
        if (body.recipients().size() > MAX) {
            throw ProblemException.invalid("recipients", "has " + body.recipients().size() + " recipients; at most "
                    + MAX);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Recipients.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < body.recipients().size() && errors.size() < 50; i++) {
            RecipientEntry e = body.recipients().get(i);
            String field = "recipients[" + i + "]";
            if (e == null) {
                errors.add(new FieldError(field, "must be an object with an address"));
                continue;
            }
            String address = Addresses.normalized(platform, e.address());
            if (address == null) {
                errors.add(new FieldError(field + ".address", e.address() == null ? "is required"
                        : "must be " + Addresses.format(platform)));
                continue;
            }
            Integer first = seen.putIfAbsent(address, i);
            if (first != null) {
                errors.add(new FieldError(field + ".address", "is recipients[" + first + "] again"));
                continue;
            }
            if (e.consentedAt() != null && e.consentedAt().toInstant().isAfter(now.plusSeconds(300))) {
                errors.add(new FieldError(field + ".consentedAt", "is in the future"));
                continue;
            }
            entries.add(new Recipients.Entry(address, e.consentedAt() == null ? null : e.consentedAt().toInstant()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return entries;
    }

    private static Platform platform(String value) {
        Platform p = Params.enumValue("platform", value, Platform.class, null);
        if (!Addresses.hasRecipients(p)) {
            throw ProblemException.invalid("platform", "has no recipients; only EMAIL, SMS and WHATSAPP do");
        }
        return p;
    }
}
