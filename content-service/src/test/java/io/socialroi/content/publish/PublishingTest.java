package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import io.socialroi.content.Receivers;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublishingTest {

    static final String SECRET = "publisher-secret-0123456789";
    static final FakeServer RECEIVER = new FakeServer();
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PostPublisher publisher;

    @AfterAll
    static void close() {
        RECEIVER.close();
    }

    static void configure(UUID ws, String platform) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"type\":\"WEBHOOK\",\"url\":\"" + RECEIVER.url() + "/pub/" + ws + "\",\"secret\":\"" + SECRET
                        + "\"}").put("/workspaces/" + ws + "/publishers/" + platform).then().statusCode(200)
                .body("platform", equalTo(platform)).body("secretSet", equalTo(true))
                .body("url", equalTo(RECEIVER.url() + "/pub/" + ws));
    }

    /** An approved INSTAGRAM post (with its picture, which Instagram requires) with a landing URL. */
    static String approved(UUID ws) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"INSTAGRAM\",\"funnelStage\":\"ACTION\",\"caption\":\"Buy\","
                        + "\"mediaUrls\":[\"https://cdn.shop.example/p.jpg\"],\"landingUrl\":\"https://shop.example/p\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static void scheduleNow(UUID ws, String id) {
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"scheduledAt\":\"" + Instant.now() + "\"}")
                .post("/workspaces/" + ws + "/posts/" + id + "/schedule").then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
    }

    static String status(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().extract().path("status");
    }

    static List<FakeServer.Recorded> received(UUID ws) {
        return RECEIVER.requests().stream().filter(r -> r.path().equals("/pub/" + ws)).toList();
    }

    @Test
    void publishesOnceSignedWithTheTrackedLink() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}"));
        configure(ws, "INSTAGRAM");
        String id = approved(ws);
        scheduleNow(ws, id);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        List<FakeServer.Recorded> sent = received(ws);
        assertEquals(1, sent.size());
        Receivers.assertSigned(sent.get(0), SECRET);
        JsonNode body = JSON.readTree(sent.get(0).body());
        var post = given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("publishing.attempts", equalTo(1)).body("publishing.publishedAt", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        assertEquals(post.getString("publishing.deliveryId"), sent.get(0).header("X-Suite-Delivery"));
        assertEquals(post.getString("publishing.deliveryId"), body.get("deliveryId").asText());
        assertEquals(id, body.get("postId").asText());
        assertEquals("Buy", body.get("caption").asText());
        assertEquals(post.getString("trackedLink.url"), body.get("trackedLink").get("url").asText());
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id + "/history").then()
                .body("items.action", equalTo(List.of("created", "submit", "approve", "schedule", "publishing",
                        "published")))
                .body("items[5].actor", equalTo("publisher"));
    }

    @Test
    void retriesUnderOneDeliveryIdThenFailsWithTheReasonAndRetryStartsAgain() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(500, "{}"));
        configure(ws, "INSTAGRAM");
        String id = approved(ws);
        scheduleNow(ws, id);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        String url = "/workspaces/" + ws + "/posts/" + id;
        given().auth().oauth2(writer(ws)).get(url).then().body("publishing.attempts", equalTo(3))
                .body("publishing.failureReason", equalTo("receiver answered HTTP 500"));
        List<FakeServer.Recorded> sent = received(ws);
        assertEquals(3, sent.size());
        String delivery = sent.get(0).header("X-Suite-Delivery");
        for (FakeServer.Recorded r : sent) {
            assertEquals(delivery, r.header("X-Suite-Delivery"));
            assertEquals(sent.get(0).body(), r.body());
            Receivers.assertSigned(r, SECRET);
        }
        // Failed posts cannot be unscheduled, but can be retried.
        given().auth().oauth2(writer(ws)).post(url + "/unschedule").then().statusCode(409);
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(202, ""));
        given().auth().oauth2(writer(ws)).post(url + "/retry").then().statusCode(200).body("status", equalTo("SCHEDULED"));
        await("publication after retry", () -> "PUBLISHED".equals(status(ws, id)));
        assertEquals(4, received(ws).size());
        assertEquals(delivery, received(ws).get(3).header("X-Suite-Delivery"));
        given().auth().oauth2(writer(ws)).get(url).then().body("publishing.attempts", equalTo(1))
                .body("publishing.failureReason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aPublisherThatRefusesThePostFailsItAtOnceButATooManyRequestsIsRetried() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(422, "{\"error\":\"caption too long\"}"));
        configure(ws, "INSTAGRAM");
        String id = approved(ws);
        scheduleNow(ws, id);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("publishing.attempts", equalTo(1))
                .body("publishing.failureReason", equalTo("receiver refused it with HTTP 422"));
        assertEquals(1, received(ws).size());

        UUID busy = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + busy, FakeServer.Reply.json(429, "{}"));
        configure(busy, "INSTAGRAM");
        String later = approved(busy);
        scheduleNow(busy, later);
        await("failure after retries", () -> "FAILED".equals(status(busy, later)));
        given().auth().oauth2(writer(busy)).get("/workspaces/" + busy + "/posts/" + later).then()
                .body("publishing.attempts", equalTo(3))
                .body("publishing.failureReason", equalTo("receiver answered HTTP 429"));
    }

    @Test
    void withoutPublisherThePostFailsWithThatReason() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String id = approved(ws);
        scheduleNow(ws, id);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then()
                .body("publishing.failureReason", equalTo("no publisher configured for this platform"));
    }

    /**
     * Several schedulers (this test's workers, as separate replicas would be, plus the application's own) race
     * for the same due posts on one database; every post must reach the receiver exactly once.
     */
    @Test
    void competingSchedulersPublishEachPostExactlyOnce() throws Exception {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        RECEIVER.on("POST", "/pub/" + ws, FakeServer.Reply.json(200, "{}").delayed(20));
        configure(ws, "INSTAGRAM");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ids.add(approved(ws));
        }
        ids.forEach(id -> scheduleNow(ws, id));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                runs.add(workers.submit(() -> {
                    int made = 0;
                    for (int round = 0; round < 20; round++) {
                        made += publisher.publishDue();
                    }
                    return made;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            workers.shutdown();
        }
        await("all published", () -> ids.stream().allMatch(id -> "PUBLISHED".equals(status(ws, id))));
        Map<String, Long> perPost = received(ws).stream().map(r -> {
            try {
                return JSON.readTree(r.body()).get("postId").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), perPost);
    }

    @Test
    void publisherConfigurationIsValidatedAndScoped() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String url = "/workspaces/" + ws + "/publishers/";
        String ok = "{\"type\":\"WEBHOOK\",\"url\":\"https://hooks.example/x\",\"secret\":\"" + SECRET + "\"}";
        given().contentType(ContentType.JSON).body(ok).put(url + "X").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).contentType(ContentType.JSON).body(ok)
                .put(url + "X").then().statusCode(403);
        given().auth().oauth2(writer(Fixtures.workspace("UTC", "EUR"))).contentType(ContentType.JSON).body(ok)
                .put(url + "X").then().statusCode(404);
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok).put(url + "MYSPACE").then()
                .statusCode(422).body("errors[0].field", equalTo("platform"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok.replace("WEBHOOK", "CARRIER_PIGEON"))
                .put(url + "X").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok.replace(SECRET, "short"))
                .put(url + "X").then().statusCode(422).body("errors[0].field", equalTo("secret"));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok.replace("https://hooks.example/x", "x"))
                .put(url + "X").then().statusCode(422).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(ok).put(url + "x").then().statusCode(200);
        given().auth().oauth2(TestTokens.workspace(ws, "content:read")).get(url + "X").then().statusCode(200)
                .body("type", equalTo("WEBHOOK")).body("secret", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(writer(ws)).get(url + "TIKTOK").then().statusCode(404);
    }
}
