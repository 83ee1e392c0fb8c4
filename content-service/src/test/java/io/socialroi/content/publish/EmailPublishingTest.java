package io.socialroi.content.publish;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.await;
import static io.socialroi.content.Fixtures.writer;
import static io.socialroi.content.publish.NativePublishingTest.configure;
import static io.socialroi.content.publish.NativePublishingTest.post;
import static io.socialroi.content.publish.NativePublishingTest.scheduledNow;
import static io.socialroi.content.publish.NativePublishingTest.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.Fixtures;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EMAIL_SMTP against a fake SMTP server ({@link FakeSmtp}): one message per subscribed recipient with From, To,
 * Subject and the RFC 8058 unsubscribe headers; per-recipient outcomes kept across retries; the one-click unsubscribe
 * link (POST unsubscribes, GET does not); SMTP replies mapped (550 refused, 451 again, 535 reconnect).
 */
@QuarkusTest
class EmailPublishingTest {

    static final Pattern LINK = Pattern.compile("<https://suite\\.agency\\.example/unsubscribe/([A-Za-z0-9_.-]+)>");

    FakeSmtp smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new FakeSmtp("news@fiori.example", "app-password-1234");
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    String publisher(String password, String startTls) {
        return "{\"type\":\"EMAIL_SMTP\",\"smtpHost\":\"127.0.0.1\",\"smtpPort\":" + smtp.port() + ",\"smtpUsername\":"
                + "\"news@fiori.example\",\"smtpPassword\":\"" + password + "\",\"from\":\"news@fiori.example\""
                + (startTls == null ? "" : ",\"startTls\":\"" + startTls + "\"") + "}";
    }

