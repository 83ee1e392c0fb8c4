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

    /**
     * The noisy-neighbour check: {@code noisy} spends its burst on {@code path} (each answer carrying
     * RateLimit and RateLimit-Policy) and is then refused with a 429 problem+json with Retry-After, while
     * {@code quiet}, another credential of the same workspace, still gets 200. Failures, empty if none.
     */
    public static List<String> noisyNeighbour(String path, String noisy, String quiet, int burst) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            Response answer = given().auth().oauth2(noisy).get(path);
            if (answer.statusCode() != 200 || answer.header("RateLimit") == null
                    || answer.header("RateLimit-Policy") == null) {
                failures.add("request " + i + " of the burst: " + answer.statusCode() + " RateLimit="
                        + answer.header("RateLimit") + " RateLimit-Policy=" + answer.header("RateLimit-Policy"));
            }
        }
        Response refused = given().auth().oauth2(noisy).get(path);
        String type = refused.contentType() == null ? "" : refused.contentType();
        if (refused.statusCode() != 429 || !type.startsWith("application/problem+json")
                || refused.header("Retry-After") == null || refused.header("RateLimit") == null
                || !refused.header("RateLimit").contains("remaining=0") || refused.header("RateLimit-Policy") == null) {
            failures.add("past its burst the noisy credential got " + refused.statusCode() + " " + type
                    + " Retry-After=" + refused.header("Retry-After") + " RateLimit=" + refused.header("RateLimit"));
        }
        Response calm = given().auth().oauth2(quiet).get(path);
        if (calm.statusCode() != 200) {
            failures.add("the quiet credential of the same workspace got " + calm.statusCode());
        }
        return failures;
    }

    /** The body of content-service's {@code GET /auth/revocations} listing these jtis and subjects (revoked now). */
    public static String revocationList(List<String> jtis, List<String> subjects) {
        String now = java.time.Instant.now().plusSeconds(1).toString();
        StringBuilder json = new StringBuilder("{\"asOf\":\"" + now + "\",\"tokens\":[");
        json.append(String.join(",", jtis.stream().map(j -> "\"" + j + "\"").toList()));
        json.append("],\"subjects\":[");
        json.append(String.join(",", subjects.stream()
                .map(s -> "{\"subject\":\"" + s + "\",\"revokedAt\":\"" + now + "\"}").toList()));
        return json.append("]}").toString();
    }
}
