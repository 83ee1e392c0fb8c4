package io.socialroi.conversion.export;

import static io.socialroi.conversion.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.socialroi.common.net.OutboundHttp;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.conversion.touchpoint.CaptureJob;
import io.socialroi.testing.FakeServer.Reply;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A platform base URL on a private address is refused by the outgoing-URL guard before any connection (the address
 * is never contacted): the delivery waits as RETRYING with the guard's generic reason, nothing is marked sent.
 */
@QuarkusTest
@TestProfile(OutboundGuardExportTest.PrivateMetaUrl.class)
class OutboundGuardExportTest {

    /** Meta's base URL on a private address; loopback only is allowed. */
    public static class PrivateMetaUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.exports.meta.base-url", "http://10.0.0.1:9", "suite.outbound.allow", "127.0.0.1/32");
        }
    }

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    ExportJob job;

    @Inject
    CaptureJob capture;

    @Inject
    DataSource dataSource;

    @Test
    void aPrivatePlatformAddressIsRefusedWithoutAConnection() throws Exception {
        Instant now = Instant.now();
        UUID ws = fakes.workspace("UTC", "EUR");
        fakes.engagement.on("POST", "/workspaces/" + ws + "/touchpoints/search", Reply.json(200,
                "{\"items\":[{\"eventId\":\"t1\",\"type\":\"CLICK\",\"platform\":\"INSTAGRAM\",\"postId\":"
                        + "\"11111111-1111-1111-1111-111111111111\",\"funnelStage\":\"ACTION\",\"actorId\":\"ig:5\","
                        + "\"clickId\":null,\"occurredAt\":\"" + now.minus(Duration.ofDays(3)) + "\","
                        + "\"retargeting\":false}]}"));
        as(ws).body("{\"eventId\":\"g-1\",\"type\":\"PURCHASE\",\"value\":{\"amount\":\"9.00\",\"currency\":\"EUR\"},"
                + "\"occurredAt\":\"" + now.minus(Duration.ofDays(1)) + "\",\"actorIds\":[\"ig:5\"],\"email\":"
                + "\"test@example.com\"}").post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        capture.run();
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM export_destination")) {
            delete.executeUpdate();
        }
        as(ws).body("{\"datasetId\":\"1\",\"accessToken\":\"" + AdPlatforms.META_TOKEN + "\"}")
                .put("/workspaces/" + ws + "/exports/meta").then().statusCode(200);
        job.run(now);
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT status, reason, attempts FROM export_delivery WHERE workspace_id = ?")) {
            select.setObject(1, ws);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                assertEquals("RETRYING", rs.getString(1));
                assertEquals(OutboundHttp.NOT_ALLOWED, rs.getString(2));
                assertEquals(1, rs.getInt(3));
            }
        }
    }
}
