package io.socialroi.system.webapp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialroi.system.Eventually;
import io.socialroi.system.Chromium;
import io.socialroi.system.SuiteCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The click script ({@code GET /s/{workspaceId}.js} on engagement-service) in a real headless Chromium, on a shop
 * that is another site: a small HTTP server in this test serves the shop's pages under the name {@code shop.test}
 * (Chromium maps it to 127.0.0.1), each loading the script from the running engagement-service, and stands in for
 * Shopify's {@code /cart/update.js} and a checkout form's target. A person clicks a post's tracked link (the real
 * redirect), lands on the shop with {@code smclid}, browses on without it, clicks another post's link, and buys; the
 * cart attribute the script posted is then sent as Shopify's signed orders/create webhook, and conversion-service
 * credits the post that was clicked last.
 */
class ClickScriptBrowserIT {

    private static final String SHOP = "shop.test";
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final String SHOPIFY_SECRET = "shpss_click_script_browser_it_0123456789";
    private static final int LOOKBACK_DAYS = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SuiteCluster suite;
    private static Chromium chromium;
    private static Browser browser;
    private static HttpServer shop;
    private static String shopUrl;
    private static String admin;
    private static String ws;
    private static final List<String> cartUpdates = new CopyOnWriteArrayList<>();
    private static final List<String> orders = new CopyOnWriteArrayList<>();
    private static final AtomicInteger carts = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        suite = SuiteCluster.get();
        admin = given().baseUri(suite.content()).formParam("grant_type", "client_credentials")
                .formParam("client_id", SuiteCluster.ADMIN_CLIENT_ID)
                .formParam("client_secret", SuiteCluster.ADMIN_CLIENT_SECRET)
                .post("/auth/token").then().statusCode(200).extract().path("access_token");
        ws = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Mugs & Co " + UUID.randomUUID().toString().substring(0, 6), "timeZone", "UTC",
                        "currency", "EUR"))
                .post("/workspaces").then().statusCode(201).extract().path("id");
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", ClickScriptBrowserIT::serve);
        shop.start();
        shopUrl = "http://" + SHOP + ":" + shop.getAddress().getPort();
        chromium = Chromium.launch("--host-resolver-rules=MAP " + SHOP + " 127.0.0.1");
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (shop != null) {
            shop.stop(0);
        }
    }

    /** The shop: every page loads the click script; /cart/update.js and /order record what they are sent. */
    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (path.equals("/cart/update.js") && exchange.getRequestMethod().equals("POST")) {
            cartUpdates.add(text);
            String cookies = exchange.getRequestHeaders().getFirst("Cookie");
            if (cookies == null || !cookies.contains("cart=")) {
                // Shopify's cart cookie, readable by the page's scripts.
                exchange.getResponseHeaders().add("Set-Cookie", "cart=c1-" + carts.incrementAndGet()
                        + "; Path=/; SameSite=Lax");
            }
            answer(exchange, 200, "application/json", "{\"token\":\"c1\",\"attributes\":"
                    + JSON.readTree(text).path("attributes") + "}");
            return;
        }
        if (path.equals("/order") && exchange.getRequestMethod().equals("POST")) {
            orders.add(text);
            answer(exchange, 200, "text/html; charset=utf-8", "<!doctype html><title>Thanks</title><p>Thank you</p>");
            return;
        }
        if (path.equals("/favicon.ico")) {
            answer(exchange, 404, "text/plain", "");
            return;
        }
        String script = suite.engagement() + "/s/" + ws + ".js?lookbackDays=" + LOOKBACK_DAYS;
        answer(exchange, 200, "text/html; charset=utf-8", """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Mugs &amp; Co</title>
                <script async src="%s" data-shopify-cart data-stripe-links></script></head>
                <body>
                <h1>Mugs</h1>
                <form id="newsletter" action="/order" method="post">
                  <input type="email" name="email" value="ana@example.com">
                  <input type="hidden" name="smclid">
                  <button type="submit">Subscribe</button>
                </form>
                <form id="checkout" action="/order" method="post" data-smclid>
                  <input type="email" name="email" value="ana@example.com">
                  <button id="buy" type="submit">Buy</button>
                </form>
                <a id="pay" href="https://buy.stripe.com/test_5kA7sT?prefilled_email=ana%%40example.com">Pay with Stripe</a>
                </body></html>
                """.formatted(script));
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static String trackedLink(String landing) {
        String post = given().baseUri(suite.content()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("platform", "INSTAGRAM", "funnelStage", "ACTION", "caption", "Mugs, 20% off",
                        "landingUrl", shopUrl + landing))
                .post("/workspaces/" + ws + "/posts").then().statusCode(201).extract().path("id");
        String link = given().baseUri(suite.content()).auth().oauth2(admin).get("/workspaces/" + ws + "/posts/" + post)
                .then().statusCode(200).extract().path("trackedLink.url");
        // content-service registers the link with engagement-service's directory; wait until the redirect knows it.
        Eventually.await("tracked link registered", Duration.ofSeconds(30), () -> given().redirects().follow(false)
                .header("User-Agent", CHROME).head(link).statusCode() == 302 ? link : null);
        return post + " " + link;
    }

    /** Opens the page and waits until the script has run (its API is there). */
    private static void open(Page page, String url) {
        page.navigate(url);
        // The script is async: it has run, and filled the page, once its API is there and the DOM is parsed.
        page.waitForFunction("() => window.SocialRoi && typeof window.SocialRoi.clickId === 'function' "
                + "&& document.readyState !== 'loading'");
    }

    /** The script has seen Shopify accept the cart attribute for this id (it posts again only for another). */
    private static void awaitCartPosted(Page page, String clickId) {
        page.waitForFunction("([ws, id]) => (localStorage.getItem('smclid_' + ws + '_cart') || '').indexOf(id + '|') === 0",
                List.of(ws, clickId));
    }

    private static String clickIdIn(String url) {
        String query = url.substring(url.indexOf('?') + 1);
        String found = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("smclid=")) {
                found = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        return found;
    }

    private static Cookie cookie(BrowserContext context) {
        return context.cookies(shopUrl).stream().filter(c -> c.name.equals("smclid_" + ws)).findFirst().orElse(null);
    }

    /** What the person and the shop's own scripts see of the click id on the open page. */
    private static void assertKept(BrowserContext context, Page page, String clickId) throws IOException {
        assertEquals(clickId, page.evaluate("() => window.SocialRoi.clickId()"));
        assertEquals(clickId, page.evaluate("ws => window.SocialRoi.clickId(ws.toUpperCase())", ws));
        Cookie cookie = cookie(context);
        assertNotNull(cookie, "cookie smclid_" + ws);
        assertEquals(clickId, cookie.value);
        assertEquals("/", cookie.path);
        assertEquals(SHOP, cookie.domain, "a first-party cookie of the shop's host");
        assertEquals(SameSiteAttribute.LAX, cookie.sameSite);
        assertEquals(false, cookie.secure, "http page: no Secure flag");
        assertEquals(false, cookie.httpOnly, "the shop's own scripts and checkout read it");
        double days = (cookie.expires - Instant.now().getEpochSecond()) / 86400.0;
        assertTrue(days > LOOKBACK_DAYS - 1 && days <= LOOKBACK_DAYS + 0.01, "cookie kept " + days + " days");
        JsonNode stored = JSON.readTree((String) page.evaluate("ws => localStorage.getItem('smclid_' + ws)", ws));
        assertEquals(clickId, stored.path("id").asText());
        assertTrue(stored.path("at").isNumber(), stored.toString());
        assertEquals(clickId, page.inputValue("#newsletter input[name=smclid]"));
        assertEquals(clickId, page.inputValue("#checkout input[type=hidden][name=smclid]"));
        assertEquals(1, page.locator("#checkout input[name=smclid]").count(), "one input added, not one per pass");
        assertEquals("https://buy.stripe.com/test_5kA7sT?prefilled_email=ana%40example.com&client_reference_id=smclid_"
                + clickId, page.getAttribute("#pay", "href"));
    }

    /** The shop's cart updates that set this click id (the tests' ids differ, so they do not see each other's). */
    private static List<JsonNode> cartUpdates(String clickId) throws IOException {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (String update : cartUpdates) {
            JsonNode attributes = JSON.readTree(update).path("attributes");
            if (clickId.equals(attributes.path("smclid").asText(null))) {
                found.add(attributes);
            }
        }
        return found;
    }

    @Test
    void theClickIdOfTheLandingUrlReachesFormsTheCartAndTheOrder() throws Exception {
        String[] first = trackedLink("/landing?ref=bio").split(" ");
        String[] second = trackedLink("/spring").split(" ");
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setUserAgent(CHROME)
                .setLocale("en-US"));
        List<String> dialogs = new CopyOnWriteArrayList<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        Page page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.onPageError(errors::add);

        // 1. The person clicks the first post's link: the redirect lands them on the shop with smclid.
        open(page, first[1]);
        assertTrue(page.url().startsWith(shopUrl + "/landing?ref=bio&"), page.url());
        String clickId = clickIdIn(page.url());
        assertNotNull(clickId, page.url());
        assertKept(context, page, clickId);
        awaitCartPosted(page, clickId);
        assertEquals(1, cartUpdates(clickId).size(), cartUpdates.toString());

        // 2. Another page without smclid still carries it; the cart is not posted again for the same id and cart.
        open(page, shopUrl + "/products/mug");
        assertKept(context, page, clickId);
        open(page, shopUrl + "/cart");
        assertKept(context, page, clickId);
        assertEquals(1, cartUpdates(clickId).size(), "posted once per click id and cart: " + cartUpdates);

        // 3. Nothing but a click id is ever kept: markup or a made-up value in the URL change nothing.
        for (String hostile : List.of("%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%3Balert(2)%2F%2F", "not-a-click",
                clickId + "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E", "%E0%A4")) {
            open(page, shopUrl + "/products/mug?smclid=" + hostile);
            assertKept(context, page, clickId);
        }
        assertEquals(List.of(), dialogs);

        // 4. Forms are sent with it: the hidden field the shop wrote, and the one the script added.
        page.click("#buy");
        page.waitForURL(shopUrl + "/order");
        assertEquals(1, orders.stream().filter(o -> o.contains("smclid=" + clickId)).count(), orders.toString());

        // 5. A newer click (another post's link) replaces it everywhere, and the cart gets the new id.
        open(page, second[1]);
        String newer = clickIdIn(page.url());
        assertNotNull(newer, page.url());
        assertNotEquals(clickId, newer);
        assertKept(context, page, newer);
        awaitCartPosted(page, newer);
        open(page, shopUrl + "/products/mug");
        assertKept(context, page, newer);
        assertEquals(1, cartUpdates(newer).size(), cartUpdates.toString());

        // 6. A cookie the browser dropped early (Safari caps script-set cookies) comes back from the storage.
        context.clearCookies();
        open(page, shopUrl + "/products/mug");
        assertKept(context, page, newer);
        assertEquals(List.of(), errors, "no script errors on the shop's pages");
        context.close();

        // 7. The order: Shopify turns the cart attribute into note_attributes; conversion-service reads smclid there.
        given().baseUri(suite.conversion()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("secret", SHOPIFY_SECRET)).put("/workspaces/" + ws + "/connectors/shopify").then()
                .statusCode(200);
        String attributes = cartUpdates(newer).get(0).properties().stream()
                .map(e -> "{\"name\":\"" + e.getKey() + "\",\"value\":\"" + e.getValue().asText() + "\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        String now = Instant.now().atOffset(ZoneOffset.UTC).toString();
        String order = "{\"id\":7001,\"email\":\"ana@example.com\",\"created_at\":\"" + now + "\",\"processed_at\":\""
                + now + "\",\"currency\":\"EUR\",\"total_price\":\"36.00\",\"total_price_set\":{\"presentment_money\":"
                + "{\"amount\":\"36.00\",\"currency_code\":\"EUR\"}},\"landing_site\":\"/spring\",\"note_attributes\":["
                + attributes + "],\"customer\":{\"id\":91,\"email\":\"ana@example.com\"}}";
        given().baseUri(suite.conversion()).contentType("application/json").header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Hmac-Sha256", hmac(SHOPIFY_SECRET, order)).header("X-Shopify-Webhook-Id", "it-1")
                .body(order.getBytes(StandardCharsets.UTF_8)).post("/hooks/" + ws + "/shopify").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("RECORDED"));
        JsonPath stored = given().baseUri(suite.conversion()).auth().oauth2(admin)
                .get("/workspaces/" + ws + "/conversions").then().statusCode(200).extract().jsonPath();
        assertEquals(newer, stored.getString("items.find { it.eventId == 'shopify:7001' }.clickId"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String credited = Eventually.await("the order credited to the post clicked last", Duration.ofSeconds(30), () -> {
            JsonPath report = given().baseUri(suite.conversion()).auth().oauth2(admin)
                    .queryParam("model", "LAST_TOUCH").queryParam("groupBy", "post")
                    .queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()).queryParam("to", today)
                    .get("/workspaces/" + ws + "/attribution").then().statusCode(200).extract().jsonPath();
            return report.getString("rows.find { it.key == '" + second[0] + "' }.revenue.amount");
        });
        assertEquals("36.00", credited);
        String firstPost = given().baseUri(suite.conversion()).auth().oauth2(admin).queryParam("model", "LAST_TOUCH")
                .queryParam("groupBy", "post").queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .queryParam("to", today).get("/workspaces/" + ws + "/attribution").then().statusCode(200).extract()
                .jsonPath().getString("rows.find { it.key == '" + first[0] + "' }.revenue.amount");
        assertTrue(firstPost == null || firstPost.equals("0.00"), "the first post's click is not the last touch: "
                + firstPost);
    }

    /**
     * What the script keeps is bounded by the lookback and shaped like a click id: a stored id older than
     * lookbackDays, or a cookie or stored value that is not a UUID, is not used; a stored id within the lookback
     * writes the cookie again for the rest of it only.
     */
    @Test
    void onlyAClickIdWithinTheLookbackIsUsed() throws Exception {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setUserAgent(CHROME));
        Page page = context.newPage();
        open(page, shopUrl + "/products/mug");
        assertEquals(null, page.evaluate("() => window.SocialRoi.clickId()"), "no click, no id");
        assertEquals(null, cookie(context));
        assertEquals("", page.inputValue("#newsletter input[name=smclid]"));
        assertEquals(0, page.locator("#checkout input[name=smclid]").count());
        assertEquals("https://buy.stripe.com/test_5kA7sT?prefilled_email=ana%40example.com",
                page.getAttribute("#pay", "href"));

        String id = UUID.randomUUID().toString();
        long day = 86_400_000L;
        String store = "([ws, value]) => localStorage.setItem('smclid_' + ws, value)";
        page.evaluate(store, List.of(ws, "{\"id\":\"" + id + "\",\"at\":" + (System.currentTimeMillis()
                - (LOOKBACK_DAYS + 1) * day) + "}"));
        open(page, shopUrl + "/products/mug");
        assertEquals(null, page.evaluate("() => window.SocialRoi.clickId()"), "older than the lookback");
        assertEquals(null, cookie(context));
        page.evaluate(store, List.of(ws, "{\"id\":\"<img src=x onerror=alert(1)>\",\"at\":"
                + System.currentTimeMillis() + "}"));
        open(page, shopUrl + "/products/mug");
        assertEquals(null, page.evaluate("() => window.SocialRoi.clickId()"), "not a click id");
        context.addCookies(List.of(new Cookie("smclid_" + ws, "not-a-click-id").setDomain(SHOP).setPath("/")));
        open(page, shopUrl + "/products/mug");
        assertEquals(null, page.evaluate("() => window.SocialRoi.clickId()"), "a forged cookie is not a click id");
        assertEquals("", page.inputValue("#newsletter input[name=smclid]"));

        context.clearCookies();
        page.evaluate(store, List.of(ws, "{\"id\":\"" + id.toUpperCase() + "\",\"at\":"
                + (System.currentTimeMillis() - 2 * day) + "}"));
        open(page, shopUrl + "/products/mug");
        assertEquals(id, page.evaluate("() => window.SocialRoi.clickId()"), "within the lookback, lower-cased");
        double days = (cookie(context).expires - Instant.now().getEpochSecond()) / 86400.0;
        assertTrue(days > LOOKBACK_DAYS - 2 - 0.01 && days < LOOKBACK_DAYS - 2 + 0.01,
                "the cookie lasts the rest of the lookback: " + days + " days");
        assertEquals(id, page.inputValue("#newsletter input[name=smclid]"));
        context.close();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
