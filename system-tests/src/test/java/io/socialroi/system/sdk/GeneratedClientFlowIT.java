package io.socialroi.system.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialroi.sdk.ApiClient;
import io.socialroi.sdk.ApiException;
import io.socialroi.sdk.api.AttributionApi;
import io.socialroi.sdk.api.AuthApi;
import io.socialroi.sdk.api.CampaignsApi;
import io.socialroi.sdk.api.ConversionsApi;
import io.socialroi.sdk.api.CostsApi;
import io.socialroi.sdk.api.CredentialsApi;
import io.socialroi.sdk.api.EngagementEventsApi;
import io.socialroi.sdk.api.IdentitiesApi;
import io.socialroi.sdk.api.PostLifecycleApi;
import io.socialroi.sdk.api.PostsApi;
import io.socialroi.sdk.api.ReportsApi;
import io.socialroi.sdk.api.WorkspacesApi;
import io.socialroi.sdk.model.ActionRequest;
import io.socialroi.sdk.model.AttributionReport;
import io.socialroi.sdk.model.AttributionRow;
import io.socialroi.sdk.model.CampaignRequest;
import io.socialroi.sdk.model.CampaignView;
import io.socialroi.sdk.model.ConversionRequest;
import io.socialroi.sdk.model.ConversionType;
import io.socialroi.sdk.model.ConversionView;
import io.socialroi.sdk.model.CostCategory;
import io.socialroi.sdk.model.CostRequest;
import io.socialroi.sdk.model.CostView;
import io.socialroi.sdk.model.CreatedCredential;
import io.socialroi.sdk.model.CredentialRequest;
import io.socialroi.sdk.model.EngagementEvent;
import io.socialroi.sdk.model.EventType;
import io.socialroi.sdk.model.FunnelStage;
import io.socialroi.sdk.model.IdentityRequest;
import io.socialroi.sdk.model.IdentityView;
import io.socialroi.sdk.model.IngestResult;
import io.socialroi.sdk.model.Money;
import io.socialroi.sdk.model.Platform;
import io.socialroi.sdk.model.PostRequest;
import io.socialroi.sdk.model.PostStatus;
import io.socialroi.sdk.model.PostView;
import io.socialroi.sdk.model.RoiReport;
import io.socialroi.sdk.model.RoiRow;
import io.socialroi.sdk.model.WorkspaceRequest;
import io.socialroi.sdk.model.WorkspaceView;
import io.socialroi.system.Eventually;
import io.socialroi.system.SuiteCluster;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's flow through clients that openapi-generator makes from the combined document (system-tests/pom.xml
 * generates them at build time; nothing generated is edited): Java (library native) and TypeScript
 * (typescript-fetch, compiled by tsc in strict mode). Each step is a typed call and a typed answer: token,
 * workspace, credential, campaign, post, submit, approve, events, identity, purchase, cost, ROI, attribution.
 */
class GeneratedClientFlowIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> SCOPES = List.of("content:read", "content:write", "engagement:read",
            "engagement:write", "conversions:read", "conversions:write", "reports:read", "costs:write");
    private static SuiteCluster suite;

    @BeforeAll
    static void startSuite() {
        suite = SuiteCluster.get();
    }

    /** One client per service (each answers on its own address here; behind the Ingress they share one host). */
    private static ApiClient client(String baseUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static String token(String clientId, String secret) throws ApiException {
        String token = new AuthApi(client(suite.content(), null)).createToken(clientId, secret, "client_credentials")
                .getAccessToken();
        assertNotNull(token);
        return token;
    }

    @Test
    void theJavaClientRunsTheFlowWithTypedAnswers() throws ApiException {
        String admin = token(SuiteCluster.ADMIN_CLIENT_ID, SuiteCluster.ADMIN_CLIENT_SECRET);
        WorkspaceView workspace = new WorkspacesApi(client(suite.content(), admin)).createWorkspace(
                new WorkspaceRequest().name("Generated Java client").timeZone("Europe/Berlin").currency("EUR"),
                "java-flow-" + UUID.randomUUID());
        UUID ws = workspace.getId();
        assertEquals("EUR", workspace.getCurrency());
        CreatedCredential credential = new CredentialsApi(client(suite.content(), admin)).createCredential(ws,
                new CredentialRequest().name("java integration").scopes(SCOPES), null);
        assertEquals(ws, credential.getWorkspaceId());
        String token = token(credential.getClientId(), credential.getClientSecret());

        LocalDate today = LocalDate.now(BERLIN);
        CampaignView campaign = new CampaignsApi(client(suite.content(), token)).createCampaign(ws,
                new CampaignRequest().name("Winter Sale").objective("SALES").startDate(today.minusDays(1))
                        .budget(new Money().amount("500.00").currency("EUR")), null);
        PostView draft = new PostsApi(client(suite.content(), token)).createPost(ws, new PostRequest()
                .campaignId(campaign.getId()).platform(Platform.INSTAGRAM).funnelStage(FunnelStage.ACTION)
                .caption("Hot chocolate, 20% off this week").mediaUrls(List.of("https://cdn.example/choc.jpg"))
                .callToAction("Order now").landingUrl("https://shop.example/chocolate"), null);
        assertEquals(PostStatus.DRAFT, draft.getStatus());
        PostLifecycleApi lifecycle = new PostLifecycleApi(client(suite.content(), token));
        assertEquals(PostStatus.IN_REVIEW, lifecycle.submitPost(draft.getId(), ws, new ActionRequest()).getStatus());
        assertEquals(PostStatus.APPROVED,
                lifecycle.approvePost(draft.getId(), ws, new ActionRequest().comment("Looks good")).getStatus());

        String actor = "ig:java-" + UUID.randomUUID();
        String customer = "java-customer-" + UUID.randomUUID();
        OffsetDateTime engagedAt = OffsetDateTime.now(BERLIN).minusHours(1);
        List<EngagementEvent> events = List.of(
                new EngagementEvent().eventId(actor + "-comment").type(EventType.COMMENT).platform(Platform.INSTAGRAM)
                        .postId(draft.getId()).actorId(actor).occurredAt(engagedAt)
                        .attributes(Map.of("text", "Where is the shop?")),
                new EngagementEvent().eventId(actor + "-share").type(EventType.SHARE).platform(Platform.INSTAGRAM)
                        .postId(draft.getId()).actorId(actor).occurredAt(engagedAt.plusMinutes(1)));
        EngagementEventsApi ingestion = new EngagementEventsApi(client(suite.engagement(), token));
        // The post reaches engagement-service through content-service's feed; until then its events are refused.
        IngestResult ingested = Eventually.await("the post known to engagement-service", Duration.ofSeconds(45), () -> {
            IngestResult result = call(() -> ingestion.ingestEvents(ws, events, null));
            return result != null && result.getAccepted() + result.getDuplicates() == 2 ? result : null;
        });
        assertEquals(List.of(), ingested.getRejected());

        IdentityView identity = new IdentitiesApi(client(suite.conversion(), token)).linkIdentities(ws,
                new IdentityRequest().platform(Platform.INSTAGRAM).actorId(actor).customerId(customer), null);
        assertEquals(customer, identity.getCustomerId());
        ConversionView purchase = new ConversionsApi(client(suite.conversion(), token)).recordConversion(ws,
                new ConversionRequest().eventId("java-order-" + UUID.randomUUID()).type(ConversionType.PURCHASE)
                        .value(new Money().amount("120.00").currency("EUR")).occurredAt(OffsetDateTime.now(BERLIN))
                        .customerId(customer).actorIds(List.of(actor)), null);
        assertEquals("120.00", purchase.getValue().getAmount());
        CostView cost = new CostsApi(client(suite.reporting(), token)).createCost(ws, new CostRequest()
                .category(CostCategory.AD_SPEND).amount(new Money().amount("40.00").currency("EUR")).incurredOn(today)
                .campaignId(campaign.getId()).platform(Platform.INSTAGRAM), null);
        assertEquals("40.00", cost.getAmount().getAmount());

        ReportsApi reports = new ReportsApi(client(suite.reporting(), token));
        RoiRow row = Eventually.await("revenue in the ROI report", Duration.ofSeconds(45), () -> {
            // The request-object form: optional parameters the API adds later leave this call compiling.
            RoiReport report = call(() -> reports.getRoiReport(ReportsApi.APIGetRoiReportRequest.newBuilder()
                    .workspaceId(ws).from(today.minusDays(1)).to(today).groupBy("campaign").build()));
            RoiRow found = report == null ? null : report.getRows().stream()
                    .filter(r -> campaign.getId().toString().equals(r.getKey())).findFirst().orElse(null);
            return found != null && new BigDecimal(found.getRevenue().getAmount()).signum() > 0 ? found : null;
        });
        assertEquals("120.00", row.getRevenue().getAmount());
        assertEquals("40.00", row.getSpend().getAmount());
        assertEquals(2.0, row.getRoi(), 1e-9);
        assertEquals(3.0, row.getRoas(), 1e-9);

        AttributionApi attribution = new AttributionApi(client(suite.conversion(), token));
        AttributionRow credited = Eventually.await("the purchase credited to the post", Duration.ofSeconds(45), () -> {
            AttributionReport report = call(() -> attribution.getAttribution(AttributionApi.APIGetAttributionRequest
                    .newBuilder().workspaceId(ws).from(today.minusDays(1)).to(today).groupBy("post").model("LAST_TOUCH")
                    .build()));
            return report == null ? null : report.getRows().stream()
                    .filter(r -> draft.getId().toString().equals(r.getKey())).findFirst().orElse(null);
        });
        assertEquals("120.00", credited.getRevenue().getAmount());
        assertEquals(0, BigDecimal.ONE.compareTo(credited.getConversions()));
    }

    @Test
    void theTypeScriptClientRunsTheFlowWithTypedAnswers() throws IOException, InterruptedException {
        Path script = Path.of("target/ts-flow/src/test/typescript/flow.js");
        assertTrue(Files.exists(script), "tsc compiled " + script + " (system-tests/pom.xml, execution typescript-flow)");
        ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        node.environment().putAll(Map.of("SUITE_CONTENT_URL", suite.content(), "SUITE_ENGAGEMENT_URL",
                suite.engagement(), "SUITE_CONVERSION_URL", suite.conversion(), "SUITE_REPORTING_URL",
                suite.reporting(), "SUITE_ADMIN_CLIENT_ID", SuiteCluster.ADMIN_CLIENT_ID, "SUITE_ADMIN_CLIENT_SECRET",
                SuiteCluster.ADMIN_CLIENT_SECRET));
        Process process = node.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the flow ends");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), output);

        JsonNode figures = new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));
        assertEquals(List.of("DRAFT", "IN_REVIEW", "APPROVED"),
                List.of(figures.at("/statuses/0").asText(), figures.at("/statuses/1").asText(),
                        figures.at("/statuses/2").asText()));
        assertEquals(2, figures.get("accepted").asInt());
        assertEquals("120.00", figures.get("purchase").asText());
        assertEquals("40.00", figures.get("cost").asText());
        assertEquals("120.00", figures.get("revenue").asText());
        assertEquals("40.00", figures.get("spend").asText());
        assertEquals(2.0, figures.get("roi").asDouble(), 1e-9);
        assertEquals(3.0, figures.get("roas").asDouble(), 1e-9);
        assertEquals("120.00", figures.get("attributedRevenue").asText());
        assertEquals(1.0, figures.get("attributedConversions").asDouble(), 1e-9);
    }

    private interface Call<T> {
        T run() throws ApiException;
    }

    /** A refused or not-yet-ready call while waiting: null (the caller tries again), its answer in the message. */
    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            System.err.println("waiting: " + e.getCode() + " " + e.getResponseBody());
            return null;
        }
    }
}
