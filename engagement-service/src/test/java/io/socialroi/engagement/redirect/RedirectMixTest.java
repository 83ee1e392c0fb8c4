package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import io.socialroi.engagement.Db;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the redirect's fast path and group commit under a realistic mix, through real HTTP. Many visitors on
 * many links at once, with link previews, crawlers, prefetches, HEAD checks, visitors without a user agent and
 * impatient repeats, all shuffled and sent by 24 threads; then the same traffic one request at a time into a
 * second workspace. What is stored (CLICK events per link, bot hits per reason, rollups per type) and what the
 * summary reads are the same in both, and every 302 that counted a click names a stored click.
 */
@QuarkusTest
class RedirectMixTest {

    private static final int LINKS = 6;
    private static final int VISITORS_PER_LINK = 20;
    private static final String[] PEOPLE = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
                + "Instagram 339.0.3.12.91 (iPhone14,5; iOS 17_5; en_US; en; scale=3.00; 1170x2532; 619461904)",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"};
    private static final String[] MACHINES = {"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Twitterbot/1.0", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "WhatsApp/2.23.20.0 A",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.4.0"};

    /** One request of the traffic: a link, how it is sent, and (for a repeat) whose cookie it carries. */
    private record Hit(int link, String kind, String userAgent, int visitor) {
    }

    private static Response send(String code, Hit hit, String cookie) {
        var spec = given().redirects().follow(false);
        if (hit.userAgent() != null) {
            spec = spec.header("User-Agent", hit.userAgent());
        }
        if (cookie != null) {
            spec = spec.cookie("smv", cookie);
        }
        return switch (hit.kind()) {
            case "head" -> spec.head("/r/" + code);
            case "prefetch" -> spec.header("Sec-Purpose", "prefetch").get("/r/" + code);
            default -> spec.get("/r/" + code);
        };
    }

    /** The first phase: every visitor's first click, with the machines of each link, shuffled. */
    private static List<Hit> firstPhase(Random random) {
        List<Hit> hits = new ArrayList<>();
        for (int link = 0; link < LINKS; link++) {
            for (int v = 0; v < VISITORS_PER_LINK; v++) {
                hits.add(new Hit(link, "person", PEOPLE[v % PEOPLE.length], link * VISITORS_PER_LINK + v));
            }
            for (String machine : MACHINES) {
                hits.add(new Hit(link, "bot", machine, -1));
            }
            hits.add(new Hit(link, "head", PEOPLE[0], -1));
            hits.add(new Hit(link, "prefetch", PEOPLE[1], -1));
            hits.add(new Hit(link, "bot", null, -1));
        }
        Collections.shuffle(hits, random);
        return hits;
    }

    /** The second phase: each visitor clicks twice more with its cookie (racing), plus more previews, shuffled. */
    private static List<Hit> secondPhase(Random random) {
        List<Hit> hits = new ArrayList<>();
        for (int link = 0; link < LINKS; link++) {
            for (int v = 0; v < VISITORS_PER_LINK; v++) {
                int visitor = link * VISITORS_PER_LINK + v;
                hits.add(new Hit(link, "repeat", PEOPLE[v % PEOPLE.length], visitor));
                hits.add(new Hit(link, "repeat", PEOPLE[v % PEOPLE.length], visitor));
            }
            hits.add(new Hit(link, "bot", MACHINES[link % MACHINES.length], -1));
            hits.add(new Hit(link, "head", null, -1));
        }
        Collections.shuffle(hits, random);
        return hits;
    }

    private static List<String> links(UUID ws) {
        List<String> codes = new ArrayList<>();
        String[] platforms = {"INSTAGRAM", "TIKTOK", "FACEBOOK"};
        for (int i = 0; i < LINKS; i++) {
            String code = "mix" + i + UUID.randomUUID().toString().substring(0, 8);
            Api.registerPost(ws, UUID.randomUUID(), null, platforms[i % platforms.length], "ACTION", code,
                    "https://shop.example/p" + i + "?ref=mix");
            codes.add(code);
        }
        return codes;
    }

    /** Sends the hits (concurrently when a pool is given) and records cookies, click ids and statuses. */
    private static void play(List<Hit> hits, List<String> codes, Map<Integer, String> cookies,
            Map<Integer, String> clickIds, List<String> failures, ExecutorService pool) throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (Hit hit : hits) {
            work.add(() -> {
                String cookie = hit.kind().equals("repeat") ? cookies.get(hit.visitor()) : null;
                Response r = send(codes.get(hit.link()), hit, cookie);
                if (r.statusCode() != 302) {
                    synchronized (failures) {
                        failures.add(hit + ": " + r.statusCode() + " " + r.asString());
                    }
                    return null;
                }
                String location = r.header("Location");
                assertTrue(location.startsWith("https://shop.example/p" + hit.link() + "?ref=mix&smclid="), location);
                String clickId = location.substring(location.indexOf("smclid=") + 7);
                synchronized (cookies) {
                    if (hit.kind().equals("person")) {
                        assertNotNull(r.cookie("smv"), "a new visitor gets a cookie");
                        cookies.put(hit.visitor(), r.cookie("smv"));
                        clickIds.put(hit.visitor(), clickId);
                    } else if (hit.kind().equals("repeat") && !clickId.equals(clickIds.get(hit.visitor()))) {
                        failures.add(hit + ": repeat with another click id " + clickId);
                    }
                }
                return null;
            });
        }
        if (pool == null) {
            for (Callable<Void> c : work) {
                c.call();
            }
        } else {
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        }
    }

