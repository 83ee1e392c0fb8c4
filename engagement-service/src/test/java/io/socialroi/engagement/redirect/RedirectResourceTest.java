package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RedirectResourceTest {

    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final String code = "r" + UUID.randomUUID().toString().substring(0, 8);

    private Response click(String userAgent) {
        return given().redirects().follow(false).header("User-Agent", userAgent).get("/r/" + code);
    }

    @Test
    void humanClickRedirectsWithClickIdAndIsRecorded() {
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "ACTION", code, "https://shop.example/p?utm_source=instagram#top");
        Response response = click(BROWSER);
        response.then().statusCode(302).header("Location",
                matchesPattern("https://shop\\.example/p\\?utm_source=instagram&smclid=[0-9a-f-]{36}#top"));
        String location = response.header("Location");
        String clickId = location.substring(location.indexOf("smclid=") + 7, location.indexOf('#'));
        assertNotNull(response.cookie("smv"));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND click_id = ?::uuid "
                + "AND type = 'CLICK' AND post_id = ? AND campaign_id IS NULL AND platform = 'INSTAGRAM' "
                + "AND funnel_stage IS NULL", ws, clickId, post));
        // The post's campaign and stage are resolved when read (V6): the touchpoint shows the current entry.
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/touchpoints?clickId=" + clickId).then()
                .statusCode(200).body("items[0].campaignId", org.hamcrest.Matchers.equalTo(campaign.toString()))
                .body("items[0].funnelStage", org.hamcrest.Matchers.equalTo("ACTION"));
        String actor = Db.text("SELECT actor_id FROM engagement_event WHERE workspace_id = ? AND click_id = ?::uuid",
                ws, clickId);
        assertTrue(actor.matches("visitor:[0-9a-f-]{36}"), actor);
        // The cookie is signed and is not the actor id (which is per workspace, VisitorIds).
        assertTrue(response.cookie("smv").matches("v1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}"), response.cookie("smv"));
        assertFalse(response.cookie("smv").contains(actor.substring("visitor:".length())));

        // The same browser clicks again within the window: the same click id, not counted again (issue 13).
        Response again = given().redirects().follow(false).header("User-Agent", BROWSER)
                .cookie("smv", response.cookie("smv")).get("/r/" + code);
        again.then().statusCode(302).header("Location", org.hamcrest.Matchers.containsString("smclid=" + clickId));
        assertEquals(null, again.cookie("smv"));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND actor_id = ?", ws,
                actor));
    }

    @Test
    void destinationWithoutQueryGetsOne() {
        assertEquals("https://a.example/x?smclid=" + new UUID(0, 1),
                RedirectResource.withClickId("https://a.example/x", new UUID(0, 1)));
        assertEquals("https://a.example/x?a=1&smclid=" + new UUID(0, 1),
                RedirectResource.withClickId("https://a.example/x?a=1", new UUID(0, 1)));
    }

    @Test
    void botsPreviewsPrefetchesAndHeadAreRedirectedButNotCounted() {
        Api.registerPost(ws, post, campaign, "FACEBOOK", "TRUST", code, "https://shop.example/p");
        String[] agents = {"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Facebot",
            "Twitterbot/1.0", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0 A",
            "TelegramBot (like TwitterBot)", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)", "SomeSpider/3.0", "curl/8.4.0", ""};
        for (String agent : agents) {
            click(agent).then().statusCode(302).header("Location", matchesPattern("https://shop\\.example/p\\?smclid=.+"));
        }
        given().redirects().follow(false).header("User-Agent", BROWSER).header("Sec-Purpose", "prefetch;prerender")
                .get("/r/" + code).then().statusCode(302);
        given().redirects().follow(false).header("User-Agent", BROWSER).header("Purpose", "prefetch")
                .get("/r/" + code).then().statusCode(302);
        given().redirects().follow(false).header("User-Agent", BROWSER).head("/r/" + code).then().statusCode(302)
                .header("Location", matchesPattern("https://shop\\.example/p\\?smclid=.+"));
        int botHits = agents.length + 3;

        assertEquals(0, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
        assertEquals(botHits, Db.number("SELECT count(*) FROM redirect_bot_hit WHERE workspace_id = ? AND post_id = ?",
                ws, post));
        assertEquals(2, Db.number("SELECT count(*) FROM redirect_bot_hit WHERE workspace_id = ? AND reason = 'PREFETCH'",
                ws));
        assertEquals(1, Db.number("SELECT count(*) FROM redirect_bot_hit WHERE workspace_id = ? AND reason = 'HEAD'", ws));
        assertEquals(botHits, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ? "
                + "AND type = 'BOT_CLICK'", ws));

        click(BROWSER).then().statusCode(302);
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? AND type = 'CLICK'", ws));
    }

    @Test
    void unknownCodeIsA404Problem() {
        click(BROWSER).then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().redirects().follow(false).get("/r/" + code + "/../x y").then().statusCode(404);
    }

    @Test
    void aChangedLinkRedirectsToTheNewDestinationAndTheOldCodeStops() {
        Api.registerPost(ws, post, null, "X", "INTEREST", code, "https://old.example/");
        click(BROWSER).then().statusCode(302).header("Location", matchesPattern("https://old\\.example/\\?smclid=.+"));
        String newCode = code + "n";
        Api.registerPost(ws, post, null, "X", "INTEREST", newCode, "https://new.example/");
        click(BROWSER).then().statusCode(404);
        given().redirects().follow(false).header("User-Agent", BROWSER).get("/r/" + newCode).then().statusCode(302)
                .header("Location", matchesPattern("https://new\\.example/\\?smclid=.+"));
    }
}
