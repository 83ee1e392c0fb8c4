package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.ContentFake;
import io.socialroi.engagement.Db;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, group commit of clicks ({@link ClickBatcher}): clicks that arrive together share a transaction, and
 * what a user reads afterwards is what the same clicks written one at a time give. Every click is answered 302
 * after its commit, so the click id in each Location is already in the database when the test reads it.
 */
@QuarkusTest
class ClickBatchingTest {

    private static final String BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
    /** Links per workspace, so that no link's flood bucket (60 per address) is reached from the one test address. */
    private static final int LINKS = 5;
    private static final int VISITORS_PER_LINK = 30;

    private static Response click(String code, String cookie) {
        var spec = given().redirects().follow(false).header("User-Agent", BROWSER);
        if (cookie != null) {
            spec = spec.cookie("smv", cookie);
        }
        return spec.get("/r/" + code);
    }

    private static String smclid(Response response) {
        assertEquals(302, response.statusCode(), response.asString());
        return response.header("Location").replaceAll(".*smclid=", "");
    }

    private static List<String> links(UUID ws, String prefix) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            String code = prefix + i + UUID.randomUUID().toString().substring(0, 8);
            Api.registerPost(ws, UUID.randomUUID(), null, i % 2 == 0 ? "INSTAGRAM" : "TIKTOK", "ACTION", code,
                    "https://shop.example/p" + i);
            codes.add(code);
        }
        return codes;
    }

    private static JsonPath summary(UUID ws, String groupBy) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return given().auth().oauth2(Api.reader(ws)).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).queryParam("groupBy", groupBy)
                .get("/workspaces/" + ws + "/engagement/summary").then().statusCode(200).extract().jsonPath();
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> work) throws Exception {
        List<T> answers = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(work)) {
            answers.add(f.get());
        }
        return answers;
    }

    @Test
    void concurrentClicksAreEachStoredOnceAndReadAsClicksWrittenOneByOne() throws Exception {
        UUID batched = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        ContentFake.workspace(batched, "UTC");
        ContentFake.workspace(oneByOne, "UTC");
        List<String> batchedLinks = links(batched, "gb");
        List<String> sequentialLinks = links(oneByOne, "gs");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            // 150 new visitors at once, over five links.
            List<Callable<Response>> firsts = new ArrayList<>();
            for (int v = 0; v < LINKS * VISITORS_PER_LINK; v++) {
                String code = batchedLinks.get(v % LINKS);
                firsts.add(() -> click(code, null));
            }
            List<Response> first = all(pool, firsts);
            Set<String> clickIds = new HashSet<>();
            first.forEach(r -> clickIds.add(smclid(r)));
            assertEquals(LINKS * VISITORS_PER_LINK, clickIds.size());
            // Each of them clicks three more times at once (an impatient thumb): the same click id each time, and
            // no event more, although the repeats race each other inside one batch.
            List<Callable<String[]>> repeats = new ArrayList<>();
            for (int v = 0; v < first.size(); v++) {
                String code = batchedLinks.get(v % LINKS);
                String cookie = first.get(v).cookie("smv");
                String expected = smclid(first.get(v));
                assertNotNull(cookie);
                for (int k = 0; k < 3; k++) {
                    repeats.add(() -> new String[] {expected, smclid(click(code, cookie))});
                }
            }
            for (String[] pair : all(pool, repeats)) {
                assertEquals(pair[0], pair[1]);
            }
            // Every click id the visitors were sent on with is stored, once.
            Set<String> stored = new HashSet<>(Db.texts("SELECT click_id::text FROM engagement_event "
                    + "WHERE workspace_id = ?", batched));
            assertEquals(clickIds, stored);
            assertEquals(clickIds.size(), Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ?",
                    batched));
        } finally {
            pool.shutdown();
        }
        // The same visitors, one request at a time, in another workspace.
        for (int v = 0; v < LINKS * VISITORS_PER_LINK; v++) {
            String code = sequentialLinks.get(v % LINKS);
            String cookie = click(code, null).cookie("smv");
            for (int k = 0; k < 3; k++) {
                click(code, cookie);
            }
        }
        JsonPath a = summary(batched, "platform");
        JsonPath b = summary(oneByOne, "platform");
        for (String figure : List.of("counts.CLICK", "uniqueActors", "clickedActors")) {
            assertEquals(b.getInt("totals." + figure), a.getInt("totals." + figure), figure);
        }
        assertEquals(LINKS * VISITORS_PER_LINK, a.getInt("totals.counts.CLICK"));
        assertEquals(b.getList("rows.counts.CLICK"), a.getList("rows.counts.CLICK"));
        assertEquals(b.getList("rows.key"), a.getList("rows.key"));
        // The rollups the summary reads agree with the events, in both.
        for (UUID ws : List.of(batched, oneByOne)) {
            assertEquals(LINKS * VISITORS_PER_LINK, Db.number("SELECT coalesce(sum(events), 0) FROM engagement_rollup "
                    + "WHERE workspace_id = ? AND type = 'CLICK'", ws));
        }
    }
}
