package io.socialroi.conversion.conversion;

import static io.restassured.RestAssured.given;
import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConversionResourceTest {

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    DataSource dataSource;

    @Test
    void singlePurchaseIsStoredWithHashedEmailAndDuplicateChangesNothing() throws Exception {
        UUID ws = fakes.workspace();
        String body = "{\"eventId\":\"order-1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"120.00\",\"currency\":"
                + "\"EUR\"},\"occurredAt\":\"2026-11-22T09:00:00+01:00\",\"customerId\":\"cust-1\",\"clickId\":\"c-1\","
                + "\"actorIds\":[\"ig:1\",\"tt:2\"],\"email\":\"  Ana@Example.COM \"}";
        String id = as(ws).body(body).post("/workspaces/" + ws + "/conversions").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/workspaces/" + ws + "/conversions/"))
                .extract().path("id");
        String expectedHash = Emails.sha256("ana@example.com");
        as(ws).get("/workspaces/" + ws + "/conversions/" + id).then().statusCode(200)
                .body("eventId", equalTo("order-1")).body("type", equalTo("PURCHASE"))
                .body("value.amount", equalTo("120.00")).body("value.currency", equalTo("EUR"))
                .body("workspaceValue.amount", equalTo("120.00"))
                .body("occurredAt", notNullValue()).body("customerId", equalTo("cust-1"))
                .body("clickId", equalTo("c-1")).body("actorIds", contains("ig:1", "tt:2"))
                .body("emailSha256", equalTo(expectedHash)).body("touchpoints", equalTo("PENDING"));
        assertEquals(64, expectedHash.length());

        as(ws).body(body.replace("120.00", "999.00")).post("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("id", equalTo(id)).body("value.amount", equalTo("120.00"));
        as(ws).get("/workspaces/" + ws + "/conversions").then().statusCode(200).body("items", hasSize(1));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM conversion c WHERE workspace_id = ? AND c::text ILIKE '%example.com%'")) {
            s.setObject(1, ws);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the plain email is stored nowhere");
            }
        }
        as(ws).get("/workspaces/" + ws + "/identities?customerId=cust-1").then().statusCode(200)
                .body("ref", contains("ig:1", "tt:2", "c-1")).body("kind", contains("ACTOR", "ACTOR", "CLICK"));
    }

    @Test
    void batchStoresValidItemsAndReportsDuplicatesAndRejections() {
        UUID ws = fakes.workspace();
        String at = "\"occurredAt\":\"2026-11-20T10:00:00Z\"";
        String batch = "[{\"eventId\":\"a\",\"type\":\"LEAD\"," + at + ",\"customerId\":\"c1\"},"
                + "{\"eventId\":\"b\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"10\",\"currency\":\"EUR\"}," + at + "},"
                + "{\"eventId\":\"a\",\"type\":\"LEAD\"," + at + "},"
                + "{\"eventId\":\"c\",\"type\":\"REFUND\"," + at + "},"
                + "{\"eventId\":\"d\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"-5\",\"currency\":\"EUR\"}," + at + "},"
                + "{\"eventId\":\"e\",\"type\":\"SIGNUP\",\"occurredAt\":\"yesterday\"},"
                + "{\"eventId\":7,\"type\":\"SIGNUP\"," + at + ",\"actorIds\":\"ig:1\"}]";
        as(ws).body(batch).post("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1))
                .body("rejected.index", contains(3, 4, 5, 6))
                .body("rejected[0].errors[0].field", equalTo("type"))
                .body("rejected[1].errors[0].field", equalTo("value.amount"))
                .body("rejected[2].errors[0].field", equalTo("occurredAt"))
                .body("rejected[3].errors.field", contains("eventId", "actorIds"));
        as(ws).body(batch).post("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3));
        as(ws).get("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("items.eventId", org.hamcrest.Matchers.containsInAnyOrder("a", "b"));
    }

    @Test
    void theBatchOperationAnswersAsTheArrayFormAndRefusesAnObject() {
        UUID ws = fakes.workspace();
        String at = "\"occurredAt\":\"2026-11-20T10:00:00Z\"";
        String batch = "[{\"eventId\":\"x1\",\"type\":\"LEAD\"," + at + ",\"customerId\":\"c1\"},"
                + "{\"eventId\":\"x2\",\"type\":\"REFUND\"," + at + "}]";
        as(ws).body(batch).post("/workspaces/" + ws + "/conversions/batch").then().statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0))
                .body("rejected.index", contains(1)).body("rejected[0].errors[0].field", equalTo("type"));
        as(ws).body(batch).post("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        as(ws).body("{\"eventId\":\"x3\",\"type\":\"LEAD\"," + at + "}")
                .post("/workspaces/" + ws + "/conversions/batch").then().statusCode(400)
                .contentType("application/problem+json");
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"eventId\":\"m").append(i).append("\",\"type\":\"LEAD\",")
                    .append(at).append('}');
        }
        as(ws).body(tooMany.append(']').toString()).post("/workspaces/" + ws + "/conversions/batch").then()
                .statusCode(422).contentType("application/problem+json");
        as(ws).get("/workspaces/" + ws + "/conversions").then().statusCode(200)
                .body("items.eventId", contains("x1"));
    }

    @Test
    void foreignCurrencyNeedsTheDaysExchangeRate() {
        UUID ws = fakes.workspace("Europe/Rome", "EUR");
        // 23:30 in New York on the 22nd is the 23rd in Rome: the rate of the workspace's local day applies.
        String usd = "{\"eventId\":\"u1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"100.00\",\"currency\":\"USD\"},"
                + "\"occurredAt\":\"2026-11-22T23:30:00-05:00\",\"customerId\":\"c\"}";
        as(ws).body(usd).post("/workspaces/" + ws + "/conversions").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("value.currency"));
        as(ws).body("{\"rate\":\"0.9000\"}").put("/workspaces/" + ws + "/exchange-rates/USD/2026-11-22")
                .then().statusCode(200).body("rate", equalTo("0.9"));
        as(ws).body(usd).post("/workspaces/" + ws + "/conversions").then().statusCode(422);
        as(ws).body("{\"rate\":0.92}").put("/workspaces/" + ws + "/exchange-rates/USD/2026-11-23")
                .then().statusCode(200).body("workspaceCurrency", equalTo("EUR"));
        as(ws).body(usd).post("/workspaces/" + ws + "/conversions").then().statusCode(201)
                .body("value.amount", equalTo("100.00")).body("value.currency", equalTo("USD"))
                .body("workspaceValue.amount", equalTo("92.00")).body("workspaceValue.currency", equalTo("EUR"));
        as(ws).get("/workspaces/" + ws + "/exchange-rates/USD/2026-11-23").then().statusCode(200)
                .body("rate", equalTo("0.92"));
        as(ws).get("/workspaces/" + ws + "/exchange-rates/GBP/2026-11-23").then().statusCode(404);
        as(ws).body("{\"rate\":\"-1\"}").put("/workspaces/" + ws + "/exchange-rates/USD/2026-11-24")
                .then().statusCode(422).body("errors[0].field", equalTo("rate"));
        as(ws).body("{\"rate\":\"1\"}").put("/workspaces/" + ws + "/exchange-rates/EUR/2026-11-24")
                .then().statusCode(422).body("errors[0].field", equalTo("currency"));
        as(ws).body("{\"rate\":\"1\"}").put("/workspaces/" + ws + "/exchange-rates/USD/24-11-2026")
                .then().statusCode(422).body("errors[0].field", equalTo("date"));
    }

    @Test
    void badSingleInputIsAProblemAndStoresNothing() {
        UUID ws = fakes.workspace();
        String path = "/workspaces/" + ws + "/conversions";
        as(ws).body("{\"eventId\":").post(path).then().statusCode(400).contentType("application/problem+json");
        as(ws).body("\"text\"").post(path).then().statusCode(400).contentType("application/problem+json");
        as(ws).body("{\"eventId\":\"x\",\"type\":\"SALE\",\"occurredAt\":\"2026-11-22T09:00:00Z\"}").post(path)
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        as(ws).body("{\"eventId\":\"x\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22 09:00\"}").post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("occurredAt"));
        as(ws).body("{\"eventId\":\"x\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-22T09:00:00Z\","
                + "\"value\":{\"amount\":\"-1.00\",\"currency\":\"EUR\"}}").post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("value.amount"));
        as(ws).body("{\"eventId\":\"x\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-22T09:00:00Z\","
                + "\"value\":{\"amount\":\"1.001\",\"currency\":\"EUR\"}}").post(path)
                .then().statusCode(422).body("errors[0].field", equalTo("value.amount"));
        as(ws).body("{\"eventId\":\"x\",\"type\":\"PURCHASE\",\"occurredAt\":\"2026-11-22T09:00:00Z\","
                + "\"value\":{\"amount\":\"ten\",\"currency\":\"EURO\"}}").post(path)
                .then().statusCode(422).body("errors.field", contains("value.amount", "value.currency"));
        as(ws).body("{\"eventId\":\"x\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\",\"email\":\"nope\"}")
                .post(path).then().statusCode(422).body("errors[0].field", equalTo("email"));
        as(ws).body("{\"type\":\"LEAD\"}").post(path).then().statusCode(422)
                .body("errors.field", contains("eventId", "occurredAt"));
        as(ws).get(path).then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
        as(ws).get(path + "?limit=0").then().statusCode(422).body("errors[0].field", equalTo("limit"));
        as(ws).get(path + "?type=SALE").then().statusCode(422).body("errors[0].field", equalTo("type"));
        as(ws).get(path + "?cursor=zzz").then().statusCode(422).body("errors[0].field", equalTo("cursor"));
        as(ws).get(path + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void tokensScopesAndTenancyAreChecked() {
        UUID ws = fakes.workspace();
        String path = "/workspaces/" + ws + "/conversions";
        String body = "{\"eventId\":\"t\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\"}";
        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401)
                .contentType("application/problem+json");
        given().get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(ws, "conversions:read")).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(ws, "engagement:read")).get(path).then().statusCode(403);
        UUID other = fakes.workspace();
        given().auth().oauth2(TestTokens.workspace(other, "conversions:write", "conversions:read"))
                .contentType(ContentType.JSON).body(body).post(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.workspace(other, "conversions:read")).get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.workspace(other, "conversions:write")).contentType(ContentType.JSON)
                .body("{\"rate\":\"1\"}").put("/workspaces/" + ws + "/exchange-rates/USD/2026-11-22").then().statusCode(404);
        as(ws).get(path).then().statusCode(200).body("items", hasSize(0));
        // A workspace content-service does not know is a 404 too, for an admin.
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + unknown + "/conversions").then().statusCode(404);
    }

    @Test
    void concurrentSendersOfOneEventStoreItOnce() throws Exception {
        UUID ws = fakes.workspace();
        String body = "{\"eventId\":\"race\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> as(ws).body(body).post("/workspaces/" + ws + "/conversions").statusCode()));
        }
        int created = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            created += status == 201 ? 1 : 0;
            org.junit.jupiter.api.Assertions.assertTrue(status == 201 || status == 200, "status " + status);
        }
        pool.shutdown();
        assertEquals(1, created);
        as(ws).get("/workspaces/" + ws + "/conversions").then().body("items", hasSize(1))
                .body("items.eventId", hasItem("race"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        UUID ws = fakes.workspace();
        String path = "/workspaces/" + ws + "/conversions";
        String body = "{\"eventId\":\"idem\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-22T09:00:00Z\"}";
        String id = as(ws).header("Idempotency-Key", "k-1").body(body).post(path).then().statusCode(201)
                .extract().path("id");
        as(ws).header("Idempotency-Key", "k-1").body(body).post(path).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        as(ws).header("Idempotency-Key", "k-1").body(body.replace("LEAD", "CALL")).post(path).then().statusCode(422)
                .contentType("application/problem+json");
        as(ws).get(path).then().body("items", hasSize(1)).body("items[0].type", equalTo("LEAD"));
    }

    @Test
    void listIsPagedNewestFirst() {
        UUID ws = fakes.workspace();
        for (int i = 1; i <= 3; i++) {
            as(ws).body("{\"eventId\":\"p" + i + "\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-0" + i + "T09:00:00Z\","
                    + "\"customerId\":\"c" + (i % 2) + "\"}").post("/workspaces/" + ws + "/conversions")
                    .then().statusCode(201);
        }
        String cursor = as(ws).get("/workspaces/" + ws + "/conversions?limit=2").then().statusCode(200)
                .body("items.eventId", contains("p3", "p2")).extract().path("nextCursor");
        as(ws).queryParam("cursor", cursor).queryParam("limit", 2).get("/workspaces/" + ws + "/conversions")
                .then().statusCode(200).body("items.eventId", contains("p1")).body("nextCursor", nullValue());
        as(ws).get("/workspaces/" + ws + "/conversions?customerId=c1").then().body("items.eventId", contains("p3", "p1"));
    }
}
