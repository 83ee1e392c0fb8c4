package io.socialroi.content.webhook;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.count;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.content.Receivers;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookTest {

    static final String SECRET = "webhook-secret-0123456789";
    static final FakeServer RECEIVER = new FakeServer();
    static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void close() {
        RECEIVER.close();
    }

    static void subscribe(UUID ws, String events) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"url\":\"" + RECEIVER.url() + "/hook/" + ws + "\",\"secret\":\"" + SECRET + "\",\"events\":"
                        + events + "}").put("/workspaces/" + ws + "/webhooks").then().statusCode(200)
                .body("secretSet", equalTo(true));
    }

    static String approvedPost(UUID ws) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"X\",\"funnelStage\":\"TRUST\",\"caption\":\"Case study\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static List<FakeServer.Recorded> received(UUID ws) {
        return RECEIVER.requests().stream().filter(r -> r.path().equals("/hook/" + ws)).toList();
    }

    @Test
    void approvalAndPublicationAreSignedEvents() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/hook/" + ws, FakeServer.Reply.json(204, ""));
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}"));
        subscribe(ws, "[\"post.approved\",\"post.published\"]");
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"WEBHOOK\",\"url\":\"" + RECEIVER.url() + "/pub/" + ws + "\",\"secret\":\"" + SECRET
                        + "\"}").put("/workspaces/" + ws + "/publishers/X").then().statusCode(200);
        String id = approvedPost(ws);
        await("post.approved", () -> received(ws).size() == 1);
        FakeServer.Recorded approved = received(ws).get(0);
        Receivers.assertSigned(approved, SECRET);
        JsonNode body = JSON.readTree(approved.body());
        assertEquals("post.approved", body.get("type").asText());
        assertEquals("post.approved", approved.header("X-Suite-Event"));
        assertEquals(body.get("id").asText(), approved.header("X-Suite-Delivery"));
        assertEquals(id, body.get("data").get("post").get("id").asText());
        assertEquals("APPROVED", body.get("data").get("post").get("status").asText());
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + Instant.now() + "\"}")
                .post("/workspaces/" + ws + "/posts/" + id + "/schedule").then().statusCode(200);
        await("post.published", () -> received(ws).size() == 2);
        JsonNode published = JSON.readTree(received(ws).get(1).body());
        assertEquals("post.published", published.get("type").asText());
        assertEquals("PUBLISHED", published.get("data").get("post").get("status").asText());
        Receivers.assertSigned(received(ws).get(1), SECRET);
        await("both marked delivered", () -> count("select count(*) from webhook_delivery where workspace_id = ?"
                + " and status = 'DELIVERED' and delivered_at is not null", ws) == 2);
    }

    @Test
    void failedDeliveriesAreRetriedUnderTheSameDeliveryId() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        AtomicInteger calls = new AtomicInteger();
        RECEIVER.on("POST", "/hook/" + ws, r -> calls.incrementAndGet() <= 2
                ? FakeServer.Reply.json(503, "") : FakeServer.Reply.json(200, "{}"));
        subscribe(ws, "[\"post.approved\"]");
        approvedPost(ws);
        await("delivered on the third attempt", () -> count("select count(*) from webhook_delivery where workspace_id = ?"
                + " and status = 'DELIVERED' and attempts = 3", ws) == 1);
        List<FakeServer.Recorded> sent = received(ws);
        assertEquals(3, sent.size());
        for (FakeServer.Recorded r : sent) {
            assertEquals(sent.get(0).header("X-Suite-Delivery"), r.header("X-Suite-Delivery"));
            assertEquals(sent.get(0).body(), r.body());
            Receivers.assertSigned(r, SECRET);
        }
    }

    @Test
    void onlySubscribedEventsAreSent() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/hook/" + ws, FakeServer.Reply.json(200, "{}"));
        subscribe(ws, "[\"post.failed\"]");
        approvedPost(ws);
        assertEquals(0, count("select count(*) from webhook_delivery where workspace_id = ?", ws));
    }

    @Test
    void subscriptionIsValidatedAndScoped() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String url = "/workspaces/" + ws + "/webhooks";
        String ok = "{\"url\":\"https://hooks.example/x\",\"secret\":\"" + SECRET + "\",\"events\":[\"post.published\"]}";
        given().contentType(ContentType.JSON).body(ok).put(url).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON).body(ok).put(url)
                .then().statusCode(403);
        given().auth().oauth2(writer(Fixtures.workspace("UTC", "EUR"))).contentType(ContentType.JSON).body(ok).put(url)
                .then().statusCode(404);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok.replace("post.published", "post.liked"))
                .put(url).then().statusCode(422).body("errors[0].field", equalTo("events[0]"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok.replace("[\"post.published\"]", "[]"))
                .put(url).then().statusCode(422).body("errors[0].field", equalTo("events"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok.replace("https://hooks.example/x", "ftp:x"))
                .put(url).then().statusCode(422).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"url\":").put(url).then().statusCode(400);
        given().auth().oauth2(writer(ws)).get(url).then().statusCode(404);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok).put(url).then().statusCode(200);
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).get(url).then().statusCode(200)
                .body("events", equalTo(List.of("post.published"))).body("secret", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(writer(ws)).delete(url).then().statusCode(204);
        given().auth().oauth2(writer(ws)).get(url).then().statusCode(404);
    }
}
