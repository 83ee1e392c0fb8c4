package io.socialroi.engagement.journey;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialroi.engagement.Api;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /journeys/search} on PostgreSQL: events ingested through the API, posts registered in the directory,
 * then the aggregated paths of the actors engaged in a period, with the exclusion list, flagged actors, the period's
 * bounds and bad bodies.
 */
@QuarkusTest
class JourneyResourceTest {

    private final UUID ws = UUID.randomUUID();
    private final UUID ig = UUID.randomUUID();
    private final UUID tt = UUID.randomUUID();
    private final UUID fb = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();

    private ValidatableResponse search(String body) {
        return given().auth().oauth2(Api.service()).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/journeys/search").then();
    }

    private static String body(String groupBy, String extra) {
        return "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\",\"groupBy\":\"" + groupBy + "\""
                + extra + "}";
    }

    /**
     * a1, a2: INSTAGRAM then TIKTOK (a2 also likes the Instagram post again before its TikTok view); a3: TIKTOK only;
     * a4: FACEBOOK (campaign of the event), then a touch the day before the period and one on its last instant + 1;
     * a5 converted (excluded by the caller); bot: 25 likes in one minute (flagged). Impressions are not counted.
     */
    private void history() {
        Api.registerPost(ws, ig, null, "INSTAGRAM", "ATTENTION", null, null);
        Api.registerPost(ws, tt, null, "TIKTOK", "INTEREST", null, null);
        Api.registerPost(ws, fb, null, "FACEBOOK", "TRUST", null, null);
        String bot = IntStream.range(0, 25).mapToObj(k -> event("bot" + k, "LIKE", ig, "ig:bot",
                "2026-11-10T10:00:" + (10 + k) + "Z", "")).collect(Collectors.joining(","));
        send(ws, "[" + String.join(",", List.of(
                event("a1-1", "LIKE", ig, "a1", "2026-11-03T10:00:00Z", ""),
                event("a1-2", "VIEW", tt, "a1", "2026-11-04T10:00:00Z", ""),
                event("a2-1", "LIKE", ig, "a2", "2026-11-05T10:00:00Z", ""),
                event("a2-2", "COMMENT", ig, "a2", "2026-11-05T11:00:00Z", ""),
                event("a2-3", "VIEW", tt, "a2", "2026-11-06T10:00:00Z", ""),
                event("a2-0", "IMPRESSION", fb, "a2", "2026-11-02T10:00:00Z", ""),
                event("a3-1", "SAVE", tt, "a3", "2026-11-07T10:00:00Z", ""),
                event("a4-0", "LIKE", ig, "a4", "2026-10-31T23:59:59Z", ""),
                event("a4-1", "CLICK", fb, "a4", "2026-11-01T00:00:00Z", ",\"campaignId\":\"" + campaign + "\""),
                event("a4-2", "LIKE", tt, "a4", "2026-12-01T00:00:00Z", ""),
                event("a5-1", "LIKE", ig, "a5", "2026-11-08T10:00:00Z", ""),
                event("a5-2", "DM", null, "a5", "2026-11-08T11:00:00Z", ""),
                bot)) + "]").then().statusCode(200);
    }

    @Test
    void aggregatedPathsOfTheActorsNotExcludedNorFlagged() {
        history();
        // One journey per actor; a2's repeat on Instagram is its own step (no maxLength: the touches as they are).
        search(body("PLATFORM", ",\"excludeActors\":[\"a5\",\"nobody\"]")).statusCode(200)
                .body("actors", equalTo(4)).body("paths", equalTo(4)).body("truncated", equalTo(false))
                .body("omittedJourneys", equalTo(0))
                .body("items.path", equalTo(List.of(List.of("FACEBOOK"), List.of("INSTAGRAM", "INSTAGRAM", "TIKTOK"),
                        List.of("INSTAGRAM", "TIKTOK"), List.of("TIKTOK"))))
                .body("items.journeys", equalTo(List.of(1, 1, 1, 1)));
        // maxLength: consecutive repeats collapsed, so a1 and a2 took one path.
        search(body("PLATFORM", ",\"excludeActors\":[\"a5\"],\"maxLength\":5")).statusCode(200)
                .body("items[0].path", equalTo(List.of("INSTAGRAM", "TIKTOK"))).body("items[0].journeys", equalTo(2));
    }

