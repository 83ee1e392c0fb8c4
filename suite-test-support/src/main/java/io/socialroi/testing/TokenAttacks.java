package io.socialroi.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays {@link TestTokens#attacks()} against one endpoint of a service: each must get a 401 problem+json
 * (and nothing else), while a valid admin token gets what it normally gets, so the check cannot pass by
 * refusing everything.
 */
public final class TokenAttacks {

    private TokenAttacks() {
    }

    /** Failures, empty if every bad token was refused and the good one was not. */
    public static List<String> check(String method, String path, int goodStatus) {
        List<String> failures = new ArrayList<>();
        Response good = given().auth().oauth2(TestTokens.admin()).request(method, path);
        if (good.statusCode() != goodStatus) {
            failures.add("a valid admin token got " + good.statusCode() + " instead of " + goodStatus + " on "
                    + method + " " + path);
        }
        for (Map.Entry<String, String> attack : TestTokens.attacks().entrySet()) {
            Response answer = given().auth().oauth2(attack.getValue()).request(method, path);
            String type = answer.contentType() == null ? "" : answer.contentType();
            if (answer.statusCode() != 401 || !type.startsWith("application/problem+json")) {
                failures.add(attack.getKey() + ": " + answer.statusCode() + " " + type + " on " + method + " " + path);
            } else if (!Integer.valueOf(401).equals(answer.jsonPath().get("status"))) {
                failures.add(attack.getKey() + ": problem without status 401 on " + method + " " + path);
            }
        }
        return failures;
    }
}