    private static JsonPath summary(UUID ws, String groupBy) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return given().auth().oauth2(Api.reader(ws)).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).queryParam("groupBy", groupBy)
                .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(200).extract().jsonPath();
    }

    /** What is stored for a workspace, link by link (in link order), in one comparable text. */
    private static String stored(UUID ws, List<String> codes) {
        StringBuilder out = new StringBuilder();
        for (String code : codes) {
            String post = Db.text("SELECT post_id::text FROM post_directory WHERE link_code = ?", code);
            out.append("clicks=").append(Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? "
                    + "AND post_id = ?::uuid AND type = 'CLICK'", ws, post));
            out.append(" actors=").append(Db.number("SELECT count(DISTINCT actor_id) FROM engagement_event "
                    + "WHERE workspace_id = ? AND post_id = ?::uuid", ws, post));
            out.append(" bots=").append(Db.text("SELECT coalesce(string_agg(reason || ':' || n, ',' ORDER BY reason), '') "
                    + "FROM (SELECT reason, count(*) n FROM redirect_bot_hit WHERE workspace_id = ? AND post_id = ?::uuid "
                    + "GROUP BY reason) r", ws, post));
            out.append(" rollup=").append(Db.text("SELECT coalesce(string_agg(type || ':' || n, ',' ORDER BY type), '') "
                    + "FROM (SELECT type, sum(events) n FROM engagement_rollup WHERE workspace_id = ? "
                    + "AND post_key = ?::uuid GROUP BY type) r", ws, post));
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void aConcurrentMixStoresWhatOneAtATimeStores() throws Exception {
        UUID concurrent = UUID.randomUUID();
        UUID sequential = UUID.randomUUID();
        ContentFake.workspace(concurrent, "UTC");
        ContentFake.workspace(sequential, "UTC");
        List<String> concurrentLinks = links(concurrent);
        List<String> sequentialLinks = links(sequential);
        List<Hit> first = firstPhase(new Random(15));
        List<Hit> second = secondPhase(new Random(16));

        Map<Integer, String> cookies = new HashMap<>();
        Map<Integer, String> clickIds = new HashMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            play(first, concurrentLinks, cookies, clickIds, failures, pool);
            play(second, concurrentLinks, cookies, clickIds, failures, pool);
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of(), failures);
        // Every click id a visitor was sent on with is stored, once.
        assertEquals(LINKS * VISITORS_PER_LINK, clickIds.values().stream().distinct().count());
        for (String clickId : clickIds.values()) {
            assertEquals(1, Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? "
                    + "AND click_id = ?::uuid", concurrent, clickId), clickId);
        }

        Map<Integer, String> sequentialCookies = new HashMap<>();
        Map<Integer, String> sequentialClickIds = new HashMap<>();
        List<String> sequentialFailures = new ArrayList<>();
        play(first, sequentialLinks, sequentialCookies, sequentialClickIds, sequentialFailures, null);
        play(second, sequentialLinks, sequentialCookies, sequentialClickIds, sequentialFailures, null);
        assertEquals(List.of(), sequentialFailures);

        String expected = stored(sequential, sequentialLinks);
        assertEquals(expected, stored(concurrent, concurrentLinks));
        // The traffic's own numbers: 20 clicks and 20 actors per link; 9 machines in the first phase, 2 in the second.
        assertTrue(expected.lines().allMatch(l -> l.startsWith("clicks=20 actors=20 ")), expected);
        assertEquals(LINKS * 11, Db.number("SELECT count(*) FROM redirect_bot_hit WHERE workspace_id = ?", concurrent));

        for (String groupBy : List.of("platform", "post")) {
            JsonPath a = summary(concurrent, groupBy);
            JsonPath b = summary(sequential, groupBy);
            for (String figure : List.of("counts.CLICK", "uniqueActors", "clickedActors", "botClicks")) {
                assertEquals(b.getLong("totals." + figure), a.getLong("totals." + figure), groupBy + " " + figure);
            }
            assertEquals(b.getList("rows.counts.CLICK"), a.getList("rows.counts.CLICK"), groupBy);
            assertEquals(b.getList("rows.botClicks"), a.getList("rows.botClicks"), groupBy);
        }
        assertEquals(LINKS * VISITORS_PER_LINK, summary(concurrent, "platform").getLong("totals.counts.CLICK"));
        assertEquals(LINKS * 11L, summary(concurrent, "platform").getLong("totals.botClicks"));
    }
}
