package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thin flow through all four packaged services over their public HTTP APIs: a workspace and a post
 * with a tracked link, a click on it, a purchase carrying the click id, ad spend, and the ROI report.
 */
class FoundationFlowIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static SuiteCluster suite;

    @BeforeAll
    static void startSuite() {
        suite = SuiteCluster.get();
    }

    static String token(String clientId, String secret) {
        return given().baseUri(suite.content()).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/auth/token").then().statusCode(200).extract().path("access_token");
    }

    static String adminToken() {
        return token(SuiteCluster.ADMIN_CLIENT_ID, SuiteCluster.ADMIN_CLIENT_SECRET);
    }

    /** A new workspace and a token of a credential bound to it with every workspace scope. */
    static Map<String, String> workspaceWithToken(String name) {
        String admin = adminToken();
        String ws = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "Europe/Berlin", "currency", "EUR"))
                .post("/workspaces").then().statusCode(201).extract().path("id");
        JsonPath credential = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "integration", "scopes", List.of("content:read", "content:write",
                        "engagement:read", "engagement:write", "conversions:read", "conversions:write",
                        "reports:read", "costs:write")))
                .post("/workspaces/" + ws + "/credentials").then().statusCode(201).extract().jsonPath();
        return Map.of("ws", ws, "token", token(credential.getString("clientId"), credential.getString("clientSecret")));
    }

    @Test
    void postClickPurchaseAndSpendGiveRoiTwoAndRoasThree() {
        Map<String, String> created = workspaceWithToken("Bakery Rossi");
        String ws = created.get("ws");
        String token = created.get("token");

        String campaign = given().baseUri(suite.content()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Spring Sale", "objective", "SALES", "startDate", "2026-11-01",
                        "endDate", "2026-12-31", "budget", Map.of("amount", "500.00", "currency", "EUR")))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201).extract().path("id");
        JsonPath post = given().baseUri(suite.content()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "platform", "INSTAGRAM", "funnelStage", "ACTION",
                        "caption", "Fresh cornetti, 20% off this week", "mediaUrls", List.of("https://cdn.example/c.jpg"),
                        "callToAction", "Order now", "landingUrl", "https://shop.example/cornetti?ref=bio"))
                .post("/workspaces/" + ws + "/posts").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().jsonPath();
        String postId = post.getString("id");
        String linkUrl = post.getString("trackedLink.url");

        // The redirect is served by engagement-service once content-service has registered the link.
        Response redirect = Eventually.await("tracked link registration", Duration.ofSeconds(30), () -> {
            // A person's browser: scripted clients (RestAssured says Apache-HttpClient) count as bot traffic.
            Response r = given().redirects().follow(false)
                    .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) "
                            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")
                    .get(linkUrl);
            return r.statusCode() == 302 ? r : null;
        });
        Map<String, String> query = queryOf(redirect.header("Location"));
        assertTrue(redirect.header("Location").startsWith("https://shop.example/cornetti?"), redirect.header("Location"));
        assertEquals("bio", query.get("ref"));
        assertEquals("instagram", query.get("utm_source"));
        assertEquals("social", query.get("utm_medium"));
        assertEquals("spring-sale", query.get("utm_campaign"));
        assertEquals(postId, query.get("utm_content"));
        String clickId = query.get("smclid");
        assertTrue(clickId != null && !clickId.isBlank(), "click id appended");

        String today = LocalDate.now(BERLIN).toString();
        String yesterday = LocalDate.now(BERLIN).minusDays(1).toString();
        given().baseUri(suite.engagement()).auth().oauth2(token)
                .queryParam("from", yesterday).queryParam("to", today).queryParam("groupBy", "post")
                .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(200)
                .body("rows.find { it.key == '" + postId + "' }.counts.CLICK", equalTo(1));

        given().baseUri(suite.conversion()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("eventId", "order-" + UUID.randomUUID(), "type", "PURCHASE",
                        "value", Map.of("amount", "120.00", "currency", "EUR"),
                        "occurredAt", OffsetDateTime.now(BERLIN).toString(), "customerId", "customer-1",
                        "clickId", clickId))
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        given().baseUri(suite.reporting()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("category", "AD_SPEND", "amount", Map.of("amount", "40.00", "currency", "EUR"),
                        "incurredOn", today, "campaignId", campaign, "platform", "INSTAGRAM"))
                .post("/workspaces/" + ws + "/costs").then().statusCode(201);

        JsonPath roi = Eventually.await("revenue in the ROI report", Duration.ofSeconds(30), () -> {
            JsonPath report = given().baseUri(suite.reporting()).auth().oauth2(token)
                    .queryParam("from", yesterday).queryParam("to", today).queryParam("groupBy", "campaign")
                    .get("/workspaces/" + ws + "/reports/roi").then().statusCode(200).extract().jsonPath();
            Object revenue = report.get("totals.revenue.amount");
            return revenue != null && Double.parseDouble(revenue.toString()) > 0 ? report : null;
        });
        Map<String, Object> row = roi.getMap("rows.find { it.key == '" + campaign + "' }");
        assertEquals(2.0, ((Number) row.get("roi")).doubleValue(), 1e-9);
        assertEquals(3.0, ((Number) row.get("roas")).doubleValue(), 1e-9);
        assertEquals("120.00", roi.getString("rows.find { it.key == '" + campaign + "' }.revenue.amount"));
        assertEquals("40.00", roi.getString("rows.find { it.key == '" + campaign + "' }.spend.amount"));
        assertEquals(2.0, roi.getDouble("totals.roi"), 1e-9);
        assertEquals(3.0, roi.getDouble("totals.roas"), 1e-9);

        given().baseUri(suite.reporting()).auth().oauth2(token)
                .queryParam("from", yesterday).queryParam("to", today).queryParam("groupBy", "post")
                .get("/workspaces/" + ws + "/reports/roi").then().statusCode(200)
                .body("rows.key", hasItem(postId));
        given().baseUri(suite.conversion()).auth().oauth2(token)
                .queryParam("from", yesterday).queryParam("to", today).queryParam("groupBy", "post")
                .queryParam("model", "LAST_TOUCH")
                .get("/workspaces/" + ws + "/attribution").then().statusCode(200)
                .body("rows.find { it.key == '" + postId + "' }.revenue.amount", equalTo("120.00"));
    }

    @Test
    void anotherWorkspacesTokenSeesNothing() {
        Map<String, String> mine = workspaceWithToken("Mine");
        Map<String, String> theirs = workspaceWithToken("Theirs");
        String ws = mine.get("ws");
        String other = theirs.get("token");
        String today = LocalDate.now(BERLIN).toString();
        given().baseUri(suite.content()).auth().oauth2(other).get("/workspaces/" + ws).then().statusCode(404);
        given().baseUri(suite.content()).auth().oauth2(other).get("/workspaces/" + ws + "/posts").then().statusCode(404);
        given().baseUri(suite.engagement()).auth().oauth2(other).queryParam("from", today).queryParam("to", today)
                .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(404);
        given().baseUri(suite.conversion()).auth().oauth2(other).get("/workspaces/" + ws + "/attribution")
                .then().statusCode(404);
        given().baseUri(suite.reporting()).auth().oauth2(other).queryParam("from", today).queryParam("to", today)
                .get("/workspaces/" + ws + "/reports/roi").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static Map<String, String> queryOf(String url) {
        String raw = URI.create(url).getRawQuery();
        return java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1
                        ? java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8) : ""));
    }
}
