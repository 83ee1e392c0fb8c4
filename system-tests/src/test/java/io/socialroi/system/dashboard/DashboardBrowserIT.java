package io.socialroi.system.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.restassured.http.ContentType;
import io.socialroi.system.Chromium;
import io.socialroi.system.SuiteCluster;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real headless Chromium (Debian's package, driven by Playwright without downloading a
 * browser) against the four packaged services: sign in, switch client, change the period, compare the
 * numbers shown with what the API answers, download a CSV, and check that a client viewer cannot reach
 * another client. Screenshots of the main pages are kept in target/screenshots.
 */
class DashboardBrowserIT {

    private static final Path SHOTS = Path.of("target/screenshots");
    private static final String VIEWER_EMAIL = "viewer@rossi.test";
    private static final String VIEWER_PASSWORD = "viewer-password-42";

    private static SuiteCluster suite;
    private static Chromium chromium;
    private static Browser browser;
    private static String admin;
    private static String rossi;
    private static String surf;

    @BeforeAll
    static void start() throws IOException {
        suite = SuiteCluster.get();
        Files.createDirectories(SHOTS);
        admin = given().baseUri(suite.content()).formParam("grant_type", "client_credentials")
                .formParam("client_id", SuiteCluster.ADMIN_CLIENT_ID)
                .formParam("client_secret", SuiteCluster.ADMIN_CLIENT_SECRET)
                .post("/auth/token").then().statusCode(200).extract().path("access_token");
        rossi = workspace("Bakery Rossi", "Europe/Rome", "EUR");
        surf = workspace("Surf Shack", "America/Los_Angeles", "USD");
        cost(rossi, "AD_SPEND", "250.00", "EUR", LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(3));
        cost(surf, "PRODUCTION", "1234.56", "USD", LocalDate.now(ZoneId.of("America/Los_Angeles")).minusDays(3));
        journey(rossi);
        given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", VIEWER_EMAIL, "name", "Giulia Rossi", "password", VIEWER_PASSWORD,
                        "role", "CLIENT_VIEWER", "workspaceIds", List.of(rossi)))
                .post("/users").then().statusCode(201);

        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static String workspace(String name, String zone, String currency) {
        return given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", zone, "currency", currency))
                .post("/workspaces").then().statusCode(201).extract().path("id");
    }

    private static void cost(String ws, String category, String amount, String currency, LocalDate day) {
        given().baseUri(suite.reporting()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("category", category, "amount", Map.of("amount", amount, "currency", currency),
                        "incurredOn", day.toString()))
                .post("/workspaces/" + ws + "/costs").then().statusCode(201);
    }

    /**
     * A small real story for the bakery, so the pages show more than a cost: a campaign with a sales post
     * whose tracked link a person clicks and then buys through (120.00), a post with bought likes, and an
     * audience of people who engaged.
     */
    private static void journey(String ws) {
        String campaign = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Cornetti week", "objective", "SALES", "startDate",
                        LocalDate.now().minusDays(10).toString(), "endDate", LocalDate.now().plusDays(10).toString(),
                        "budget", Map.of("amount", "400.00", "currency", "EUR")))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201).extract().path("id");
        campaignSpend(ws, campaign, "60.00", LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(2));
        String sale = post(ws, campaign, "INSTAGRAM", "ACTION", "Cornetti 20% off this week");
        String vanity = post(ws, campaign, "TIKTOK", "ATTENTION", "Watch the dough rise");
        String link = given().baseUri(suite.content()).auth().oauth2(admin).get("/workspaces/" + ws + "/posts/" + sale)
                .then().statusCode(200).extract().path("trackedLink.url");
        String location = io.socialroi.system.Eventually.await("tracked link registered", java.time.Duration.ofSeconds(30),
                () -> {
                    io.restassured.response.Response r = given().redirects().follow(false)
                            .header("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 "
                                    + "(KHTML, like Gecko) Version/17.4 Safari/605.1.15")
                            .get(link);
                    return r.statusCode() == 302 ? r.header("Location") : null;
                });
        String clickId = location.replaceAll(".*[?&]smclid=([^&]+).*", "$1");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(ZoneId.of("Europe/Rome"));
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(Map.of("eventId", "imp-" + ws + "-" + i, "type", "IMPRESSION", "platform", "INSTAGRAM",
                    "postId", sale, "actorId", "ig:fan" + i, "occurredAt", now.minusHours(30).plusMinutes(i).toString()));
            events.add(Map.of("eventId", "ttv-" + ws + "-" + i, "type", "IMPRESSION", "platform", "TIKTOK",
                    "postId", vanity, "actorId", "tt:bot" + i, "occurredAt", now.minusHours(20).toString()));
            events.add(Map.of("eventId", "tt-" + ws + "-" + i, "type", "LIKE", "platform", "TIKTOK",
                    "postId", vanity, "actorId", "tt:bot" + i, "occurredAt", now.minusHours(20).plusSeconds(i).toString()));
        }
        for (int i = 0; i < 6; i++) {
            events.add(Map.of("eventId", "save-" + ws + "-" + i, "type", i % 2 == 0 ? "SAVE" : "COMMENT",
                    "platform", "INSTAGRAM", "postId", sale, "actorId", "ig:fan" + i,
                    "occurredAt", now.minusHours(29).toString()));
        }
        given().baseUri(suite.engagement()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("events", events)).post("/workspaces/" + ws + "/events").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(events.size()));
        given().baseUri(suite.conversion()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("eventId", "order-" + ws, "type", "PURCHASE",
                        "value", Map.of("amount", "120.00", "currency", "EUR"),
                        "occurredAt", java.time.OffsetDateTime.now(ZoneId.of("Europe/Rome")).plusSeconds(1).toString(),
                        "customerId", "giulia", "clickId", clickId))
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        // The sale is attributed once conversion-service has captured its touchpoints.
        io.socialroi.system.Eventually.await("purchase attributed", java.time.Duration.ofSeconds(30), () -> {
            Object revenue = given().baseUri(suite.reporting()).auth().oauth2(admin)
                    .queryParam("from", LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(30).toString())
                    .queryParam("to", LocalDate.now(ZoneId.of("Europe/Rome")).toString())
                    .get("/workspaces/" + ws + "/reports/roi").then().extract().path("totals.revenue.amount");
            return revenue != null && new BigDecimal(String.valueOf(revenue)).compareTo(new BigDecimal("120")) == 0
                    ? revenue : null;
        });
    }

    private static String post(String ws, String campaign, String platform, String stage, String caption) {
        return given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("campaignId", campaign, "platform", platform, "funnelStage", stage, "caption", caption,
                        "landingUrl", "https://bakery-rossi.example/cornetti"))
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    private static void campaignSpend(String ws, String campaign, String amount, LocalDate day) {
        given().baseUri(suite.reporting()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("category", "AD_SPEND", "amount", Map.of("amount", amount, "currency", "EUR"),
                        "incurredOn", day.toString(), "campaignId", campaign, "platform", "INSTAGRAM"))
                .post("/workspaces/" + ws + "/costs").then().statusCode(201);
    }

    private static BrowserContext context() {
        return browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setLocale("en-US")
                .setViewportSize(1280, 900));
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate(suite.reporting() + "/");
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", password);
        page.click("#login-form button[type=submit]");
        page.waitForSelector("#app", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForSelector("#workspace option", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
    }

    /** Waits until every section has loaded (or shown its error) for this workspace and the shown period. */
    private static void awaitLoaded(Page page, String ws) {
        assertNoSilentPanel(page);
        // A selector, not a polled function: the page's CSP (rightly) forbids the eval that polling needs.
        page.waitForSelector("body[data-loaded^='" + ws + "|']", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(60_000));
        assertNoSilentPanel(page);
        for (String id : List.of("roi", "roi-campaign", "roi-platform", "funnel", "evr")) {
            String all = page.innerText("#" + id).strip();
            String head = page.innerText("#" + id + " .section-head").strip();
            assertTrue(all.length() > head.length(), id + " shows nothing beyond its heading: " + all);
        }
    }

    /** Issue 15: a panel that is loading says so (never an empty panel without a word), at any moment. */
    private static void assertNoSilentPanel(Page page) {
        assertEquals(0, page.locator("section.card[data-state=loading]:not(:has(.section-status))").count(),
                "a loading section without its status line");
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    /** The ROI totals the API answers for what the page shows (workspace, period, model). */
    private static Map<String, Object> apiTotals(Page page, String ws) {
        return given().baseUri(suite.reporting()).auth().oauth2(admin)
                .queryParam("from", page.inputValue("#from")).queryParam("to", page.inputValue("#to"))
                .queryParam("model", page.inputValue("#model")).queryParam("groupBy", "campaign")
                .get("/workspaces/" + ws + "/reports/roi").then().statusCode(200).extract().path("totals");
    }

    @SuppressWarnings("unchecked")
    private static void assertSpendShown(Page page, String ws, String symbol) {
        assertEquals("ready", page.getAttribute("#roi", "data-state"), page.getAttribute("#roi", "data-state") + ": "
                + page.innerText("#app"));
        Map<String, Object> spend = (Map<String, Object>) apiTotals(page, ws).get("spend");
        BigDecimal shown = new BigDecimal(page.getAttribute("[data-kpi=spend]", "data-value"));
        assertEquals(0, new BigDecimal(String.valueOf(spend.get("amount"))).compareTo(shown));
        assertTrue(page.innerText("[data-kpi=spend] .value").contains(symbol), page.innerText("[data-kpi=spend]"));
    }

    @Test
    void anAgencyAdminSwitchesClientsAndPeriodsAndDownloadsCsv() throws IOException {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            page.navigate(suite.reporting() + "/");
            shot(page, "01-sign-in.png");
            signIn(page, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD);
            List<String> clients = page.locator("#workspace option").allInnerTexts();
            assertTrue(clients.containsAll(List.of("Bakery Rossi", "Surf Shack")), clients.toString());

            page.selectOption("#workspace", rossi);
            awaitLoaded(page, rossi);
            shot(page, "02-overview-rossi-eur.png");
            assertSpendShown(page, rossi, "€");
            assertEquals("310.00", page.getAttribute("[data-kpi=spend]", "data-value"));
            // The purchase made through the tracked link is the revenue the page shows, as the API answers it.
            assertEquals("120.00", page.getAttribute("[data-kpi=revenue]", "data-value"));
            assertTrue(page.innerText("[data-kpi=revenue] .value").contains("€"), page.innerText("[data-kpi=revenue]"));
            // The post with bought likes stands out as vanity, the one that sold as a quiet converter.
            String chart = page.innerText("#app").toUpperCase(java.util.Locale.ROOT);
            assertTrue(chart.matches("(?s).*WATCH THE DOUGH RISE.*VANITY.*"), chart);
            assertTrue(chart.matches("(?s).*CORNETTI 20% OFF THIS WEEK.*QUIET.CONVERTER.*"), chart);

            page.selectOption("#workspace", surf);
            awaitLoaded(page, surf);
            shot(page, "03-overview-surf-usd.png");
            assertSpendShown(page, surf, "$");
            assertEquals("1234.56", page.getAttribute("[data-kpi=spend]", "data-value"));
            assertTrue(page.innerText("#ws-info").contains("America/Los_Angeles"));

            Download download = page.waitForDownload(() -> page.click("#roi-platform button.csv"));
            Path csv = SHOTS.resolve("roi-platform-surf.csv");
            download.saveAs(csv);
            String expected = given().baseUri(suite.reporting()).auth().oauth2(admin).accept("text/csv")
                    .queryParam("from", page.inputValue("#from")).queryParam("to", page.inputValue("#to"))
                    .queryParam("model", page.inputValue("#model")).queryParam("groupBy", "platform")
                    .get("/workspaces/" + surf + "/reports/roi").then().statusCode(200).extract().asString();
            assertEquals(expected, Files.readString(csv));
            assertTrue(expected.startsWith("key,label"), expected);

            // A period before the cost: the spend shown follows the API (nothing spent then).
            page.fill("#from", "2025-01-01");
            page.fill("#to", "2025-01-31");
            page.click("#apply");
            page.waitForSelector("body[data-loaded='" + surf + "|2025-01-01|2025-01-31|LAST_TOUCH']",
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(60_000));
            assertSpendShown(page, surf, "$");
            assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(page.getAttribute("[data-kpi=spend]", "data-value"))));
            assertTrue(page.url().contains("from=2025-01-01"), page.url());
            shot(page, "04-surf-january-2025.png");
        }
    }

    @Test
    void aClientViewerSeesOnlyTheirClientAndCannotChangeAnything() {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            signIn(page, VIEWER_EMAIL, VIEWER_PASSWORD);
            awaitLoaded(page, rossi);
            shot(page, "05-client-viewer.png");
            assertEquals(List.of("Bakery Rossi"), page.locator("#workspace option").allInnerTexts());
            assertSpendShown(page, rossi, "€");

            // Another client's id typed into the address: the API answers 404 and nothing of it is shown.
            page.navigate(suite.reporting() + "/#ws=" + surf);
            page.waitForSelector("#app-error", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            assertTrue(page.innerText("#app-error").contains("not shared"), page.innerText("#app-error"));
            assertEquals(0, page.locator("[data-kpi]").count());
            assertFalse(page.content().contains("1234.56"));
            shot(page, "06-client-viewer-other-client.png");

            // The same token used directly against the APIs: other client 404, any change 403.
            Object status = page.evaluate("async ([base, content, other, own]) => {"
                    + " const token = sessionStorage.getItem('suite.token');"
                    + " const auth = { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' };"
                    + " const report = await fetch(base + '/workspaces/' + other + '/reports/roi', { headers: auth });"
                    + " const ws = await fetch(content + '/workspaces/' + other, { headers: auth });"
                    + " const cost = await fetch(base + '/workspaces/' + own + '/costs', { method: 'POST', headers: auth,"
                    + "   body: JSON.stringify({ category: 'TOOLS', amount: { amount: '1.00', currency: 'EUR' },"
                    + "   incurredOn: '2026-01-01' }) });"
                    + " return [report.status, ws.status, cost.status]; }",
                    List.of(suite.reporting(), suite.content(), surf, rossi));
            assertEquals(List.of(404, 404, 403), status);
        }
    }
}
