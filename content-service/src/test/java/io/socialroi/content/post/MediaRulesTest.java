package io.socialroi.content.post;

import static io.restassured.RestAssured.given;
import static io.socialroi.content.Fixtures.writer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialroi.content.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The media themselves are checked at submit and schedule, as the platform will fetch them: size, aspect ratio,
 * duration and format read from a CDN that serves byte ranges; a refused post stays as it was.
 */
@QuarkusTest
class MediaRulesTest {

    static MediaFiles cdn;

    @BeforeAll
    static void start() {
        cdn = new MediaFiles();
    }

    @AfterAll
    static void stop() {
        cdn.close();
    }

    static String draft(UUID ws, String platform, List<String> media) {
        return given().auth().oauth2(writer(ws)).contentType(ContentType.JSON)
                .body(java.util.Map.of("platform", platform, "funnelStage", "ATTENTION", "caption", "New collection",
                        "mediaUrls", media))
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse submit(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).post("/workspaces/" + ws + "/posts/" + id + "/submit").then();
    }

    static String status(UUID ws, String id) {
        return given().auth().oauth2(writer(ws)).get("/workspaces/" + ws + "/posts/" + id).then().statusCode(200)
                .extract().path("status");
    }

    @Test
    void instagramTakesJpegsUpToEightMegabytesBetweenFourFifthsAndOnePointNineOne() {
        UUID ws = Fixtures.workspace("Europe/Rome", "EUR");
        String good = cdn.put("/ig/portrait.jpg", MediaFiles.padded(MediaFiles.jpeg(1080, 1350), 4_000_000, "image/jpeg"));
        String png = cdn.put("/ig/square.jpg", MediaFiles.padded(MediaFiles.png(1080, 1080), 900_000, "image/png"));
        String wide = cdn.put("/ig/banner.jpg", MediaFiles.padded(MediaFiles.jpeg(2000, 1000), 900_000, "image/jpeg"));
        String big = cdn.put("/ig/huge.jpg", MediaFiles.padded(MediaFiles.jpeg(1080, 1080), 9 * 1024 * 1024, "image/jpeg"));
        String gone = cdn.put("/ig/elsewhere.jpg", MediaFiles.padded(MediaFiles.jpeg(1080, 1080), 1000, "image/jpeg"))
                .replace("elsewhere", "missing");

        String refused = draft(ws, "INSTAGRAM", List.of(good, png, wide, big, gone));
        submit(ws, refused).statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("mediaUrls[1]", "mediaUrls[2]", "mediaUrls[3]", "mediaUrls[4]"))
                .body("errors[0].message", equalTo("is a PNG image; INSTAGRAM takes JPEG only"))
                .body("errors[1].message", equalTo("is 2000x1000 (aspect ratio 2.00); INSTAGRAM takes 4:5 to 1.91:1"))
                .body("errors[2].message", equalTo("is 9.0 MB; images may be at most 8.0 MB on INSTAGRAM"))
                .body("errors[3].message", equalTo("cannot be fetched: it answered HTTP 404 when fetched"));
        org.junit.jupiter.api.Assertions.assertEquals("DRAFT", status(ws, refused));

        String fine = draft(ws, "INSTAGRAM", List.of(good));
        submit(ws, fine).statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void tiktokVideosLastThreeSecondsToTenMinutesReadFromTheMoovWhereverItIs() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        String longVideo = cdn.put("/tt/long.mp4", MediaFiles.mp4(660, 1920, 1080, true, false, 30_000_000, "isom"));
        String refused = draft(ws, "TIKTOK", List.of(longVideo));
        submit(ws, refused).statusCode(422).body("errors[0].field", equalTo("mediaUrls[0]"))
                .body("errors[0].message", equalTo("lasts 11.0 min; videos may last at most 10.0 min on TIKTOK"));

        String shortVideo = cdn.put("/tt/short.mp4", MediaFiles.mp4(2, 1080, 1920, false, true, 200_000, "isom"));
        submit(ws, draft(ws, "TIKTOK", List.of(shortVideo))).statusCode(422)
                .body("errors[0].message", startsWith("lasts 2.0 s; videos must last at least 3.0 s"));

        String fine = cdn.put("/tt/fine.mp4", MediaFiles.mp4(45, 1080, 1920, false, false, 8_000_000, "isom"));
        submit(ws, draft(ws, "TIKTOK", List.of(fine))).statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void mediaNobodyCanReachNowAreNotRefusedAndPlatformsWithoutLimitsAreNotAsked() {
        UUID ws = Fixtures.workspace("UTC", "EUR");
        // Nothing answers on this address: nothing is known, nothing refused (the platform may reach it later).
        submit(ws, draft(ws, "INSTAGRAM", List.of("https://cdn.nowhere.example/a.jpg"))).statusCode(200);
        String png = cdn.put("/discord/any.png", MediaFiles.padded(MediaFiles.png(10, 1000), 50 * 1024 * 1024, "image/png"));
        submit(ws, draft(ws, "DISCORD", List.of(png))).statusCode(200);
    }
}
