import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Freshness benchmark (issue 12): the time from an acknowledged write until each report reflects it.
 * Loads a workspace through the public APIs (--events N engagement events over --days days on --posts posts,
 * with conversions and identities), then repeats --rounds times each probe: one write (an event, a late touch,
 * a conversion, an identity, a post edit), then polls each report that must change (every 50 ms, up to
 * --timeout seconds) and records the time from the write's acknowledgement until the report shows it.
 * Prints report, n, p50, p95, max against the 2 s target (API.md: "goal: p95 <= 2 s").
 * No dependencies: run with {@code java Freshness.java} (system-tests/bench/freshness does).
 */
public final class Freshness {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String[] PLATFORMS = {"INSTAGRAM", "TIKTOK", "FACEBOOK", "LINKEDIN", "YOUTUBE"};
    private static final String[] STAGES = {"ATTENTION", "INTEREST", "TRUST", "ACTION"};
    private static final String[] TYPES = {"IMPRESSION", "IMPRESSION", "IMPRESSION", "VIEW", "VIEW", "LIKE", "LIKE",
        "COMMENT", "SHARE", "SAVE", "CLICK"};
    private static final int BATCH = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final Random random = new Random(7);
    /** Makes the probes' ids unique per run, so that a reused workspace gets new people, customers and orders. */
    private final String tag = Long.toString(System.currentTimeMillis(), 36) + "-";
    private final List<String> firstAnswers = new ArrayList<>();
    /** How often a 429 or 503 is waited out (1 s apart) before a call fails; 0 while timing first answers. */
    private int retries = 60;
    private final Map<String, Integer> o;
    private String token;
    private String ws;
    private LocalDate from;
    private LocalDate to;
    private int timeouts;

