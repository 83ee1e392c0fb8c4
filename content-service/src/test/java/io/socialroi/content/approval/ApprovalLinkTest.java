package io.socialroi.content.approval;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.count;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApprovalLinkTest {

    static String inReview(UUID ws, String caption) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"TRUST\",\"caption\":\"" + caption + "\","
                        + "\"mediaUrls\":[\"https://cdn.example/p.jpg\"],\"scheduledAt\":\"2027-05-03T09:00:00\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** Creates a link and answers its path (the URL's host is the configured public base). */
    static String link(UUID ws, String postId) {
        String url = given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + postId + "/approval-links")
                .then().statusCode(201).body("url", startsWith("http://127.0.0.1:8081/approvals/"))
                .body("postId", equalTo(postId)).extract().path("url");
        return URI.create(url).getPath();
    }

    static String status(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().extract().path("status");
    }

    @Test
    void clientSeesThePostAndApprovesOnce() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String id = inReview(ws, "Fresh <b>bread</b> & more");
        String other = inReview(ws, "Another post");
        String page = link(ws, id);
        given().accept("text/html").get(page).then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Fresh &lt;b&gt;bread&lt;/b&gt; &amp; more"))
                .body(not(containsString("<b>bread</b>")))
                .body(containsString("INSTAGRAM")).body(containsString("https://cdn.example/p.jpg"))
                .body(containsString("Mon 3 May 2027, 09:00 (Europe/Rome)"))
                .body(containsString("name=\"decision\" value=\"APPROVE\""))
                .body(containsString("name=\"decision\" value=\"REJECT\""));
        given().accept("text/html").formParam("decision", "APPROVE").formParam("comment", "Love it").post(page).then()
                .statusCode(200).body(containsString("approved"));
        assertEquals("APPROVED", status(ws, id));
        assertEquals("IN_REVIEW", status(ws, other));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then()
                .body("items[2].action", equalTo("approve")).body("items[2].actor", equalTo("client (approval link)"))
                .body("items[2].comment", equalTo("Love it"));
        // Single use: the page and the form are gone.
        given().formParam("decision", "REJECT").post(page).then().statusCode(410)
                .contentType("application/problem+json").body("title", equalTo("Link already used"));
        given().accept("text/html").get(page).then().statusCode(410).contentType(containsString("text/html"))
                .body(containsString("Link already used"));
        assertEquals("APPROVED", status(ws, id));
        assertEquals(1, count("select count(*) from approval_link where post_id = ?::uuid and decision = 'APPROVE'"
                + " and comment = 'Love it' and used_at is not null", id));
    }

    @Test
    void rejectionSendsThePostBackWithTheComment() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = inReview(ws, "Draft copy");
        String page = link(ws, id);
        given().formParam("decision", "maybe").post(page).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("decision"));
        given().formParam("decision", "REJECT").formParam("comment", "Wrong price").post(page).then().statusCode(200);
        assertEquals("DRAFT", status(ws, id));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then()
                .body("items.action", equalTo(List.of("created", "submit", "reject")))
                .body("items[2].comment", equalTo("Wrong price"));
    }

    @Test
    void expiredUnknownAndStaleLinksAreRefused() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = inReview(ws, "Copy");
        String page = link(ws, id);
        assertEquals(1, count("update approval_link set expires_at = now() - interval '1 minute'"
                + " where post_id = ?::uuid returning 1", id));
        given().get(page).then().statusCode(410).body("title", equalTo("Link expired"));
        given().formParam("decision", "APPROVE").post(page).then().statusCode(410);
        assertEquals("IN_REVIEW", status(ws, id));
        given().get("/approvals/not-a-real-token").then().statusCode(404).contentType("application/problem+json");
        // A link whose post was approved meanwhile in the app cannot decide again, and stays unused.
        String fresh = link(ws, id);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/approve").then().statusCode(200);
        given().formParam("decision", "APPROVE").post(fresh).then().statusCode(409);
        given().accept("text/html").get(fresh).then().statusCode(200)
                .body(containsString("no longer awaiting approval")).body(not(containsString("<form")));
    }

    /**
     * The attack: the client gets a link, the post is then edited while IN_REVIEW. The old link must not approve
     * the new text the client never saw: 409, the post stays IN_REVIEW with nothing recorded, and the page says
     * a new link is needed. A new link shows the new text and works.
     */
    @Test
    void aLinkMadeBeforeAnEditCannotApproveTheEditedPost() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = inReview(ws, "Ten percent off");
        String old = link(ws, id);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"caption\":\"Ninety percent off\"}")
                .patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        given().formParam("decision", "APPROVE").post(old).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socialroi.io/problems/post-changed"))
                .body("detail", containsString("new link"));
        given().accept("text/html").formParam("decision", "APPROVE").post(old).then().statusCode(409)
                .contentType(containsString("text/html")).body(containsString("The post has changed"));
        given().accept("text/html").get(old).then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("Ask for a new link")).body(not(containsString("Ninety percent off")))
                .body(not(containsString("<form")));
        assertEquals("IN_REVIEW", status(ws, id));
        assertEquals(0, count("select count(*) from approval_link where post_id = ?::uuid and used_at is not null", id));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then()
                .body("items.action", equalTo(List.of("created", "submit", "edited")));

        String fresh = link(ws, id);
        given().accept("text/html").get(fresh).then().statusCode(200).body(containsString("Ninety percent off"));
        given().formParam("decision", "APPROVE").post(fresh).then().statusCode(200);
        assertEquals("APPROVED", status(ws, id));
        given().formParam("decision", "APPROVE").post(old).then().statusCode(409);
    }

    /** Rejected in the app and submitted again unchanged: still a new review round, so the old link is stale. */
    @Test
    void aLinkFromBeforeARejectionAndResubmissionIsStale() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = inReview(ws, "Copy");
        String old = link(ws, id);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/reject").then().statusCode(200);
        given().formParam("decision", "APPROVE").post(old).then().statusCode(409);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"caption\":\"New copy\"}")
                .patch("/workspaces/" + ws + "/posts/" + id).then().statusCode(200);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        given().formParam("decision", "REJECT").post(old).then().statusCode(409)
                .body("type", equalTo("https://socialroi.io/problems/post-changed"));
        given().formParam("decision", "APPROVE").post(old).then().statusCode(409);
        assertEquals("IN_REVIEW", status(ws, id));
        String fresh = link(ws, id);
        given().formParam("decision", "REJECT").formParam("comment", "Still no").post(fresh).then().statusCode(200);
        assertEquals("DRAFT", status(ws, id));
    }

    @Test
    void creatingLinksNeedsWriteScopeAndAPostInReview() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = inReview(ws, "Copy");
        String url = "/workspaces/" + ws + "/posts/" + id + "/approval-links";
        given().post(url).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).post(url).then().statusCode(403);
        given().auth().oauth2(writer(Fixtures.workspace("UTC", "EUR"))).post(url).then().statusCode(404);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + UUID.randomUUID() + "/approval-links")
                .then().statusCode(404);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"expiresInHours\":0}").post(url).then()
                .statusCode(422).body("errors[0].field", equalTo("expiresInHours"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"expiresInHours\":\"x\"}").post(url)
                .then().statusCode(400);
        assertEquals(0, count("select count(*) from approval_link where post_id = ?::uuid", id));
        Instant expires = Instant.parse(given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"expiresInHours\":2}").post(url).then().statusCode(201).extract().path("expiresAt"));
        Duration left = Duration.between(Instant.now(), expires);
        org.junit.jupiter.api.Assertions.assertTrue(left.toMinutes() > 100 && left.toMinutes() <= 120, left.toString());
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/reject").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post(url).then().statusCode(409).contentType("application/problem+json");
    }
}
