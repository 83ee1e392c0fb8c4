import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo agency, loaded through the suite's public APIs only (the same calls an integration makes): three
 * clients in different time zones and currencies, campaigns with posts on many platforms at every funnel
 * stage, six weeks of engagement from a pool of real people plus bought-engagement bursts from bot accounts,
 * leads and purchases (with repeat buyers, a few through real tracked-link clicks, some with no social
 * touchpoint at all), costs of every category, retargeting audiences, and a manager and a client viewer per
 * client. A client already present (same name) is skipped, so running it twice adds nothing.
 *
 * Run: {@code java demo/LoadDemo.java} (JDK 21+), or {@code ./suite demo}.
 */
public final class LoadDemo {

    private static final List<String> PLATFORMS_BY_POST = List.of("TIKTOK", "INSTAGRAM", "YOUTUBE", "INSTAGRAM",
            "FACEBOOK", "LINKEDIN", "PINTEREST", "FACEBOOK", "EMAIL", "WHATSAPP", "INSTAGRAM", "TIKTOK", "X",
            "TELEGRAM", "REDDIT", "INSTAGRAM");
    private static final List<String> STAGES_BY_POST = List.of("ATTENTION", "ATTENTION", "INTEREST", "INTEREST",
            "TRUST", "TRUST", "INTEREST", "ACTION", "ACTION", "ACTION", "ACTION", "INTEREST", "ATTENTION", "TRUST",
            "TRUST", "ACTION");
    private static final int WEEKS = 6;
    private static final int VANITY_POST = 0;
    private static final int QUIET_POST = 8;
    /** The platform whose (demo) publisher refuses the post: X, of post 12 (a past, approved one). */
    private static final String FAILING_PLATFORM = "X";

    record Client(String name, String zone, String currency, BigDecimal basket, String shop, List<String> products) {
    }

    record Post(String id, String campaignId, String platform, String stage, Instant at, String code, int index) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Random random = new Random(20261122L);
    /** Per post id: the people who engaged with it (beyond an impression) and when they first did. */
    private final Map<String, Map<String, Instant>> engaged = new LinkedHashMap<>();
    private final SecureRandom secrets = new SecureRandom();
    private final List<String> userLines = new ArrayList<>();
    /** Buyers whose journey is to cross platforms: customer, the platform they bought from, when they bought. */
    private final List<String[]> journeys = new ArrayList<>();
    /** Per workspace: the posts the demo handed to the publisher, waited for at the end. */
    private final Map<String, List<String>> publishing = new LinkedHashMap<>();
    private String receiver;
    private String receiverSecret;
    private String token;

    public static void main(String[] args) throws Exception {
        new LoadDemo().run();
    }

