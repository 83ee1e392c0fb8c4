package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.socialroi.engagement.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Served over HTTPS (k8s sets SUITE_SECURE_COOKIE=true), the visitor cookie is Secure, HttpOnly and SameSite=Lax. */
@QuarkusTest
@TestProfile(SecureVisitorCookieTest.Https.class)
class SecureVisitorCookieTest {

    /** A deployment behind HTTPS. */
    public static class Https implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("engagement.redirect.secure-cookie", "true");
        }
    }

    @Test
    void theVisitorCookieIsSecure() {
        UUID ws = UUID.randomUUID();
        String code = "sec" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, UUID.randomUUID(), null, "INSTAGRAM", "ACTION", code, "https://shop.example/p");
        Response response = given().redirects().follow(false)
                .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36")
                .get("/r/" + code);
        String setCookie = response.header("Set-Cookie");
        assertTrue(setCookie != null && setCookie.startsWith("smv="), "a visitor cookie: " + setCookie);
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    }
}
