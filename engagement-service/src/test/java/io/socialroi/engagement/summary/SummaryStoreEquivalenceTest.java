package io.socialroi.engagement.summary;

import static io.restassured.RestAssured.given;
import static io.socialroi.engagement.Api.event;
import static io.socialroi.engagement.Api.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import io.socialroi.engagement.Db;
import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.settings.ScoringSettings;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory summary store ({@link RollupStore}) against the SQL it replaces ({@link SummaryQuery}, the oracle):
 * randomized data with bots, bursts, identical comments, accounts that only like, several posts, campaigns and
 * platforms, DMs without a post and bot hits on the redirect; every grouping, many periods (whole local days around
 * DST changes, half-hour zones, instants inside hours), a campaign filter and other thresholds, field by field.
 */
@QuarkusTest
class SummaryStoreEquivalenceTest {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Rome"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"));

    @Inject
    RollupStore store;

    @Inject
    SummaryQuery sql;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    io.socialroi.engagement.settings.SettingsStore settings;

    /** 400 more events over the same fortnight, with new actors, a burst and more only-likes. */
    static void moreEvents(UUID ws, long seed, int round) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-10-22T00:00:00Z");
        List<String> events = new ArrayList<>();
        int[] seq = {1_000_000 * (round + 1)};
        EventType[] types = {EventType.IMPRESSION, EventType.LIKE, EventType.COMMENT, EventType.SHARE, EventType.DM};
        for (int i = 0; i < 400; i++) {
            EventType type = types[random.nextInt(types.length)];
            UUID post = type == EventType.DM ? null : UUID.nameUUIDFromBytes(("more" + random.nextInt(3)).getBytes());
            events.add(json(seq, type, post, "TIKTOK", (random.nextBoolean() ? "h" : "new" + round) + random.nextInt(300),
                    start.plusSeconds(random.nextInt(13 * 86_400)), ""));
        }
        Instant burst = start.plusSeconds(random.nextInt(13 * 86_400));
        for (int k = 0; k < 25; k++) {
            events.add(json(seq, EventType.LIKE, UUID.nameUUIDFromBytes("more0".getBytes()), "TIKTOK", "h" + (10 + round),
                    burst.plusSeconds(k), ""));
        }
        send(ws, "[" + String.join(",", events) + "]").then().statusCode(200);
    }

    /** Fills a workspace with about 7,000 random events between 2026-10-22 and 2026-11-04; answers its campaigns. */
    static List<UUID> randomWorkspace(UUID ws, long seed) {
        Random random = new Random(seed);
        ContentFake.workspace(ws, "Europe/Rome");
        List<UUID> campaigns = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String[] platforms = {"INSTAGRAM", "TIKTOK", "FACEBOOK", "LINKEDIN"};
        String[] stages = {"ATTENTION", "INTEREST", "TRUST", "ACTION"};
        List<UUID> posts = new ArrayList<>();
        List<String> postPlatform = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            UUID post = post(ws, p);
            String platform = platforms[p % platforms.length];
            posts.add(post);
            postPlatform.add(platform);
            // The last post is not in the directory: no campaign, no stage.
            if (p < 7) {
                Api.registerPost(ws, post, p == 6 ? null : campaigns.get(p % 3), platform, stages[p % 4],
                        p == 0 ? "q" + ws.toString().substring(0, 8) : null, "https://shop.example/");
            }
        }
        Instant start = Instant.parse("2026-10-22T00:00:00Z");
        long span = ChronoUnit.SECONDS.between(start, Instant.parse("2026-11-04T00:00:00Z"));
        List<String> events = new ArrayList<>();
        int[] seq = {0};
        EventType[] human = {EventType.IMPRESSION, EventType.IMPRESSION, EventType.VIEW, EventType.LIKE,
            EventType.LIKE, EventType.COMMENT, EventType.SHARE, EventType.SAVE, EventType.CLICK, EventType.FOLLOW,
            EventType.DM, EventType.MENTION};
        for (int i = 0; i < 5000; i++) {
            EventType type = human[random.nextInt(human.length)];
            int p = random.nextInt(posts.size());
            UUID post = type.postOptional() && random.nextInt(3) == 0 ? null : posts.get(p);
            String extra = "";
            if (type == EventType.COMMENT) {
                extra = ",\"attributes\":{\"text\":\"question " + random.nextInt(400) + "\"}";
            }
            if (random.nextInt(20) == 0) {
                extra += ",\"campaignId\":\"" + campaigns.get(random.nextInt(3)) + "\"";
            }
            Instant at = start.plusSeconds((long) (random.nextDouble() * span));
            events.add(json(seq, type, post, postPlatform.get(p), "h" + random.nextInt(400), at, extra));
        }
        // Bursts: 25 likes in a minute across posts.
        for (int b = 0; b < 12; b++) {
            Instant at = start.plusSeconds((long) (random.nextDouble() * span));
            for (int k = 0; k < 25; k++) {
                int p = random.nextInt(posts.size());
                events.add(json(seq, EventType.LIKE, posts.get(p), postPlatform.get(p), "bot" + b,
                        at.plusSeconds(k * 2L), ""));
            }
            // Some bots also do other things at other times.
            events.add(json(seq, EventType.SHARE, posts.get(0), postPlatform.get(0), "bot" + b,
                    at.plusSeconds(86_400), ""));
        }
        // Identical comments: 7 actors (some of them humans with other engagement) post the same text.
        for (int a = 0; a < 7; a++) {
            int p = random.nextInt(posts.size());
            events.add(json(seq, EventType.COMMENT, posts.get(p), postPlatform.get(p), a < 3 ? "h" + a : "copy" + a,
                    start.plusSeconds((long) (random.nextDouble() * span)), ",\"attributes\":{\"text\":\"  Great "
                            + "PRODUCT,   love it \"}"));
        }
        // Accounts that only like, 15 to 40 times, spread over days (so some periods judge them, some not).
        for (int a = 0; a < 15; a++) {
            int n = 15 + random.nextInt(26);
            for (int k = 0; k < n; k++) {
                int p = random.nextInt(posts.size());
                events.add(json(seq, EventType.LIKE, posts.get(p), postPlatform.get(p), "liker" + a,
                        start.plusSeconds((long) (random.nextDouble() * span)), ""));
            }
        }
        for (int i = 0; i < events.size(); i += 2500) {
            send(ws, "[" + String.join(",", events.subList(i, Math.min(events.size(), i + 2500))) + "]").then()
                    .statusCode(200);
        }
        return campaigns;
    }

    /** The p-th post of {@link #randomWorkspace}. */
    static UUID post(UUID ws, int p) {
        return UUID.nameUUIDFromBytes((ws + "post" + p).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String json(int[] seq, EventType type, UUID post, String platform, String actor, Instant at, String extra) {
        return event("e" + seq[0]++, type.name(), post, actor, at.toString(), extra).replace("\"INSTAGRAM\"",
                "\"" + platform + "\"");
    }

    /** Bot and human hits on the redirect of the first post: BOT_CLICK and CLICK rows in the current hour. */
    static void redirectHits(UUID ws) {
        String code = "q" + ws.toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            given().redirects().follow(false).header("User-Agent", "Twitterbot/1.0").get("/r/" + code).then()
                    .statusCode(302);
        }
        given().redirects().follow(false).header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0")
                .get("/r/" + code).then().statusCode(302);
        long deadline = System.currentTimeMillis() + 10_000;
        while (Db.number("SELECT coalesce(sum(events), 0) FROM engagement_rollup WHERE workspace_id = ? "
                + "AND type IN ('BOT_CLICK', 'CLICK') AND bucket >= date_trunc('hour', now() - interval '1 hour')", ws) < 4
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Both answers, field by field; answers the number of rows compared. */
    static int assertSame(Map<String, SummaryQuery.Acc> expected, Map<String, SummaryQuery.Acc> actual,
            ScoringSettings settings, String what) {
        assertNotNull(actual, what);
        assertEquals(new TreeMap<>(expected).keySet(), new TreeMap<>(actual).keySet(), what + ": keys");
        for (Map.Entry<String, SummaryQuery.Acc> e : expected.entrySet()) {
            SummaryQuery.Acc x = e.getValue();
            SummaryQuery.Acc y = actual.get(e.getKey());
            String row = what + " row " + e.getKey().replace(SummaryQuery.TOTAL, "TOTAL");
            for (EventType t : EventType.values()) {
                assertEquals(x.counts.getOrDefault(t, 0L), y.counts.getOrDefault(t, 0L), row + " count " + t);
                if (t.isEngagement()) {
                    assertEquals(x.genuine.getOrDefault(t, 0L), y.genuine.getOrDefault(t, 0L), row + " genuine " + t);
                }
            }
            assertEquals(x.botClicks, y.botClicks, row + " botClicks");
            assertEquals(x.uniqueActors, y.uniqueActors, row + " uniqueActors");
            assertEquals(x.suspiciousEngagements, y.suspiciousEngagements, row + " suspiciousEngagements");
            assertEquals(x.actorEngagements, y.actorEngagements, row + " actorEngagements");
            assertEquals(x.flaggedEngagements, y.flaggedEngagements, row + " flaggedEngagements");
            assertEquals(x.reachedActors, y.reachedActors, row + " reachedActors");
            assertEquals(x.engagedActors, y.engagedActors, row + " engagedActors");
            assertEquals(x.clickedActors, y.clickedActors, row + " clickedActors");
            if (what.contains("POST") && !e.getKey().equals(SummaryQuery.TOTAL)) {
                assertEquals(x.platform, y.platform, row + " platform");
            }
            assertEquals(Scores.figures(x, settings), Scores.figures(y, settings), row + " figures");
        }
        return expected.size();
    }

    @Test
    void theStoreAnswersExactlyWhatTheSqlAnswers() throws Exception {
        UUID ws = UUID.randomUUID();
        List<UUID> campaigns = randomWorkspace(ws, 20261201L);
        redirectHits(ws);
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        List<LocalDate[]> periods = List.of(
                new LocalDate[] {LocalDate.parse("2026-10-20"), today.plusDays(1)},
                new LocalDate[] {LocalDate.parse("2026-10-22"), LocalDate.parse("2026-11-03")},
                new LocalDate[] {LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25")},
                new LocalDate[] {LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01")},
                new LocalDate[] {LocalDate.parse("2026-10-24"), LocalDate.parse("2026-10-26")},
                new LocalDate[] {LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-02")},
                new LocalDate[] {LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-10")},
                new LocalDate[] {today.minusDays(1), today},
                new LocalDate[] {LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")});
        // The data exercises every rule: bot hits, flagged actors, genuine engagement.
        Map<String, SummaryQuery.Acc> all = store.run(ws, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.now().plusSeconds(7200), ZoneId.of("UTC"), GroupBy.POST, null, ScoringSettings.DEFAULTS);
        SummaryQuery.Acc totals = all.get(SummaryQuery.TOTAL);
        org.junit.jupiter.api.Assertions.assertTrue(totals.botClicks >= 3, "bot clicks");
        org.junit.jupiter.api.Assertions.assertTrue(totals.suspiciousEngagements > 300, "suspicious engagement");
        org.junit.jupiter.api.Assertions.assertTrue(totals.actorEngagements > totals.suspiciousEngagements + 1000);
        int compared = 0;
        for (ScoringSettings settings : List.of(ScoringSettings.DEFAULTS,
                new ScoringSettings(ScoringSettings.DEFAULTS.intentWeights(), 3, 5, 2))) {
            for (ZoneId zone : ZONES) {
                for (LocalDate[] p : periods) {
                    Instant from = p[0].atStartOfDay(zone).toInstant();
                    Instant to = p[1].plusDays(1).atStartOfDay(zone).toInstant();
                    for (GroupBy groupBy : GroupBy.values()) {
                        for (UUID campaign : new UUID[] {null, campaigns.get(1)}) {
                            String what = zone + " " + p[0] + ".." + p[1] + " " + groupBy + " campaign " + campaign
                                    + " burst " + settings.burstPerMinute();
                            compared += assertSame(sql.run(ws, from, to, zone, groupBy, campaign, settings),
                                    store.run(ws, from, to, zone, groupBy, campaign, settings), settings, what);
                        }
                    }
                }
            }
        }
        // Instants inside hours (the store's hour filter must be the SQL's bucket >= from AND bucket < to).
        Random random = new Random(7);
        Instant base = Instant.parse("2026-10-21T00:00:00Z");
        for (int i = 0; i < 40; i++) {
            Instant from = base.plusSeconds(random.nextInt(14 * 86_400));
            Instant to = from.plusSeconds(1 + random.nextInt(5 * 86_400));
            ZoneId zone = ZONES.get(i % ZONES.size());
            GroupBy groupBy = GroupBy.values()[i % GroupBy.values().length];
            compared += assertSame(sql.run(ws, from, to, zone, groupBy, null, ScoringSettings.DEFAULTS),
                    store.run(ws, from, to, zone, groupBy, null, ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS,
                    from + ".." + to + " " + zone + " " + groupBy);
        }
        assertNotNull(store.held(ws), "answered from memory");

        // More of the same afterwards (new and known actors, hours already held and new ones): the store that keeps
        // the reloaded hours apart and one that merges them into its base at once answer as SQL does.
        RollupStore merging = SummaryStoreFreshnessTest.store(dataSource, sql, settings, 1_000_000,
                java.time.Duration.ofHours(1), 1, false);
        merging.run(ws, base, base.plusSeconds(86_400), ZoneId.of("UTC"), GroupBy.POST, null, ScoringSettings.DEFAULTS);
        for (int round = 0; round < 3; round++) {
            moreEvents(ws, 100 + round, round);
            for (ZoneId zone : ZONES) {
                for (GroupBy groupBy : GroupBy.values()) {
                    Instant from = LocalDate.parse("2026-10-23").atStartOfDay(zone).toInstant();
                    Instant to = LocalDate.parse("2026-11-04").atStartOfDay(zone).toInstant();
                    Map<String, SummaryQuery.Acc> expected = sql.run(ws, from, to, zone, groupBy, null,
                            ScoringSettings.DEFAULTS);
                    compared += assertSame(expected, store.run(ws, from, to, zone, groupBy, null,
                            ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS, "round " + round + " " + groupBy);
                    compared += assertSame(expected, merging.run(ws, from, to, zone, groupBy, null,
                            ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS, "merged, round " + round + " " + groupBy);
                }
            }
        }

        // The directory changes under the store (issue 12): the unregistered post is registered, another is moved to
        // another campaign and stage; and bursts long before the period (40 days: not flagged; 10 days: flagged) and
        // a farm text commented 20 days before. Every grouping regroups on both paths alike.
        Instant periodStart = Instant.parse("2026-10-23T00:00:00Z");
        long noStageBefore = store.run(ws, periodStart, periodStart.plusSeconds(12 * 86_400L), ZoneId.of("UTC"),
                GroupBy.FUNNELSTAGE, null, ScoringSettings.DEFAULTS).get("").counts.values().stream()
                .mapToLong(Long::longValue).sum();
        Api.registerPost(ws, post(ws, 7), campaigns.get(1), "LINKEDIN", "TRUST", null, null);
        Api.registerPost(ws, post(ws, 1), campaigns.get(2), "TIKTOK", "ACTION", null, null);
        List<String> early = new ArrayList<>();
        int[] seq = {5_000_000};
        for (int k = 0; k < 25; k++) {
            early.add(json(seq, EventType.LIKE, post(ws, 2), "FACEBOOK", "h" + 201, periodStart.minusSeconds(
                    40 * 86_400L - k), ""));
            early.add(json(seq, EventType.LIKE, post(ws, 3), "LINKEDIN", "h" + 202, periodStart.minusSeconds(
                    10 * 86_400L - k), ""));
        }
        early.add(json(seq, EventType.COMMENT, post(ws, 4), "INSTAGRAM", "h" + 203, periodStart.minusSeconds(
                20 * 86_400L), ",\"attributes\":{\"text\":\"great product, love it\"}"));
        send(ws, "[" + String.join(",", early) + "]").then().statusCode(200);
        Map<String, SummaryQuery.Acc> regrouped = store.run(ws, periodStart, periodStart.plusSeconds(12 * 86_400L),
                ZoneId.of("UTC"), GroupBy.FUNNELSTAGE, null, ScoringSettings.DEFAULTS);
        long noStageAfter = regrouped.get("").counts.values().stream().mapToLong(Long::longValue).sum();
        // The last post's events (and only DMs without a post and the posts of moreEvents) left "No stage".
        org.junit.jupiter.api.Assertions.assertTrue(noStageAfter < noStageBefore - 100, noStageBefore + " -> "
                + noStageAfter);
        // ... and so they do whatever the number of slices the actors are walked in (ActorWalk; 0: as many as the
        // rows and processors allow, a single one for this small workspace).
        try {
            for (int slices : new int[] {0, 2, 5}) {
                ActorWalk.maxSlices = slices;
                compared += compareEdited(ws, campaigns, merging, "slices " + slices);
            }
        } finally {
            ActorWalk.maxSlices = 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(compared > 1000, "rows compared: " + compared);
    }

    private int compareEdited(UUID ws, List<UUID> campaigns, RollupStore merging, String how) throws Exception {
        int compared = 0;
        for (ZoneId zone : ZONES) {
            for (GroupBy groupBy : GroupBy.values()) {
                for (UUID campaign : new UUID[] {null, campaigns.get(1), campaigns.get(2)}) {
                    for (LocalDate[] p : List.of(new LocalDate[] {LocalDate.parse("2026-10-23"),
                        LocalDate.parse("2026-11-03")}, new LocalDate[] {LocalDate.parse("2026-09-10"),
                            LocalDate.parse("2026-10-15")}, new LocalDate[] {LocalDate.parse("2026-10-01"),
                                LocalDate.parse("2026-10-30")})) {
                        Instant from = p[0].atStartOfDay(zone).toInstant();
                        Instant to = p[1].plusDays(1).atStartOfDay(zone).toInstant();
                        String what = how + ", edited " + zone + " " + p[0] + " " + groupBy + " " + campaign;
                        Map<String, SummaryQuery.Acc> expected = sql.run(ws, from, to, zone, groupBy, campaign,
                                ScoringSettings.DEFAULTS);
                        compared += assertSame(expected, store.run(ws, from, to, zone, groupBy, campaign,
                                ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS, what);
                        compared += assertSame(expected, merging.run(ws, from, to, zone, groupBy, campaign,
                                ScoringSettings.DEFAULTS), ScoringSettings.DEFAULTS, "merged " + what);
                    }
                }
            }
        }
        return compared;
    }
}
