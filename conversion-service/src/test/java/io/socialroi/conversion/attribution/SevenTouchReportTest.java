package io.socialroi.conversion.attribution;

import static io.socialroi.conversion.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seven-touch journey of {@link SevenTouchJourneyTest} through the whole service: identities join two
 * platforms into one person, touchpoints come from (fake) engagement-service, and compare shows the five
 * models side by side per post. An impression (not counted by default) and a touch before the window change
 * nothing.
 */
@QuarkusTest
class SevenTouchReportTest {

    static final OffsetDateTime CONVERSION = OffsetDateTime.parse("2026-11-20T12:00:00Z");
    static final List<String> POSTS = List.of("a1000000-0000-0000-0000-000000000001",
            "a1000000-0000-0000-0000-000000000002", "a1000000-0000-0000-0000-000000000003",
            "a1000000-0000-0000-0000-000000000004", "a1000000-0000-0000-0000-000000000005",
            "a1000000-0000-0000-0000-000000000006", "a1000000-0000-0000-0000-000000000007");
    static final String OLD_POST = "a1000000-0000-0000-0000-000000000008";
    static final String VIEWED_POST = "a1000000-0000-0000-0000-000000000009";

    @FakeServices.Inject
    Fakes fakes;

    static String touch(String eventId, String type, String platform, String postId, String actorId,
            OffsetDateTime at) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"platform\":\"" + platform + "\","
                + "\"postId\":\"" + postId + "\",\"campaignId\":null,\"funnelStage\":\"TRUST\",\"actorId\":\"" + actorId
                + "\",\"clickId\":null,\"occurredAt\":\"" + at + "\",\"retargeting\":false}";
    }

    @Test
    void compareGivesEachModelItsHandComputedShares() {
        UUID ws = fakes.workspace();
        List<String> items = new ArrayList<>();
        // Touches 42, 35, ..., 7 days and one minute before the purchase, alternating Instagram and TikTok.
        for (int i = 0; i < 7; i++) {
            OffsetDateTime at = CONVERSION.minusDays(42 - 7L * i).minusMinutes(1);
            boolean instagram = i % 2 == 0;
            items.add(touch("t" + i, i == 6 ? "CLICK" : "COMMENT", instagram ? "INSTAGRAM" : "TIKTOK", POSTS.get(i),
                    instagram ? "ig:7" : "tt:7", at));
        }
        items.add(0, touch("old", "LIKE", "INSTAGRAM", OLD_POST, "ig:7", CONVERSION.minusDays(61)));
        items.add(touch("seen", "IMPRESSION", "TIKTOK", VIEWED_POST, "tt:7", CONVERSION.minusHours(1)));
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search",
                FakeServer.Reply.json(200, "{\"items\":[" + String.join(",", items) + "]}"));
        as(ws).body("{\"customerId\":\"cust-7\",\"actorId\":\"ig:7\",\"platform\":\"INSTAGRAM\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        as(ws).body("{\"customerId\":\"cust-7\",\"actorId\":\"tt:7\",\"platform\":\"TIKTOK\"}")
                .post("/workspaces/" + ws + "/identities").then().statusCode(201);
        Api.purchase(ws, "order-7", "cust-7", "127.00", CONVERSION.toString(), null);

        String body = as(ws).get("/workspaces/" + ws + "/attribution/compare?groupBy=post&lookbackDays=60")
                .then().statusCode(200).extract().asString();
        JsonPath report = JsonPath.from(body);
        Map<String, List<String>> credit = Map.of(
                "FIRST_TOUCH", List.of("1", "0", "0", "0", "0", "0", "0"),
                "LAST_TOUCH", List.of("0", "0", "0", "0", "0", "0", "1"),
                "LINEAR", List.of("0.142857", "0.142857", "0.142857", "0.142857", "0.142857", "0.142857", "0.142858"),
                "POSITION_BASED", List.of("0.4", "0.04", "0.04", "0.04", "0.04", "0.04", "0.4"),
                "TIME_DECAY", List.of("0.007874", "0.015748", "0.031496", "0.062992", "0.125984", "0.251969",
                        "0.503937"));
        Map<String, List<String>> revenue = Map.of(
                "FIRST_TOUCH", List.of("127.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
                "LAST_TOUCH", List.of("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "127.00"),
                "LINEAR", List.of("18.14", "18.14", "18.14", "18.14", "18.14", "18.15", "18.15"),
                "POSITION_BASED", List.of("50.80", "5.08", "5.08", "5.08", "5.08", "5.08", "50.80"),
                "TIME_DECAY", List.of("1.00", "2.00", "4.00", "8.00", "16.00", "32.00", "64.00"));
        for (String model : credit.keySet()) {
            for (int i = 0; i < 7; i++) {
                String row = "rows.find { it.key == '" + POSTS.get(i) + "' }.models." + model;
                BigDecimal conversions = new BigDecimal(report.getString(row + ".conversions"));
                assertEquals(0, new BigDecimal(credit.get(model).get(i)).compareTo(conversions),
                        model + " credit of touch " + (i + 1) + ": " + conversions);
                assertEquals(revenue.get(model).get(i), report.getString(row + ".revenue.amount"),
                        model + " revenue of touch " + (i + 1));
            }
        }
        assertEquals(List.of(), report.getList("rows.findAll { it.key == '" + OLD_POST + "' || it.key == '"
                + VIEWED_POST + "' }"), "the touch before the window and the impression get nothing");
        assertEquals(7, report.getList("rows").size());
        assertEquals("127.00", report.getString("attributed.revenue.amount"));
        assertEquals(0, BigDecimal.ONE.compareTo(new BigDecimal(report.getString("attributed.conversions"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(report.getString("unattributed.conversions"))));

        // The same journey over 90 days with likes counted: the old like becomes the first touch.
        String wide = as(ws).get("/workspaces/" + ws + "/attribution?model=FIRST_TOUCH&groupBy=post&lookbackDays=90")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(OLD_POST), JsonPath.from(wide).getList("rows.key"));
        // Clicks only: the last touch alone, under every model.
        String clicks = as(ws).get("/workspaces/" + ws + "/attribution?model=POSITION_BASED&groupBy=platform"
                + "&lookbackDays=60&touchTypes=CLICK").then().statusCode(200).extract().asString();
        assertEquals(List.of("INSTAGRAM"), JsonPath.from(clicks).getList("rows.key"));
        assertEquals("127.00", JsonPath.from(clicks).getString("rows[0].revenue.amount"));
    }
}
