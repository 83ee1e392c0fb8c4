package io.socialroi.conversion.audience;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.conversion.Emails;
import io.socialroi.testing.FakeServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Audience files in each ad platform's customer-list layout, from identified customers' hashed e-mail and phone. */
@QuarkusTest
class AudienceLayoutsTest {

    @FakeServices.Inject
    Fakes fakes;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    long count(String sql, UUID ws) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            s.setObject(1, ws);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeBreaker() {
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    static final String JANE = Emails.sha256("jane.doe@gmail.com");
    static final String JANE_GOOGLE = Emails.sha256("janedoe@gmail.com");
    static final String BOB = Emails.sha256("bob@example.com");
    static final String US_PLUS = Emails.sha256("+14155550100");
    static final String US_DIGITS = Emails.sha256("14155550100");
    static final String UK_PLUS = Emails.sha256("+442079460958");
    static final String UK_DIGITS = Emails.sha256("442079460958");

    /**
     * Engaged: ig:1 and ig:3 (both cust-1: an old purchase with an old address, a newer one with Jane's address and
     * phone), ig:2 (cust-2: an identity with an e-mail), tt:4 (nobody known), fb:5 (cust-3: an identity with a phone
     * written the British way).
     */
    UUID workspace() {
        UUID ws = fakes.workspace();
        StringBuilder items = new StringBuilder();
        for (String actor : new String[] {"ig:1", "ig:2", "ig:3", "tt:4", "fb:5"}) {
            items.append(items.isEmpty() ? "" : ",").append(AudienceResourceTest.actor(actor, false));
        }
        fakes.engagement.on("POST", "/workspaces/" + ws + "/actors/search",
                r -> FakeServer.Reply.json(200, "{\"items\":[" + items + "],\"nextCursor\":null}"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        // The newer purchase arrives first: the one stated last by occurredAt wins, not the one stored last.
        as(ws).body("{\"eventId\":\"o2\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"10\",\"currency\":\"EUR\"},"
                + "\"occurredAt\":\"" + now.minusDays(1) + "\",\"customerId\":\"cust-1\",\"actorIds\":[\"ig:3\"],"
                + "\"email\":\" Jane.Doe@Gmail.com\",\"phone\":\"+1 (415) 555-0100\"}")
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201)
                .body("phoneSha256", equalTo(US_PLUS));
        as(ws).body("{\"eventId\":\"o1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"10\",\"currency\":\"EUR\"},"
                + "\"occurredAt\":\"" + now.minusDays(3) + "\",\"customerId\":\"cust-1\",\"actorIds\":[\"ig:1\"],"
                + "\"email\":\"old@example.com\"}").post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        as(ws).body("{\"customerId\":\"cust-2\",\"actorId\":\"ig:2\",\"platform\":\"INSTAGRAM\","
                + "\"email\":\"Bob@Example.com\"}").post("/workspaces/" + ws + "/identities").then().statusCode(201);
        as(ws).body("{\"customerId\":\"cust-3\",\"actorId\":\"fb:5\",\"platform\":\"FACEBOOK\","
                + "\"phone\":\"0044 20 7946 0958\"}").post("/workspaces/" + ws + "/identities").then().statusCode(201);
        return ws;
    }

    String audience(UUID ws) {
        return as(ws).body("{\"name\":\"Everyone\",\"engagedWithinDays\":30}").post("/workspaces/" + ws + "/audiences")
                .then().statusCode(201).extract().path("id");
    }

    String file(UUID ws, String id, String layout, int members, int matchable) {
        return as(ws).accept("text/csv").get("/workspaces/" + ws + "/audiences/" + id + "/members"
                        + (layout == null ? "" : "?layout=" + layout)).then().statusCode(200).contentType("text/csv")
                .header("Audience-Members", String.valueOf(members))
                .header("Audience-Matchable-Members", String.valueOf(matchable))
                .header("Content-Disposition", containsString(layout == null ? id + ".csv"
                        : id + "-" + layout.toLowerCase(java.util.Locale.ROOT) + ".csv"))
                .extract().asString();
    }

    @Test
    void eachPlatformGetsItsOwnLayoutOneRowPerCustomerItCanMatch() {
        UUID ws = workspace();
        String id = audience(ws);
        assertEquals("email,phone,extern_id\n"
                + JANE + "," + US_DIGITS + "," + Emails.sha256("cust-1") + "\n"
                + BOB + ",," + Emails.sha256("cust-2") + "\n"
                + "," + UK_DIGITS + "," + Emails.sha256("cust-3") + "\n", file(ws, id, "META", 5, 3));
        assertEquals("Email,Phone\n"
                + JANE_GOOGLE + "," + US_PLUS + "\n"
                + BOB + ",\n"
                + "," + UK_PLUS + "\n", file(ws, id, "GOOGLE", 5, 3));
        assertEquals("Email_SHA256,Phone_SHA256\n"
                + JANE + "," + US_PLUS + "\n"
                + BOB + ",\n"
                + "," + UK_PLUS + "\n", file(ws, id, "tiktok", 5, 3));
        // LinkedIn matches e-mails only; its template's header is kept whole.
        assertEquals("email,firstname,lastname,jobtitle,employeecompany,country,googleaid\n"
                + JANE + ",,,,,,\n"
                + BOB + ",,,,,,\n", file(ws, id, "LINKEDIN", 5, 2));
        // The suite's own layout: one row per member, the e-mail of its customer (now also from identities).
        assertEquals("email,extern_id\n"
                + JANE + "," + Emails.sha256("ig:1") + "\n"
                + BOB + "," + Emails.sha256("ig:2") + "\n"
                + JANE + "," + Emails.sha256("ig:3") + "\n"
                + "," + Emails.sha256("tt:4") + "\n"
                + "," + Emails.sha256("fb:5") + "\n", file(ws, id, null, 5, 3));
    }

    @Test
    void anUnknownLayoutOrANumberWithoutItsCountryCodeIsRefusedAndChangesNothing() {
        UUID ws = workspace();
        String id = audience(ws);
        for (String layout : new String[] {"SNAPCHAT", "SUITE", "meta,google"}) {
            as(ws).accept("text/csv").get("/workspaces/" + ws + "/audiences/" + id + "/members?layout=" + layout)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("layout"));
        }
        long links = count("SELECT count(*) FROM identity_link WHERE workspace_id = ?", ws);
        long contacts = count("SELECT count(*) FROM customer_contact WHERE workspace_id = ?",
                ws);
        as(ws).body("{\"customerId\":\"cust-9\",\"actorId\":\"ig:9\",\"platform\":\"INSTAGRAM\","
                + "\"phone\":\"(415) 555-0100\"}").post("/workspaces/" + ws + "/identities").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("phone"));
        as(ws).body("{\"customerId\":\"cust-9\",\"actorId\":\"ig:9\",\"platform\":\"INSTAGRAM\","
                + "\"email\":\"not-an-address\"}").post("/workspaces/" + ws + "/identities").then().statusCode(422)
                .body("errors[0].field", equalTo("email"));
        as(ws).body("{\"eventId\":\"o9\",\"type\":\"LEAD\",\"occurredAt\":\"2026-11-20T10:00:00Z\","
                + "\"phone\":\"555-0100\"}").post("/workspaces/" + ws + "/conversions").then().statusCode(422)
                .body(containsString("country code"));
        assertEquals(links, count(
                "SELECT count(*) FROM identity_link WHERE workspace_id = ?", ws));
        assertEquals(contacts, count(
                "SELECT count(*) FROM customer_contact WHERE workspace_id = ?", ws));
        assertEquals(0, count(
                "SELECT count(*) FROM conversion WHERE workspace_id = ? AND event_id = 'o9'", ws));
    }

    @Test
    void restatingAContactMovesItsMomentAndNothingUnhashedIsStored() {
        UUID ws = workspace();
        as(ws).body("{\"customerId\":\"cust-2\",\"actorId\":\"ig:2\",\"platform\":\"INSTAGRAM\","
                + "\"email\":\"bob@example.com\"}").post("/workspaces/" + ws + "/identities").then().statusCode(200);
        assertEquals(1, count(
                "SELECT count(*) FROM customer_contact WHERE workspace_id = ? AND customer_id = 'cust-2'", ws));
        assertEquals(0, count("SELECT count(*) FROM customer_contact WHERE workspace_id = ? "
                + "AND (email_sha256 LIKE '%@%' OR phone_sha256 LIKE '+%' OR phone_digits_sha256 LIKE '44%')", ws));
        assertEquals(0, count("SELECT count(*) FROM conversion WHERE workspace_id = ? "
                + "AND (phone_sha256 LIKE '+%' OR email_google_sha256 LIKE '%@%')", ws));
    }
}
