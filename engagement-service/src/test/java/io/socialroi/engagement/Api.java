package io.socialroi.engagement;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.socialroi.testing.TestTokens;
import java.util.UUID;

/** Small helpers for the resource tests: register posts and send events as an integration would. */
public final class Api {

    private Api() {
    }

    public static String writer(UUID ws) {
        return TestTokens.workspace(ws, "engagement:write");
    }

    public static String reader(UUID ws) {
        return TestTokens.workspace(ws, "engagement:read");
    }

    /** content-service's token for the post directory: a service token bound to the workspace, engagement:write. */
    public static String directoryWriter(UUID ws) {
        return TestTokens.serviceFor(ws, "engagement:write");
    }

    /** conversion- or reporting-service's token: group service with the read scopes, every workspace. */
    public static String service() {
        return TestTokens.service("content:read", "engagement:read", "conversions:read", "reports:read");
    }

    public static void registerPost(UUID ws, UUID post, UUID campaign, String platform, String stage, String code,
            String destination) {
        String link = code == null ? "null" : "{\"code\":\"" + code + "\",\"destination\":\"" + destination + "\"}";
        String campaignJson = campaign == null ? "null" : "\"" + campaign + "\"";
        given().auth().oauth2(directoryWriter(ws)).contentType(ContentType.JSON)
                .body("{\"campaignId\":" + campaignJson + ",\"platform\":\"" + platform + "\",\"funnelStage\":\""
                        + stage + "\",\"trackedLink\":" + link + "}")
                .put("/workspaces/" + ws + "/posts/" + post).then().statusCode(200);
    }

    /** One event as JSON; {@code extra} is appended inside the object (e.g. {@code ,"attributes":{...}}). */
    public static String event(String id, String type, UUID post, String actor, String occurredAt, String extra) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"platform\":\"INSTAGRAM\","
                + (post == null ? "" : "\"postId\":\"" + post + "\",") + "\"actorId\":\"" + actor
                + "\",\"occurredAt\":\"" + occurredAt + "\"" + extra + "}";
    }

    public static Response send(UUID ws, String body) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/events");
    }
}
