package io.socialroi.conversion.touchpoint;

import static io.socialroi.conversion.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.conversion.Api;
import io.socialroi.conversion.FakeServices;
import io.socialroi.conversion.Fakes;
import io.socialroi.testing.FakeServer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The background capture (scheduled every few seconds in production, disabled in tests and run by hand here). */
@QuarkusTest
class CaptureJobTest {

    @FakeServices.Inject
    Fakes fakes;

    @Inject
    CaptureJob job;


    @AfterEach
    void closeBreaker() {
        io.socialroi.common.remote.RemotePolicy.resetAll();
    }

    @Test
    void pendingConversionsAreCapturedInTheBackgroundOnceEngagementServiceAnswers() {
        // Every workspace other tests left pending gets an empty answer; this one's route decides.
        fakes.engagement.reset();
        fakes.engagement.on("POST", "/workspaces/", FakeServer.Reply.json(200, "{\"items\":[]}"));
        UUID ws = fakes.workspace();
        String search = "/workspaces/" + ws + "/touchpoints/search";
        fakes.engagement.on("POST", search, FakeServer.Reply.json(500, "{}"));
        String id = Api.purchase(ws, "bg-1", "cust-bg", "42.00", "2026-11-20T12:00:00Z", "\"clickId\":\"c-bg\"");
        job.run();
        as(ws).get("/workspaces/" + ws + "/conversions/" + id).then().body("touchpoints", equalTo("PENDING"));
        io.socialroi.common.remote.RemotePolicy.resetAll();
        fakes.engagement.on("POST", search, FakeServer.Reply.json(200, "{\"items\":[{\"eventId\":\"k1\",\"type\":"
                + "\"CLICK\",\"platform\":\"FACEBOOK\",\"postId\":\"55555555-5555-5555-5555-555555555555\","
                + "\"actorId\":null,\"clickId\":\"c-bg\",\"occurredAt\":\"2026-11-20T11:00:00Z\",\"retargeting\":true}]}"));
        job.run();
        as(ws).get("/workspaces/" + ws + "/conversions/" + id).then().body("touchpoints", equalTo("CAPTURED"));
        fakes.engagement.on("POST", search, FakeServer.Reply.json(500, "{}"));
        as(ws).get("/workspaces/" + ws + "/attribution?groupBy=platform").then().statusCode(200)
                .body("rows[0].key", equalTo("FACEBOOK")).body("rows[0].revenue.amount", equalTo("42.00"));
    }

    @Test
    void whatOneSearchCapturedStaysCapturedWhenALaterSearchFails() {
        fakes.engagement.reset();
        fakes.engagement.on("POST", "/workspaces/", FakeServer.Reply.json(200, "{\"items\":[]}"));
        UUID ws = fakes.workspace();
        String search = "/workspaces/" + ws + "/touchpoints/search";
        // 250 people with a click each: two searches of at most 200 ids (suite.capture.search-ids). The first
        // answers, every later one fails.
        AtomicInteger searches = new AtomicInteger();
        fakes.engagement.on("POST", search, request -> searches.incrementAndGet() == 1
                ? FakeServer.Reply.json(200, "{\"items\":[]}") : FakeServer.Reply.json(500, "{}"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(Api.purchase(ws, "chunk-" + i, "cust-chunk-" + i, "10.00",
                    String.format("2026-11-20T12:%02d:%02dZ", i / 60, i % 60), "\"clickId\":\"c-chunk-" + i + "\""));
        }
        job.run();
        long captured = ids.stream().filter(id -> "CAPTURED".equals(as(ws).get("/workspaces/" + ws + "/conversions/" + id)
                .then().statusCode(200).extract().path("touchpoints"))).count();
        assertEquals(200, captured, "the first search's 200 conversions are kept; the other 50 stay pending");
        // The next run goes on from there: only the 50 still pending are searched.
        io.socialroi.common.remote.RemotePolicy.resetAll();
        fakes.engagement.on("POST", search, request -> {
            searches.incrementAndGet();
            return FakeServer.Reply.json(200, "{\"items\":[]}");
        });
        int before = searches.get();
        job.run();
        assertEquals(1, searches.get() - before, "one search for the 50 left");
        for (String id : ids) {
            as(ws).get("/workspaces/" + ws + "/conversions/" + id).then().body("touchpoints", equalTo("CAPTURED"));
        }
    }
}
