package io.socialroi.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engagement pulled back from a platform, end to end with the real services: an X account connected through the
 * OAuth flow, a post published with X_API to the fake X API v2, then content-service's importer reads it back every
 * 2 s and writes its replies and likers through engagement-service's real ingestion. The engagement summary counts
 * them once, however many times the post is read again (the importer's event ids are deterministic).
 */
class EngagementImportIT {

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

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void repliesAndLikersOfAPublishedXPostReachTheEngagementSummaryOnce() {
        String content = suite.content();
        String admin = token(SuiteCluster.ADMIN_CLIENT_ID, SuiteCluster.ADMIN_CLIENT_SECRET);
        String ws = given().baseUri(content).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Fiori Import", "timeZone", "Europe/Berlin", "currency", "EUR"))
                .post("/workspaces").then().statusCode(201).extract().path("id");
        JsonPath credential = given().baseUri(content).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "integration", "scopes", List.of("content:read", "content:write",
                        "engagement:read")))
                .post("/workspaces/" + ws + "/credentials").then().statusCode(201).extract().jsonPath();
        String token = token(credential.getString("clientId"), credential.getString("clientSecret"));

        // Connect X: the consent page of the fake approves at once and sends the browser back with code and state.
        String authorizeUrl = given().baseUri(content).auth().oauth2(token)
                .post("/workspaces/" + ws + "/accounts/X/authorizations").then().statusCode(201).extract()
                .path("authorizeUrl");
        String back = given().urlEncodingEnabled(false).redirects().follow(false).get(authorizeUrl).then().statusCode(302).extract()
                .header("Location");
        Map<String, String> returned = query(back);
        given().baseUri(content).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("state", returned.get("state"), "code", returned.get("code")))
                .post("/workspaces/" + ws + "/accounts/X/authorizations/complete").then().statusCode(200);
        given().baseUri(content).auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("type", "X_API"))
                .put("/workspaces/" + ws + "/publishers/X").then().statusCode(200);

        String post = given().baseUri(content).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("platform", "X", "funnelStage", "TRUST", "caption", "Our bouquets, hand-tied each morning",
                        "landingUrl", "https://shop.example/bouquets"))
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        String url = "/workspaces/" + ws + "/posts/" + post;
        given().baseUri(content).auth().oauth2(token).post(url + "/submit").then().statusCode(200);
        given().baseUri(content).auth().oauth2(token).post(url + "/approve").then().statusCode(200);
        given().baseUri(content).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scheduledAt", Instant.now().toString())).post(url + "/schedule").then().statusCode(200);
        String remoteId = Eventually.await("the post on X", Duration.ofSeconds(30), () -> {
            JsonPath view = given().baseUri(content).auth().oauth2(token).get(url).then().statusCode(200).extract()
                    .jsonPath();
            return "PUBLISHED".equals(view.getString("status")) ? view.getString("remoteId") : null;
        });
        assertTrue(suite.oauth().tweets.containsKey(remoteId), remoteId);

        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).toString();
        JsonPath row = Eventually.await("imported engagement in the summary", Duration.ofSeconds(60), () -> {
            JsonPath summary = given().baseUri(suite.engagement()).auth().oauth2(token)
                    .queryParam("from", yesterday).queryParam("to", today).queryParam("groupBy", "post")
                    .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(200).extract().jsonPath();
            Object comments = summary.get("rows.find { it.key == '" + post + "' }.counts.COMMENT");
            return comments != null && ((Number) comments).intValue() >= 2 ? summary : null;
        });
        assertEquals(2, row.getInt("rows.find { it.key == '" + post + "' }.counts.COMMENT"));
        assertEquals(1, row.getInt("rows.find { it.key == '" + post + "' }.counts.LIKE"));

        // Read again and again (every 2 s): nothing is counted twice.
        int readsBefore = suite.oauth().reads.get();
        Eventually.await("two more reads of the post", Duration.ofSeconds(30),
                () -> suite.oauth().reads.get() >= readsBefore + 2 ? true : null);
        JsonPath again = given().baseUri(suite.engagement()).auth().oauth2(token)
                .queryParam("from", yesterday).queryParam("to", today).queryParam("groupBy", "post")
                .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(2, again.getInt("rows.find { it.key == '" + post + "' }.counts.COMMENT"));
        assertEquals(1, again.getInt("rows.find { it.key == '" + post + "' }.counts.LIKE"));

        JsonPath metrics = given().baseUri(content).auth().oauth2(token).get(url + "/platform-metrics").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(3, metrics.getInt("eventsStored"));
        assertEquals(321, metrics.getInt("metrics.find { it.metric == 'impressions' }.value"));
        assertNull(metrics.getString("lastError"));
    }
}