    @Test
    void withoutExclusionTheConvertedActorCountsAndGroupingsFollowTheDirectory() {
        history();
        search(body("FUNNEL_STAGE", ",\"maxLength\":5")).statusCode(200).body("actors", equalTo(5))
                .body("items[0].path", equalTo(List.of("ATTENTION", "INTEREST"))).body("items[0].journeys", equalTo(2))
                // a5: the Instagram like, then a DM without a post (no stage of its own but the event's: none).
                .body("items.find { it.path == ['ATTENTION', null] }.journeys", equalTo(1));
        search(body("CAMPAIGN", ",\"excludeActors\":[\"a1\",\"a2\",\"a3\",\"a5\"]")).statusCode(200)
                .body("actors", equalTo(1)).body("items[0].path", equalTo(List.of(campaign.toString())));
        search(body("POST", ",\"excludeActors\":[\"a1\",\"a2\",\"a4\",\"a5\"]")).statusCode(200)
                .body("items[0].path", equalTo(List.of(tt.toString())));
    }

    @Test
    void theFlaggedActorAndThePeriodBounds() {
        history();
        // ig:bot's 25 likes are in no answer; a4's touches of 10-31 and 12-01 are outside [from, to).
        search(body("PLATFORM", "")).statusCode(200)
                .body("actors", equalTo(5)).body("items.findAll { it.path.size() == 25 }.size()", equalTo(0))
                .body("items.find { it.path == ['FACEBOOK'] }.journeys", equalTo(1));
        search("{\"from\":\"2026-10-31T00:00:00Z\",\"to\":\"2026-12-02T00:00:00Z\",\"groupBy\":\"PLATFORM\","
                + "\"excludeActors\":[\"a1\",\"a2\",\"a3\",\"a5\"]}").statusCode(200).body("actors", equalTo(1))
                .body("items[0].path", equalTo(List.of("INSTAGRAM", "FACEBOOK", "TIKTOK")));
        search("{\"from\":\"2026-11-07T00:00:00Z\",\"to\":\"2026-11-07T10:00:00Z\",\"groupBy\":\"PLATFORM\"}")
                .statusCode(200).body("actors", equalTo(0)).body("items.size()", equalTo(0));
        // Only the chosen types: impressions asked for, a2's impression on Facebook is its first step.
        search(body("PLATFORM", ",\"eventTypes\":[\"IMPRESSION\"]")).statusCode(200)
                .body("items.path", equalTo(List.of(List.of("FACEBOOK"))));
    }

    @Test
    void badBodiesAre422ProblemsAndOnlyServicesMayAsk() {
        search("{\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-11-01T00:00:00Z\",\"groupBy\":\"PLATFORM\"}")
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        search(body("DAY", "")).statusCode(422).body("errors[0].field", equalTo("groupBy"));
        search("{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}").statusCode(422)
                .body("errors[0].field", equalTo("groupBy"));
        search("{\"to\":\"2026-12-01T00:00:00Z\",\"groupBy\":\"PLATFORM\"}").statusCode(422)
                .body("errors[0].field", equalTo("from"));
        String many = Arrays.stream(new String[50_001]).map(x -> "\"x\"").collect(Collectors.joining(","));
        search(body("PLATFORM", ",\"excludeActors\":[" + many + "]")).statusCode(422)
                .body("errors[0].field", equalTo("excludeActors"));
        search(body("PLATFORM", ",\"excludeActors\":[\"\"]")).statusCode(422)
                .body("errors[0].field", equalTo("excludeActors"));
        search(body("PLATFORM", ",\"maxLength\":1")).statusCode(422).body("errors[0].field", equalTo("maxLength"));
        search(body("PLATFORM", ",\"eventTypes\":[\"WATCH\"]")).statusCode(400).contentType("application/problem+json");
        search("{\"from\":\"yesterday\"}").statusCode(400);
        given().auth().oauth2(Api.reader(ws)).contentType(ContentType.JSON).body(body("PLATFORM", ""))
                .post("/workspaces/" + ws + "/journeys/search").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body("PLATFORM", ""))
                .post("/workspaces/" + ws + "/journeys/search").then().statusCode(401);
    }
}
