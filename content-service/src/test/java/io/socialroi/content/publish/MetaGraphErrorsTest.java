package io.socialroi.content.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Graph's error objects as {@link MetaGraph#outcome} reads them, code by code, as Meta's error-handling guide and
 * the Instagram error codes list them (the publishing tests cover one of each kind end to end).
 */
class MetaGraphErrorsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static PublishResult outcome(int status, String error) throws Exception {
        return MetaGraph.outcome("Facebook", status, JSON.readTree("{\"error\":" + error + "}"), "pages_manage_posts");
    }

    static String error(int code, Integer subcode, String message) {
        return "{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"F1\"}";
    }

    @Test
    void tokenAndPermissionErrorsAskToReconnect() throws Exception {
        for (int code : new int[] {190, 102}) {
            PublishResult r = outcome(400, error(code, 460, "Error validating access token"));
            assertTrue(r.reconnect(), "code " + code);
            assertEquals(PublishResult.Kind.FAILED, r.kind());
            assertTrue(r.reason().startsWith("Facebook refused the account's token (HTTP 400, code " + code + "/460: "
                    + "Error validating access token)"), r.reason());
        }
        for (int code : new int[] {10, 200, 230, 299}) {
            PublishResult r = outcome(403, error(code, null, "(#" + code + ") Permissions error"));
            assertTrue(r.reconnect(), "code " + code);
            assertTrue(r.reason().contains("the account must grant pages_manage_posts"), r.reason());
        }
    }

    @Test
    void rateLimitsAndTransientErrorsAreRetried() throws Exception {
        for (int code : new int[] {4, 17, 32, 613, 80001, 80014}) {
            PublishResult r = outcome(400, error(code, null, "(#" + code + ") limit reached"));
            assertEquals(PublishResult.Kind.RETRY, r.kind(), "code " + code);
            assertTrue(r.reason().startsWith("Facebook rate limit"), r.reason());
        }
        assertEquals(PublishResult.Kind.RETRY, outcome(400, error(9, 2207042, "You reached maximum number of "
                + "posts")).kind(), "Instagram's publishing limit");
        for (int code : new int[] {1, 2, -1, -2}) {
            assertEquals(PublishResult.Kind.RETRY, outcome(400, error(code, null, "Please retry")).kind(),
                    "code " + code);
        }
        assertEquals(PublishResult.Kind.RETRY, outcome(400, "{\"message\":\"Temporary\",\"code\":100,"
                + "\"is_transient\":true}").kind(), "is_transient");
        assertEquals(PublishResult.Kind.RETRY, outcome(400, error(9007, 2207027, "Media ID is not available"))
                .kind(), "not ready for publishing");
        assertEquals(PublishResult.Kind.RETRY, MetaGraph.outcome("Facebook", 502, JSON.createObjectNode(),
                "pages_manage_posts").kind(), "a 5xx without a body");
        assertEquals(PublishResult.Kind.RETRY, outcome(429, error(0, null, "Too many")).kind());
    }

    @Test
    void refusedContentFailsWithMetasMessage() throws Exception {
        PublishResult duplicate = outcome(400, error(506, null, "(#506) Duplicate status message"));
        assertEquals(PublishResult.Kind.FAILED, duplicate.kind());
        assertFalse(duplicate.reconnect());
        assertEquals("Facebook refused the post (HTTP 400, code 506: (#506) Duplicate status message)",
                duplicate.reason());
        assertEquals(PublishResult.Kind.FAILED, outcome(400, error(100, 33, "Unsupported post request")).kind());
        assertEquals(PublishResult.Kind.FAILED, outcome(400, error(368, 1390008, "Blocked")).kind());
        PublishResult spam = outcome(400, error(4, 2207051, "We restrict certain activity"));
        assertEquals(PublishResult.Kind.FAILED, spam.kind(), "Instagram's spam restriction is no rate limit");
        // Meta's message for users is added when it says more.
        PublishResult user = outcome(400, "{\"message\":\"The image size is too large.\",\"code\":36000,"
                + "\"error_subcode\":2207004,\"error_user_msg\":\"It should be less than 8 MiB.\"}");
        assertEquals("Facebook refused the post (HTTP 400, code 36000/2207004: The image size is too large. It should "
                + "be less than 8 MiB.)", user.reason());
    }
}