    private void run() throws Exception {
        urls.put("content", env("SUITE_CONTENT_URL", "http://127.0.0.1:8081"));
        urls.put("engagement", env("SUITE_ENGAGEMENT_URL", "http://127.0.0.1:8082"));
        urls.put("conversion", env("SUITE_CONVERSION_URL", "http://127.0.0.1:8083"));
        urls.put("reporting", env("SUITE_REPORTING_URL", "http://127.0.0.1:8084"));
        receiver = env("SUITE_DEMO_RECEIVER_URL", null);
        receiverSecret = env("SUITE_DEMO_RECEIVER_SECRET", null);
        String clientId = System.getenv("SUITE_ADMIN_CLIENT_ID");
        String secret = System.getenv("SUITE_ADMIN_CLIENT_SECRET");
        if (clientId == null || secret == null) {
            throw new IllegalStateException("SUITE_ADMIN_CLIENT_ID and SUITE_ADMIN_CLIENT_SECRET must be set "
                    + "(./suite demo reads them from .suite/admin.env)");
        }
        token = field(send("content", "POST", "/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret), 200),
                "access_token");
        List<Client> clients = List.of(
                new Client("Bakery Rossi", "Europe/Rome", "EUR", new BigDecimal("28.00"), "https://rossi.example",
                        List.of("cornetti", "panettone", "gift-box")),
                new Client("Surf Shack Malibu", "America/Los_Angeles", "USD", new BigDecimal("140.00"),
                        "https://surfshack.example", List.of("boards", "wetsuits", "lessons")),
                new Client("Northern Knits", "Europe/London", "GBP", new BigDecimal("65.00"),
                        "https://northernknits.example", List.of("jumpers", "scarves", "patterns")));
        String existing = send("content", "GET", "/workspaces?limit=500", null, null, 200);
        for (Client client : clients) {
            Matcher present = Pattern.compile("\\{[^{}]*\"name\":\"" + Pattern.quote(client.name()) + "\"[^{}]*}")
                    .matcher(existing);
            if (present.find()) {
                // Audiences are the last thing a client's load creates: without them an earlier run stopped midway.
                String audiences = send("conversion", "GET", "/workspaces/" + field(present.group(), "id")
                        + "/audiences?limit=1", null, null, 200);
                System.out.println(audiences.contains("\"id\"") ? "= " + client.name() + " exists already, skipped"
                        : "! " + client.name() + " exists but an earlier run stopped while loading it, so its figures "
                                + "are partial. For a clean demo: ./suite down, drop the databases content, engagement, "
                                + "conversion and reporting, then ./suite up and ./suite demo.");
                continue;
            }
            load(client);
        }
        awaitPublishing();
        writeUsers();
        System.out.println("Demo loaded. Open " + urls.get("reporting") + "/ and sign in.");
    }

    private void load(Client c) throws Exception {
        System.out.println("+ " + c.name() + " (" + c.zone() + ", " + c.currency() + ")");
        String ws = field(send("content", "POST", "/workspaces", "application/json",
                json("name", c.name(), "timeZone", c.zone(), "currency", c.currency()), 201), "id");
        ZoneId zone = ZoneId.of(c.zone());
        LocalDate today = LocalDate.now(zone);
        LocalDate start = today.minusWeeks(WEEKS);

        List<String> campaigns = new ArrayList<>();
        String[][] plans = {
            {"Autumn launch", "Sales of the new " + c.products().get(0), "4000"},
            {"Free guide lead magnet", "Leads for the newsletter and workshops", "1500"},
            {"Always-on community", "Awareness and retention", "900"}};
        for (String[] plan : plans) {
            campaigns.add(field(send("content", "POST", "/workspaces/" + ws + "/campaigns", "application/json",
                    "{\"name\":\"" + plan[0] + "\",\"objective\":\"" + plan[1] + "\",\"startDate\":\"" + start
                            + "\",\"endDate\":\"" + today.plusWeeks(4) + "\",\"budget\":" + money(plan[2], c) + "}",
                    201), "id"));
        }

        publishers(ws);
        List<Post> posts = createPosts(c, ws, zone, start, campaigns);
        System.out.println("  " + campaigns.size() + " campaigns, " + posts.size() + " posts ("
                + publishing.getOrDefault(ws, List.of()).size() + " past ones handed to the publisher now)");

        List<String> actors = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            actors.add("u" + Integer.toString(100000 + i * 7919 % 900000, 36) + "-" + i);
        }
        int events = engagement(c, ws, posts, actors, today, zone);
        System.out.println("  " + events + " engagement events (with bought-engagement bursts)");
        int conversions = conversions(c, ws, posts, actors);
        System.out.println("  " + conversions + " conversions (leads, purchases, repeat purchases)");
        System.out.println("  " + crossPlatform(ws, posts) + " buyers whose journey crossed platforms");
        int costs = costs(c, ws, campaigns, posts, start, today);
        System.out.println("  " + costs + " costs");
        audiences(ws, campaigns);
        System.out.println("  a retargeting test with a holdout of " + retargetingTest(c, ws, posts, campaigns.get(0))
                + " people (see the audience's lift)");
        users(c, ws);
    }

