package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import io.socialroi.engagement.Db;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, click floods: what a user reads in the summary after a flood, after a NAT full of real visitors, and
 * after a client tries to pick its visitor id. Every visitor, the flooding one included, is redirected (302).
 */
@QuarkusTest
class ClickFloodTest {

    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    /** suite.rate-limit.redirect.burst / per-minute (application.properties). */
    private static final int BURST = 60;
    private static final int PER_MINUTE = 60;

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final String code = "fl" + UUID.randomUUID().toString().substring(0, 8);

    private Response click(String link, String cookie) {
        var spec = given().redirects().follow(false).header("User-Agent", BROWSER);
        if (cookie != null) {
            spec = spec.cookie("smv", cookie);
        }
        Response response = spec.get("/r/" + link);
        response.then().statusCode(302);
        return response;
    }

    /** The summary's totals, as a user of the dashboard reads them. */
    private JsonPath totals(UUID workspace) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return given().auth().oauth2(Api.reader(workspace)).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).queryParam("groupBy", "post")
                .get("/workspaces/" + workspace + "/engagement/summary").then().statusCode(200).extract().jsonPath()
                .setRootPath("totals");
    }

    @Test
    void twoHundredClicksOfOneVisitorAreOneClickOfOneActor() {
        ContentFake.workspace(ws, "UTC");
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/p");
        Response first = click(code, null);
        String cookie = first.cookie("smv");
        String smclid = first.header("Location").replaceAll(".*smclid=", "");
        for (int i = 1; i < 200; i++) {
            // A browser keeps its cookie: every repeat is sent on with the same click id.
            assertEquals(smclid, click(code, cookie).header("Location").replaceAll(".*smclid=", ""));
        }
        JsonPath totals = totals(ws);
        assertEquals(1, totals.getInt("counts.CLICK"));
        assertEquals(1, totals.getInt("uniqueActors"));
        assertEquals(1, totals.getInt("clickedActors"));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }

    @Test
    void realVisitorsBehindOneAddressAreCountedEach() {
        ContentFake.workspace(ws, "UTC");
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/p");
        int visitors = 25;
        for (int v = 0; v < visitors; v++) {
            // Each phone behind the NAT: a first click, then two more with the cookie it got.
            String cookie = click(code, null).cookie("smv");
            click(code, cookie);
            click(code, cookie);
        }
        JsonPath totals = totals(ws);
        assertEquals(visitors, totals.getInt("counts.CLICK"));
        assertEquals(visitors, totals.getInt("uniqueActors"));
        assertEquals(visitors, totals.getInt("clickedActors"));
    }

    @Test
    void aScriptDroppingItsCookieIsCountedUpToTheAddressBound() {
        ContentFake.workspace(ws, "UTC");
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/p");
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            click(code, null);
        }
        long minutes = (System.nanoTime() - started) / 60_000_000_000L + 1;
        JsonPath totals = totals(ws);
        int counted = totals.getInt("counts.CLICK");
        // The bucket of this address and link: its burst, plus what refilled while the flood ran.
        assertTrue(counted <= BURST + PER_MINUTE * minutes, counted + " clicks counted of a 200-click flood");
        assertTrue(counted >= BURST, "the first visitors behind the address count: " + counted);
        assertEquals(counted, totals.getInt("uniqueActors"));
        // Another link of the workspace is not affected by the flood on this one.
        String other = "fo" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "INSTAGRAM", "ACTION", other, "https://shop.example/o");
        click(other, null);
        assertEquals(counted + 1, totals(ws).getInt("counts.CLICK"));
    }

    @Test
    void aClientCannotPickItsVisitorIdAndEveryWorkspaceSeesAnotherOne() {
        UUID otherWs = UUID.randomUUID();
        ContentFake.workspace(ws, "UTC");
        ContentFake.workspace(otherWs, "UTC");
        String otherCode = "fw" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, post, null, "INSTAGRAM", "ACTION", code, "https://shop.example/p");
        Api.registerPost(otherWs, UUID.randomUUID(), null, "INSTAGRAM", "ACTION", otherCode, "https://other.example/");
        Response victim = click(code, null);
        String victimActor = actorOf(ws, victim);
        // The same browser in another workspace is another, unrelated actor.
        Response elsewhere = click(otherCode, victim.cookie("smv"));
        String elsewhereActor = actorOf(otherWs, elsewhere);
        assertNotEquals(victimActor, elsewhereActor);
        // A client sends the victim's actor id, a made-up id, the pre-issue-13 format, or a tampered signature: each
        // is a new visitor with a freshly issued cookie, never the victim.
        String uuid = victimActor.substring("visitor:".length());
        String[] parts = victim.cookie("smv").split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        Set<String> actors = new HashSet<>();
        for (String forged : new String[] {uuid, "v1." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAA", tampered,
            "v1.AAAAAAAAAAAAAAAAAAAAAA." + parts[2], "v2." + parts[1] + "." + parts[2], "x".repeat(500)}) {
            Response response = click(code, forged);
            assertNotEquals(null, response.cookie("smv"), forged);
            String actor = actorOf(ws, response);
            assertNotEquals(victimActor, actor, forged);
            actors.add(actor);
        }
        assertEquals(6, actors.size());
        assertEquals(7, totals(ws).getInt("uniqueActors"));
        // The victim's own next click is still deduplicated to its first.
        assertEquals(victim.header("Location"), click(code, victim.cookie("smv")).header("Location"));
    }

    private static String actorOf(UUID workspace, Response response) {
        String clickId = response.header("Location").replaceAll(".*smclid=", "");
        return Db.text("SELECT actor_id FROM engagement_event WHERE workspace_id = ? AND click_id = ?::uuid", workspace,
                clickId);
    }
}
