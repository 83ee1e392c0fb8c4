package io.socialroi.engagement.redirect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.socialroi.engagement.Api;
import io.socialroi.engagement.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People are counted as clicks, machines apart: ordinary browsers and the in-app browsers of the social apps a
 * tracked link is shared on (Instagram, Facebook, TikTok, Snapchat, Pinterest, LinkedIn, X...) are CLICKs, while
 * link-preview fetchers, crawlers and scripted clients are bot traffic, whatever Mozilla-like prefix they send.
 */
@QuarkusTest
class BotClassificationTest {

    /** Real user agents of people; none of them may be taken for a bot. */
    static final Map<String, String> PEOPLE = Map.ofEntries(
            Map.entry("Chrome on Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
                    + "Gecko) Chrome/131.0.0.0 Safari/537.36"),
            Map.entry("Firefox on Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"),
            Map.entry("Safari on macOS", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
                    + "like Gecko) Version/18.1 Safari/605.1.15"),
            Map.entry("Edge", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"),
            Map.entry("Safari on iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"),
            Map.entry("Chrome on Android", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like "
                    + "Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36"),
            Map.entry("Samsung Internet", "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like "
                    + "Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36"),
            Map.entry("Instagram in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 Instagram 339.0.3.12.91 (iPhone14,5; iOS 17_5; en_US; en; "
                    + "scale=3.00; 1170x2532; 620217213)"),
            Map.entry("Facebook in-app", "Mozilla/5.0 (Linux; Android 14; SM-A546B Build/UP1A.231005.007; wv) "
                    + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 "
                    + "[FB_IAB/FB4A;FBAV/489.0.0.66.81;]"),
            Map.entry("TikTok in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 musical_ly_34.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store "
                    + "ByteLocale/en Region/US isDarkMode/0 WKWebView/1 BytedanceWebview/d8a21c6"),
            Map.entry("Snapchat in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 Snapchat/13.10.0.43 (like Safari/8618.2.12.10.7, panda)"),
            Map.entry("Pinterest in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]"),
            Map.entry("Pinterest for Android", "Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) "
                    + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0.0.0 Mobile Safari/537.36 "
                    + "[Pinterest/Android]"),
            Map.entry("LinkedIn in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1455"),
            Map.entry("X in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.60"),
            Map.entry("Reddit in-app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                    + "(KHTML, like Gecko) Mobile/15E148 Reddit/Version 2024.45.0/Build 612345/iOS Version 17.5"),
            Map.entry("Telegram in-app", "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240905.003; wv) "
                    + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.86 Mobile Safari/537.36 "
                    + "Telegram-Android/11.4.2 (Google Pixel 8; Android 14; SDK 34; AVERAGE)"));

    /** Machines, many of them with a Mozilla-like prefix. */
    static final Map<String, String> MACHINES = Map.ofEntries(
            Map.entry("Facebook preview", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
            Map.entry("Snapchat preview", "Mozilla/5.0 (compatible; Snap URL Preview Service; bot; snapchat; "
                    + "https://developers.snap.com/robots)"),
            Map.entry("Pinterest crawler", "Pinterest/0.2 (+http://www.pinterest.com/bot.html)"),
            Map.entry("Pinterestbot", "Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)"),
            Map.entry("iMessage preview", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, "
                    + "like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0"),
            Map.entry("Skype/Teams preview", "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5"),
            Map.entry("Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
            Map.entry("Headless Chrome", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "HeadlessChrome/131.0.0.0 Safari/537.36"),
            Map.entry("curl", "curl/8.4.0"),
            Map.entry("wget", "Wget/1.21.4"),
            Map.entry("python-requests", "python-requests/2.32.3"),
            Map.entry("Go", "Go-http-client/2.0"),
            Map.entry("Java", "Java/21.0.5"),
            Map.entry("Apache HttpClient", "Apache-HttpClient/5.3 (Java/21.0.5)"),
            Map.entry("node-fetch", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"),
            Map.entry("axios", "axios/1.7.7"),
            Map.entry("okhttp", "okhttp/4.12.0"),
            Map.entry("WhatsApp preview", "WhatsApp/2.23.20.0 A"),
            Map.entry("Slack", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"),
            Map.entry("empty", " "));

    @Test
    void peopleAreClicksAndMachinesAreNot() {
        List<String> wrong = new ArrayList<>();
        PEOPLE.forEach((name, agent) -> {
            Optional<String> reason = BotDetector.classify("GET", agent, null, null, null, null);
            if (reason.isPresent()) {
                wrong.add(name + " taken for " + reason.get());
            }
        });
        MACHINES.forEach((name, agent) -> {
            if (BotDetector.classify("GET", agent, null, null, null, null).isEmpty()) {
                wrong.add(name + " counted as a person");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void overHttpEachPersonIsOneClickAndEachMachineOneBotHit() {
        UUID ws = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        String code = "b" + UUID.randomUUID().toString().substring(0, 8);
        Api.registerPost(ws, post, null, "PINTEREST", "ACTION", code, "https://shop.example/p");
        for (String agent : PEOPLE.values()) {
            given().redirects().follow(false).header("User-Agent", agent).get("/r/" + code).then().statusCode(302);
        }
        for (String agent : MACHINES.values()) {
            given().redirects().follow(false).header("User-Agent", agent).get("/r/" + code).then().statusCode(302);
        }
        assertEquals(PEOPLE.size(), Db.number("SELECT count(*) FROM engagement_event WHERE workspace_id = ? "
                + "AND type = 'CLICK' AND post_id = ?", ws, post));
        // Each browser without a cookie is a new visitor.
        assertEquals(PEOPLE.size(), Db.number("SELECT count(DISTINCT actor_id) FROM engagement_event "
                + "WHERE workspace_id = ?", ws));
        assertEquals(MACHINES.size(), Db.number("SELECT count(*) FROM redirect_bot_hit WHERE workspace_id = ?", ws));
        assertEquals(PEOPLE.size(), Db.number("SELECT sum(events) FROM engagement_rollup WHERE workspace_id = ? "
                + "AND type = 'CLICK'", ws));
    }
}
