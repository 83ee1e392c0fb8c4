package io.socialroi.conversion.audience;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Editing an audience (issue 16): a merge patch of its name and rules, validated as a create, all or nothing. */
@QuarkusTest
class AudienceEditTest {

    static final String CAMPAIGN = "44444444-4444-4444-4444-444444444444";

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    private String create(UUID ws) {
        return as(ws).body("{\"name\":\"Warm\",\"engagedWithinDays\":14,\"campaignId\":\"" + CAMPAIGN + "\","
                + "\"funnelStages\":[\"TRUST\"],\"minIntent\":40,\"excludeConverted\":true}")
                .post("/workspaces/" + ws + "/audiences").then().statusCode(201).extract().path("id");
    }

    /** name | days | campaign | stages | minIntent | excludeConverted | eventTypes (null = the default set). */
    private String row(String id) throws Exception {
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("SELECT name, engaged_within_days, "
                + "campaign_id, array_to_string(funnel_stages, ','), min_intent, exclude_converted, "
                + "array_to_string(event_types, ',') FROM audience WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                    + (rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).stripTrailingZeros().toPlainString())
                    + "|" + rs.getBoolean(6) + "|" + rs.getString(7);
        }
    }

    @Test
    void thePatchedFieldsChangeAndTheOthersStay() throws Exception {
        UUID ws = fakes.workspace();
        String id = create(ws);
        String path = "/workspaces/" + ws + "/audiences/" + id;
        as(ws).body("{\"name\":\" Hot, not bought \",\"engagedWithinDays\":7,\"funnelStages\":[\"ACTION\",\"TRUST\"],"
                + "\"minIntent\":60.5,\"eventTypes\":[\"CLICK\",\"DM\"]}").patch(path).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("Hot, not bought")).body("engagedWithinDays", equalTo(7))
                .body("campaignId", equalTo(CAMPAIGN)).body("funnelStages", contains("ACTION", "TRUST"))
                .body("minIntent", equalTo(60.5f)).body("excludeConverted", equalTo(true))
                .body("eventTypes", contains("CLICK", "DM"));
        assertEquals("Hot, not bought|7|" + CAMPAIGN + "|ACTION,TRUST|60.5|true|CLICK,DM", row(id));
        as(ws).get(path).then().statusCode(200).body("name", equalTo("Hot, not bought"));

        // null clears an optional rule; eventTypes null is the default set again (stored as NULL).
        as(ws).body("{\"campaignId\":null,\"minIntent\":null,\"excludeConverted\":false,\"eventTypes\":null}")
                .patch(path).then().statusCode(200).body("campaignId", nullValue()).body("minIntent", nullValue())
                .body("excludeConverted", equalTo(false)).body("name", equalTo("Hot, not bought"));
        assertEquals("Hot, not bought|7|null|ACTION,TRUST|null|false|null", row(id));
        // A rename keeps the stored default event types as the default (NULL), not a copy of today's set.
        as(ws).body("{\"name\":\"Renamed\"}").patch(path).then().statusCode(200);
        assertEquals("Renamed|7|null|ACTION,TRUST|null|false|null", row(id));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        UUID ws = fakes.workspace();
        String id = create(ws);
        String path = "/workspaces/" + ws + "/audiences/" + id;
        String before = row(id);
        as(ws).body("{\"name\":\"\"}").patch(path).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("name"));
        as(ws).body("{\"name\":null}").patch(path).then().statusCode(422).body("errors[0].field", equalTo("name"));
        as(ws).body("{\"engagedWithinDays\":400}").patch(path).then().statusCode(422)
                .body("errors[0].field", equalTo("engagedWithinDays"));
        as(ws).body("{\"minIntent\":101}").patch(path).then().statusCode(422)
                .body("errors[0].field", equalTo("minIntent"));
        as(ws).body("{\"eventTypes\":[\"HUG\"]}").patch(path).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", startsWith("eventTypes"));
        as(ws).body("{\"eventTypes\":[]}").patch(path).then().statusCode(422);
        as(ws).body("{\"funnelStages\":[\"NOPE\"]}").patch(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(ws).body("{\"engagedWithinDays\":\"seven\"}").patch(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        as(ws).body("{\"name\":").patch(path).then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(ws).body("[1]").patch(path).then().statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(before, row(id));
        as(ws).body("{\"name\":\"X\"}").patch("/workspaces/" + ws + "/audiences/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
        as(ws).body("{\"name\":\"X\"}").patch("/workspaces/" + ws + "/audiences/not-a-uuid").then().statusCode(404);
    }

    @Test
    void onlyAWriterOfThisWorkspaceEdits() throws Exception {
        UUID ws = fakes.workspace();
        String id = create(ws);
        String path = "/workspaces/" + ws + "/audiences/" + id;
        String before = row(id);
        for (String token : List.of(TestTokens.workspace(ws, "conversions:read"),
                TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "conversions:read"))) {
            RestAssured.given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"Sneaky\"}")
                    .patch(path).then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        RestAssured.given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "conversions:write"))
                .contentType("application/json").body("{\"name\":\"Sneaky\"}").patch(path).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertEquals(before, row(id));
    }
}