    private Freshness(Map<String, Integer> options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("events", 100_000, "posts", 50, "days", 30,
                "rounds", 20, "actors", 20_000, "customers", 500, "timeout", 30));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1].replace("_", "")));
        }
        new Freshness(options).run();
    }

    private void run() throws Exception {
        for (String service : List.of("content", "engagement", "conversion", "reporting")) {
            String env = System.getenv("SUITE_" + service.toUpperCase(Locale.ROOT) + "_URL");
            int port = switch (service) {
                case "content" -> 8081;
                case "engagement" -> 8082;
                case "conversion" -> 8083;
                default -> 8084;
            };
            urls.put(service, env != null ? env : "http://127.0.0.1:" + port);
        }
        String admin = token(env("SUITE_ADMIN_CLIENT_ID"), env("SUITE_ADMIN_CLIENT_SECRET"));
        String reuse = System.getenv("FRESHNESS_WORKSPACE");
        ws = reuse != null && !reuse.isBlank() ? reuse.trim() : str(call(admin, "content", "POST", "/workspaces",
                json("name", "Freshness " + Instant.now(), "timeZone", ZONE.getId(), "currency", "EUR"), 201), "id");
        Object credential = call(admin, "content", "POST", "/workspaces/" + ws + "/credentials", json("name", "bench",
                "scopes", List.of("content:read", "content:write", "engagement:read", "engagement:write",
                        "conversions:read", "conversions:write", "reports:read", "costs:write")), 201);
        token = token(str(credential, "clientId"), str(credential, "clientSecret"));
        to = LocalDate.now(ZONE);
        from = to.minusDays(o.get("days"));
        System.out.printf("workspace %s, %s..%s (FRESHNESS_WORKSPACE=%s reuses it)%n", ws, from, to, ws);

        List<String> campaigns = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        if (reuse != null && !reuse.isBlank()) {
            // A workspace loaded by an earlier run: its campaigns and posts, nothing loaded again.
            list(get("content", "/campaigns", "limit", "500"), "items").forEach(c -> campaigns.add(str(c, "id")));
            list(get("content", "/posts", "limit", "500"), "items").forEach(p -> posts.add(str(p, "id")));
            System.out.printf("reusing %d campaigns and %d posts%n", campaigns.size(), posts.size());
        } else {
            for (int c = 0; c < 2; c++) {
                campaigns.add(str(call(token, "content", "POST", "/workspaces/" + ws + "/campaigns", json("name",
                        "Bench " + c, "objective", "SALES", "startDate", from.toString(), "endDate",
                        to.plusDays(30).toString(), "budget", json("amount", "1000.00", "currency", "EUR")), 201), "id"));
            }
            for (int p = 0; p < o.get("posts"); p++) {
                posts.add(str(call(token, "content", "POST", "/workspaces/" + ws + "/posts", json("campaignId",
                        campaigns.get(p % 2), "platform", PLATFORMS[p % PLATFORMS.length], "funnelStage",
                        STAGES[p % STAGES.length], "caption", "Bench post " + p, "landingUrl",
                        "https://shop.example/" + p), 201), "id"));
            }
            for (String post : posts) {
                // The post directory is service-to-service (issue 13): content-service's post says when it arrived.
                waitFor("directory", () -> Boolean.TRUE.equals(((Map<?, ?>) ((Map<?, ?>) get("content", "/posts/" + post))
                        .get("trackedLink")).get("active")));
            }
            long started = System.nanoTime();
            load(posts);
            System.out.printf("loaded %,d events, %,d customers in %.1f s%n", o.get("events"), o.get("customers"),
                    (System.nanoTime() - started) / 1e9);
        }
        // The first answer of each report after the load (or the services' start): a fresh workspace's stores load
        // and its conversions are captured on the first reads. Retried until 200, the time printed; the probes
        // below measure writes into a workspace whose reports already answer.
        firstAnswer("ROI by post", () -> roi("post"));
        firstAnswer("attribution by post", () -> attribution("post"));
        firstAnswer("summary by post", () -> summary("post"));

        for (int round = 0; round < o.get("rounds"); round++) {
            String post = posts.get(random.nextInt(posts.size()));
            probeEvent(round, post);
            probeLateTouch(round, post);
            probeConversion(round, post);
            probeIdentity(round, post);
            probePostEdit(round, posts.get(round % posts.size()), campaigns);
            System.out.printf("round %d/%d done%n", round + 1, o.get("rounds"));
        }
        print();
    }

    // ---- probes ----

    /** One like by a new person: summary (row of the post), touchpoints of the person, ROI (row of the post). */
    private void probeEvent(int round, String post) throws Exception {
        String actor = "ig:fresh-" + tag + round;
        double summaryBefore = num(row(summary("post"), post), "counts", "LIKE");
        double roiBefore = num(row(roi("post"), post), "engagements");
        long ack = postEvents(List.of(event("fresh-like-" + tag + round, "LIKE", post, actor, Instant.now().minusSeconds(60))));
        measure(ack, Map.of(
                "event -> summary", () -> num(row(summary("post"), post), "counts", "LIKE") > summaryBefore,
                "event -> touchpoints", () -> list(get("engagement", "/touchpoints", "actorId", actor), "items")
                        .size() == 1,
                "event -> ROI", () -> num(row(roi("post"), post), "engagements") > roiBefore));
    }

    /** A customer bought; the click that preceded the purchase arrives afterwards: attribution credits it. */
    private void probeLateTouch(int round, String post) throws Exception {
        String actor = "ig:late-" + tag + round;
        String customer = "late-customer-" + tag + round;
        Instant bought = Instant.now().minus(2, ChronoUnit.HOURS);
        call(token, "conversion", "POST", "/workspaces/" + ws + "/identities", json("customerId", customer,
                "actorId", actor, "platform", "INSTAGRAM"), 201);
        call(token, "conversion", "POST", "/workspaces/" + ws + "/conversions", json("eventId", "late-order-" + tag + round,
                "type", "PURCHASE", "value", json("amount", "10.00", "currency", "EUR"), "occurredAt",
                bought.atZone(ZONE).toOffsetDateTime().toString(), "customerId", customer), 201);
        // A report captures pending conversions first: from here on the purchase's touchpoints are captured.
        attribution("post");
        double before = num(row(attribution("post"), post), "conversions");
        long ack = postEvents(List.of(event("late-click-" + tag + round, "CLICK", post, actor, bought.minusSeconds(600))));
        measure(ack, Map.of(
                "late touch -> attribution", () -> num(row(attribution("post"), post), "conversions") > before,
                "late touch -> journey", () -> list(get("conversion", "/customers/" + customer + "/journey"), "items")
                        .size() == 2));
    }

    /** A purchase of a person who clicked: attribution and ROI revenue of the post. */
    private void probeConversion(int round, String post) throws Exception {
        String actor = "ig:buyer-" + tag + round;
        String customer = "buyer-" + tag + round;
        postEvents(List.of(event("buyer-click-" + tag + round, "CLICK", post, actor, Instant.now().minusSeconds(900))));
        call(token, "conversion", "POST", "/workspaces/" + ws + "/identities", json("customerId", customer,
                "actorId", actor, "platform", "INSTAGRAM"), 201);
        double attributed = money(row(attribution("post"), post), "revenue");
        double roiRevenue = money(row(roi("post"), post), "revenue");
        long ack = ackOf(() -> call(token, "conversion", "POST", "/workspaces/" + ws + "/conversions", json("eventId",
                "buyer-order-" + tag + round, "type", "PURCHASE", "value", json("amount", "25.00", "currency", "EUR"),
                "occurredAt", Instant.now().minusSeconds(300).atZone(ZONE).toOffsetDateTime().toString(),
                "customerId", customer), 201));
        measure(ack, Map.of(
                "conversion -> attribution", () -> money(row(attribution("post"), post), "revenue") > attributed,
                "conversion -> ROI", () -> money(row(roi("post"), post), "revenue") > roiRevenue,
                "conversion -> customer", () -> money(get("conversion", "/customers/" + customer), "lifetimeValue") > 0));
    }

    /** A purchase without a known person; then the CRM links the person who had clicked: attribution credits it. */
    private void probeIdentity(int round, String post) throws Exception {
        String actor = "ig:linked-" + tag + round;
        String customer = "linked-" + tag + round;
        postEvents(List.of(event("linked-click-" + tag + round, "CLICK", post, actor, Instant.now().minusSeconds(1800))));
        call(token, "conversion", "POST", "/workspaces/" + ws + "/conversions", json("eventId", "linked-order-" + tag + round,
                "type", "PURCHASE", "value", json("amount", "15.00", "currency", "EUR"), "occurredAt",
                Instant.now().minusSeconds(1200).atZone(ZONE).toOffsetDateTime().toString(), "customerId", customer),
                201);
        attribution("post");
        double before = num(row(attribution("post"), post), "conversions");
        long ack = ackOf(() -> call(token, "conversion", "POST", "/workspaces/" + ws + "/identities", json("customerId",
                customer, "actorId", actor, "platform", "INSTAGRAM"), 201));
        measure(ack, Map.of("identity -> attribution",
                () -> num(row(attribution("post"), post), "conversions") > before));
    }

    /** A post moved to the other campaign: its events (summary) and its credit (attribution) follow it. */
    private void probePostEdit(int round, String post, List<String> campaigns) throws Exception {
        Map<?, ?> current = (Map<?, ?>) get("content", "/posts/" + post);
        String target = campaigns.get(0).equals(current.get("campaignId")) ? campaigns.get(1) : campaigns.get(0);
        double postEvents = total(row(summary("post"), post));
        double summaryBefore = total(row(summary("campaign"), target));
        double attributionBefore = num(row(attribution("campaign"), target), "conversions");
        double postCredit = num(row(attribution("post"), post), "conversions");
        long ack = ackOf(() -> call(token, "content", "PATCH", "/workspaces/" + ws + "/posts/" + post,
                json("campaignId", target), 200));
        Map<String, Probe> probes = new LinkedHashMap<>();
        if (postEvents > 0) {
            probes.put("post edit -> summary", () -> total(row(summary("campaign"), target)) >= summaryBefore + postEvents);
        }
        if (postCredit > 0) {
            probes.put("post edit -> attribution", () -> num(row(attribution("campaign"), target), "conversions")
                    >= attributionBefore + postCredit - 1e-6);
        }
        measure(ack, probes);
    }

    // ---- loading ----

    private void load(List<String> posts) throws Exception {
        int total = o.get("events");
        int actors = o.get("actors");
        long span = (long) o.get("days") * 86_400 - 7_200;
        Instant end = Instant.now().minusSeconds(3_600);
        for (int offset = 0; offset < total; offset += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = offset; i < Math.min(total, offset + BATCH); i++) {
                String post = posts.get(random.nextInt(posts.size()));
                batch.add(event("load-" + i, TYPES[random.nextInt(TYPES.length)], post, "ig:a" + random.nextInt(actors),
                        end.minusSeconds((long) (random.nextDouble() * span))));
            }
            postEvents(batch);
            if ((offset / BATCH) % 20 == 19) {
                System.out.printf("  %,d events%n", offset + BATCH);
            }
        }
        List<Object> conversions = new ArrayList<>();
        for (int c = 0; c < o.get("customers"); c++) {
            String customer = "c" + c;
            call(token, "conversion", "POST", "/workspaces/" + ws + "/identities", json("customerId", customer,
                    "actorId", "ig:a" + c, "platform", "INSTAGRAM"), 201);
            conversions.add(json("eventId", "order-" + c, "type", c % 3 == 0 ? "LEAD" : "PURCHASE", "value",
                    json("amount", "42.00", "currency", "EUR"), "occurredAt",
                    end.minusSeconds((long) (random.nextDouble() * span / 2)).atZone(ZONE).toOffsetDateTime().toString(),
                    "customerId", customer));
            if (conversions.size() == 500) {
                call(token, "conversion", "POST", "/workspaces/" + ws + "/conversions", conversions, 200);
                conversions.clear();
            }
        }
        if (!conversions.isEmpty()) {
            call(token, "conversion", "POST", "/workspaces/" + ws + "/conversions", conversions, 200);
        }
    }

    private Map<String, Object> event(String id, String type, String post, String actor, Instant at) {
        return json("eventId", id, "type", type, "platform", "INSTAGRAM", "postId", post, "actorId", actor,
                "occurredAt", at.atZone(ZONE).toOffsetDateTime().toString());
    }

    private long postEvents(List<Map<String, Object>> events) throws Exception {
        return ackOf(() -> {
            Object answer = call(token, "engagement", "POST", "/workspaces/" + ws + "/events", json("events", events), 200);
            if (num(answer, "accepted") != events.size()) {
                throw new IllegalStateException("not all accepted: " + answer);
            }
            return answer;
        });
    }

    // ---- reports ----

    private Object summary(String groupBy) throws Exception {
        return get("engagement", "/engagement/summary", "from", from.toString(), "to", to.toString(), "groupBy", groupBy);
    }

    private Object attribution(String groupBy) throws Exception {
        return get("conversion", "/attribution", "from", from.toString(), "to", to.toString(), "groupBy", groupBy);
    }

    private Object roi(String groupBy) throws Exception {
        return get("reporting", "/reports/roi", "from", from.toString(), "to", to.toString(), "groupBy", groupBy);
    }

    private static Object row(Object report, String key) {
        return list(report, "rows").stream().map(r -> (Object) r).filter(r -> key.equals(((Map<?, ?>) r).get("key")))
                .findFirst().orElse(Map.of());
    }

    private static double total(Object row) {
        Object counts = ((Map<?, ?>) row).get("counts");
        return counts == null ? 0 : ((Map<?, ?>) counts).values().stream().mapToDouble(v -> ((Number) v).doubleValue())
                .sum();
    }

    // ---- measuring ----

    private interface Probe {
        boolean seen() throws Exception;
    }

    private interface Write {
        Object run() throws Exception;
    }

    private static long ackOf(Write write) throws Exception {
        write.run();
        return System.nanoTime();
    }

    /**
     * Polls every probe of one write together (each 50 ms round asks every report not yet seen once), so a
     * slow report does not delay the measurement of the others.
     */
    private void measure(long ack, Map<String, Probe> probes) throws Exception {
        long deadline = ack + o.get("timeout") * 1_000_000_000L;
        Map<String, Probe> open = new java.util.TreeMap<>(probes);
        while (!open.isEmpty()) {
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var probe = it.next();
                if (probe.getValue().seen()) {
                    long millis = (System.nanoTime() - ack) / 1_000_000;
                    samples.computeIfAbsent(probe.getKey(), k -> new ArrayList<>()).add(millis);
                    it.remove();
                }
            }
            if (!open.isEmpty() && System.nanoTime() > deadline) {
                for (String name : open.keySet()) {
                    timeouts++;
                    samples.computeIfAbsent(name, k -> new ArrayList<>()).add(Long.MAX_VALUE);
                }
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Asks until the report answers 200 (up to 10 minutes) and records how long that took and how many refusals. */
    private void firstAnswer(String report, Write read) throws Exception {
        long started = System.nanoTime();
        long deadline = started + 600_000_000_000L;
        int refused = 0;
        retries = 0;
        try {
            while (true) {
                try {
                    read.run();
                    break;
                } catch (IllegalStateException e) {
                    refused++;
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        } finally {
            retries = 60;
        }
        String line = String.format("| %-28s | %8s | %8d |", report, ms((System.nanoTime() - started) / 1_000_000),
                refused);
        firstAnswers.add(line);
        System.out.println("first answer: " + line);
    }

    private void waitFor(String what, Probe probe) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!probe.seen()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private void print() {
        System.out.printf("%nFirst answer of each report (before the probes; retried every 500 ms until 200)%n%n");
        System.out.printf("| %-28s | %8s | %8s |%n", "report", "time", "refusals");
        System.out.printf("| %-28s | %8s | %8s |%n", "---", "---:", "---:");
        firstAnswers.forEach(System.out::println);
        System.out.printf("%n%d events, %d posts, %d days, %d rounds; time from the acknowledgement until the report"
                + " shows the write (polled every 50 ms; 'never' = not within %d s)%n%n", o.get("events"),
                o.get("posts"), o.get("days"), o.get("rounds"), o.get("timeout"));
        System.out.printf("| %-28s | %3s | %8s | %8s | %8s | %-12s |%n", "report", "n", "p50", "p95", "max",
                "p95 <= 2 s");
        System.out.printf("| %-28s | %3s | %8s | %8s | %8s | %-12s |%n", "---", "---:", "---:", "---:", "---:", "---");
        samples.forEach((name, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            long p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
            System.out.printf("| %-28s | %3d | %8s | %8s | %8s | %-12s |%n", name, sorted.size(),
                    ms(sorted.get((sorted.size() - 1) / 2)), ms(p95), ms(sorted.get(sorted.size() - 1)),
                    p95 <= 2_000 ? "yes" : "NO");
        });
        if (timeouts > 0) {
            System.out.printf("%n%d probes never saw their write within %d s%n", timeouts, o.get("timeout"));
        }
    }

    private static String ms(long millis) {
        return millis == Long.MAX_VALUE ? "never" : millis + " ms";
    }

    // ---- HTTP and JSON ----

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (source .suite/admin.env or use bench/freshness)");
        }
        return value;
    }

    private String token(String id, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(urls.get("content") + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token: " + r.statusCode() + " " + r.body());
        }
        return str(Json.parse(r.body()), "access_token");
    }

    private Object get(String service, String path, String... query) throws Exception {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i + 1 < query.length; i += 2) {
            q.append(q.length() == 0 ? "?" : "&").append(query[i]).append('=')
                    .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
        }
        return call(token, service, "GET", "/workspaces/" + ws + path + q, null, 200);
    }

    private Object call(String bearer, String service, String method, String path, Object body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(service) + path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (r.statusCode() == status || (status == 201 && r.statusCode() == 200 && path.endsWith("/identities"))) {
                    return r.body().isEmpty() ? null : Json.parse(r.body());
                }
            }
            // Rate limits and a report's 503 while a dependency warms up are waited out; anything else is fatal.
            if ((r.statusCode() == 429 || r.statusCode() == 503) && attempt < retries) {
                Thread.sleep(1000);
                continue;
            }
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
        }
    }

    private static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Object at(Object node, String... path) {
        for (String key : path) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    private static String str(Object node, String... path) {
        return String.valueOf(at(node, path));
    }

    private static double num(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Number n ? n.doubleValue() : value instanceof String s ? Double.parseDouble(s) : 0;
    }

    private static double money(Object node, String key) {
        return num(node, key, "amount");
    }

    private static List<?> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? l : List.of();
    }

    /** Just enough JSON: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            return value;
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof String str) {
                StringBuilder b = new StringBuilder("\"");
                for (char c : str.toCharArray()) {
                    switch (c) {
                        case '"' -> b.append("\\\"");
                        case '\\' -> b.append("\\\\");
                        case '\n' -> b.append("\\n");
                        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                    }
                }
                return b.append('"').toString();
            }
            if (value instanceof Map<?, ?> map) {
                return map.entrySet().stream().map(e -> write(String.valueOf(e.getKey())) + ":" + write(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}"));
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
            }
            return String.valueOf(value);
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = (String) value();
                    skip();
                    i++; // ':'
                    map.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (s.charAt(i++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (s.charAt(i) != '"') {
                    char ch = s.charAt(i++);
                    if (ch == '\\') {
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n' -> b.append('\n');
                            case 't' -> b.append('\t');
                            case 'r' -> b.append('\r');
                            case 'b' -> b.append('\b');
                            case 'f' -> b.append('\f');
                            case 'u' -> {
                                b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> b.append(e);
                        }
                    } else {
                        b.append(ch);
                    }
                }
                i++;
                return b.toString();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
