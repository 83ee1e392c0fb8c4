package io.socialroi.reporting.report;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.socialroi.reporting.FakeServices;
import io.socialroi.testing.FakeServer.Reply;
import io.socialroi.testing.TestTokens;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the dependencies' answers (as CONTRACTS.md shapes them) and routes them for one test workspace. */
final class Answers {

    private Answers() {
    }

    static String attributionRow(String key, String conversions, String revenue, String leads, String newCustomers) {
        return "{\"key\":" + (key == null ? "null" : "\"" + key + "\"") + ",\"conversions\":" + conversions
                + ",\"revenue\":{\"amount\":\"" + revenue + "\",\"currency\":\"EUR\"},\"leads\":" + leads
                + ",\"purchases\":" + newCustomers + ",\"newCustomers\":" + newCustomers + "}";
    }

    /**
     * The row with conversion-service's people counts: people with credit, with a credited lead or first
     * purchase, with their first purchase credited.
     */
    static String withPeople(String row, long converting, long leadOrCustomer, long newCustomers) {
        return row.substring(0, row.length() - 1) + ",\"convertingPeople\":" + converting
                + ",\"leadOrCustomerPeople\":" + leadOrCustomer + ",\"newCustomerPeople\":" + newCustomers + "}";
    }

    /** Adds any fields to a row: withFields(row, "\"ltv\":{...}"). */
    static String withFields(String row, String fields) {
        return row.substring(0, row.length() - 1) + "," + fields + "}";
    }

    static String money(String amount) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}";
    }

    static String attribution(String model, String attributed, String unattributed, String customers, String ltv,
            String... rows) {
        return "{\"model\":\"" + model + "\",\"rows\":[" + String.join(",", rows) + "],\"attributed\":" + attributed
                + ",\"unattributed\":" + unattributed + ",\"customers\":" + customers + ",\"ltv\":"
                + (ltv == null ? "null" : "{\"amount\":\"" + ltv + "\",\"currency\":\"EUR\"}") + "}";
    }

    /** A summary row; counts as alternating type and number, e.g. "IMPRESSION", 100, "LIKE", 5. */
    static String engagementRow(String key, long uniqueActors, Object... counts) {
        Map<String, Long> byType = new java.util.LinkedHashMap<>();
        for (int i = 0; i < counts.length; i += 2) {
            byType.put((String) counts[i], ((Number) counts[i + 1]).longValue());
        }
        long engagements = byType.entrySet().stream().filter(e -> !e.getKey().equals("IMPRESSION")
                && !e.getKey().equals("VIEW")).mapToLong(Map.Entry::getValue).sum();
        String countJson = byType.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"key\":" + (key == null ? "null" : "\"" + key + "\"") + ",\"counts\":" + countJson
                + ",\"engagements\":" + engagements + ",\"impressions\":" + byType.getOrDefault("IMPRESSION", 0L)
                + ",\"uniqueActors\":" + uniqueActors + "}";
    }

    /**
     * A summary row with engagement-service's real-engagement figures: {@code flagged} of the engagements come
     * from flagged actors, and reached, engaged and clicked people (not flagged).
     */
    static String peopleRow(String key, long flagged, long reached, long engaged, long clicked,
            Object... counts) {
        String row = engagementRow(key, reached, counts);
        long engagements = Long.parseLong(row.replaceAll(".*\"engagements\":(\\d+).*", "$1"));
        return withFields(row, "\"realEngagements\":" + (engagements - flagged) + ",\"flaggedEngagements\":"
                + flagged + ",\"reachedActors\":" + reached + ",\"engagedActors\":" + engaged
                + ",\"clickedActors\":" + clicked);
    }

    static String summary(String totals, String... rows) {
        return "{\"rows\":[" + String.join(",", rows) + "],\"totals\":" + totals + "}";
    }

    static void onAttribution(UUID ws, Function<String, String> byGroup) {
        FakeServices.conversion().on("GET", "/workspaces/" + ws + "/attribution",
                r -> Reply.json(200, byGroup.apply(param(r.query(), "groupBy"))));
    }

    static void onSummary(UUID ws, Function<String, String> byGroup) {
        FakeServices.engagement().on("GET", "/workspaces/" + ws + "/engagement/summary",
                r -> Reply.json(200, byGroup.apply(param(r.query(), "groupBy"))));
    }

    static void campaigns(UUID ws, String... idAndName) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < idAndName.length; i += 2) {
            items.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idAndName[i]).append("\",\"name\":\"")
                    .append(idAndName[i + 1]).append("\"}");
        }
        FakeServices.content().on("GET", "/workspaces/" + ws + "/campaigns",
                Reply.json(200, "{\"items\":[" + items + "],\"nextCursor\":null}"));
    }

    static String post(UUID id, UUID campaign, String platform, String stage, String caption) {
        return "{\"id\":\"" + id + "\",\"campaignId\":\"" + campaign + "\",\"platform\":\"" + platform
                + "\",\"funnelStage\":\"" + stage + "\",\"caption\":\"" + caption + "\",\"status\":\"PUBLISHED\"}";
    }

    static void posts(UUID ws, String... posts) {
        FakeServices.content().on("GET", "/workspaces/" + ws + "/posts",
                Reply.json(200, "{\"items\":[" + String.join(",", posts) + "],\"nextCursor\":null}"));
    }

    static void cost(UUID ws, String category, String amount, String date, String ties) {
        given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"amount\":{\"amount\":\"" + amount
                        + "\",\"currency\":\"EUR\"},\"incurredOn\":\"" + date + "\"" + ties + "}")
                .post("/workspaces/" + ws + "/costs").then().statusCode(201);
    }

    static void settings(UUID ws, String rate, String perComment, String perDm) {
        given().auth().oauth2(TestTokens.workspace(ws, "costs:write")).contentType(ContentType.JSON)
                .body("{\"hourlyRate\":{\"amount\":\"" + rate + "\",\"currency\":\"EUR\"},\"minutesPerComment\":"
                        + perComment + ",\"minutesPerDm\":" + perDm + "}")
                .put("/workspaces/" + ws + "/settings").then().statusCode(200);
    }

    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith(name + "=")).map(p -> p.substring(name.length() + 1))
                .findFirst().orElse(null);
    }
}