    static void recipients(UUID ws, String platform, String... addresses) {
        StringBuilder body = new StringBuilder("{\"recipients\":[");
        for (int i = 0; i < addresses.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"address\":\"").append(addresses[i]).append("\"}");
        }
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body.append("]}").toString())
                .put("/workspaces/" + ws + "/publishers/" + platform + "/recipients").then().statusCode(200);
    }

    static final String POST = "{\"platform\":\"EMAIL\",\"funnelStage\":\"ACTION\",\"caption\":\"Peonies are in "
            + "today.\",\"callToAction\":\"Order\",\"landingUrl\":\"https://fiori.example/peonies\","
            + "\"platformOptions\":{\"title\":\"Spring peonies\"}}";

    @Test
    void eachRecipientGetsOneMessageWithTheUnsubscribeHeadersAndRetriesSendOnlyToThoseNotYetSent() throws Exception {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        configure(ws, "EMAIL", publisher("app-password-1234", "OPTIONAL"));
        recipients(ws, "EMAIL", "anna@example.com", "bruno@example.com", "carla@example.com", "dario@example.com");
        smtp.deferOnce.add("carla@example.com");
        smtp.refuse.add("dario@example.com");
        String id = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, id)));

        JsonPath view = post(ws, id);
        assertEquals("sent to 3 of 4 recipients; 1 refused: dario@example.com: SMTP 550 5.1.1 <dario@example.com>: "
                + "Recipient address rejected: User unknown", view.getString("publishing.failureReason"));
        // Carla was greylisted once (451) and sent at a later attempt; nobody got a message twice. (Whether the
        // first attempt reached Dario before its time budget ran out depends on the machine: the order may vary.)
        assertEquals(List.of("anna@example.com 250", "bruno@example.com 250", "carla@example.com 250",
                "carla@example.com 451", "dario@example.com 550"), smtp.rcpts.stream().sorted().toList());
        assertTrue(smtp.rcpts.indexOf("carla@example.com 451") < smtp.rcpts.indexOf("carla@example.com 250"));
        assertEquals(List.of("anna@example.com 250", "bruno@example.com 250", "carla@example.com 451"),
                smtp.rcpts.subList(0, 3));
        for (String to : List.of("anna@example.com", "bruno@example.com", "carla@example.com")) {
            List<FakeSmtp.Message> got = smtp.to(to);
            assertEquals(1, got.size(), to);
            FakeSmtp.Message m = got.get(0);
            assertEquals(List.of(to), m.rcptTo());
            assertEquals("news@fiori.example", m.mailFrom());
            assertEquals("news@fiori.example", m.header("From"));
            assertEquals(to, m.header("To"));
            assertEquals("Spring peonies", m.header("Subject"));
            assertEquals("List-Unsubscribe=One-Click", m.header("List-Unsubscribe-Post"));
            Matcher link = LINK.matcher(m.header("List-Unsubscribe"));
            assertTrue(link.matches(), m.header("List-Unsubscribe"));
            String body = m.body().replace("=\r\n", "").replace("=3D", "=");
            assertTrue(body.contains("Peonies are in today."), body);
            assertTrue(body.contains("Order: " + view.getString("trackedLink.url")), body);
            assertTrue(body.contains("Unsubscribe: https://suite.agency.example/unsubscribe/" + link.group(1)), body);
        }
        assertEquals(List.of(), smtp.to("dario@example.com"));
        assertEquals(3, Fixtures.count("select count(*) from post_recipient_delivery where post_id = ? and sent_at "
                + "is not null and remote_id is not null", UUID.fromString(id)));
        assertEquals(1, Fixtures.count("select count(*) from post_recipient_delivery where post_id = ? and refused_at "
                + "is not null and address = 'dario@example.com'", UUID.fromString(id)));

        // Retried by hand: the refused recipient stays refused, the others are not sent again.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body("{\"comment\":\"again\"}")
                .post("/workspaces/" + ws + "/posts/" + id + "/retry").then().statusCode(200);
        await("failure again", () -> Fixtures.count("select count(*) from post_history where post_id = ? and "
                + "action = 'failed'", UUID.fromString(id)) == 2);
        assertEquals("FAILED", status(ws, id));
        assertEquals(3, smtp.messages.size());
        assertEquals(5, smtp.rcpts.size());
    }

    @Test
    void aPublishedBroadcastCountsItsRecipientsAndTheOneClickLinkUnsubscribesOnPostOnly() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        configure(ws, "EMAIL", publisher("app-password-1234", "OPTIONAL"));
        recipients(ws, "EMAIL", "xena@example.com", "yuri@Example.COM");
        String first = scheduledNow(ws, POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, first)));
        JsonPath view = post(ws, first);
        assertEquals("2", view.getString("remoteId"));
        assertNull(view.getString("permalink"));
        assertEquals(1, smtp.to("xena@example.com").size());
        assertEquals(1, smtp.to("yuri@example.com").size());
        assertTrue(smtp.auths.stream().allMatch(a -> a.endsWith(" news@fiori.example")), smtp.auths.toString());

        Matcher link = LINK.matcher(smtp.to("yuri@example.com").get(0).header("List-Unsubscribe"));
        assertTrue(link.matches());
        String path = "/unsubscribe/" + link.group(1);
        // A GET (mail scanners, link previews) only shows the page.
        given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer").body(containsString("yuri@example.com"))
                .body(containsString("<form method=\"post\">"));
        given().get(path).then().statusCode(200);
        subscribed(ws, "yuri@example.com", true);
        // The one-click POST, as RFC 8058 mail clients send it; again is the same.
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(path).then()
                .statusCode(200).body(containsString("is unsubscribed"));
        given().post(path).then().statusCode(200);
        subscribed(ws, "yuri@example.com", false);
        given().get(path).then().statusCode(200).body(not(containsString("<form")));
        // A forged or altered token does nothing.
        String forged = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
        given().post(forged).then().statusCode(404);
        given().post("/unsubscribe/bm90LWEtdG9rZW4").then().statusCode(404);
        // A list uploaded later does not subscribe her again.
        recipients(ws, "EMAIL", "xena@example.com", "yuri@example.com");
        subscribed(ws, "yuri@example.com", false);

        String second = scheduledNow(ws, POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, second)));
        assertEquals("1", post(ws, second).getString("remoteId"));
        assertEquals(2, smtp.to("xena@example.com").size());
        assertEquals(1, smtp.to("yuri@example.com").size());
    }

    @Test
    void aLongBroadcastStopsAtItsTimeBudgetAndTheNextAttemptContinuesWithoutCountingAsAFailure() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        configure(ws, "EMAIL", publisher("app-password-1234", "OPTIONAL"));
        recipients(ws, "EMAIL", "r1@example.com", "r2@example.com", "r3@example.com", "r4@example.com",
                "r5@example.com");
        // Each message takes 0.6 s; the tests' budget is 1 s: two or so per attempt, more attempts than the
        // three a failing post gets, and still every recipient gets one message and the post is PUBLISHED.
        smtp.rcptDelayMillis = 600;
        String id = scheduledNow(ws, POST);
        await("publication", () -> "PUBLISHED".equals(status(ws, id)));
        JsonPath view = post(ws, id);
        assertEquals("5", view.getString("remoteId"));
        assertEquals(1, view.getInt("publishing.attempts"));
        for (int i = 1; i <= 5; i++) {
            assertEquals(1, smtp.to("r" + i + "@example.com").size());
        }
        assertEquals(5, smtp.rcpts.size());
        // Several sessions (attempts) were needed.
        assertTrue(smtp.auths.size() >= 3, smtp.auths.toString());
    }

    static void subscribed(UUID ws, String address, boolean subscribed) {
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/EMAIL/recipients").then()
                .statusCode(200).body("items.find { it.address == '" + address + "' }.subscribed", equalTo(subscribed))
                .body("items.find { it.address == '" + address + "' }.unsubscribedAt",
                        subscribed ? nullValue() : notNullValue());
    }

    @Test
    void aRefusedLoginFailsThePostAskingToReconnectAndAServerWithoutStartTlsIsRefusedWhenRequired() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        configure(ws, "EMAIL", publisher("wrong-password", "OPTIONAL"));
        recipients(ws, "EMAIL", "zoe@example.com");
        String id = scheduledNow(ws, POST);
        await("failure", () -> "FAILED".equals(status(ws, id)));
        String reason = post(ws, id).getString("publishing.failureReason");
        assertTrue(reason.startsWith("the SMTP server refused the login (SMTP 535"), reason);
        assertTrue(reason.endsWith("reconnect the account"), reason);
        assertEquals(1, post(ws, id).getInt("publishing.attempts"));
        assertEquals(List.of(), smtp.messages);
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/EMAIL").then()
                .body("reconnectReason", equalTo(reason));

        // startTls REQUIRED (the default) and a server that does not offer STARTTLS: nothing is sent in clear.
        UUID strict = Fixtures.workspace("UTC", "EUR");
        configure(strict, "EMAIL", publisher("app-password-1234", null));
        recipients(strict, "EMAIL", "zoe@example.com");
        String other = scheduledNow(strict, POST);
        await("failure", () -> "FAILED".equals(status(strict, other)));
        String why = post(strict, other).getString("publishing.failureReason");
        assertTrue(why.contains("STARTTLS") && why.endsWith("reconnect the account"), why);
        assertEquals(List.of(), smtp.messages);
        assertEquals(List.of(), smtp.auths.stream().filter(a -> a.contains("app-password")).toList());
    }

    @Test
    void theSubjectIsRequiredAtSubmitAndThePublisherIsValidated() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        JsonPath shown = configure(ws, "EMAIL", publisher("app-password-1234", null));
        assertEquals("EMAIL_SMTP", shown.getString("type"));
        assertEquals("news@fiori.example", shown.getString("target"));
        assertEquals("127.0.0.1", shown.getString("settings.smtpHost"));
        assertEquals(smtp.port(), shown.getInt("settings.smtpPort"));
        assertEquals("REQUIRED", shown.getString("settings.startTls"));
        assertEquals(true, shown.getBoolean("secretSet"));
        assertTrue(!shown.prettify().contains("app-password-1234"));
        assertTrue(Fixtures.count("select count(*) from publisher where workspace_id = ? and secret like "
                + "'%app-password%'", ws) == 0);

        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"EMAIL\",\"funnelStage\":\"ACTION\",\"caption\":\"No subject\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("platformOptions.title"));
        assertEquals("DRAFT", status(ws, id));

        String good = publisher("app-password-1234", null);
        NativePublishingTest.refused(ws, "EMAIL", good.replace(",\"from\":\"news@fiori.example\"", ""), "from");
        NativePublishingTest.refused(ws, "EMAIL", good.replace("\"from\":\"news@fiori.example\"",
                "\"from\":\"not an address\""), "from");
        NativePublishingTest.refused(ws, "EMAIL", good.replace("}", ",\"startTls\":\"SOMETIMES\"}"), "startTls");
        NativePublishingTest.refused(ws, "EMAIL", good.replace("\"127.0.0.1\"", "\"smtp://127.0.0.1\""), "smtpHost");
        NativePublishingTest.refused(ws, "EMAIL", good.replace("}", ",\"chatId\":\"@x_news\"}"), "chatId");
        NativePublishingTest.refused(ws, "SMS", good, "type");
        // The SMTP host goes through the outgoing-address guard.
        given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(good.replace("\"127.0.0.1\"",
                "\"10.1.2.3\"")).put("/workspaces/" + ws + "/publishers/EMAIL").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("smtpHost"));
        given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/publishers/EMAIL").then()
                .body("settings.smtpHost", equalTo("127.0.0.1"));
    }
}
