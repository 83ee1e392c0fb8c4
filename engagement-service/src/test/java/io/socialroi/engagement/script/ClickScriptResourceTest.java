package io.socialroi.engagement.script;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socialroi.testing.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /s/{workspaceId}.js}: the click script, public, cacheable, workspace-specific; malformed ids and
 * lookbacks are problems. What the script does in a browser: system-tests ClickScriptBrowserIT.
 */
@QuarkusTest
class ClickScriptResourceTest {

    private final UUID ws = UUID.randomUUID();

    @Test
    void servesTheWorkspacesScriptWithoutAToken() {
        Response response = given().get("/s/" + ws + ".js");
        response.then().statusCode(200);
        assertEquals("text/javascript;charset=utf-8", response.contentType().replace(" ", ""));
        assertEquals("public, max-age=3600", response.header("Cache-Control"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("cross-origin", response.header("Cross-Origin-Resource-Policy"));
        assertTrue(response.header("ETag").matches("\"[0-9a-f]{32}\""), response.header("ETag"));
        assertNull(response.header("Set-Cookie"), "the script endpoint sets no cookie");
        String body = response.asString();
        assertTrue(body.contains("var WORKSPACE = '" + ws + "';"), body);
        assertTrue(body.contains("var NAME = 'smclid_" + ws + "';"), body);
        assertTrue(body.contains("var LOOKBACK_MS = 30 * 86400000;"), "default lookback 30 days");
        assertFalse(body.contains("{{"), "every placeholder is filled");
        assertTrue(body.length() < 16_384, "small: " + body.length());
    }

    @Test
    void anotherWorkspaceGetsItsOwnCookieName() {
        UUID other = UUID.randomUUID();
        String mine = given().get("/s/" + ws + ".js").then().statusCode(200).extract().asString();
        String theirs = given().get("/s/" + other + ".js").then().statusCode(200).extract().asString();
        assertTrue(theirs.contains("'smclid_" + other + "'"));
        assertFalse(theirs.contains(ws.toString()));
        assertNotEquals(mine, theirs);
        // An upper-case id is the same workspace: the same cookie, the same script and ETag.
        Response upper = given().get("/s/" + ws.toString().toUpperCase() + ".js");
        upper.then().statusCode(200);
        assertEquals(mine, upper.asString());
        assertEquals(given().get("/s/" + ws + ".js").header("ETag"), upper.header("ETag"));
    }

    @Test
    void lookbackDaysSetsHowLongTheIdIsKept() {
        Response ninety = given().queryParam("lookbackDays", "90").get("/s/" + ws + ".js");
        ninety.then().statusCode(200);
        assertTrue(ninety.asString().contains("var LOOKBACK_MS = 90 * 86400000;"));
        Response one = given().queryParam("lookbackDays", "1").get("/s/" + ws + ".js");
        assertTrue(one.asString().contains("var LOOKBACK_MS = 1 * 86400000;"));
        assertNotEquals(ninety.header("ETag"), one.header("ETag"));
        // Empty is the default, as absent.
        assertTrue(given().get("/s/" + ws + ".js?lookbackDays=").then().statusCode(200).extract().asString()
                .contains("var LOOKBACK_MS = 30 * 86400000;"));
    }

    @Test
    void theEtagRevalidatesWithoutABody() {
        Response first = given().get("/s/" + ws + ".js");
        Response again = given().header("If-None-Match", first.header("ETag")).get("/s/" + ws + ".js");
        again.then().statusCode(304);
        assertEquals("", again.asString());
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals("public, max-age=3600", again.header("Cache-Control"));
        // Another lookback is another script: the old tag does not match it.
        given().header("If-None-Match", first.header("ETag")).get("/s/" + ws + ".js?lookbackDays=7").then()
                .statusCode(200);
    }

    @Test
    void aTokenChangesNothing() {
        String anonymous = given().get("/s/" + ws + ".js").asString();
        // A token of another workspace: the script is public and the same for everyone.
        String withToken = given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "engagement:read"))
                .get("/s/" + ws + ".js").then().statusCode(200).extract().asString();
        assertEquals(anonymous, withToken);
    }

    @Test
    void aMalformedWorkspaceIdIsANotFoundProblemThatEchoesNothing() {
        for (String id : List.of("not-a-workspace", "1-1-1-1-1", ws + "0", ws.toString().substring(1),
                "3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8g", "%27%3Balert(1)%2F%2F",
                "3f0c2b9e-6a51-4c7e-9d2a-0b1e5f6a7c8d%27")) {
            Response response = given().urlEncodingEnabled(false).get("/s/" + id + ".js");
            assertEquals(404, response.statusCode(), id);
            assertEquals("application/problem+json", response.contentType().split(";")[0], id);
            assertEquals(404, response.jsonPath().getInt("status"), id);
            assertFalse(response.asString().contains("alert"), response.asString());
            assertFalse(response.asString().contains("not-a-workspace"), response.asString());
        }
        // Without ".js" it is no script at all.
        given().get("/s/" + ws).then().statusCode(404);
    }

    @Test
    void aLookbackOutsideOneToNinetyDaysIsAProblem() {
        for (String days : List.of("0", "91", "365", "-1", "1.5", "abc", "30d", " 30", "0030", "1e1")) {
            Response response = given().queryParam("lookbackDays", days).get("/s/" + ws + ".js");
            assertEquals(422, response.statusCode(), days + ": " + response.asString());
            assertEquals("application/problem+json", response.contentType().split(";")[0], days);
            assertEquals("lookbackDays", response.jsonPath().getString("errors[0].field"), days);
            assertEquals("must be a whole number from 1 to 90", response.jsonPath().getString("errors[0].message"));
        }
    }
}
