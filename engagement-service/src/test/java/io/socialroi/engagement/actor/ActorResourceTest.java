package io.socialroi.engagement.actor;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.engagement.Api;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActorResourceTest {

    private final UUID ws = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final UUID trustPost = UUID.randomUUID();
    private final UUID attentionPost = UUID.randomUUID();

    @BeforeEach
    void history() {
        Api.registerPost(ws, trustPost, campaign, "INSTAGRAM", "TRUST", null, null);
        Api.registerPost(ws, attentionPost, null, "INSTAGRAM", "ATTENTION", null, null);
        send(ws, "[" + event("a1", "DM", trustPost, "ig:a", "2026-11-18T10:05:00Z", ",\"retargeting\":true") + ","
                + event("a2", "LIKE", trustPost, "ig:a", "2026-11-18T11:05:00Z", "") + ","
                + event("b1", "LIKE", attentionPost, "ig:b", "2026-11-18T10:10:00Z", "") + ","
                + event("b2", "LIKE", attentionPost, "ig:b", "2026-11-18T12:10:00Z", "") + ","
                + event("b3", "IMPRESSION", attentionPost, "ig:b", "2026-11-18T12:10:00Z", "") + ","
                + event("c1", "SAVE", trustPost, "ig:c", "2026-11-10T10:00:00Z", "") + "]").then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse search(String body) {
        return given().auth().oauth2(Api.service()).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/actors/search").then();
    }

    @Test
    void engagedActorsSinceAnInstantWithTheirIntent() {
        search("{\"since\":\"2026-11-17T00:00:00Z\"}").statusCode(200).body("items.actorId", equalTo(List.of("ig:a", "ig:b")))
                .body("items[0].events", equalTo(2)).body("items[0].retargeted", equalTo(true))
                .body("items[0].intentScore", equalTo(55.0f)).body("items[0].platform", equalTo("INSTAGRAM"))
                .body("items[0].lastEngagedAt", equalTo("2026-11-18T11:05:00Z"))
                .body("items[1].events", equalTo(2)).body("items[1].retargeted", equalTo(false))
                .body("items[1].intentScore", equalTo(10.0f)).body("nextCursor", nullValue());
        search("{\"since\":\"2026-11-17T00:00:00Z\",\"funnelStages\":[\"TRUST\"]}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:a")));
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"campaignId\":\"" + campaign + "\"}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:a", "ig:c")));
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"minIntent\":50}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:a", "ig:c")));
        search("{\"since\":\"2026-11-18T12:00:00Z\"}").statusCode(200).body("items.actorId", equalTo(List.of("ig:b")));
    }

    @Test
    void viewsCountSoPeopleWhoWatchedTheVideoAreAnAudience() {
        UUID video = UUID.randomUUID();
        Api.registerPost(ws, video, campaign, "INSTAGRAM", "INTEREST", null, null);
        send(ws, "[" + event("v1", "VIEW", video, "ig:watcher1", "2026-11-18T15:00:00Z", "") + ","
                + event("v2", "VIEW", video, "ig:watcher2", "2026-11-18T15:10:00Z", "") + ","
                + event("v3", "VIEW", video, "ig:watcher2", "2026-11-18T15:20:00Z", "") + ","
                + event("v4", "IMPRESSION", video, "ig:scroller", "2026-11-18T15:00:00Z", "") + "]").then()
                .statusCode(200);
        search("{\"since\":\"2026-11-18T13:00:00Z\",\"types\":[\"VIEW\"]}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:watcher1", "ig:watcher2")))
                .body("items[1].events", equalTo(2)).body("items[1].intentScore", equalTo(5.0f));
        // By default every type but IMPRESSION: the watchers, and ig:b's like at 12:10; not the scroller.
        search("{\"since\":\"2026-11-18T12:00:00Z\",\"funnelStages\":[\"INTEREST\"]}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:watcher1", "ig:watcher2")));
        search("{\"since\":\"2026-11-18T12:00:00Z\"}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:b", "ig:watcher1", "ig:watcher2")));
        search("{\"since\":\"2026-11-18T12:00:00Z\",\"types\":[\"IMPRESSION\"]}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:b", "ig:scroller")));
        search("{\"since\":\"2026-11-18T12:00:00Z\",\"types\":[\"WATCH\"]}").statusCode(400);
        search("{\"since\":\"2026-11-18T12:00:00Z\",\"types\":[null]}").statusCode(422);
    }

    @Test
    void flaggedActorsAreLeftOutUnlessAskedFor() {
        // ig:a bursts 10 days before the search (flagged: within its 30-day lifetime); ig:c burst 40 days before.
        StringBuilder burst = new StringBuilder("[");
        UUID elsewhere = UUID.randomUUID();
        for (int k = 0; k < 25; k++) {
            burst.append(k == 0 ? "" : ",").append(event("ba" + k, "LIKE", elsewhere, "ig:a", "2026-11-08T10:00:"
                    + (10 + k) + "Z", "")).append(",").append(event("bc" + k, "LIKE", elsewhere, "ig:c",
                            "2026-10-01T10:00:" + (10 + k) + "Z", ""));
        }
        send(ws, burst.append("]").toString()).then().statusCode(200);
        search("{\"since\":\"2026-11-17T00:00:00Z\"}").statusCode(200).body("items.actorId", equalTo(List.of("ig:b")));
        search("{\"since\":\"2026-11-17T00:00:00Z\",\"includeFlagged\":true}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:a", "ig:b")));
        // ig:c's SAVE of 2026-11-10 counts: its burst was more than 30 days before.
        search("{\"since\":\"2026-11-09T00:00:00Z\",\"campaignId\":\"" + campaign + "\"}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:c")));
    }

    @Test
    void pagesByActorId() {
        String cursor = search("{\"since\":\"2026-11-01T00:00:00Z\",\"limit\":2}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:a", "ig:b"))).extract().path("nextCursor");
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"limit\":2,\"cursor\":\"" + cursor + "\"}").statusCode(200)
                .body("items.actorId", equalTo(List.of("ig:c"))).body("nextCursor", nullValue());
    }

    @Test
    void badSearchesAuthAndTenancy() {
        search("{}").statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"limit\":0}").statusCode(422).body("errors[0].field", equalTo("limit"));
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"minIntent\":101}").statusCode(422);
        search("{\"since\":\"last week\"}").statusCode(400).contentType("application/problem+json");
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"funnelStages\":[\"BUY\"]}").statusCode(400);
        search("{\"since\":\"2026-11-01T00:00:00Z\",\"cursor\":\"%%%\"}").statusCode(422)
                .body("errors[0].field", equalTo("cursor"));
        String path = "/workspaces/" + ws + "/actors/search";
        String body = "{\"since\":\"2026-11-01T00:00:00Z\"}";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        given().auth().oauth2(Api.writer(ws)).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        // A service-to-service endpoint: a workspace's own reader is refused too (CONTRACTS.md).
        given().auth().oauth2(Api.reader(ws)).contentType(ContentType.JSON).body(body).post(path).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(io.socialroi.testing.TestTokens.serviceFor(UUID.randomUUID(), "engagement:read"))
                .contentType(ContentType.JSON).body(body).post(path).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
