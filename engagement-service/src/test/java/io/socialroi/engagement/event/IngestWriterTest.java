package io.socialroi.engagement.event;

import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the bulk writer stores: only fresh events, and rollups that agree with them exactly. */
@QuarkusTest
class IngestWriterTest {

    private final UUID ws = UUID.randomUUID();
    private final UUID post = UUID.randomUUID();
    private final UUID otherPost = UUID.randomUUID();

    @Test
    void aBatchMixingKnownAndNewIdsCountsOnlyTheNewEventsInEveryRollup() {
        UUID campaign = UUID.randomUUID();
        UUID ownCampaign = UUID.randomUUID();
        Api.registerPost(ws, post, campaign, "INSTAGRAM", "TRUST", null, null);
        send(ws, "[" + event("k1", "LIKE", post, "ig:1", "2026-11-20T10:05:00Z", "") + ","
                + event("k2", "IMPRESSION", post, "ig:2", "2026-11-20T10:06:00Z", "") + "]")
                .then().statusCode(200).body("accepted", equalTo(2));
        // Known ids k1 and k2 again (with other contents: the first version stays), a repeat inside the batch,
        // new events in two months (two partitions), a post without directory entry, an event with its own campaign.
        String body = "[" + event("k1", "SHARE", post, "ig:9", "2026-11-20T10:07:00Z", "") + ","
                + event("n1", "LIKE", post, "ig:1", "2026-11-20T10:10:00Z", ",\"retargeting\":true") + ","
                + event("n1", "LIKE", post, "ig:1", "2026-11-20T10:10:00Z", "") + ","
                + event("n2", "COMMENT", post, "ig:1", "2026-11-20T10:10:30.1234567Z",
                        ",\"attributes\":{\"text\":\"  Great   POST \"}") + ","
                + event("n3", "COMMENT", post, "ig:3", "2026-11-20T11:00:00+01:00",
                        ",\"attributes\":{\"text\":\"great post\"}") + ","
                + event("k2", "IMPRESSION", post, "ig:2", "2026-11-20T10:06:00Z", "") + ","
                + event("n4", "VIEW", otherPost, "ig:4", "2026-10-31T23:59:59Z", "") + ","
                + event("n5", "SAVE", otherPost, "ig:4", "2026-11-01T00:00:00Z", ",\"campaignId\":\"" + ownCampaign
                        + "\"") + "]";
        send(ws, body).then().statusCode(200).body("accepted", equalTo(5)).body("duplicates", equalTo(3))
                .body("rejected", hasSize(0));

        assertEquals(7, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
        assertEquals(7, Db.number("SELECT count(*) FROM event_key WHERE workspace_id = ?", ws));
        assertEquals("LIKE", Db.text("SELECT type FROM engagement_event WHERE workspace_id = ? AND event_id = 'k1'", ws));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event_2026_10 WHERE workspace_id = ?", ws));
        // Only what the event said (V6): the directory's campaign and stage are resolved when reports are read.
        assertEquals(null, Db.text("SELECT campaign_id FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'n2'", ws));
        assertEquals(null, Db.text("SELECT funnel_stage FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'n2'", ws));
        assertEquals(ownCampaign.toString(), Db.text("SELECT campaign_id FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'n5'", ws));
        assertEquals(null, Db.text("SELECT funnel_stage FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'n5'", ws));
        assertEquals("2026-11-20 10:10:30.123457", Db.text("SELECT (occurred_at AT TIME ZONE 'UTC')::text "
                + "FROM engagement_event WHERE workspace_id = ? AND event_id = 'n2'", ws));

        // engagement_rollup: per UTC hour, post, platform, campaign, stage and type, equal to the raw events.
        assertEquals(0, Db.number("SELECT count(*) FROM (SELECT date_trunc('hour', occurred_at, 'UTC') AS b, "
                + "coalesce(post_id, '00000000-0000-0000-0000-000000000000') AS p, platform, "
                + "coalesce(campaign_id, '00000000-0000-0000-0000-000000000000') AS c, coalesce(funnel_stage, '') AS s, "
                + "type, count(*) AS n FROM engagement_event WHERE workspace_id = ? GROUP BY 1, 2, 3, 4, 5, 6) e "
                + "FULL JOIN (SELECT * FROM engagement_rollup WHERE workspace_id = ?) r ON r.bucket = e.b "
                + "AND r.post_key = e.p AND r.platform = e.platform AND r.campaign_key = e.c AND r.funnel_stage = e.s "
                + "AND r.type = e.type WHERE r.events IS DISTINCT FROM e.n", ws, ws));
        assertEquals(7, Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ?", ws));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_rollup WHERE workspace_id = ? "
                + "AND campaign_key <> '00000000-0000-0000-0000-000000000000'", ws));
        assertEquals(0, Db.number("SELECT count(*) FROM engagement_rollup WHERE workspace_id = ? AND funnel_stage <> ''",
                ws));

        // actor_rollup: every type per actor (V6); ig:1 liked twice and commented in the 10:00 hour.
        assertEquals(2, Db.number("SELECT n_like FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:1'", ws));
        assertEquals(1, Db.number("SELECT n_comment FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:1'", ws));
        assertEquals(1, Db.number("SELECT n_retargeting FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:1'",
                ws));
        assertEquals("2026-11-20 10:10:30.123457", Db.text("SELECT (last_at AT TIME ZONE 'UTC')::text FROM actor_rollup "
                + "WHERE workspace_id = ? AND actor_id = 'ig:1'", ws));
        assertEquals(1, Db.number("SELECT n_impression FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:2'",
                ws));
        assertEquals(0, Db.number("SELECT count(*) FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:9'", ws));
        assertEquals(1, Db.number("SELECT n_view FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:4' "
                + "AND n_view > 0", ws));
        assertEquals(1, Db.number("SELECT n_save FROM actor_rollup WHERE workspace_id = ? AND actor_id = 'ig:4' "
                + "AND n_save > 0", ws));
        // Every engaging minute is kept: ig:1 engaged twice in the minute 10:10 and once in another; the identical
        // comment has two distinct actors.
        assertEquals(2, Db.number("SELECT max(engagements) FROM actor_minute WHERE workspace_id = ? AND actor_id = 'ig:1'",
                ws));
        assertEquals(3, Db.number("SELECT sum(engagements) FROM actor_minute WHERE workspace_id = ? AND actor_id = 'ig:1'",
                ws));
        assertEquals(2, Db.number("SELECT max(actors) FROM comment_fingerprint WHERE workspace_id = ?", ws));
        assertEquals(2, Db.number("SELECT count(*) FROM actor_comment WHERE workspace_id = ?", ws));
    }

    @Test
    void aNulCharacterRejectsOnlyItsEventInsteadOfFailingTheBatch() {
        String body = "[" + event("nul-1", "LIKE", post, "ig:\\u0000x", "2026-11-20T10:00:00Z", "") + ","
                + event("nul-2", "LIKE", post, "ig:2", "2026-11-20T10:00:00Z", ",\"attributes\":{\"a\":\"x\\u0000\"}")
                + "," + event("nul-3", "LIKE", post, "ig:3", "2026-11-20T10:00:00Z", ",\"attributes\":{\"a\":\"\\\\u0000\"}")
                + "]";
        send(ws, body).then().statusCode(200).body("accepted", equalTo(1))
                .body("rejected.index", equalTo(List.of(0, 1)))
                .body("rejected[0].errors[0].field", equalTo("actorId"))
                .body("rejected[0].errors[0].message", containsString("NUL"))
                .body("rejected[1].errors[0].field", equalTo("attributes"));
        // An escaped backslash followed by u0000 is ordinary text.
        assertEquals("\\u0000", Db.text("SELECT attributes->>'a' FROM engagement_event WHERE workspace_id = ? "
                + "AND event_id = 'nul-3'", ws));
        assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?", ws));
    }
}
