package io.socialroi.engagement.summary;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import io.socialroi.engagement.Db;
import io.socialroi.engagement.settings.ScoringSettings;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The summary groups by each post's CURRENT directory entry, whatever the order of the writes (issue 12): events
 * that arrive before their post is registered, and posts edited later. Real engagement and the people counts leave
 * out the actors flagged for the period, with the 30-day lifetime of {@link io.socialroi.engagement.actor.FlaggedActors}.
 */
@QuarkusTest
class SummaryGroupingTest {

    private static final String DAY = "2026-11-18";

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final UUID campaign = UUID.randomUUID();
    private final UUID otherCampaign = UUID.randomUUID();
    private int seq;

    @Inject
    SummaryQuery sql;

    @Inject
    RollupStore store;

    @BeforeEach
    void workspace() {
        ContentFake.workspace(ws, "UTC");
    }

    private JsonPath summary(String query) {
        return given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/summary?from=" + DAY
                + "&to=" + DAY + "&" + query).then().statusCode(200).extract().jsonPath();
    }

    private String ev(String type, UUID p, String actor, String at) {
        return event("g" + seq++, type, p, actor, at, "");
    }

    private void send3(String... events) {
        send(ws, "[" + String.join(",", events) + "]").then().statusCode(200);
    }

    /** Both paths of the summary agree on the totals and rows (the HTTP answer is the store's). */
    private void sameOnBothPaths(GroupBy groupBy) throws Exception {
        Instant from = Instant.parse(DAY + "T00:00:00Z");
        Instant to = from.plusSeconds(86_400);
        SummaryStoreEquivalenceTest.assertSame(sql.run(ws, from, to, ZoneId.of("UTC"), groupBy, null,
                ScoringSettings.DEFAULTS), store.run(ws, from, to, ZoneId.of("UTC"), groupBy, null,
                ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS, groupBy.toString());
    }

    @Test
    void eventsBeforeTheirPostIsRegisteredAreGroupedUnderItsEntryOnceItArrives() throws Exception {
        // An automation sends events the instant the post is created; content-service registers it a moment later.
        send3(ev("IMPRESSION", post, "ig:a", DAY + "T10:00:00Z"), ev("LIKE", post, "ig:a", DAY + "T10:01:00Z"),
                ev("VIEW", post, "ig:b", DAY + "T10:02:00Z"), ev("COMMENT", post, "ig:c", DAY + "T10:03:00Z"));
        JsonPath before = summary("groupBy=funnelStage");
        assertEquals(List.of("none"), before.getList("rows.key"));
        assertEquals("No stage", before.getString("rows[0].label"));
        assertEquals(List.of("none"), summary("groupBy=campaign").getList("rows.key"));
        JsonPath byPost = summary("groupBy=post");
        assertEquals(post.toString(), byPost.getString("rows[0].postId"));
        assertNull(byPost.get("rows[0].campaignId"));
        assertNull(byPost.get("rows[0].funnelStage"));
        assertEquals("INSTAGRAM", byPost.getString("rows[0].platform"));
        sameOnBothPaths(GroupBy.FUNNELSTAGE);

        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        // And one more event after the registration: all of them under the entry now.
        send3(ev("SHARE", post, "ig:d", DAY + "T11:00:00Z"));
        JsonPath byStage = summary("groupBy=funnelStage");
        assertEquals(List.of("TRUST"), byStage.getList("rows.key"));
        assertEquals(3, byStage.getInt("rows[0].engagements"));
        assertEquals(5, byStage.getInt("rows[0].counts.IMPRESSION") + byStage.getInt("rows[0].counts.VIEW")
                + byStage.getInt("rows[0].engagements"));
        JsonPath byCampaign = summary("groupBy=campaign");
        assertEquals(List.of(campaign.toString()), byCampaign.getList("rows.key"));
        assertEquals(4, byCampaign.getInt("rows[0].reachedActors"));
        assertEquals(4, byCampaign.getInt("rows[0].engagedActors"));
        assertEquals(3, summary("groupBy=campaign&campaignId=" + campaign).getInt("totals.engagements"));
        byPost = summary("groupBy=post");
        assertEquals(campaign.toString(), byPost.getString("rows[0].campaignId"));
        assertEquals("TRUST", byPost.getString("rows[0].funnelStage"));
        sameOnBothPaths(GroupBy.FUNNELSTAGE);
        sameOnBothPaths(GroupBy.CAMPAIGN);
        sameOnBothPaths(GroupBy.POST);
    }

    @Test
    void editingAPostRegroupsItsPastEventsButAnEventsOwnCampaignWins() throws Exception {
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "ATTENTION", null, null);
        send3(ev("LIKE", post, "ig:a", DAY + "T09:00:00Z"), ev("LIKE", post, "ig:b", DAY + "T09:10:00Z"),
                event("own", "SAVE", post, "ig:c", DAY + "T09:20:00Z", ",\"campaignId\":\"" + otherCampaign + "\""));
        assertEquals(List.of("ATTENTION"), summary("groupBy=funnelStage").getList("rows.key"));
        assertEquals(2, summary("groupBy=campaign&campaignId=" + campaign).getInt("totals.engagements"));

        Api.registerPost(ws, post, otherCampaign, "INSTAGRAM", "ACTION", null, null);
        JsonPath byStage = summary("groupBy=funnelStage");
        assertEquals(List.of("ACTION"), byStage.getList("rows.key"));
        assertEquals(3, byStage.getInt("rows[0].engagements"));
        JsonPath byCampaign = summary("groupBy=campaign");
        assertEquals(List.of(otherCampaign.toString()), byCampaign.getList("rows.key"));
        assertEquals(3, byCampaign.getInt("rows[0].engagements"));
        assertEquals(0, summary("groupBy=campaign&campaignId=" + campaign).getInt("totals.engagements"));
        sameOnBothPaths(GroupBy.FUNNELSTAGE);
        sameOnBothPaths(GroupBy.CAMPAIGN);

        // Back to the first campaign: the event that named its own campaign stays there.
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        JsonPath again = summary("groupBy=campaign");
        Map<String, Integer> engagements = new java.util.HashMap<>();
        for (int i = 0; i < again.getList("rows").size(); i++) {
            engagements.put(again.getString("rows[" + i + "].key"), again.getInt("rows[" + i + "].engagements"));
        }
        assertEquals(Map.of(campaign.toString(), 2, otherCampaign.toString(), 1), engagements);
        assertEquals(List.of("TRUST"), summary("groupBy=funnelStage").getList("rows.key"));
        sameOnBothPaths(GroupBy.CAMPAIGN);
        sameOnBothPaths(GroupBy.POST);
    }

    /** 25 likes by one actor within a minute at {@code at}, on another post. */
    private void burst(String actor, Instant at) {
        UUID elsewhere = UUID.nameUUIDFromBytes(("elsewhere" + ws).getBytes());
        List<String> likes = new ArrayList<>();
        for (int k = 0; k < 25; k++) {
            likes.add(ev("LIKE", elsewhere, actor, at.plusSeconds(k).toString()));
        }
        send3(likes.toArray(String[]::new));
    }

    @Test
    void aBurstFlagsAnActorForThirtyDaysNotForEver() throws Exception {
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        Instant day = Instant.parse(DAY + "T00:00:00Z");
        burst("ig:old", day.minusSeconds(40 * 86_400L));
        burst("ig:recent", day.minusSeconds(10 * 86_400L));
        send3(ev("IMPRESSION", post, "ig:old", DAY + "T10:00:00Z"), ev("LIKE", post, "ig:old", DAY + "T10:00:10Z"),
                ev("COMMENT", post, "ig:old", DAY + "T10:05:00Z"), ev("CLICK", post, "ig:old", DAY + "T10:06:00Z"),
                ev("IMPRESSION", post, "ig:recent", DAY + "T10:00:00Z"),
                ev("LIKE", post, "ig:recent", DAY + "T10:00:20Z"), ev("CLICK", post, "ig:recent", DAY + "T10:01:00Z"),
                ev("IMPRESSION", post, "ig:viewer", DAY + "T11:00:00Z"), ev("VIEW", post, "ig:viewer", DAY + "T11:00:05Z"),
                ev("IMPRESSION", post, "ig:passer", DAY + "T11:00:00Z"));
        JsonPath totals = summary("groupBy=post");
        // ig:old's burst was 40 days before the period: real. ig:recent's 10 days before: flagged.
        assertEquals(5, totals.getInt("totals.engagements"));
        assertEquals(3, totals.getInt("totals.realEngagements"));
        assertEquals(2, totals.getInt("totals.flaggedEngagements"));
        assertEquals(3, totals.getInt("totals.reachedActors"));
        assertEquals(2, totals.getInt("totals.engagedActors"));
        assertEquals(1, totals.getInt("totals.clickedActors"));
        assertEquals(2, totals.getInt("totals.uniqueActors"));
        assertEquals(3, totals.getInt("rows[0].realEngagements"));
        assertEquals(1, totals.getInt("rows[0].clickedActors"));
        sameOnBothPaths(GroupBy.POST);
        sameOnBothPaths(GroupBy.DAY);

        // The period of the bursts themselves: both flagged there.
        String oldDay = day.minusSeconds(40 * 86_400L).toString().substring(0, 10);
        JsonPath then = given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/summary?from="
                + oldDay + "&to=" + oldDay).then().statusCode(200).extract().jsonPath();
        assertEquals(25, then.getInt("totals.engagements"));
        assertEquals(0, then.getInt("totals.realEngagements"));
        assertEquals(0, then.getInt("totals.reachedActors"));
    }

    /** The flag must not depend on batching: 25 likes in one minute, one request each, flag like one batch. */
    @Test
    void aBurstSentOneEventPerRequestFlagsAsOneSentAtOnce() throws Exception {
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        Instant at = Instant.parse(DAY + "T09:00:00Z");
        for (int k = 0; k < 25; k++) {
            send3(ev("LIKE", post, "ig:trickle", at.plusSeconds(k).toString()));
        }
        burst("ig:batched", at);
        send3(ev("LIKE", post, "ig:human", DAY + "T12:00:00Z"), ev("LIKE", post, "ig:human", DAY + "T12:00:30Z"));
        JsonPath totals = summary("groupBy=post");
        assertEquals(52, totals.getInt("totals.engagements"));
        assertEquals(2, totals.getInt("totals.realEngagements"));
        assertEquals(50, totals.getInt("totals.flaggedEngagements"));
        assertEquals(1, totals.getInt("totals.engagedActors"));
        assertEquals(25, Db.number("SELECT sum(engagements) FROM actor_minute WHERE workspace_id = ? "
                + "AND actor_id = 'ig:trickle'", ws));
        sameOnBothPaths(GroupBy.POST);
    }

    @Test
    void theSummaryAsCsv() {
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        send3(ev("IMPRESSION", post, "ig:a", DAY + "T10:00:00Z"), ev("LIKE", post, "ig:a", DAY + "T10:01:00Z"),
                ev("CLICK", post, "ig:a", DAY + "T10:02:00Z"), ev("VIEW", post, "ig:b", DAY + "T10:03:00Z"));
        String csv = given().auth().oauth2(Api.reader(ws)).accept("text/csv").get("/workspaces/" + ws
                + "/engagement/summary?from=" + DAY + "&to=" + DAY + "&groupBy=post").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition",
                        "attachment; filename=\"engagement-summary-post-" + DAY + "-" + DAY + ".csv\"")
                .extract().asString();
        String header = "key,label,postId,campaignId,platform,funnelStage,impressions,engagements,realEngagements,"
                + "flaggedEngagements,uniqueActors,reachedActors,engagedActors,clickedActors,botClicks,engagementRate,"
                + "suspiciousShare,qualityScore,intentScore,IMPRESSION,VIEW,LIKE,COMMENT,SHARE,SAVE,CLICK,FOLLOW,DM,"
                + "MENTION";
        String row = post + ",Post " + post.toString().substring(0, 8) + "," + post + "," + campaign
                + ",INSTAGRAM,TRUST,1,2,2,0,1,2,2,1,0,2.0,0.0,100.0,31.7,1,1,1,0,0,0,1,0,0,0";
        String total = "total,Total,,,,,1,2,2,0,1,2,2,1,0,2.0,0.0,100.0,31.7,1,1,1,0,0,0,1,0,0,0";
        assertEquals(header + "\r\n" + row + "\r\n" + total + "\r\n", csv);
        // JSON stays the default.
        given().auth().oauth2(Api.reader(ws)).get("/workspaces/" + ws + "/engagement/summary?from=" + DAY + "&to="
                + DAY).then().statusCode(200).contentType("application/json");
    }
}
