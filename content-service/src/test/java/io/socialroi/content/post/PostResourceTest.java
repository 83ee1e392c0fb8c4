package io.socialroi.content.post;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.count;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.ContentFakes;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ContentFakes.Engagement
    FakeServer engagement;

    static String body(String platform, String stage, String campaignId, String landingUrl) {
        return "{\"platform\":\"" + platform + "\",\"funnelStage\":\"" + stage + "\",\"caption\":\"Spring is here\","
                + "\"mediaUrls\":[\"https://cdn.example/a.jpg\"],\"callToAction\":\"Shop now\""
                + (campaignId == null ? "" : ",\"campaignId\":\"" + campaignId + "\"")
                + (landingUrl == null ? "" : ",\"landingUrl\":\"" + landingUrl + "\"") + "}";
    }

    static JsonPath create(UUID ws, String body) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().jsonPath();
    }

    private List<FakeServer.Recorded> registrations(UUID ws, String postId) {
        return engagement.requests().stream()
                .filter(r -> r.method().equals("PUT") && r.path().equals("/workspaces/" + ws + "/posts/" + postId)).toList();
    }

    private static boolean delivered(String postId) {
        return count("select count(*) from link_registration where post_id = ?::uuid and delivered_at is not null",
                postId) == 1;
    }

    @Test
    void trackedLinkCarriesUtmAndIsRegisteredWithExactlyThisBody() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        UUID campaign = Fixtures.campaign(ws, "Spring Sale");
        JsonPath post = create(ws, body("INSTAGRAM", "ACTION", campaign.toString(),
                "https://shop.example/p?ref=nl&utm_source=old#top"));
        String id = post.getString("id");
        String code = post.getString("trackedLink.code");
        String base = ConfigProvider.getConfig().getValue("suite.links.redirect-base-url", String.class);
        String destination = "https://shop.example/p?ref=nl&utm_source=instagram&utm_medium=social"
                + "&utm_campaign=spring-sale&utm_content=" + id + "#top";
        assertEquals("DRAFT", post.getString("status"));
        assertTrue(code.matches("[A-Za-z0-9]{8}"), code);
        assertEquals(base + "/r/" + code, post.getString("trackedLink.url"));
        assertEquals(destination, post.getString("trackedLink.destination"));
        assertEquals(List.of("https://cdn.example/a.jpg"), post.getList("mediaUrls"));

        await("registration of " + id, () -> delivered(id));
        FakeServer.Recorded sent = registrations(ws, id).get(0);
        JsonNode expected = JSON.readTree("{\"campaignId\":\"" + campaign + "\",\"platform\":\"INSTAGRAM\","
                + "\"funnelStage\":\"ACTION\",\"trackedLink\":{\"code\":\"" + code + "\",\"destination\":\""
                + destination + "\"}}");
        assertEquals(expected, JSON.readTree(sent.body()));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(sent.header("Authorization")
                .substring("Bearer ".length()).split("\\.")[1]));
        assertEquals(ws.toString(), claims.get("ws").get(0).asText());
        // A service token (the post directory accepts nothing else), bound to the one workspace.
        assertEquals("service engagement:write", claims.get("scope").asText());
        assertEquals(Set.of("service", "engagement:write"), Set.copyOf(JSON.convertValue(claims.get("groups"),
                List.class)));
        assertEquals(1, registrations(ws, id).size());
    }

    @Test
    void postWithoutLandingUrlHasNoLinkAndRegistersNull() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        JsonPath post = create(ws, body("TIKTOK", "ATTENTION", null, null));
        String id = post.getString("id");
        assertEquals(null, (Object) post.get("trackedLink"));
        await("registration of " + id, () -> delivered(id));
        assertEquals(JSON.readTree("{\"campaignId\":null,\"platform\":\"TIKTOK\",\"funnelStage\":\"ATTENTION\","
                + "\"trackedLink\":null}"), JSON.readTree(registrations(ws, id).get(0).body()));
    }

    /**
     * The fake engagement-service takes its time (as a loaded one would) and records what it has stored when
     * it answers: the registration must be stored there before POST /posts answers, not merely sent.
     */
    @Test
    void theLinkIsRegisteredBeforeCreationAnswers() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID campaign = Fixtures.campaign(ws, "Launch");
        List<String> stored = new CopyOnWriteArrayList<>();
        engagement.on("PUT", "/workspaces/" + ws, r -> {
            sleep(300);
            stored.add(r.body());
            return FakeServer.Reply.json(200, r.body());
        });
        JsonPath post = create(ws, body("INSTAGRAM", "ACTION", campaign.toString(), "https://shop.example/launch"));
        String id = post.getString("id");
        assertEquals(1, stored.size(), "stored at engagement-service when POST /posts answered");
        JsonNode entry = JSON.readTree(stored.get(0));
        assertEquals(post.getString("trackedLink.code"), entry.get("trackedLink").get("code").asText());
        assertEquals(post.getString("trackedLink.destination"), entry.get("trackedLink").get("destination").asText());
        assertEquals(campaign.toString(), entry.get("campaignId").asText());
        assertEquals(true, post.getBoolean("trackedLink.active"));
        assertTrue(delivered(id));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .body("trackedLink.active", equalTo(true));

        // An edit of the funnel stage sends every current value, again before the answer.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"funnelStage\":\"TRUST\"}")
                .patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .body("funnelStage", equalTo("TRUST")).body("trackedLink.active", equalTo(true));
        assertEquals(2, stored.size(), "stored at engagement-service when PATCH answered");
        assertEquals(JSON.readTree("{\"campaignId\":\"" + campaign + "\",\"platform\":\"INSTAGRAM\","
                + "\"funnelStage\":\"TRUST\",\"trackedLink\":{\"code\":\"" + post.getString("trackedLink.code")
                + "\",\"destination\":\"" + post.getString("trackedLink.destination") + "\"}}"),
                JSON.readTree(stored.get(1)));
        // A post moved to another platform and out of its campaign: the entry carries both new values.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"FACEBOOK\",\"campaignId\":null}")
                .patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(200);
        assertEquals(3, stored.size());
        JsonNode moved = JSON.readTree(stored.get(2));
        assertEquals("FACEBOOK", moved.get("platform").asText());
        assertTrue(moved.get("campaignId").isNull());
        assertEquals("TRUST", moved.get("funnelStage").asText());
        assertEquals("https://shop.example/launch?utm_source=facebook&utm_medium=social&utm_content=" + id,
                moved.get("trackedLink").get("destination").asText());
    }

    /**
     * The first registration is slower than the inline budget; the post is edited while it is still in
     * flight. engagement-service must end up with the edit, and the edit must never be overtaken by the
     * older registration (each send is stored when it is answered, as engagement-service would).
     */
    @Test
    void aSlowOlderRegistrationNeverOverwritesANewerOne() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID spring = Fixtures.campaign(ws, "Spring");
        UUID summer = Fixtures.campaign(ws, "Summer");
        List<String> stored = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        engagement.on("PUT", "/workspaces/" + ws, r -> {
            if (calls.incrementAndGet() == 1) {
                sleep(2500);
            }
            stored.add(r.body());
            return FakeServer.Reply.json(200, r.body());
        });
        JsonPath post = create(ws, body("TIKTOK", "INTEREST", spring.toString(), "https://shop.example/s"));
        String id = post.getString("id");
        assertEquals(false, post.getBoolean("trackedLink.active"), "not acknowledged within the inline budget");
        JsonPath edited = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"campaignId\":\"" + summer + "\"}").patch("/workspaces/" + ws + "/posts/" + id)
                .then().statusCode(200).extract().jsonPath();
        if (edited.getBoolean("trackedLink.active")) {
            assertEquals(summer.toString(), JSON.readTree(stored.get(stored.size() - 1)).get("campaignId").asText());
        }
        await("the edit at engagement-service", () -> delivered(id));
        Thread.sleep(1500); // a scheduler poll or more: nothing older may follow
        List<String> campaigns = stored.stream().map(b -> {
            try {
                return JSON.readTree(b).get("campaignId").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of(spring.toString(), summer.toString()), campaigns);
        assertEquals(2, registrations(ws, id).size());
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("trackedLink.active", equalTo(true)).body("campaignId", equalTo(summer.toString()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void creationSucceedsWhileEngagementIsDownAndTheRegistrationArrivesLater() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        AtomicInteger calls = new AtomicInteger();
        engagement.on("PUT", "/workspaces/" + ws, r -> calls.incrementAndGet() <= 2
                ? FakeServer.Reply.json(503, "{\"status\":503}") : FakeServer.Reply.json(200, r.body()));
        JsonPath post = create(ws, body("FACEBOOK", "TRUST", null, "https://shop.example/"));
        String id = post.getString("id");
        assertEquals(false, post.getBoolean("trackedLink.active"), "engagement-service refused it");
        assertEquals(1, count("select count(*) from post where id = ?::uuid", id));
        await("registration of " + id + " after engagement-service came back", () -> delivered(id));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("trackedLink.active", equalTo(true));
        List<FakeServer.Recorded> sent = registrations(ws, id);
        assertEquals(3, sent.size());
        assertEquals(sent.get(0).body(), sent.get(2).body());
        assertEquals("https://shop.example/?utm_source=facebook&utm_medium=social&utm_content=" + id,
                JSON.readTree(sent.get(2).body()).get("trackedLink").get("destination").asText());
    }

    @Test
    void changingLandingUrlOrCampaignKeepsTheCodeAndReRegisters() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID spring = Fixtures.campaign(ws, "Spring");
        UUID autumn = Fixtures.campaign(ws, "Autumn");
        JsonPath post = create(ws, body("LINKEDIN", "INTEREST", spring.toString(), "https://a.example/x"));
        String id = post.getString("id");
        String code = post.getString("trackedLink.code");
        await("first registration", () -> delivered(id));
        String url = "/workspaces/" + ws + "/posts/" + id;
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"landingUrl\":\"https://b.example/y\",\"campaignId\":\"" + autumn + "\"}").patch(url)
                .then().statusCode(200).body("trackedLink.code", equalTo(code))
                .body("campaignId", equalTo(autumn.toString()))
                .body("trackedLink.destination", equalTo("https://b.example/y?utm_source=linkedin&utm_medium=social"
                        + "&utm_campaign=autumn&utm_content=" + id));
        await("second registration", () -> registrations(ws, id).size() == 2 && delivered(id));
        assertEquals(JSON.readTree("{\"campaignId\":\"" + autumn + "\",\"platform\":\"LINKEDIN\",\"funnelStage\":"
                + "\"INTEREST\",\"trackedLink\":{\"code\":\"" + code + "\",\"destination\":\"https://b.example/y?"
                + "utm_source=linkedin&utm_medium=social&utm_campaign=autumn&utm_content=" + id + "\"}}"),
                JSON.readTree(registrations(ws, id).get(1).body()));
        // A caption edit does not touch the directory entry.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"caption\":\"New words\"}").patch(url)
                .then().statusCode(200).body("caption", equalTo("New words"));
        // Removing the landing URL registers the post without a link.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"landingUrl\":null}").patch(url)
                .then().statusCode(200).body("trackedLink", nullValue());
        await("third registration", () -> registrations(ws, id).size() == 3 && delivered(id));
        assertEquals("null", JSON.readTree(registrations(ws, id).get(2).body()).get("trackedLink").toString());
        given().auth().oauth2(writer(ws)).get(url + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("created", "edited", "edited", "edited")))
                .body("items[1].comment", equalTo("changed campaignId, landingUrl"))
                .body("items[0].actor", equalTo("client-" + ws));
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID foreignCampaign = Fixtures.campaign(Fixtures.workspace("UTC", "EUR"), "Theirs");
        String ok = body("X", "ACTION", null, "https://shop.example/");
        expect(ws, "{\"platform\":", 400, null);
        expect(ws, ok.replace("\"X\"", "\"MYSPACE\""), 400, "platform");
        expect(ws, ok.replace("\"funnelStage\":\"ACTION\",", ""), 422, "funnelStage");
        expect(ws, ok.replace("https://shop.example/", "ftp://shop.example/"), 422, "landingUrl");
        expect(ws, ok.replace("https://shop.example/", "not a url"), 422, "landingUrl");
        expect(ws, ok.replace("Spring is here", "x".repeat(281)), 422, "caption");
        expect(ws, ok.replace("[\"https://cdn.example/a.jpg\"]", "\"one\""), 400, "mediaUrls");
        expect(ws, ok.replace("https://cdn.example/a.jpg", "cdn/a.jpg"), 422, "mediaUrls[0]");
        expect(ws, ok.replace("}", ",\"campaignId\":\"" + foreignCampaign + "\"}"), 422, "campaignId");
        expect(ws, ok.replace("}", ",\"campaignId\":\"nope\"}"), 400, "campaignId");
        expect(ws, ok.replace("}", ",\"scheduledAt\":\"tomorrow\"}"), 422, "scheduledAt");
        expect(ws, "{\"platform\":\"X\",\"funnelStage\":\"ACTION\"}", 422, "caption");
        assertEquals(0, count("select count(*) from post where workspace_id = ?", ws));
        assertEquals(0, count("select count(*) from link_registration where workspace_id = ?", ws));
    }

    private static void expect(UUID ws, String body, int status, String field) {
        var response = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(status).contentType("application/problem+json");
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void listsWithFiltersAndCursor() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID campaign = Fixtures.campaign(ws, "C");
        String a = create(ws, body("INSTAGRAM", "ACTION", campaign.toString(), null)).getString("id");
        // TikTok takes one video.
        String b = create(ws, body("TIKTOK", "ATTENTION", null, null).replace("a.jpg", "a.mp4")).getString("id");
        String c = create(ws, body("INSTAGRAM", "TRUST", null, null)).getString("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + b + "/submit").then().statusCode(200);
        String list = "/workspaces/" + ws + "/posts";
        String token = TestTokens.workspace(ws, "content:read");
        given().auth().oauth2(token).get(list).then().statusCode(200).body("items.id", equalTo(List.of(a, b, c)));
        given().auth().oauth2(token).queryParam("platform", "INSTAGRAM").get(list).then()
                .body("items.id", equalTo(List.of(a, c)));
        given().auth().oauth2(token).queryParam("stage", "TRUST").get(list).then().body("items.id", equalTo(List.of(c)));
        given().auth().oauth2(token).queryParam("status", "IN_REVIEW").get(list).then()
                .body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(token).queryParam("campaignId", campaign.toString()).get(list).then()
                .body("items.id", equalTo(List.of(a)));
        String next = given().auth().oauth2(token).queryParam("limit", 2).get(list).then().body("items", hasSize(2))
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", next).get(list).then()
                .body("items.id", equalTo(List.of(c))).body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("status", "LOST").get(list).then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(token).queryParam("campaignId", "x").get(list).then().statusCode(422);
    }

    @Test
    void tokensScopesAndTenancy() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        UUID other = Fixtures.workspace("UTC", "EUR");
        String id = create(ws, body("X", "ACTION", null, null)).getString("id");
        String list = "/workspaces/" + ws + "/posts";
        String ok = body("X", "ACTION", null, null);
        given().contentType(ContentType.JSON).body(ok).post(list).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(list + "/" + id).then().statusCode(401);
        given().get(list + "/" + id + "/history").then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON).body(ok)
                .post(list).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON)
                .body("{\"caption\":\"x\"}").patch(list + "/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.workspace(ws, "reports:read")).get(list).then().statusCode(403);
        given().auth().oauth2(writer(other)).get(list).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(writer(other)).get(list + "/" + id).then().statusCode(404);
        given().auth().oauth2(writer(other)).get(list + "/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(writer(other)).contentType(ContentType.JSON).body("{\"caption\":\"x\"}")
                .patch(list + "/" + id).then().statusCode(404);
        given().auth().oauth2(writer(other)).get("/workspaces/" + other + "/posts/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.service("content:read")).get(list + "/" + id).then().statusCode(200)
                .body("caption", equalTo("Spring is here"));
        assertEquals(1, count("select count(*) from post where workspace_id = ?", ws));
    }
}
