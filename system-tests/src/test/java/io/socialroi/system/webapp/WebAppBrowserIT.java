package io.socialroi.system.webapp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agency app (/app/ on reporting-service) in a real headless Chromium against the four packaged services,
 * used as a person uses it: typing, clicking and dragging; every result is then checked through the API. A
 * client viewer sees only their client and no change controls, and the API refuses their changes. axe-core
 * (reporting-service/webapp/node_modules) must report no serious or critical violation on any view, at desktop
 * width and at 390 px, where nothing may overflow sideways. Screenshots go to target/screenshots/webapp.
 */
class WebAppBrowserIT {

    private static final Path SHOTS = Path.of("target/screenshots/webapp");
    private static final String VIEWER_EMAIL = "viewer@fiori.test";
    private static final String VIEWER_PASSWORD = "viewer-password-77";
    private static final List<String> VIEWS = List.of("reports", "paths", "compose", "calendar", "approvals", "costs",
            "audiences", "clients", "team", "publishing");

    private static SuiteCluster suite;
    private static Chromium chromium;
    private static Browser browser;
    private static String admin;
    private static String fiori;
    private static String other;
    private static String campaign;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        suite = SuiteCluster.get();
        Files.createDirectories(SHOTS);
        axe = Files.readString(axeScript());
        admin = given().baseUri(suite.content()).formParam("grant_type", "client_credentials")
                .formParam("client_id", SuiteCluster.ADMIN_CLIENT_ID)
                .formParam("client_secret", SuiteCluster.ADMIN_CLIENT_SECRET)
                .post("/auth/token").then().statusCode(200).extract().path("access_token");
        fiori = workspace("Fiori Florist " + suffix(), "Europe/Rome", "EUR");
        other = workspace("Harbour Gym " + suffix(), "America/New_York", "USD");
        campaign = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Spring Bouquets", "objective", "SALES", "startDate", "2026-01-01",
                        "endDate", "2027-12-31", "budget", Map.of("amount", "900.00", "currency", "EUR")))
                .post("/workspaces/" + fiori + "/campaigns").then().statusCode(201).extract().path("id");
        given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", VIEWER_EMAIL, "name", "Flora Fiori", "password", VIEWER_PASSWORD,
                        "role", "CLIENT_VIEWER", "workspaceIds", List.of(fiori)))
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

    /** axe-core from the web app's npm dependencies (npm ci when reporting-service's tests did not run). */
    private static Path axeScript() throws IOException, InterruptedException {
        Path webapp = Path.of(System.getProperty("suite.root", ".."), "reporting-service", "webapp");
        Path script = webapp.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.isRegularFile(script)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(webapp.toFile())
                    .inheritIO().start();
            assertTrue(npm.waitFor(10, TimeUnit.MINUTES) && npm.exitValue() == 0, "npm ci in " + webapp);
        }
        return script;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static String workspace(String name, String zone, String currency) {
        return given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", zone, "currency", currency))
                .post("/workspaces").then().statusCode(201).extract().path("id");
    }

    private static String post(String ws, Map<String, Object> body) {
        return given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
    }

    private static void move(String ws, String post, String action, Map<String, Object> body) {
        given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/workspaces/" + ws + "/posts/" + post + "/" + action).then().statusCode(200);
    }

    private static Map<String, Object> apiPost(String ws, String post) {
        return given().baseUri(suite.content()).auth().oauth2(admin).get("/workspaces/" + ws + "/posts/" + post)
                .then().statusCode(200).extract().path("");
    }

    private static BrowserContext context(int width, boolean bypassCsp) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)
                .setLocale("en-US").setViewportSize(width, 900).setBypassCSP(bypassCsp));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(suite.reporting()));
        return context;
    }

    private static Page signIn(BrowserContext context, String email, String password, String ws) {
        Page page = context.newPage();
        page.navigate(suite.reporting() + "/app/");
        page.waitForSelector("body[data-ready]", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", password);
        page.click("#login-form button[type=submit]");
        try {
            page.waitForSelector("#nav", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE)
                    .setTimeout(20_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("sign-in failed: " + page.innerText("body"), e);
        }
        page.waitForSelector("#workspace option", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        if (!ws.equals(page.inputValue("#workspace"))) {
            page.selectOption("#workspace", ws);
        }
        return page;
    }

    /** Opens a view from the navigation, as a person would. */
    private static void open(Page page, String view) {
        page.click("#nav a[data-view=" + view + "]");
        try {
            page.waitForSelector("#view[data-view=" + view + "] h2", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(20_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            shot(page, "failed-" + view + ".png");
            throw new AssertionError(view + " did not open: " + page.url() + "\n" + page.innerText("body"), e);
        }
    }

    private static void ready(Page page, String selector) {
        page.waitForSelector(selector + ":is([data-state=ready],[data-state=empty])",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(30_000));
    }

    /** The client names the workspace picker offers. */
    private static String pickerNames(Page page) {
        return String.valueOf(page.evaluate("() => [...document.querySelectorAll('#workspace option')]"
                + ".map(o => o.textContent).join('|')"));
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    /** A Reddit post gets its subreddit and title in the composer, the fields Reddit's API requires. */
    @Test
    void composeARedditPostWithItsSubredditAndTitle() {
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "compose");
            assertFalse(page.isVisible("#compose-form input[name='platformOptions.subreddit']"));
            page.selectOption("#compose-form select[name=platform]", "REDDIT");
            page.waitForSelector("#compose-form input[name='platformOptions.subreddit']",
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            page.fill("#compose-form textarea[name=caption]", "How we keep peonies fresh for a week");
            page.fill("#compose-form input[name='platformOptions.subreddit']", "r/gardening");
            page.fill("#compose-form input[name='platformOptions.title']", "Peonies that last a week");
            page.click("#compose-form button[type=submit]");
            page.waitForSelector("#compose-form .notice.ok", new Page.WaitForSelectorOptions().setTimeout(30_000));
            String id = page.getAttribute("#compose-form .notice.ok", "data-post");
            Map<String, Object> saved = apiPost(fiori, id);
            @SuppressWarnings("unchecked")
            Map<String, Object> options = (Map<String, Object>) saved.get("platformOptions");
            assertEquals("r/gardening", options.get("subreddit"));
            assertEquals("Peonies that last a week", options.get("title"));
        }
    }

    @Test
    void composeADraftWithLiveCounterAndTrackedLinkPreview() {
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "compose");
            page.selectOption("#compose-form select[name=platform]", "X");
            page.check("#compose-form input[name=funnelStage][value=TRUST]");
            page.fill("#compose-form textarea[name=caption]", "a".repeat(279) + "\uD83D\uDC4D\uD83C\uDFFD");
            // The API counts code points: a thumbs-up with a skin tone is two, so this is one over X's 280.
            assertTrue(page.innerText("#caption-count").contains("281 / 280"), page.innerText("#caption-count"));
            assertTrue(page.innerText("#caption-count").contains("1 over the limit"), page.innerText("#caption-count"));
            page.fill("#compose-form textarea[name=caption]", "Fresh peonies are in: see what our customers made");
            assertTrue(page.innerText("#caption-count").startsWith("49 / 280"), page.innerText("#caption-count"));
            page.fill("#compose-form textarea[name=mediaUrls]", "https://cdn.fiori.example/peonies.jpg");
            page.waitForSelector(".previews img[alt='Preview of https://cdn.fiori.example/peonies.jpg']",
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            page.fill("#compose-form input[name=callToAction]", "Order a bouquet");
            page.selectOption("#compose-form select[name=campaignId]", campaign);
            page.fill("#compose-form input[name=landingUrl]", "https://fiori.example/peonies?ref=social");
            String preview = page.innerText("#utm-preview");
            assertTrue(preview.contains("https://fiori.example/peonies?ref=social&utm_source=x&utm_medium=social"
                    + "&utm_campaign=spring-bouquets&utm_content={post id}"), preview);
            shot(page, "compose.png");
            page.click("#compose-form button[type=submit]");
            page.waitForSelector("#compose-form .notice.ok", new Page.WaitForSelectorOptions().setTimeout(30_000));
            String id = page.getAttribute("#compose-form .notice.ok", "data-post");
            assertNotNull(id);

            Map<String, Object> saved = apiPost(fiori, id);
            assertEquals("DRAFT", saved.get("status"));
            assertEquals("X", saved.get("platform"));
            assertEquals("TRUST", saved.get("funnelStage"));
            assertEquals(campaign, saved.get("campaignId"));
            assertEquals("Order a bouquet", saved.get("callToAction"));
            assertEquals(List.of("https://cdn.fiori.example/peonies.jpg"), saved.get("mediaUrls"));
            @SuppressWarnings("unchecked")
            Map<String, Object> link = (Map<String, Object>) saved.get("trackedLink");
            assertEquals("https://fiori.example/peonies?ref=social&utm_source=x&utm_medium=social"
                    + "&utm_campaign=spring-bouquets&utm_content=" + id, link.get("destination"));
            // After saving, the preview names the real post id.
            assertTrue(page.innerText("#utm-preview").contains("utm_content=" + id), page.innerText("#utm-preview"));

            // Edit it while not published: the caption changes through PATCH.
            page.navigate(suite.reporting() + "/app/#compose?post=" + id);
            page.waitForSelector("#compose-form textarea[name=caption]");
            page.fill("#compose-form textarea[name=caption]", "Peonies, only this week");
            page.click("#compose-form button[type=submit]");
            page.waitForSelector("#compose-form .notice.ok");
            assertEquals("Peonies, only this week", apiPost(fiori, id).get("caption"));
        }
    }

    @Test
    void submitApproveWithACommentAndCreateAClientLink() {
        String id = post(fiori, Map.of("platform", "INSTAGRAM", "funnelStage", "ACTION", "caption", "Mother's day bouquets",
                "campaignId", campaign, "landingUrl", "https://fiori.example/mothers-day",
                "mediaUrls", List.of("https://cdn.fiori.example/bouquet.jpg")));
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            page.navigate(suite.reporting() + "/app/#approvals?post=" + id + "&status=");
            page.click("#approval-detail button[data-move=submit]");
            page.waitForSelector("#approval-detail section[data-status=IN_REVIEW]");
            page.click("#make-link");
            page.waitForSelector("#approval-link");
            String url = page.inputValue("#approval-link");
            page.click("#approval-detail .link-box button");
            page.waitForSelector("#approval-detail .link-box .notice.ok");
            assertEquals(url, page.evaluate("() => navigator.clipboard.readText()"));
            // The link names content-service's public address; here the service listens on a test port.
            String path = java.net.URI.create(url).getRawPath();
            assertTrue(path.startsWith("/approvals/"), url);
            String clientPage = given().baseUri(suite.content()).get(path).then().statusCode(200).extract().asString();
            assertTrue(clientPage.contains("Mother&#39;s day bouquets") || clientPage.contains("Mother's day bouquets"),
                    clientPage);

            page.fill("#approval-detail textarea[name=comment]", "Lovely, go ahead");
            page.click("#approval-detail button[data-move=approve]");
            page.waitForSelector("#approval-detail section[data-status=APPROVED]");
            assertTrue(page.innerText("#post-history").contains("Lovely, go ahead"), page.innerText("#post-history"));
            shot(page, "approvals.png");
        }
        assertEquals("APPROVED", apiPost(fiori, id).get("status"));
        List<Map<String, Object>> history = given().baseUri(suite.content()).auth().oauth2(admin)
                .get("/workspaces/" + fiori + "/posts/" + id + "/history").then().statusCode(200).extract().path("items");
        assertTrue(history.stream().anyMatch(e -> "Lovely, go ahead".equals(e.get("comment"))), history.toString());
    }

    @Test
    void dragAPostToAnotherDayAndSeeTheDaylightSavingRule() {
        // Saturday 27 March 2027, 02:30 in Rome; on Sunday the 28th the clocks jump from 02:00 to 03:00.
        String id = post(fiori, Map.of("platform", "FACEBOOK", "funnelStage", "INTEREST", "caption", "Spring workshop",
                "scheduledAt", "2027-03-27T02:30:00"));
        move(fiori, id, "submit", Map.of());
        move(fiori, id, "approve", Map.of());
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            page.navigate(suite.reporting() + "/app/#calendar?date=2027-03-15");
            ready(page, "#calendar-grid");
            String chip = ".chip[data-post='" + id + "']";
            assertEquals("2027-03-27", page.getAttribute(".cal-day:has(" + chip + ")", "data-date"));
            page.dragAndDrop(chip, ".cal-day[data-date='2027-03-28']");
            page.waitForSelector("#calendar-notice.ok", new Page.WaitForSelectorOptions().setTimeout(30_000));
            String notice = page.innerText("#calendar-notice");
            assertTrue(notice.contains("does not exist in Europe/Rome"), notice);
            assertTrue(notice.contains("03:30"), notice);
            page.waitForSelector(".cal-day[data-date='2027-03-28'] " + chip);
            shot(page, "calendar-month.png");

            // The week view shows the same post on its new day; filters narrow it.
            page.navigate(suite.reporting() + "/app/#calendar?mode=week&date=2027-03-28&platform=FACEBOOK");
            ready(page, "#calendar-grid");
            page.waitForSelector(".cal-day[data-date='2027-03-28'] " + chip);
            page.navigate(suite.reporting() + "/app/#calendar?mode=week&date=2027-03-28&platform=TIKTOK");
            ready(page, "#calendar-grid");
            assertEquals(0, page.locator(chip).count());
        }
        Map<String, Object> moved = apiPost(fiori, id);
        assertEquals("SCHEDULED", moved.get("status"));
        assertEquals("2027-03-28T03:30:00+02:00", String.valueOf(moved.get("scheduledAt")));
    }

    @Test
    void addACostAndSetCommunityManagement() {
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "costs");
            ready(page, "#cost-list");
            page.selectOption("#cost-form select[name=category]", "PRODUCTION");
            page.fill("#cost-form input[name=amount]", "180.40");
            page.fill("#cost-form input[name=incurredOn]", "2026-11-20");
            page.selectOption("#cost-form select[name=campaignId]", campaign);
            page.fill("#cost-form input[name=note]", "Photo shoot");
            page.click("#cost-form button[type=submit]");
            page.waitForSelector("#cost-result.ok");
            ready(page, "#cost-list");
            assertTrue(page.innerText("#cost-list").contains("Photo shoot"), page.innerText("#cost-list"));

            // A second cost recorded by mistake is deleted again.
            page.fill("#cost-form input[name=amount]", "9.99");
            page.fill("#cost-form input[name=note]", "Typo");
            page.click("#cost-form button[type=submit]");
            page.waitForSelector("#cost-list tr:has-text('Typo')");
            page.onceDialog(dialog -> dialog.accept());
            page.click("#cost-list tr:has-text('Typo') button[data-delete]");
            page.waitForSelector("#cost-list tr:has-text('Typo')", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.DETACHED));
            // The list reloads after the delete: what it shows once loaded is the first cost only.
            page.waitForSelector("#cost-list[data-state=ready] tr:has-text('Photo shoot')");
            assertFalse(page.innerText("#cost-list").contains("Typo"), page.innerText("#cost-list"));
            // The shoot's invoice came in higher: the cost is corrected from its Edit button.
            page.click("#cost-list tr:has-text('Photo shoot') button:has-text('Edit')");
            assertEquals("180.40", page.inputValue("#cost-form input[name=amount]"));
            page.fill("#cost-form input[name=amount]", "195.60");
            page.click("#cost-form button[type=submit]:has-text('Save cost')");
            page.waitForSelector("#cost-result.ok:has-text('Saved')");
            page.waitForSelector("#cost-list[data-state=ready] tr:has-text('Photo shoot') [data-amount='195.60']");

            ready(page, "#cm-settings");
            page.fill("#settings-form input[name=hourlyRate]", "32.00");
            page.fill("#settings-form input[name=minutesPerComment]", "3");
            page.click("#settings-form button[type=submit]");
            page.waitForSelector("#settings-form .notice.ok");
            shot(page, "costs.png");
        }
        List<Map<String, Object>> costs = given().baseUri(suite.reporting()).auth().oauth2(admin)
                .get("/workspaces/" + fiori + "/costs").then().statusCode(200).extract().path("items");
        Map<String, Object> cost = costs.stream().filter(c -> "Photo shoot".equals(c.get("note"))).findFirst().orElseThrow();
        assertFalse(costs.stream().anyMatch(c -> "Typo".equals(c.get("note"))), costs.toString());
        assertEquals("PRODUCTION", cost.get("category"));
        assertEquals("2026-11-20", cost.get("incurredOn"));
        assertEquals(campaign, cost.get("campaignId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> money = (Map<String, Object>) cost.get("amount");
        assertEquals(0, new BigDecimal("195.60").compareTo(new BigDecimal(String.valueOf(money.get("amount")))));
        assertEquals(1, costs.stream().filter(c -> "Photo shoot".equals(c.get("note"))).count(), "corrected, not added");
        Map<String, Object> settings = given().baseUri(suite.reporting()).auth().oauth2(admin)
                .get("/workspaces/" + fiori + "/settings").then().statusCode(200).extract().path("");
        assertEquals(0, new BigDecimal("3").compareTo(new BigDecimal(String.valueOf(settings.get("minutesPerComment")))));
    }

    @Test
    void createAnAudienceWithItsRules() {
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "audiences");
            ready(page, "#audience-list");
            page.fill("#audience-form input[name=name]", "Warm, not bought");
            page.fill("#audience-form input[name=engagedWithinDays]", "21");
            page.selectOption("#audience-form select[name=campaignId]", campaign);
            page.check("#audience-form input[name=funnelStages][value=TRUST]");
            page.check("#audience-form input[name=funnelStages][value=ACTION]");
            page.fill("#audience-form input[name=minIntent]", "40");
            page.uncheck("#audience-form input[name=eventTypes][value=VIEW]");
            page.click("#audience-form button[type=submit]");
            page.waitForSelector("#audience-result.ok");
            ready(page, "#audience-list");
            assertTrue(page.innerText("#audience-list").contains("Warm, not bought"), page.innerText("#audience-list"));
            // The member count is read from the API (nobody engaged yet: 0).
            page.waitForSelector("#audience-list .member-count:text-is('0')");
            shot(page, "audiences.png");
        }
        List<Map<String, Object>> audiences = given().baseUri(suite.conversion()).auth().oauth2(admin)
                .get("/workspaces/" + fiori + "/audiences").then().statusCode(200).extract().path("items");
        Map<String, Object> audience = audiences.stream().filter(a -> "Warm, not bought".equals(a.get("name")))
                .findFirst().orElseThrow();
        assertEquals(21, audience.get("engagedWithinDays"));
        assertEquals(List.of("TRUST", "ACTION"), audience.get("funnelStages"));
        assertEquals(campaign, audience.get("campaignId"));
        assertEquals(Boolean.TRUE, audience.get("excludeConverted"));
        assertFalse(String.valueOf(audience.get("eventTypes")).contains("VIEW"), String.valueOf(audience.get("eventTypes")));
    }

    @Test
    void inviteAUserAndCreateAndRevokeACredential() {
        String email = "mara-" + suffix() + "@agency.test";
        String clientId;
        String secret;
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "team");
            ready(page, "#user-list");
            page.fill("#invite-form input[name=email]", email);
            page.fill("#invite-form input[name=name]", "Mara Manager");
            page.fill("#invite-form input[name=password]", "first-password-123");
            page.selectOption("#invite-form select[name=role]", "MANAGER");
            page.click("#invite-form button[type=submit]");
            page.waitForSelector("#team-result.ok");
            ready(page, "#user-list");
            assertTrue(page.innerText("#user-list").contains(email), page.innerText("#user-list"));
            // Then the manager's role changes to client viewer from the list.
            page.selectOption("#user-list tr:has-text('" + email + "') select[name=role]", "CLIENT_VIEWER");
            page.waitForSelector("#team-result.ok:has-text('is now Client viewer')");

            page.fill("#credential-form input[name=credentialName]", "Florist shop");
            page.check("#credential-form input[name=scopes][value='conversions:write']");
            page.click("#credential-form button[type=submit]");
            page.waitForSelector("#new-client-secret");
            clientId = page.inputValue("#new-client-id");
            secret = page.inputValue("#new-client-secret");
            page.click("#secret-box button");
            page.waitForSelector("#secret-box .notice.ok");
            assertEquals(secret, page.evaluate("() => navigator.clipboard.readText()"));
            shot(page, "team.png");
            given().baseUri(suite.content()).formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                    .formParam("client_secret", secret).post("/auth/token").then().statusCode(200);

            assertEquals(clientId, page.inputValue("#revoke-form input[name=clientId]"));
            page.waitForSelector("#credential-list tr[data-key='" + clientId + "']:has-text('active')");
            page.click("#revoke-form button[type=submit]");
            page.waitForSelector("#credential-result.ok");
            page.waitForSelector("#credential-list tr[data-key='" + clientId + "']:has-text('revoked')");
        }
        List<Map<String, Object>> users = given().baseUri(suite.content()).auth().oauth2(admin).queryParam("limit", 500)
                .get("/users").then().statusCode(200).extract().path("items");
        Map<String, Object> user = users.stream().filter(u -> email.equals(u.get("email"))).findFirst().orElseThrow();
        assertEquals("CLIENT_VIEWER", user.get("role"));
        assertEquals(List.of(fiori), user.get("workspaceIds"));
        // The new colleague signs in with the first password and changes it to their own.
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, email, "first-password-123", fiori);
            open(page, "team");
            page.fill("#password-form input[name=currentPassword]", "first-password-123");
            page.fill("#password-form input[name=newPassword]", "my-own-password-456");
            page.click("#password-form button[type=submit]");
            page.waitForSelector("#login-error:has-text('Password changed')");
        }
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "first-password-123")).post("/auth/login").then().statusCode(401);
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "my-own-password-456")).post("/auth/login").then().statusCode(200);
        given().baseUri(suite.content()).formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post("/auth/token").then().statusCode(401);
    }

    /**
     * Publishing setup, a failed post and its retry, and a colleague deactivated, each done in the page. The
     * client's publishing integration is an outside system: a receiver on 127.0.0.78 (the one address the test
     * cluster lets publishers call) that records the signed deliveries and refuses the post, as a platform
     * rejecting a caption would.
     */
    @Test
    void setUpPublishingRetryAFailedPostAndDeactivateAColleague() throws Exception {
        String ws = workspace("Lumen Optics " + suffix(), "Europe/Paris", "EUR");
        java.util.List<Map<String, String>> deliveries = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getByName(SuiteCluster.OUTBOUND_TEST_ADDRESS), 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            deliveries.add(Map.of("path", exchange.getRequestURI().getPath(), "body", body,
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Suite-Signature")),
                    "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Suite-Delivery"))));
            byte[] answer = "{\"error\":\"caption rejected: links are not allowed\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/pub") ? 422 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        String base = "http://" + SuiteCluster.OUTBOUND_TEST_ADDRESS + ":" + receiver.getAddress().getPort();
        String email = "noe-" + suffix() + "@agency.test";
        String colleague = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Noe Novak", "password", "colleague-password-1", "role", "MANAGER",
                        "workspaceIds", List.of(ws)))
                .post("/users").then().statusCode(201).extract().path("id");
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            open(page, "publishing");
            ready(page, "#publisher-list");
            page.selectOption("#publisher-form select[name=platform]", "INSTAGRAM");
            // Instagram has a native publisher now (the platform's own type is chosen first); this client's own
            // integration takes the signed webhook instead.
            assertEquals("INSTAGRAM_API", page.inputValue("#publisher-form select[name=type]"));
            page.selectOption("#publisher-form select[name=type]", "WEBHOOK");
            page.fill("#publisher-form input[name=url]", base + "/pub/instagram");
            page.fill("#publisher-form input[name=secret]", "lumen-signing-secret-1");
            page.click("#publisher-form button[type=submit]");
            page.waitForSelector("#publisher-result.ok:has-text('Publisher for Instagram saved')");
            page.waitForSelector("#publisher-list tr[data-key=INSTAGRAM]:has-text('" + base + "/pub/instagram')");
            page.fill("#webhook-form input[name=url]", base + "/hooks/lifecycle");
            page.fill("#webhook-form input[name=secret]", "lumen-hook-secret-22");
            page.uncheck("#webhook-form input[name=events][value='post.approved']");
            page.click("#webhook-form button[type=submit]");
            page.waitForSelector("#webhook-result.ok");
            assertTrue(page.innerText("#publisher-list").contains("set"), page.innerText("#publisher-list"));
            assertFalse(page.content().contains("lumen-signing-secret-1"), "a saved secret is never shown again");
            // The newsletter's opted-in recipients: one address a line; a bad one is named, nothing stored.
            page.selectOption("#recipients-form select[name=recipient-platform]", "EMAIL");
            page.waitForSelector("#recipients-state:has-text('0 subscribed of 0 stored')");
            page.fill("#recipients-form textarea[name=recipients]", "ada@lumen.example\nnot-an-address");
            page.click("#recipients-form button[type=submit]");
            page.waitForSelector("#recipients-result:not([hidden])");
            assertTrue(page.locator("#recipients-result").getAttribute("class").contains("error"),
                    page.innerText("#recipients-form"));
            page.fill("#recipients-form textarea[name=recipients]", "ada@lumen.example\nbo@lumen.example\n");
            page.click("#recipients-form button[type=submit]");
            page.waitForSelector("#recipients-result.ok:has-text('Recipients for Email saved')");
            page.waitForSelector("#recipients-state:has-text('2 subscribed of 2 stored')");
            shot(page, "publishing.png");

            // A post goes through approval and is due at once; the receiver refuses it: FAILED with the reason.
            String id = post(ws, Map.of("platform", "INSTAGRAM", "funnelStage", "ATTENTION",
                    "caption", "New frames are in https://lumen.example/frames",
                    "mediaUrls", List.of("https://cdn.lumen.example/frames.jpg")));
            move(ws, id, "submit", Map.of());
            move(ws, id, "approve", Map.of());
            move(ws, id, "schedule", Map.of("scheduledAt", java.time.OffsetDateTime.now().plusSeconds(1).toString()));
            awaitStatus(ws, id, "FAILED");
            page.navigate(suite.reporting() + "/app/#approvals?post=" + id + "&status=FAILED");
            page.waitForSelector("#approval-detail section[data-status=FAILED]");
            assertTrue(page.innerText("#pub-failure").contains("HTTP 422"), page.innerText("#pub-failure"));
            assertEquals("1", page.innerText("#pub-attempts"));
            page.click("#approval-detail button[data-move=retry]");
            page.waitForSelector("#approval-result.ok:has-text('Done: retry')");
            awaitDeliveries(deliveries, "/pub/instagram", 2);
            awaitStatus(ws, id, "FAILED");
            page.navigate(suite.reporting() + "/app/#approvals?post=" + id + "&status=");
            page.waitForSelector("#approval-detail section[data-status=FAILED]");
            assertTrue(page.innerText("#post-history").toLowerCase().contains("retry"), page.innerText("#post-history"));

            // The colleague is deactivated from the team list (after the confirmation the page asks for).
            open(page, "team");
            ready(page, "#user-list");
            page.onceDialog(dialog -> dialog.accept());
            page.click("#user-list button[aria-label='Deactivate " + email + "']");
            page.waitForSelector("#team-result.ok:has-text('" + email + " deactivated')");
            ready(page, "#user-list");
            assertTrue(page.innerText("#user-list tr:has-text('" + email + "')").contains("deactivated"),
                    page.innerText("#user-list"));
        } finally {
            receiver.stop(0);
        }
        // What the receiver got: two signed deliveries of the one post under one delivery id, and the
        // lifecycle webhook of the failure (not of the approval, which was unticked).
        List<Map<String, String>> published = deliveries.stream().filter(d -> d.get("path").equals("/pub/instagram")).toList();
        assertEquals(2, published.size(), published.toString());
        assertEquals(published.get(0).get("delivery"), published.get(1).get("delivery"));
        assertTrue(published.get(0).get("signature").matches("t=\\d+,v1=[0-9a-f]{64}"), published.get(0).get("signature"));
        assertTrue(published.get(0).get("body").contains("New frames are in"), published.get(0).get("body"));
        Map<String, Object> publisher = given().baseUri(suite.content()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/publishers/INSTAGRAM").then().statusCode(200).extract().path("");
        assertEquals(base + "/pub/instagram", publisher.get("url"));
        assertFalse(publisher.toString().contains("lumen-signing-secret-1"), publisher.toString());
        List<String> events = given().baseUri(suite.content()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/webhooks").then().statusCode(200).extract().path("events");
        assertEquals(List.of("post.published", "post.failed"), events);
        Map<String, Object> failed = apiPost(ws, publishedPostId(published.get(0).get("body")));
        assertEquals("FAILED", failed.get("status"));
        Map<String, Object> user = given().baseUri(suite.content()).auth().oauth2(admin).get("/users/" + colleague)
                .then().statusCode(200).extract().path("");
        assertEquals(Boolean.FALSE, user.get("active"));
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "colleague-password-1")).post("/auth/login").then().statusCode(401);
    }

    private static String publishedPostId(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"postId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static void awaitStatus(String ws, String post, String status) throws InterruptedException {
        String seen = null;
        for (int i = 0; i < 120; i++) {
            seen = String.valueOf(apiPost(ws, post).get("status"));
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("post " + post + " stayed " + seen + ", expected " + status);
    }

    private static void awaitDeliveries(List<Map<String, String>> deliveries, String path, int count)
            throws InterruptedException {
        for (int i = 0; i < 120 && deliveries.stream().filter(d -> d.get("path").equals(path)).count() < count; i++) {
            Thread.sleep(250);
        }
    }

    /**
     * Connecting the client's X account: Connect leaves for X's consent page (the fake authorization server approves
     * at once), X sends the browser back through content-service's /oauth/callback, and the app completes the
     * authorization with the signed-in person's token; the fake exchanges the code only with the PKCE verifier of
     * the challenge it was shown. The page says connected, the code leaves the address bar, no token is shown.
     */
    @Test
    void connectTheClientsXAccountThroughItsConsentPage() {
        String ws = workspace("Orbit Coffee " + suffix(), "Europe/Madrid", "EUR");
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            open(page, "accounts");
            ready(page, "#account-list");
            assertTrue(page.innerText("#account-list tr[data-key=X]").contains("Not connected"),
                    page.innerText("#account-list"));
            page.click("#account-list button[aria-label='Connect X']");
            page.waitForSelector("#account-result.ok:has-text('X connected')", new Page.WaitForSelectorOptions()
                    .setTimeout(30_000));
            ready(page, "#account-list");
            page.waitForSelector("#account-list tr[data-key=X]:has-text('Connected')");
            assertTrue(page.innerText("#account-list tr[data-key=X]").contains("renewed automatically"),
                    page.innerText("#account-list tr[data-key=X]"));
            assertTrue(page.url().endsWith("/app/#accounts"), page.url());
            for (String token : suite.oauth().issued.values()) {
                assertFalse(page.content().contains(token), "an access token is never shown");
            }
            shot(page, "accounts.png");
        }
        given().baseUri(suite.content()).auth().oauth2(admin).get("/workspaces/" + ws + "/accounts/X").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("CONNECTED"))
                .body("connectedBy", org.hamcrest.Matchers.notNullValue());
    }

    /** Sending the client's conversions to Meta: the destination set up in the app, listed with its API, no token shown. */
    @Test
    void sendTheClientsConversionsToMeta() {
        String ws = workspace("Vela Sails " + suffix(), "Europe/Lisbon", "EUR");
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            open(page, "exports");
            ready(page, "#export-list");
            assertTrue(page.innerText("#export-list").contains("No destination yet"), page.innerText("#export-list"));
            page.selectOption("#export-form select[name=platform]", "META");
            page.fill("#export-form input[name=datasetId]", "123456789012345");
            page.fill("#export-form input[name=accessToken]", "EAAGvelaSailsToken9f3a");
            page.check("#export-form input[name=purchasesOnly]");
            page.click("#export-form button[type=submit]");
            page.waitForSelector("#export-result.ok:has-text('Meta Conversions API')");
            page.waitForSelector("#export-list tr[data-key=META]:has-text('Active')");
            assertTrue(page.innerText("#export-list tr[data-key=META]").contains("9f3a"));
            assertFalse(page.content().contains("EAAGvelaSailsToken9f3a"), "a saved token is never shown again");
            page.click("#export-list tr[data-key=META] a");
            page.waitForSelector("#view[data-view=exports] #log-title");
            ready(page, "#delivery-log");
            shot(page, "exports.png");
        }
        given().baseUri(suite.conversion()).auth().oauth2(admin).get("/workspaces/" + ws + "/exports/META").then()
                .statusCode(200).body("settings.datasetId", org.hamcrest.Matchers.equalTo("123456789012345"))
                .body("conversionTypes", org.hamcrest.Matchers.contains("PURCHASE"));
    }

    /** An audience's member count and its CSV download, for people who engaged: the file an ad platform takes. */
    @Test
    void seeAnAudiencesMembersAndDownloadItsCsv() throws Exception {
        String ws = workspace("Ortica Bistro " + suffix(), "Europe/Rome", "EUR");
        String story = post(ws, Map.of("platform", "INSTAGRAM", "funnelStage", "INTEREST", "caption", "Our nettle risotto"));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (String actor : List.of("ig:ada", "ig:bruno", "ig:carla")) {
            events.add(Map.of("eventId", "aud-" + actor + "-" + suffix(), "type", "COMMENT", "platform", "INSTAGRAM",
                    "postId", story, "actorId", actor, "occurredAt", now.minusHours(3).toString()));
        }
        given().baseUri(suite.engagement()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("events", events)).post("/workspaces/" + ws + "/events").then().statusCode(200);
        // The engaged actors are searchable once engagement-service's actor rollup has them (its change log,
        // moments after the acknowledgement): a probe audience shows when, and is deleted again.
        String probe = given().baseUri(suite.conversion()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "probe", "engagedWithinDays", 7)).post("/workspaces/" + ws + "/audiences").then()
                .statusCode(201).extract().path("id");
        io.socialroi.system.Eventually.await("three members", java.time.Duration.ofSeconds(30), () -> {
            List<Object> items = given().baseUri(suite.conversion()).auth().oauth2(admin)
                    .get("/workspaces/" + ws + "/audiences/" + probe + "/members").then().statusCode(200)
                    .extract().path("items");
            return items.size() == 3 ? items : null;
        });
        given().baseUri(suite.conversion()).auth().oauth2(admin).delete("/workspaces/" + ws + "/audiences/" + probe)
                .then().statusCode(204);
        String csv;
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            open(page, "audiences");
            ready(page, "#audience-list");
            page.fill("#audience-form input[name=name]", "Risotto commenters");
            page.fill("#audience-form input[name=engagedWithinDays]", "7");
            page.click("#audience-form button[type=submit]");
            page.waitForSelector("#audience-result.ok");
            ready(page, "#audience-list");
            page.waitForSelector("#audience-list tr:has-text('Risotto commenters') .member-count:text-is('3')");
            com.microsoft.playwright.Download download = page.waitForDownload(() ->
                    page.click("#audience-list button[aria-label='Download CSV of Risotto commenters']"));
            csv = Files.readString(download.path());
            // The page says how many of the rows an ad platform can match (no one here left an e-mail).
            page.waitForSelector("#audience-result.ok:has-text('3 members downloaded, 0 of them matchable by e-mail')");
            shot(page, "audience-members.png");
            // In Meta's layout: the file has Meta's header and no row, since nobody is an identified customer.
            page.selectOption("#audience-layout", "META");
            com.microsoft.playwright.Download meta = page.waitForDownload(() ->
                    page.click("#audience-list button[aria-label='Download CSV of Risotto commenters']"));
            assertEquals("email,phone,extern_id\n", Files.readString(meta.path()));
            assertTrue(meta.suggestedFilename().endsWith("-meta.csv"), meta.suggestedFilename());
            page.waitForSelector("#audience-result.ok:has-text('0 customers Meta can match, from 3 members')");
        }
        List<String> lines = csv.lines().toList();
        assertEquals("email,extern_id", lines.get(0));
        assertEquals(4, lines.size(), csv);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String ada = java.util.HexFormat.of().formatHex(sha.digest("ig:ada".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(lines.contains("," + ada), csv);
        assertFalse(csv.contains("ig:"), "nothing leaves unhashed: " + csv);
    }

    /** A new client and its first campaign, both made in the page; the picker then offers the client. */
    @Test
    void createAClientAndItsFirstCampaign() {
        String name = "Vela Yoga " + suffix();
        String ws;
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "clients");
            page.fill("#client-form input[name=name]", name);
            page.fill("#client-form input[name=timeZone]", "Europe/Lisbon");
            page.fill("#client-form input[name=currency]", "EUR");
            page.click("#client-form button[type=submit]");
            page.waitForSelector("#client-result.ok:has-text('created')");
            assertTrue(pickerNames(page).contains(name), pickerNames(page));
            ws = page.inputValue("#workspace");
            ready(page, "#campaign-list");
            page.fill("#campaign-form input[name=name]", "Summer Retreat");
            page.fill("#campaign-form input[name=objective]", "Fill the July retreat");
            page.fill("#campaign-form input[name=startDate]", "2027-06-01");
            page.fill("#campaign-form input[name=endDate]", "2027-07-31");
            page.fill("#campaign-form input[name=budget]", "1200,50");
            page.click("#campaign-form button[type=submit]");
            page.waitForSelector("#campaign-create-result.ok:has-text('utm_campaign=summer-retreat')");
            page.waitForSelector("#campaign-list[data-state=ready] tr:has-text('Summer Retreat')");
            // A campaign that ends before it starts is refused by content-service with the field named; nothing
            // is created.
            page.fill("#campaign-form input[name=name]", "Backwards");
            page.fill("#campaign-form input[name=objective]", "Nothing");
            page.fill("#campaign-form input[name=startDate]", "2027-06-01");
            page.fill("#campaign-form input[name=endDate]", "2027-05-01");
            page.click("#campaign-form button[type=submit]");
            page.waitForSelector("#campaign-create-result.error:has-text('endDate')");
        }
        Map<String, Object> created = given().baseUri(suite.content()).auth().oauth2(admin).get("/workspaces/" + ws)
                .then().statusCode(200).extract().path("");
        assertEquals(name, created.get("name"));
        assertEquals("Europe/Lisbon", created.get("timeZone"));
        List<Map<String, Object>> campaigns = given().baseUri(suite.content()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/campaigns").then().statusCode(200).extract().path("items");
        assertEquals(1, campaigns.size(), campaigns.toString());
        assertEquals("summer-retreat", campaigns.get(0).get("slug"));
        assertEquals("2027-07-31", campaigns.get(0).get("endDate"));
        @SuppressWarnings("unchecked")
        Map<String, Object> budget = (Map<String, Object>) campaigns.get(0).get("budget");
        assertEquals(0, new BigDecimal("1200.50").compareTo(new BigDecimal(String.valueOf(budget.get("amount")))));
    }

    @Test
    void editAndArchiveAClientAndItsCampaignAndEditAnAudience() {
        String name = "Nord Bakery " + suffix();
        String ws = workspace(name, "Europe/Berlin", "EUR");
        String winter = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Winter Loaves", "objective", "SALES", "startDate", "2026-01-01"))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201).extract().path("id");
        String audience = given().baseUri(suite.conversion()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Bread lovers", "engagedWithinDays", 14, "funnelStages", List.of("TRUST")))
                .post("/workspaces/" + ws + "/audiences").then().statusCode(201).extract().path("id");
        String renamed = name.replace("Nord", "Nordic");
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            open(page, "clients");
            ready(page, "#campaign-list");
            // Edit the client: name, zone and currency, by keyboard from the Edit button on.
            page.focus("#client-list button[data-edit='" + ws + "']");
            page.keyboard().press("Enter");
            page.waitForSelector("#client-edit-form[data-workspace='" + ws + "']");
            page.fill("#client-edit-form input[name=name]", renamed);
            page.fill("#client-edit-form input[name=timeZone]", "Europe/Stockholm");
            page.fill("#client-edit-form input[name=currency]", "sek");
            page.press("#client-edit-form input[name=currency]", "Enter");
            page.waitForSelector("#client-result.ok:has-text('saved')");
            assertTrue(page.innerText("#client-list").contains(renamed), page.innerText("#client-list"));
            assertTrue(pickerNames(page).contains(renamed), pickerNames(page));

            // Archive its campaign.
            ready(page, "#campaign-list");
            page.click("#campaign-list tr[data-key='" + winter + "'] button[data-campaign-action=archive]");
            page.waitForSelector("#client-result.ok:has-text('archived')");
            page.waitForSelector("#campaign-list tr[data-key='" + winter + "'] .campaign-status:text-is('Archived')");
            shot(page, "clients-edit.png");

            // Edit an audience: rename it, widen the window, add a stage.
            open(page, "audiences");
            ready(page, "#audience-list");
            page.click("#audience-list button[data-edit='" + audience + "']");
            page.waitForSelector("#audience-form[data-audience='" + audience + "']");
            assertEquals("Bread lovers", page.inputValue("#audience-form input[name=name]"));
            page.fill("#audience-form input[name=name]", "Bread lovers, warm");
            page.fill("#audience-form input[name=engagedWithinDays]", "30");
            page.check("#audience-form input[name=funnelStages][value=ACTION]");
            page.click("#audience-form button[type=submit]");
            page.waitForSelector("#audience-result.ok:has-text('saved')");
            ready(page, "#audience-list");
            assertTrue(page.innerText("#audience-list").contains("Bread lovers, warm"), page.innerText("#audience-list"));

            // Archive the client, then bring it back from the archived list.
            open(page, "clients");
            page.click("#client-list button[data-archive='" + ws + "']");
            page.waitForSelector("#client-result.ok:has-text('archived')");
            ready(page, "#archived-client-list");
            assertFalse(page.innerText("#client-list").contains(renamed), page.innerText("#client-list"));
            assertFalse(pickerNames(page).contains(renamed), pickerNames(page));
            Map<String, Object> archived = given().baseUri(suite.content()).auth().oauth2(admin)
                    .get("/workspaces/" + ws).then().statusCode(200).extract().path("");
            assertEquals(Boolean.TRUE, archived.get("archived"));
            // Still archived, a new post is refused; its reports stay readable.
            given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("platform", "X", "funnelStage", "ACTION", "caption", "Late"))
                    .post("/workspaces/" + ws + "/posts").then().statusCode(409);
            given().baseUri(suite.reporting()).auth().oauth2(admin)
                    .get("/workspaces/" + ws + "/reports/roi?from=2026-01-01&to=2026-01-31&groupBy=campaign")
                    .then().statusCode(200);
            page.focus("#archived-client-list button[data-unarchive='" + ws + "']");
            page.keyboard().press("Enter");
            page.waitForSelector("#client-result.ok:has-text('active again')");
            page.waitForSelector("#client-list button[data-edit='" + ws + "']");
        }
        Map<String, Object> client = given().baseUri(suite.content()).auth().oauth2(admin).get("/workspaces/" + ws)
                .then().statusCode(200).extract().path("");
        assertEquals(renamed, client.get("name"));
        assertEquals("Europe/Stockholm", client.get("timeZone"));
        assertEquals("SEK", client.get("currency"));
        assertEquals(Boolean.FALSE, client.get("archived"));
        List<String> active = given().baseUri(suite.content()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/campaigns").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(), active);
        List<String> shelved = given().baseUri(suite.content()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/campaigns?archived=true").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(winter), shelved);
        Map<String, Object> edited = given().baseUri(suite.conversion()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/audiences/" + audience).then().statusCode(200).extract().path("");
        assertEquals("Bread lovers, warm", edited.get("name"));
        assertEquals(30, edited.get("engagedWithinDays"));
        assertEquals(List.of("TRUST", "ACTION"), edited.get("funnelStages"));
    }

    @Test
    void anAdminMakesAOneTimeResetLinkAndTheUserSetsANewPasswordWithIt() {
        String email = "rene-" + suffix() + "@agency.test";
        given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Rene Forgetful", "password", "forgotten-password-1",
                        "role", "MANAGER", "workspaceIds", List.of(fiori)))
                .post("/users").then().statusCode(201);
        String link;
        try (BrowserContext context = context(1280, true)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            open(page, "team");
            ready(page, "#user-list");
            page.click("#user-list tr:has-text('" + email + "') button[data-reset]");
            page.waitForSelector("#reset-link");
            link = page.inputValue("#reset-link");
            assertTrue(link.startsWith(suite.reporting() + "/app/#reset?token="), link);
            assertTrue(page.innerText("#reset-box").contains("will not be shown again"), page.innerText("#reset-box"));
            page.click("#copy-reset-link");
            page.waitForSelector("#reset-copied.ok");
            assertEquals(link, page.evaluate("() => navigator.clipboard.readText()"));
            assertNoSeriousViolations(page, "team with a reset link");
            shot(page, "team-reset-link.png");
        }
        // Until the link is used nothing changes: the old password still signs in.
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "forgotten-password-1")).post("/auth/login").then().statusCode(200);
        try (BrowserContext context = context(1280, true)) {
            Page page = context.newPage();
            page.navigate(link);
            page.waitForSelector("#reset-form", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            assertFalse(page.url().contains("token="), "the token is taken out of the address bar: " + page.url());
            assertNoSeriousViolations(page, "reset page");
            page.fill("#reset-form input[name=newPassword]", "remembered-password-2");
            page.fill("#reset-form input[name=confirmPassword]", "remembered-password-3");
            page.click("#reset-form button[type=submit]");
            page.waitForSelector("#reset-error:has-text('differ')");
            page.fill("#reset-form input[name=confirmPassword]", "remembered-password-2");
            page.click("#reset-form button[type=submit]");
            page.waitForSelector("#login-error:has-text('Password set')");
            assertEquals(email, page.inputValue("#login-form input[name=email]"));
            shot(page, "reset-done.png");
            // Tokens issued within the whole second after a revocation count as revoked (whole-second iat); a
            // person takes longer than that to type the password, so the test waits it out too.
            page.waitForTimeout(2100);
            page.fill("#login-form input[name=password]", "remembered-password-2");
            page.click("#login-form button[type=submit]");
            page.waitForSelector("#nav", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE)
                    .setTimeout(20_000));
            open(page, "calendar");
        }
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "forgotten-password-1")).post("/auth/login").then().statusCode(401);
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "remembered-password-2")).post("/auth/login").then().statusCode(200);
        // The link worked once: opened again, it is refused and the password stays.
        try (BrowserContext context = context(1280, true)) {
            Page page = context.newPage();
            page.navigate(link);
            page.waitForSelector("#reset-form", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
            page.fill("#reset-form input[name=newPassword]", "someone-elses-password");
            page.fill("#reset-form input[name=confirmPassword]", "someone-elses-password");
            page.click("#reset-form button[type=submit]");
            page.waitForSelector("#reset-error:has-text('used already')");
        }
        given().baseUri(suite.content()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "remembered-password-2")).post("/auth/login").then().statusCode(200);
    }

    @Test
    void aClientViewerSeesOnlyTheirClientAndNoChangeControls() {
        String id = post(fiori, Map.of("platform", "PINTEREST", "funnelStage", "ATTENTION", "caption", "Wedding flowers",
                "scheduledAt", LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(1) + "T10:00:00",
                "mediaUrls", List.of("https://cdn.fiori.example/wedding.jpg")));
        move(fiori, id, "submit", Map.of());
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, VIEWER_EMAIL, VIEWER_PASSWORD, fiori);
            assertEquals(1, page.locator("#workspace option").count());
            open(page, "compose");
            // The view says so once it has read the campaigns ("Loading campaigns…" until then).
            page.waitForSelector("#view .state.empty:has-text('read-only')");
            assertEquals(0, page.locator("#compose-form").count());
            open(page, "costs");
            ready(page, "#cost-list");
            assertEquals(0, page.locator("#cost-form").count());
            assertEquals(0, page.locator("#settings-form button[type=submit]").count());
            open(page, "audiences");
            ready(page, "#audience-list");
            assertEquals(0, page.locator("#audience-form").count());
            page.navigate(suite.reporting() + "/app/#approvals?post=" + id);
            page.waitForSelector("#approval-detail section[data-status=IN_REVIEW]");
            assertEquals(0, page.locator("#approval-detail button[data-move]").count());
            assertEquals(0, page.locator("#make-link").count());
            page.navigate(suite.reporting() + "/app/#calendar");
            ready(page, "#calendar-grid");
            page.waitForSelector(".chip[data-post='" + id + "']");
            assertEquals("false", page.getAttribute(".chip[data-post='" + id + "']", "draggable"));
            open(page, "team");
            assertEquals(0, page.locator("#invite-form").count());
            open(page, "clients");
            ready(page, "#campaign-list");
            assertTrue(page.innerText("#campaign-list").contains("Spring Bouquets"), page.innerText("#campaign-list"));
            assertEquals(0, page.locator("#view button").count());
            assertEquals(0, page.locator("#client-form, #archived-client-list").count());
            open(page, "audiences");
            ready(page, "#audience-list");
            assertEquals(0, page.locator("#audience-list button[data-edit]").count());
            shot(page, "client-viewer.png");

            // The same token against the APIs: the other client is 404, every change 403.
            Object status = page.evaluate("async ([content, reporting, other, own, post, campaign]) => {"
                    + " const token = sessionStorage.getItem('suite.token');"
                    + " const auth = { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' };"
                    + " const ws = await fetch(content + '/workspaces/' + other, { headers: auth });"
                    + " const create = await fetch(content + '/workspaces/' + own + '/posts', { method: 'POST', headers: auth,"
                    + "   body: JSON.stringify({ platform: 'X', funnelStage: 'ACTION', caption: 'x' }) });"
                    + " const approve = await fetch(content + '/workspaces/' + own + '/posts/' + post + '/approve',"
                    + "   { method: 'POST', headers: auth, body: '{}' });"
                    + " const cost = await fetch(reporting + '/workspaces/' + own + '/costs', { method: 'POST', headers: auth,"
                    + "   body: JSON.stringify({ category: 'TOOLS', amount: { amount: '1.00', currency: 'EUR' },"
                    + "   incurredOn: '2026-01-01' }) });"
                    + " const rename = await fetch(content + '/workspaces/' + own, { method: 'PATCH', headers: auth,"
                    + "   body: JSON.stringify({ name: 'Mine now' }) });"
                    + " const archive = await fetch(content + '/workspaces/' + own + '/archive', { method: 'POST', headers: auth });"
                    + " const shelve = await fetch(content + '/workspaces/' + own + '/campaigns/' + campaign + '/archive',"
                    + "   { method: 'POST', headers: auth });"
                    + " return [ws.status, create.status, approve.status, cost.status, rename.status, archive.status,"
                    + "   shelve.status]; }",
                    List.of(suite.content(), suite.reporting(), other, fiori, id, campaign));
            assertEquals(List.of(404, 403, 403, 403, 403, 403, 403), status);
        }
        assertEquals("IN_REVIEW", apiPost(fiori, id).get("status"));
    }

    /**
     * A real story in a bakery's own workspace (so the florist's audiences stay empty for the other tests), in its
     * Spring Bouquets campaign: a sales post whose tracked link a person clicks and
     * buys through (120.00), a second post with engagement, and ad spend tied to the campaign.
     */
    private static Map<String, String> bouquetJourney(String ws, String campaign) {
        ZoneId rome = ZoneId.of("Europe/Rome");
        given().baseUri(suite.reporting()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("category", "AD_SPEND", "amount", Map.of("amount", "60.00", "currency", "EUR"),
                        "incurredOn", LocalDate.now(rome).minusDays(2).toString(), "campaignId", campaign,
                        "platform", "INSTAGRAM"))
                .post("/workspaces/" + ws + "/costs").then().statusCode(201);
        String sale = post(ws, Map.of("campaignId", campaign, "platform", "INSTAGRAM", "funnelStage", "ACTION",
                "caption", "Peony bouquets 20% off this week", "landingUrl", "https://fiori.example/peonies"));
        String story = post(ws, Map.of("campaignId", campaign, "platform", "TIKTOK", "funnelStage", "ATTENTION",
                "caption", "How we tie a bouquet"));
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
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(rome);
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(Map.of("eventId", "rep-imp-" + i + "-" + suffix(), "type", "IMPRESSION", "platform", "TIKTOK",
                    "postId", story, "actorId", "tt:fan" + i, "occurredAt", now.minusHours(20).toString()));
            events.add(Map.of("eventId", "rep-like-" + i + "-" + suffix(), "type", "LIKE", "platform", "TIKTOK",
                    "postId", story, "actorId", "tt:fan" + i, "occurredAt", now.minusHours(19).toString()));
        }
        given().baseUri(suite.engagement()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("events", events)).post("/workspaces/" + ws + "/events").then().statusCode(200);
        given().baseUri(suite.conversion()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("eventId", "order-" + suffix(), "type", "PURCHASE",
                        "value", Map.of("amount", "120.00", "currency", "EUR"),
                        "occurredAt", now.plusSeconds(1).toString(), "customerId", "giulia", "clickId", clickId))
                .post("/workspaces/" + ws + "/conversions").then().statusCode(201);
        io.socialroi.system.Eventually.await("purchase attributed", java.time.Duration.ofSeconds(30), () -> {
            Object revenue = roi(ws, "groupBy=post&campaignId=" + campaign).get("totals.revenue.amount");
            return revenue != null && new BigDecimal(String.valueOf(revenue)).compareTo(new BigDecimal("120")) >= 0
                    ? revenue : null;
        });
        return Map.of("sale", sale, "story", story);
    }

    /** The reports' default period: the 28 days up to today in the workspace's zone. */
    private static String period() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
        return "from=" + today.minusDays(27) + "&to=" + today;
    }

    private static io.restassured.path.json.JsonPath roi(String ws, String query) {
        return given().baseUri(suite.reporting()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/reports/roi?" + period() + "&model=LAST_TOUCH&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.path.json.JsonPath compare(String ws, String groupBy) {
        return given().baseUri(suite.conversion()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/attribution/compare?" + period() + "&groupBy=" + groupBy
                        + "&models=FIRST_TOUCH,LAST_TOUCH,LINEAR,TIME_DECAY,POSITION_BASED,DATA_DRIVEN")
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.path.json.JsonPath paths(String ws, String by) {
        return given().baseUri(suite.conversion()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/attribution/paths?" + period() + "&by=" + by)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A money amount as the page shows it in en-US: EUR 1234.5 is "€1,234.50". */
    private static String euros(String amount) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(new BigDecimal(amount));
    }

    private static void assertMoneyCell(Page page, String selector, String amount) {
        assertEquals(amount, page.getAttribute(selector, "data-amount"), selector);
        assertEquals(euros(amount), page.innerText(selector).strip(), selector);
    }

    @Test
    void drillFromACampaignToItsPostsCompareTheModelsAndReadAChartsTooltip() {
        String ws = workspace("Rossi Bakery " + suffix(), "Europe/Rome", "EUR");
        String campaign = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Spring Bouquets", "objective", "SALES", "startDate", "2026-01-01",
                        "endDate", "2027-12-31", "budget", Map.of("amount", "900.00", "currency", "EUR")))
                .post("/workspaces/" + ws + "/campaigns").then().statusCode(201).extract().path("id");
        String viewer = "viewer-" + suffix() + "@rossi.test";
        given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", viewer, "name", "Rita Rossi", "password", VIEWER_PASSWORD,
                        "role", "CLIENT_VIEWER", "workspaceIds", List.of(ws)))
                .post("/users").then().statusCode(201);
        Map<String, String> posts = bouquetJourney(ws, campaign);
        io.restassured.path.json.JsonPath byPost = roi(ws, "groupBy=post&campaignId=" + campaign);
        io.restassured.path.json.JsonPath byCampaign = roi(ws, "groupBy=campaign");
        assertTrue(byPost.getList("rows.key").contains(posts.get("sale")), byPost.prettify());
        try (BrowserContext context = context(1280, false)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            open(page, "reports");
            ready(page, "#roi-by-campaign");
            String row = "#roi-by-campaign tr[data-key='" + campaign + "']";
            assertMoneyCell(page, row + " [data-field=revenue]",
                    byCampaign.getString("rows.find { it.key == '" + campaign + "' }.revenue.amount"));

            // The campaign row opens its posts, with the figures the API gives for them.
            page.click(row + " a[data-campaign]");
            ready(page, "#campaign-posts");
            page.waitForSelector("#crumb-campaign:has-text('Spring Bouquets')");
            assertTrue(page.innerText("#campaign-posts-title").contains("Posts of Spring Bouquets"));
            List<Map<String, Object>> rows = byPost.getList("rows");
            assertEquals(rows.size(), page.locator("#campaign-posts tbody tr").count(), page.innerText("#campaign-posts"));
            for (Map<String, Object> r : rows) {
                String cell = "#campaign-posts tr[data-key='" + r.get("key") + "']";
                assertMoneyCell(page, cell + " [data-field=revenue]", byPost.getString("rows.find { it.key == '"
                        + r.get("key") + "' }.revenue.amount"));
                assertMoneyCell(page, cell + " [data-field=spend]", byPost.getString("rows.find { it.key == '"
                        + r.get("key") + "' }.spend.amount"));
            }
            assertTrue(page.innerText("#campaign-posts tr[data-key='" + posts.get("sale") + "']")
                    .contains("Peony bouquets 20% off this week"));
            shot(page, "reports-campaign-posts.png");

            // Back with the browser, then again through the breadcrumb.
            page.goBack();
            ready(page, "#roi-by-campaign");
            page.click(row + " a[data-campaign]");
            ready(page, "#campaign-posts");
            page.click("#crumb-all");
            ready(page, "#roi-by-campaign");

            // A chart read with the keyboard: focus it, the tooltip gives the first bar's exact value; down
            // moves to the revenue series.
            page.focus("#roi-by-campaign canvas");
            page.waitForSelector("#roi-by-campaign .chart-tip:not([hidden])");
            String first = byCampaign.getString("rows[0].label");
            assertEquals(first + "\nSpend: " + euros(byCampaign.getString("rows[0].spend.amount")),
                    page.innerText("#roi-by-campaign .chart-tip").strip());
            page.keyboard().press("ArrowDown");
            assertEquals(first + "\nAttributed revenue: " + euros(byCampaign.getString("rows[0].revenue.amount")),
                    page.innerText("#roi-by-campaign .chart-tip").strip());
            page.keyboard().press("Escape");
            page.waitForSelector("#roi-by-campaign .chart-tip", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.HIDDEN));

            // The six models side by side, a cell checked against the API, then grouped by post.
            ready(page, "#compare");
            assertEquals(6, page.locator("#model-meanings dt").count());
            io.restassured.path.json.JsonPath models = compare(ws, "campaign");
            for (String model : List.of("FIRST_TOUCH", "LAST_TOUCH", "LINEAR", "TIME_DECAY", "POSITION_BASED",
                    "DATA_DRIVEN")) {
                String cell = "#compare-table tr[data-key='" + campaign + "'] td[data-model=" + model + "]";
                assertMoneyCell(page, cell + " .revenue", models.getString("rows.find { it.key == '" + campaign
                        + "' }.models." + model + ".revenue.amount"));
                assertEquals(new BigDecimal(models.getString("rows.find { it.key == '" + campaign + "' }.models."
                        + model + ".conversions")).stripTrailingZeros(),
                        new BigDecimal(page.getAttribute(cell + " .conversions", "data-value")).stripTrailingZeros());
            }
            page.selectOption("#compare-group", "post");
            page.waitForSelector("#compare-table tr[data-key='" + posts.get("sale") + "']");
            io.restassured.path.json.JsonPath perPost = compare(ws, "post");
            assertMoneyCell(page, "#compare-table tr[data-key='" + posts.get("sale") + "'] td[data-model=LINEAR] .revenue",
                    perPost.getString("rows.find { it.key == '" + posts.get("sale") + "' }.models.LINEAR.revenue.amount"));
            assertTrue(page.url().contains("compare=post"), page.url());
            // Rows are named by the post's platform and caption, not its id.
            assertTrue(page.innerText("#compare-table tr[data-key='" + posts.get("sale") + "']")
                    .contains("Instagram: Peony bouquets 20% off this week"),
                    page.innerText("#compare-table tr[data-key='" + posts.get("sale") + "']"));
            shot(page, "reports-compare.png");

            // The paths before a first purchase: Giulia clicked the Instagram sale post (ACTION), then bought.
            open(page, "paths");
            ready(page, "#paths");
            io.restassured.path.json.JsonPath paths = paths(ws, "platform");
            assertEquals(List.of("INSTAGRAM"), paths.getList("rows.key"), paths.prettify());
            assertEquals(1, page.locator("#paths-table tbody tr").count(), page.innerText("#paths"));
            String pathRow = "#paths-table tr[data-key='INSTAGRAM']";
            assertEquals("Instagram", page.innerText(pathRow + " .step").strip());
            assertEquals("1", page.innerText(pathRow + " [data-field=conversions]").strip());
            assertMoneyCell(page, pathRow + " [data-field=revenue]", paths.getString("rows[0].revenue.amount"));
            assertEquals(paths.getString("rows[0].medianSecondsToConvert"),
                    page.getAttribute(pathRow + " [data-field=median]", "data-seconds"));
            assertTrue(page.innerText("#paths-note").contains("belong to no converting person"), page.innerText("#paths"));
            page.click("#paths-period button[data-by=funnelStage]");
            page.waitForSelector("#paths-table tr[data-key='ACTION']");
            assertTrue(page.url().contains("by=funnelStage"), page.url());
            assertEquals("true", page.getAttribute("#paths-period button[data-by=funnelStage]", "aria-pressed"));
            assertEquals(List.of("ACTION"), paths(ws, "funnelStage").getList("rows.key"));
            shot(page, "paths.png");
        }
        // axe-core is a script the page's CSP would refuse: checked in a context that lets it in.
        try (BrowserContext context = context(1280, true)) {
            Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, ws);
            page.navigate(suite.reporting() + "/app/#reports?compare=post");
            ready(page, "#roi-by-campaign");
            ready(page, "#compare");
            page.focus("#roi-by-campaign canvas");
            assertNoSeriousViolations(page, "reports with data");
            page.click("#roi-by-campaign tr[data-key='" + campaign + "'] a[data-campaign]");
            ready(page, "#campaign-posts");
            assertNoSeriousViolations(page, "campaign posts");
        }

        // The client viewer reads the same reports of their client, and only theirs.
        try (BrowserContext context = context(390, false)) {
            Page page = signIn(context, viewer, VIEWER_PASSWORD, ws);
            assertEquals(1, page.locator("#workspace option").count());
            open(page, "reports");
            ready(page, "#roi-by-campaign");
            page.click("#roi-by-campaign tr[data-key='" + campaign + "'] a[data-campaign]");
            ready(page, "#campaign-posts");
            assertMoneyCell(page, "#campaign-posts tr[data-key='" + posts.get("sale") + "'] [data-field=revenue]",
                    byPost.getString("rows.find { it.key == '" + posts.get("sale") + "' }.revenue.amount"));
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth");
            assertTrue(((Number) overflow).intValue() <= 390, "drill-down is " + overflow + " px wide at 390 px");
            shot(page, "390-reports-viewer.png");
            page.navigate(suite.reporting() + "/app/#reports?campaign=" + UUID.randomUUID());
            ready(page, "#campaign-posts");
            page.waitForSelector("#campaign-posts .state.empty");
        }
    }

    @Test
    void everyViewPassesAxeAndFitsA390PixelScreen() {
        post(fiori, Map.of("platform", "TIKTOK", "funnelStage", "ATTENTION", "caption", "Behind the counter",
                "scheduledAt", LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(2) + "T18:00:00"));
        for (int width : new int[] {1280, 390}) {
            try (BrowserContext context = context(width, true)) {
                Page page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
                for (String view : VIEWS) {
                    open(page, view);
                    page.waitForSelector("#view [data-state=loading]", new Page.WaitForSelectorOptions()
                            .setState(WaitForSelectorState.DETACHED).setTimeout(30_000));
                    assertNoSeriousViolations(page, view + "@" + width);
                    if (width == 390) {
                        Object overflow = page.evaluate("() => document.documentElement.scrollWidth");
                        assertTrue(((Number) overflow).intValue() <= 390, view + " is " + overflow + " px wide at 390 px");
                        shot(page, "390-" + view + ".png");
                    }
                }
            }
        }
        try (BrowserContext context = context(1280, true)) {
            Page page = context.newPage();
            page.navigate(suite.reporting() + "/app/");
            assertNoSeriousViolations(page, "sign-in");
            // The Reports view is the dashboard: the same tab keeps the sign-in.
            page = signIn(context, SuiteCluster.ADMIN_EMAIL, SuiteCluster.ADMIN_PASSWORD, fiori);
            page.click("#nav a[href='/']");
            page.waitForSelector("body[data-loaded]", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.ATTACHED).setTimeout(60_000));
            page.waitForSelector("#app [data-state=loading]", new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.DETACHED).setTimeout(60_000));
            assertNoSeriousViolations(page, "reports");
            page.click("#open-app");
            page.waitForSelector("#nav", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        }
    }

    private static void assertNoSeriousViolations(Page page, String where) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        Object found = page.evaluate("async () => { const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')); }");
        assertEquals(List.of(), found, where);
    }
}
