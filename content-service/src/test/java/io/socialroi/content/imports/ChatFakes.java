package io.socialroi.content.imports;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.testing.FakeServer;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What TelegramWebhookTest and DiscordImportTest share: a fake engagement-service ingestion that dedupes by event id
 * as the real one does (and can be down), and a post as its publisher leaves it once the platform took it.
 */
final class ChatFakes {

    static final ObjectMapper JSON = new ObjectMapper();
    /** What engagement-service stored, by workspace: event id -> the event as sent. */
    static final Map<String, Map<String, JsonNode>> STORED = new ConcurrentHashMap<>();
    static volatile boolean engagementDown;

    private ChatFakes() {
    }

    static void engagement(FakeServer engagement) {
        engagementDown = false;
        engagement.on("POST", "/workspaces/", r -> io.socialroi.content.FakeIngestion.answer(r, STORED, engagementDown));
    }

    static Map<String, JsonNode> stored(UUID ws) {
        return STORED.getOrDefault(ws.toString(), Map.of());
    }

    /** A post of the platform, PUBLISHED with the platform's id. */
    static UUID published(EntityManager em, UUID ws, String platform, String remoteId) {
        String id = given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body("{\"platform\":\"" + platform + "\",\"funnelStage\":\"TRUST\",\"caption\":\"Our new bouquet\"}")
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update post set status = 'PUBLISHED',"
                + " remote_id = ?3, published_at = now() where workspace_id = ?1 and id = ?2").setParameter(1, ws)
                .setParameter(2, UUID.fromString(id)).setParameter(3, remoteId).executeUpdate());
        return UUID.fromString(id);
    }

    static JsonPath metrics(UUID ws, UUID post) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + post + "/platform-metrics")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A post's aggregate metric, or null. */
    static Integer metric(UUID ws, UUID post, String name) {
        return metrics(ws, post).<Map<String, Object>>getList("metrics").stream()
                .filter(m -> name.equals(m.get("metric"))).map(m -> ((Number) m.get("value")).intValue())
                .findFirst().orElse(null);
    }
}