    private List<Post> createPosts(Client c, String ws, ZoneId zone, LocalDate start, List<String> campaigns)
            throws Exception {
        List<Post> posts = new ArrayList<>();
        int count = PLATFORMS_BY_POST.size();
        for (int i = 0; i < count; i++) {
            boolean future = i >= count - 3;
            ZonedDateTime at = future
                    ? ZonedDateTime.now(zone).plusDays(2 + i - (count - 3)).withHour(9 + i % 8).truncatedTo(ChronoUnit.HOURS)
                    : start.plusDays(2 + (long) i * (WEEKS * 7 - 6) / count).atTime(8 + i % 10, 30).atZone(zone);
            String stage = STAGES_BY_POST.get(i);
            String campaign = campaigns.get(stage.equals("ACTION") || stage.equals("TRUST") ? (i % 2 == 0 ? 0 : 1)
                    : (i % 3 == 0 ? 2 : 0));
            String product = c.products().get(i % c.products().size());
            String caption = switch (stage) {
                case "ATTENTION" -> "Wait for the end… " + product + " like you have never seen them";
                case "INTEREST" -> "How we make our " + product + ", step by step";
                case "TRUST" -> "\"Best " + product + " in town\": what our customers say";
                default -> "Order " + product + " today: 15% off this week only";
            };
            String body = "{\"campaignId\":\"" + campaign + "\",\"platform\":\"" + PLATFORMS_BY_POST.get(i)
                    + "\",\"funnelStage\":\"" + stage + "\",\"caption\":\"" + escape(caption) + "\",\"mediaUrls\":[\"" + c.shop()
                    + "/media/" + product + "-" + i + (Set.of("TIKTOK", "YOUTUBE").contains(PLATFORMS_BY_POST.get(i)) ? ".mp4" : ".jpg") + "\"],\"callToAction\":\"" + (stage.equals("ACTION")
                    ? "Shop now" : "Learn more") + "\",\"landingUrl\":\"" + c.shop() + "/" + product
                    + "\",\"scheduledAt\":\"" + at.toOffsetDateTime() + "\"}";
            String answer = send("content", "POST", "/workspaces/" + ws + "/posts", "application/json", body, 201);
            String id = field(answer, "id");
            posts.add(new Post(id, campaign, PLATFORMS_BY_POST.get(i), stage, at.toInstant(), field(answer, "code"), i));
            // Every status on the calendar: drafts, posts in review, approved ones, and future ones scheduled.
            String base = "/workspaces/" + ws + "/posts/" + id;
            if (i % 5 != 4) {
                send("content", "POST", base + "/submit", "application/json", "{}", 200);
                if (i % 5 != 3) {
                    send("content", "POST", base + "/approve", "application/json", "{\"comment\":\"Looks great\"}", 200);
                    if (future) {
                        send("content", "POST", base + "/schedule", "application/json", "{}", 200);
                    } else if (receiver != null) {
                        // A past post cannot be scheduled in the past: it goes out now, through the demo receiver
                        // (its engagement above stays dated from its planned time).
                        send("content", "POST", base + "/schedule", "application/json",
                                "{\"scheduledAt\":\"" + Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS)
                                        + "\"}", 200);
                        publishing.computeIfAbsent(ws, w -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        return posts;
    }

    /**
     * Every platform of the demo publishes through the demo receiver (./suite demo starts it), which answers as
     * the platform would; X's refuses the post, so the day has one FAILED post with its reason.
     */
    private void publishers(String ws) throws Exception {
        if (receiver == null || receiverSecret == null) {
            return;
        }
        for (String platform : new java.util.TreeSet<>(PLATFORMS_BY_POST)) {
            String path = (platform.equals(FAILING_PLATFORM) ? "/refuse/" : "/publish/") + platform.toLowerCase();
            send("content", "PUT", "/workspaces/" + ws + "/publishers/" + platform, "application/json",
                    json("type", "WEBHOOK", "url", receiver + path, "secret", receiverSecret), 200, 201);
        }
    }

    /** Waits (up to two minutes) until every post handed to the publisher is PUBLISHED or FAILED, and says so. */
    private void awaitPublishing() throws Exception {
        if (publishing.isEmpty()) {
            if (receiver == null) {
                System.out.println("  (no demo receiver given: past posts stay APPROVED; ./suite demo starts one)");
            }
            return;
        }
        Instant deadline = Instant.now().plusSeconds(120);
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        boolean done = false;
        while (!done && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            statuses.clear();
            done = true;
            for (Map.Entry<String, List<String>> entry : publishing.entrySet()) {
                for (String id : entry.getValue()) {
                    String post = send("content", "GET", "/workspaces/" + entry.getKey() + "/posts/" + id, null, null, 200);
                    String status = field(post, "status");
                    statuses.merge(status, 1, Integer::sum);
                    done &= "PUBLISHED".equals(status) || "FAILED".equals(status);
                }
            }
        }
        System.out.println("Publishing through the demo receiver: " + statuses
                + (done ? "" : " (still going: the publisher retries in the background)"));
    }

    /** Real people engage in proportion to their interest; two posts get bursts of bought likes from bots. */
    private int engagement(Client c, String ws, List<Post> posts, List<String> actors, LocalDate today, ZoneId zone)
            throws Exception {
        List<String> batch = new ArrayList<>();
        int total = 0;
        Instant now = Instant.now();
        for (Post post : posts) {
            if (post.at().isAfter(now)) {
                continue;
            }
            String prefix = post.platform().toLowerCase().substring(0, Math.min(2, post.platform().length())) + ":";
            boolean quiet = post.index() == QUIET_POST;
            int reach = quiet ? 60 : 250 + random.nextInt(350);
            for (int k = 0; k < reach; k++) {
                String actor = prefix + actors.get(random.nextInt(quiet ? 80 : actors.size()));
                Instant seen = post.at().plusSeconds(random.nextInt(5 * 24 * 3600));
                if (seen.isAfter(now)) {
                    continue;
                }
                batch.add(event(ws, post, "IMPRESSION", actor, seen, null));
                double interest = quiet ? 0.9 : 0.15 + random.nextDouble() * 0.5;
                String[] types = {"VIEW", "LIKE", "COMMENT", "SAVE", "SHARE", "CLICK", "DM"};
                double[] odds = {0.6, 0.35, 0.06, 0.05, 0.03, "ACTION".equals(post.stage()) ? 0.12 : 0.04, 0.01};
                for (int t = 0; t < types.length; t++) {
                    if (random.nextDouble() < odds[t] * interest * (quiet && t == 1 ? 0.1 : 1)) {
                        String attrs = types[t].equals("COMMENT") ? "{\"text\":\"" + comment() + "\"}" : null;
                        Instant when = seen.plusSeconds(5 + random.nextInt(600));
                        batch.add(event(ws, post, types[t], actor, when, attrs));
                        engaged.computeIfAbsent(post.id(), p -> new LinkedHashMap<>()).merge(actor, when,
                                (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
            if (post.index() == VANITY_POST || post.index() == 12) {
                // Bought engagement: 400 fresh accounts like (and some comment identically) within ten minutes.
                Instant burst = post.at().plus(3, ChronoUnit.HOURS);
                for (int b = 0; b < 400; b++) {
                    String bot = "bot:" + HexFormat.of().toHexDigits(random.nextInt());
                    batch.add(event(ws, post, "IMPRESSION", bot, burst.plusSeconds(random.nextInt(600)), null));
                    batch.add(event(ws, post, "LIKE", bot, burst.plusSeconds(random.nextInt(600)), null));
                    if (b % 4 == 0) {
                        batch.add(event(ws, post, "COMMENT", bot, burst.plusSeconds(random.nextInt(600)),
                                "{\"text\":\"Amazing!! Follow back 🔥🔥\"}"));
                    }
                }
            }
            if (batch.size() > 5000) {
                total += flushEvents(ws, batch);
            }
        }
        total += flushEvents(ws, batch);
        return total;
    }

    /**
     * Before buying, a third of the buyers who engaged had also met the brand on two other platforms under other
     * accounts (saw a video there, saved or shared a post, wrote a DM), linked to them as identities: their
     * journeys cross platforms, and attribution shares the credit between them.
     */
    private int crossPlatform(String ws, List<Post> posts) throws Exception {
        List<String> batch = new ArrayList<>();
        int count = 0;
        for (String[] journey : journeys) {
            Instant bought = Instant.parse(journey[2]);
            List<Post> others = new ArrayList<>(posts.stream().filter(p -> !p.platform().equals(journey[1])
                    && p.at().isBefore(bought.minus(1, ChronoUnit.DAYS))).toList());
            if (others.size() < 2) {
                continue;
            }
            java.util.Collections.shuffle(others, random);
            java.util.Set<String> platforms = new HashSet<>();
            for (Post other : others) {
                if (platforms.size() == 2 || !platforms.add(other.platform())) {
                    continue;
                }
                String prefix = other.platform().toLowerCase().substring(0, Math.min(2, other.platform().length())) + ":";
                String actor = prefix + "x-" + journey[0];
                long window = Math.max(3600, Duration.between(other.at(), bought).getSeconds() - 3600);
                Instant seen = other.at().plusSeconds(random.nextLong(window));
                batch.add(event(ws, other, "IMPRESSION", actor, seen, null));
                batch.add(event(ws, other, "VIEW", actor, seen.plusSeconds(4), null));
                String[] intent = {"SAVE", "SHARE", "DM", "CLICK"};
                batch.add(event(ws, other, intent[random.nextInt(intent.length)], actor, seen.plusSeconds(40), null));
                send("conversion", "POST", "/workspaces/" + ws + "/identities", "application/json",
                        json("customerId", journey[0], "actorId", actor, "platform", other.platform()), 201, 200);
            }
            count++;
        }
        journeys.clear();
        flushEvents(ws, batch);
        return count;
    }

    private int flushEvents(String ws, List<String> batch) throws Exception {
        if (batch.isEmpty()) {
            return 0;
        }
        String answer = send("engagement", "POST", "/workspaces/" + ws + "/events", "application/json",
                "{\"events\":[" + String.join(",", batch) + "]}", 200);
        int accepted = Integer.parseInt(number(answer, "accepted"));
        batch.clear();
        return accepted;
    }

    private String event(String ws, Post post, String type, String actor, Instant at, String attributes) {
        return "{\"eventId\":\"" + ws.substring(0, 8) + "-" + Long.toHexString(random.nextLong()) + "\",\"type\":\""
                + type + "\",\"platform\":\"" + post.platform() + "\",\"postId\":\"" + post.id() + "\",\"campaignId\":\""
                + post.campaignId() + "\",\"actorId\":\"" + actor + "\",\"occurredAt\":\"" + at + "\",\"retargeting\":"
                + (random.nextInt(10) == 0) + (attributes == null ? "" : ",\"attributes\":" + attributes) + "}";
    }

    private String comment() {
        String[] texts = {"Love this!", "Where can I buy it?", "Do you ship abroad?", "Looks delicious",
            "What time do you open on Sunday?", "Tagging my sister", "Price?", "Saved for later"};
        return texts[random.nextInt(texts.length)];
    }

    /** Leads and purchases from people who engaged, repeat purchases, tracked-link clicks, and walk-ins. */
    private int conversions(Client c, String ws, List<Post> posts, List<String> actors) throws Exception {
        List<String> batch = new ArrayList<>();
        Instant now = Instant.now();
        int customers = 0;
        Set<String> linked = new HashSet<>();
        for (Post post : posts) {
            if (post.at().isAfter(now.minus(1, ChronoUnit.DAYS))) {
                continue;
            }
            String prefix = post.platform().toLowerCase().substring(0, Math.min(2, post.platform().length())) + ":";
            boolean quiet = post.index() == QUIET_POST;
            int buyers = quiet ? 22 : switch (post.stage()) {
                case "ACTION" -> 10;
                case "TRUST" -> 6;
                case "INTEREST" -> 3;
                default -> 1;
            };
            int leads = "ACTION".equals(post.stage()) || "TRUST".equals(post.stage()) ? 12 : 4;
            for (int k = 0; k < leads + buyers; k++) {
                // One person is one customer: an actor already linked to a customer is not picked again.
                // Buyers and leads are mostly people who engaged with the post before they converted; one in
                // five found the shop some other way (their conversion stays unattributed to this post).
                List<String> fans = new ArrayList<>(engaged.getOrDefault(post.id(), Map.of()).keySet());
                fans.removeAll(linked);
                boolean fan = !fans.isEmpty() && random.nextInt(5) != 0;
                String actor = null;
                for (int tries = 0; tries < 50 && actor == null; tries++) {
                    String candidate = fan ? fans.get(random.nextInt(fans.size()))
                            : prefix + actors.get(random.nextInt(quiet ? 80 : actors.size()));
                    actor = linked.add(candidate) ? candidate : null;
                }
                if (actor == null) {
                    continue;
                }
                String customer = "cust-" + ws.substring(0, 4) + "-" + (++customers);
                Instant engagedAt = fan ? engaged.get(post.id()).get(actor) : post.at();
                Instant at = engagedAt.plus(1 + random.nextInt(96), ChronoUnit.HOURS);
                if (at.isAfter(now)) {
                    at = now.minus(1, ChronoUnit.HOURS);
                }
                send("conversion", "POST", "/workspaces/" + ws + "/identities", "application/json",
                        json("customerId", customer, "actorId", actor, "platform", post.platform()), 201, 200);
                if (k < leads) {
                    batch.add(conversion(c, customer, k % 3 == 0 ? "SIGNUP" : k % 5 == 1 ? "BOOKING" : "LEAD", null,
                            at, actor));
                    continue;
                }
                BigDecimal value = c.basket().multiply(BigDecimal.valueOf((quiet ? 2.5 : 0.6) + random.nextDouble()))
                        .setScale(2, RoundingMode.HALF_UP);
                batch.add(conversion(c, customer, "PURCHASE", value, at, actor));
                if (fan && random.nextInt(3) == 0) {
                    journeys.add(new String[] {customer, post.platform(), at.toString()});
                }
                // A third of buyers come back, some more than once.
                int repeats = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
                for (int r = 1; r <= repeats; r++) {
                    Instant again = at.plus(3L * r + random.nextInt(6), ChronoUnit.DAYS);
                    if (again.isBefore(now)) {
                        batch.add(conversion(c, customer, "PURCHASE", value.multiply(new BigDecimal("0.8"))
                                .setScale(2, RoundingMode.HALF_UP), again, actor));
                    }
                }
            }
        }
        // Purchases through a real click on a tracked link: the redirect's click id ties them to the post.
        for (Post post : posts.subList(7, 11)) {
            if (post.code() == null || post.at().isAfter(now)) {
                continue;
            }
            HttpResponse<String> click = http.send(HttpRequest.newBuilder(URI.create(urls.get("engagement") + "/r/"
                    + post.code())).header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String location = click.headers().firstValue("Location").orElse("");
            Matcher m = Pattern.compile("smclid=([0-9a-fA-F-]+)").matcher(location);
            if (m.find()) {
                String customer = "cust-" + ws.substring(0, 4) + "-click-" + post.index();
                batch.add("{\"eventId\":\"" + customer + "\",\"type\":\"PURCHASE\",\"value\":" + money(
                        c.basket().toPlainString(), c) + ",\"occurredAt\":\"" + now.minus(10, ChronoUnit.MINUTES)
                        + "\",\"customerId\":\"" + customer + "\",\"clickId\":\"" + m.group(1) + "\"}");
            }
        }
        // Walk-ins and word of mouth: conversions with no social touchpoint (reported as unattributed).
        for (int k = 0; k < 15; k++) {
            String customer = "walkin-" + ws.substring(0, 4) + "-" + k;
            batch.add(conversion(c, customer, "PURCHASE", c.basket(), now.minus(1 + random.nextInt(WEEKS * 7),
                    ChronoUnit.DAYS), null));
        }
        String answer = send("conversion", "POST", "/workspaces/" + ws + "/conversions", "application/json",
                "[" + String.join(",", batch) + "]", 200, 201, 207);
        return batch.size() - (answer.contains("\"duplicates\"") ? Integer.parseInt(number(answer, "duplicates")) : 0);
    }

    private String conversion(Client c, String customer, String type, BigDecimal value, Instant at, String actor) {
        String email = customer + "@mail.example";
        // Two in three customers also leave a phone (in the client's country, as an international number), so the
        // audiences' ad-platform files match by phone as well as by e-mail.
        int n = Math.floorMod(customer.hashCode(), 10_000);
        String phone = n % 3 == 0 ? null : switch (c.currency()) {
            case "EUR" -> "+39 333 55" + String.format("%05d", n);
            case "GBP" -> "+44 7700 9" + String.format("%05d", n);
            default -> "+1 (310) 555-" + String.format("%04d", n % 10_000);
        };
        return "{\"eventId\":\"" + customer + "-" + type.toLowerCase() + "-" + at.getEpochSecond() + "\",\"type\":\""
                + type + "\"" + (value == null ? "" : ",\"value\":" + money(value.toPlainString(), c))
                + ",\"occurredAt\":\"" + at + "\",\"customerId\":\"" + customer + "\""
                + (actor == null ? "" : ",\"actorIds\":[\"" + actor + "\"]") + ",\"email\":\"" + email + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
    }

    /** Weekly ad spend per campaign and platform, production per post, tools, the agency fee, community time. */
    private int costs(Client c, String ws, List<String> campaigns, List<Post> posts, LocalDate start, LocalDate today)
            throws Exception {
        int count = 0;
        send("reporting", "PUT", "/workspaces/" + ws + "/settings", "application/json",
                "{\"hourlyRate\":" + money("35.00", c) + ",\"minutesPerComment\":2,\"minutesPerDm\":5}", 200);
        String[] adPlatforms = {"INSTAGRAM", "FACEBOOK", "TIKTOK"};
        for (int w = 0; w < WEEKS; w++) {
            LocalDate day = start.plusWeeks(w).plusDays(1);
            for (int k = 0; k < campaigns.size(); k++) {
                String platform = adPlatforms[(w + k) % adPlatforms.length];
                BigDecimal amount = BigDecimal.valueOf(80 + random.nextInt(220) * (k == 2 ? 0.4 : 1.0))
                        .setScale(2, RoundingMode.HALF_UP);
                cost(ws, c, "AD_SPEND", amount, day, campaigns.get(k), null, platform);
                count++;
            }
            cost(ws, c, "COMMUNITY_MANAGEMENT", new BigDecimal("120.00"), day.plusDays(4), null, null, null);
            count++;
        }
        for (Post post : posts) {
            LocalDate day = LocalDate.ofInstant(post.at(), ZoneId.of(c.zone())).minusDays(1);
            if (!day.isAfter(today)) {
                cost(ws, c, "PRODUCTION", BigDecimal.valueOf(40 + random.nextInt(160)).setScale(2, RoundingMode.HALF_UP),
                        day, post.campaignId(), post.id(), post.platform());
                count++;
            }
        }
        for (LocalDate month = start.withDayOfMonth(1); !month.isAfter(today); month = month.plusMonths(1)) {
            LocalDate day = month.isBefore(start) ? start : month;
            cost(ws, c, "TOOLS", new BigDecimal("49.00"), day, null, null, null);
            cost(ws, c, "AGENCY_FEE", new BigDecimal("600.00"), day, null, null, null);
            count += 2;
        }
        return count;
    }

    private void cost(String ws, Client c, String category, BigDecimal amount, LocalDate day, String campaign,
            String post, String platform) throws Exception {
        send("reporting", "POST", "/workspaces/" + ws + "/costs", "application/json",
                "{\"category\":\"" + category + "\",\"amount\":" + money(amount.toPlainString(), c) + ",\"incurredOn\":\""
                        + day + "\"" + (campaign == null ? "" : ",\"campaignId\":\"" + campaign + "\"")
                        + (post == null ? "" : ",\"postId\":\"" + post + "\"")
                        + (platform == null ? "" : ",\"platform\":\"" + platform + "\"") + "}", 201);
    }

    private void audiences(String ws, List<String> campaigns) throws Exception {
        send("conversion", "POST", "/workspaces/" + ws + "/audiences", "application/json",
                "{\"name\":\"Warm: trusted us, not bought yet\",\"engagedWithinDays\":45,\"funnelStages\":[\"TRUST\"],"
                        + "\"minIntent\":20,\"excludeConverted\":true}", 201);
        send("conversion", "POST", "/workspaces/" + ws + "/audiences", "application/json",
                "{\"name\":\"Autumn launch engagers\",\"engagedWithinDays\":30,\"campaignId\":\"" + campaigns.get(0)
                        + "\",\"excludeConverted\":false}", 201);
    }

    /**
     * A retargeting test with a holdout, so the lift has something true to show: an audience of the launch's
     * engagers keeps 20% out of the exports (its holdout); after the audience was made, retargeting ads reach most of
     * the others (an impression and a click with retargeting=true on an ACTION post), and more of the reached buy
     * than of the held-out people, whose purchases fall in the same window after the median exposure.
     */
    private int retargetingTest(Client c, String ws, List<Post> posts, String campaign) throws Exception {
        Post ad = posts.stream().filter(p -> p.stage().equals("ACTION") && p.campaignId().equals(campaign)
                && p.at().isBefore(Instant.now())).findFirst().orElse(null);
        if (ad == null) {
            return 0;
        }
        String id = field(send("conversion", "POST", "/workspaces/" + ws + "/audiences", "application/json",
                "{\"name\":\"Retargeting test: launch engagers (20% holdout)\",\"engagedWithinDays\":30,"
                        + "\"campaignId\":\"" + campaign + "\",\"excludeConverted\":false,\"holdoutPercent\":0}", 201), "id");
        Instant made = Instant.now();
        List<String> everyone = members(ws, id);
        send("conversion", "PATCH", "/workspaces/" + ws + "/audiences/" + id, "application/json",
                "{\"holdoutPercent\":20}", 200);
        Set<String> exported = new HashSet<>(members(ws, id));
        List<String> holdout = everyone.stream().filter(a -> !exported.contains(a)).toList();
        List<String> batch = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        int n = 0;
        long window = 2000;
        for (String actor : everyone) {
            n++;
            Instant reached = made.plusMillis(200 + random.nextInt(800));
            boolean held = !exported.contains(actor);
            boolean exposed = !held && random.nextInt(10) < 7;
            if (exposed) {
                batch.add(retargeted(ws, ad, "IMPRESSION", actor, reached));
                batch.add(retargeted(ws, ad, "CLICK", actor, reached.plusMillis(5)));
            }
            // 18% of the reached buy after their ad, 7% of the held-out people in the same window.
            if ((exposed && random.nextInt(100) < 18) || (held && random.nextInt(100) < 7)) {
                String customer = "cust-" + ws.substring(0, 4) + "-rt-" + n;
                orders.add(conversion(c, customer, "PURCHASE", c.basket(), made.plusMillis(window - 500
                        + random.nextInt(400)), actor));
            }
        }
        // Everything above is dated after the audience was made and before now.
        long wait = Duration.between(Instant.now(), made.plusMillis(window + 200)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        flushEvents(ws, batch);
        if (!orders.isEmpty()) {
            send("conversion", "POST", "/workspaces/" + ws + "/conversions", "application/json",
                    "[" + String.join(",", orders) + "]", 200, 201, 207);
        }
        return holdout.size();
    }

    private String retargeted(String ws, Post post, String type, String actor, Instant at) {
        return "{\"eventId\":\"" + ws.substring(0, 8) + "-rt-" + type.toLowerCase() + "-" + actor + "\",\"type\":\""
                + type + "\",\"platform\":\"" + post.platform() + "\",\"postId\":\"" + post.id()
                + "\",\"campaignId\":\"" + post.campaignId() + "\",\"actorId\":\"" + actor + "\",\"occurredAt\":\"" + at
                + "\",\"retargeting\":true}";
    }

    /** Every member of an audience as the JSON pages list them (the holdout left out). */
    private List<String> members(String ws, String audience) throws Exception {
        List<String> actors = new ArrayList<>();
        String cursor = null;
        do {
            String page = send("conversion", "GET", "/workspaces/" + ws + "/audiences/" + audience + "/members?limit=500"
                    + (cursor == null ? "" : "&cursor=" + enc(cursor)), null, null, 200);
            Matcher m = Pattern.compile("\"actorId\":\"([^\"]+)\"").matcher(page);
            while (m.find()) {
                actors.add(m.group(1));
            }
            Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(page);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return actors;
    }

    /** A manager and a client viewer for the client, with generated passwords (there are no default ones). */
    private void users(Client c, String ws) throws Exception {
        String slug = c.name().toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
        for (String role : List.of("MANAGER", "CLIENT_VIEWER")) {
            String email = (role.equals("MANAGER") ? "manager" : "client") + "@" + slug + ".example";
            byte[] raw = new byte[12];
            secrets.nextBytes(raw);
            String password = HexFormat.of().formatHex(raw);
            send("content", "POST", "/users", "application/json", "{\"email\":\"" + email + "\",\"name\":\""
                    + (role.equals("MANAGER") ? "Account manager" : "Client") + " of " + c.name() + "\",\"password\":\""
                    + password + "\",\"role\":\"" + role + "\",\"workspaceIds\":[\"" + ws + "\"]}", 201);
            userLines.add(role + " " + email + " " + password);
        }
    }

    private void writeUsers() throws IOException {
        if (userLines.isEmpty()) {
            return;
        }
        Path file = Path.of(env("SUITE_STATE_DIR", ".suite"), "demo-users.txt");
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, String.join("\n", userLines) + "\n", java.nio.file.StandardOpenOption.APPEND);
        System.out.println("Demo users (role, email, password) appended to " + file.toAbsolutePath());
    }

    // ---- HTTP and JSON, kept minimal: the program needs no library ------------------------------------

    private String send(String service, String method, String path, String type, String body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(service) + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // The API limits each credential (1,200 requests a minute): wait as its 429 says, as an integration does.
        for (int retry = 0; response.statusCode() == 429 && retry < 120; retry++) {
            long seconds = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,3}"))
                    .map(Long::parseLong).orElse(1L);
            Thread.sleep(Math.max(1, seconds) * 1000);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        // A write PostgreSQL aborted for a concurrent one is a 503 with Retry-After: send it again, a few times.
        for (int retry = 0; response.statusCode() == 503 && response.body().contains("write-conflict") && retry < 5;
                retry++) {
            Thread.sleep(1000);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + service + path + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "0";
    }

    private static String json(String... pairs) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append('"').append(pairs[i]).append("\":\"").append(escape(pairs[i + 1])).append('"');
        }
        return sb.append('}').toString();
    }

    /** A JSON string's content: quotes, backslashes and control characters escaped. */
    private static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (char ch : value.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String money(String amount, Client c) {
        return "{\"amount\":\"" + amount + "\",\"currency\":\"" + c.currency() + "\"}";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
