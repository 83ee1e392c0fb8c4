package io.socialroi.content.recipient;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.content.Fixtures;
import io.socialroi.content.post.Platform;
import io.socialroi.testing.TestTokens;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The messaging platforms' recipient lists: validation, replacement, paging, scopes, and the unsubscribe tokens. */
@QuarkusTest
class RecipientsTest {

    @Inject
    UnsubscribeTokens tokens;

    static String url(UUID ws, String platform) {
        return "/workspaces/" + ws + "/publishers/" + platform + "/recipients";
    }

    static io.restassured.response.ValidatableResponse put(UUID ws, String platform, String body) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON).body(body).put(url(ws, platform)).then();
    }

    @Test
    void aListIsValidatedPerPlatformWithErrorsNamingTheIndexAndNothingIsStoredWhenOneIsBad() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        put(ws, "SMS", "{\"recipients\":[{\"address\":\"+393471234567\"},{\"address\":\"3471234567\"},"
                + "{\"address\":\"+39 347 123\"},{\"address\":\"+393471234567\"},{}]}").statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("recipients[1].address", "recipients[2].address",
                        "recipients[3].address", "recipients[4].address"))
                .body("errors[2].message", equalTo("is recipients[0] again"))
                .body("errors[3].message", equalTo("is required"));
        put(ws, "WHATSAPP", "{\"recipients\":[{\"address\":\"anna@example.com\"}]}").statusCode(422)
                .body("errors.field", contains("recipients[0].address"));
        put(ws, "EMAIL", "{\"recipients\":[{\"address\":\"anna@example.com\"},{\"address\":\"+393471234567\"},"
                + "{\"address\":\"a b@example.com\"},{\"address\":\"x@example.com\\r\\nBcc: y@example.com\"},"
                + "{\"address\":\"ok@example.com\",\"consentedAt\":\"2099-01-01T00:00:00Z\"}]}").statusCode(422)
                .body("errors.field", contains("recipients[1].address", "recipients[2].address",
                        "recipients[3].address", "recipients[4].consentedAt"));
        put(ws, "X", "{\"recipients\":[]}").statusCode(422).body("errors.field", hasItem("platform"));
        put(ws, "NOWHERE", "{\"recipients\":[]}").statusCode(422).body("errors.field", hasItem("platform"));
        put(ws, "SMS", "{}").statusCode(422).body("errors.field", hasItem("recipients"));
        StringBuilder many = new StringBuilder("{\"recipients\":[");
        for (int i = 0; i <= RecipientResource.MAX; i++) {
            many.append(i == 0 ? "" : ",").append("{\"address\":\"+1415555").append(String.format("%05d", i)).append("\"}");
        }
        put(ws, "SMS", many.append("]}").toString()).statusCode(422).body("errors.field", hasItem("recipients"));
        assertEquals(0, Fixtures.count("select count(*) from recipient where workspace_id = ?", ws));
    }

    @Test
    void aListReplacesTheEarlierOneKeepsWhoUnsubscribedAndPagesInAddressOrder() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        put(ws, "SMS", "{\"recipients\":[{\"address\":\"+393471234567\",\"consentedAt\":\"2026-03-01T10:00:00Z\"},"
                + "{\"address\":\"+14155550123\"},{\"address\":\"+447700900123\"}]}").statusCode(200)
                .body("platform", equalTo("SMS")).body("total", equalTo(3)).body("subscribed", equalTo(3))
                .body("items.address", contains("+14155550123", "+393471234567", "+447700900123"))
                .body("items[1].consentedAt", equalTo("2026-03-01T10:00:00Z")).body("items[0].consentedAt", nullValue())
                .body("next", nullValue());
        // The e-mail list of the same workspace is another list.
        put(ws, "EMAIL", "{\"recipients\":[{\"address\":\"Anna@Example.COM\"}]}").statusCode(200)
                .body("items.address", contains("Anna@example.com"));

        // One unsubscribes (as the e-mail link or Twilio's 21610 would); a new list drops one and adds one.
        given().post("/unsubscribe/" + tokens.token(ws, Platform.SMS, "+447700900123")).then().statusCode(200);
        put(ws, "SMS", "{\"recipients\":[{\"address\":\"+393471234567\"},{\"address\":\"+447700900123\"},"
                + "{\"address\":\"+4915112345678\"}]}").statusCode(200)
                .body("total", equalTo(3)).body("subscribed", equalTo(2))
                .body("items.address", contains("+393471234567", "+447700900123", "+4915112345678"))
                // Consent given earlier is kept when the new list does not say.
                .body("items[0].consentedAt", equalTo("2026-03-01T10:00:00Z"))
                .body("items[1].subscribed", equalTo(false)).body("items[1].unsubscribedAt", notNullValue());
        // Dropped from the list, an unsubscribed recipient is still kept (and never sent to).
        put(ws, "SMS", "{\"recipients\":[{\"address\":\"+393471234567\"}]}").statusCode(200)
                .body("items.address", contains("+393471234567", "+447700900123")).body("subscribed", equalTo(1));

        JsonPath first = given().auth().oauth2(TestTokens.workspace(ws, "content:read"))
                .get(url(ws, "SMS") + "?limit=1").then().statusCode(200).body("items", hasSize(1))
                .extract().jsonPath();
        assertEquals("+393471234567", first.getString("next"));
        given().auth().oauth2(TestTokens.workspace(ws, "content:read"))
                .queryParam("limit", 1).queryParam("after", first.getString("next")).get(url(ws, "SMS")).then()
                .statusCode(200).body("items.address", contains("+447700900123")).body("next", nullValue());
        given().auth().oauth2(writer(ws)).get(url(ws, "SMS") + "?limit=0").then().statusCode(422);
        given().auth().oauth2(writer(ws)).get(url(ws, "SMS") + "?limit=1001").then().statusCode(422);
        put(ws, "SMS", "{\"recipients\":[]}").statusCode(200).body("items.address", contains("+447700900123"));
    }

    @Test
    void readersReadAndOnlyWritersReplaceTheirOwnWorkspacesList() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        put(ws, "WHATSAPP", "{\"recipients\":[{\"address\":\"+393471234567\"}]}").statusCode(200);
        String reader = TestTokens.workspace(ws, "content:read");
        given().auth().oauth2(reader).get(url(ws, "WHATSAPP")).then().statusCode(200)
                .body("items.address", contains("+393471234567"));
        given().auth().oauth2(reader).contentType(ContentType.JSON).body("{\"recipients\":[]}").put(url(ws, "WHATSAPP"))
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"recipients\":[]}").put(url(ws, "WHATSAPP")).then().statusCode(401);
        given().auth().oauth2(TestTokens.workspace(UUID.randomUUID(), "content:read", "content:write"))
                .get(url(ws, "WHATSAPP")).then().statusCode(404);
        String viewer = TestTokens.workspaces(List.of(ws), "CLIENT_VIEWER", "content:read");
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body("{\"recipients\":[]}").put(url(ws, "WHATSAPP"))
                .then().statusCode(403);
        given().auth().oauth2(viewer).get(url(ws, "WHATSAPP")).then().statusCode(200);
        assertEquals(1, Fixtures.count("select count(*) from recipient where workspace_id = ?", ws));
    }

    @Test
    void unsubscribeTokensCannotBeForgedOrMovedToAnotherAddress() {
        UUID ws = UUID.randomUUID();
        String token = tokens.token(ws, Platform.EMAIL, "anna@example.com");
        assertEquals(Optional.of(new UnsubscribeTokens.Subject(ws, Platform.EMAIL, "anna@example.com")),
                tokens.verify(token));
        assertEquals(token, tokens.token(ws, Platform.EMAIL, "anna@example.com"));
        String[] parts = token.split("\\.");
        String other = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString((ws + " EMAIL bruno@example.com")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), tokens.verify(other + "." + parts[1]));
        assertEquals(Optional.empty(), tokens.verify(parts[0]));
        assertEquals(Optional.empty(), tokens.verify(parts[0] + ".AAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals(Optional.empty(), tokens.verify("not a token"));
        assertNotEquals(token, tokens.token(ws, Platform.SMS, "anna@example.com"));
        assertTrue(token.matches("[A-Za-z0-9_.-]+"));
        given().post("/unsubscribe/" + other + "." + parts[1]).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/unsubscribe/" + other + "." + parts[1]).then().statusCode(404);
    }
}
