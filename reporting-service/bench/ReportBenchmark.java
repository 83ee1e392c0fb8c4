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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a benchmark workspace through the suite's public APIs and times every report from an HTTP client.
 * Two timings per report: "repeat" asks the same question again (what a dashboard does; dependency answers come
 * from reporting-service's short-lived caches), "fresh" changes the period on every request, so each one reads
 * engagement rollups and attribution anew. Target: p95 under 100 ms.
 */
public final class ReportBenchmark {

    private static final String[] PLATFORMS = {"INSTAGRAM", "TIKTOK", "YOUTUBE", "FACEBOOK", "LINKEDIN", "PINTEREST"};
    private static final String[] STAGES = {"ATTENTION", "INTEREST", "TRUST", "ACTION"};
    private static final String[] TYPES = {"IMPRESSION", "VIEW", "LIKE", "COMMENT", "SHARE", "SAVE", "CLICK", "DM"};
    private static final int[] TYPE_WEIGHTS = {55, 15, 15, 4, 2, 2, 6, 1};
    private static final int BATCH = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> urls = new HashMap<>();
    private final Random random = new Random(42);
    private String token;

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("events", 2_000_000, "posts", 200, "conversions", 5_000,
                "days", 60, "requests", 200, "fresh", 20, "actors", 100_000));
        Map<String, String> reuse = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (List.of("workspace", "campaign", "start").contains(name)) {
                reuse.put(name, args[i + 1]);
            } else {
                options.put(name, Integer.parseInt(args[i + 1]));
            }
        }
        new ReportBenchmark().run(options, reuse);
    }

    private void run(Map<String, Integer> o, Map<String, String> reuse) throws Exception {
        urls.put("content", env("SUITE_CONTENT_URL", "http://127.0.0.1:8081"));
        urls.put("engagement", env("SUITE_ENGAGEMENT_URL", "http://127.0.0.1:8082"));
        urls.put("conversion", env("SUITE_CONVERSION_URL", "http://127.0.0.1:8083"));
        urls.put("reporting", env("SUITE_REPORTING_URL", "http://127.0.0.1:8084"));
        String clientId = System.getenv("SUITE_ADMIN_CLIENT_ID");
        String secret = System.getenv("SUITE_ADMIN_CLIENT_SECRET");
        if (clientId == null || secret == null) {
            throw new IllegalStateException("SUITE_ADMIN_CLIENT_ID / SUITE_ADMIN_CLIENT_SECRET are needed "
                    + "(./suite up writes them to .suite/admin.env)");
        }
        token = field(send("content", "POST", "/auth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret), 200),
                "access_token");
        int days = o.get("days");
        if (reuse.containsKey("workspace")) {
            // Measure again on a workspace an earlier run loaded (it printed these arguments).
            LocalDate start = LocalDate.parse(reuse.get("start"));
            awaitAttribution(reuse.get("workspace"), start, start.plusDays(days));
            measure(reuse.get("workspace"), reuse.get("campaign"), start, start.plusDays(days), o.get("requests"),
                    o.get("fresh"));
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = today.minusDays(days);
        String ws = field(send("content", "POST", "/workspaces", "application/json", "{\"name\":\"Benchmark "
                + Instant.now() + "\",\"timeZone\":\"UTC\",\"currency\":\"EUR\"}", 201), "id");
        System.out.println("workspace " + ws);

        List<String> campaigns = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            campaigns.add(field(send("content", "POST", "/workspaces/" + ws + "/campaigns", "application/json",
                    "{\"name\":\"Campaign " + c + "\",\"objective\":\"Sales\",\"startDate\":\"" + start
                            + "\",\"endDate\":\"" + today + "\",\"budget\":{\"amount\":\"5000\",\"currency\":\"EUR\"}}",
                    201), "id"));
        }
        List<String[]> posts = new ArrayList<>();
        for (int p = 0; p < o.get("posts"); p++) {
            String campaign = campaigns.get(p % campaigns.size());
            String platform = PLATFORMS[p % PLATFORMS.length];
            String stage = STAGES[p % STAGES.length];
            String id = field(send("content", "POST", "/workspaces/" + ws + "/posts", "application/json",
                    "{\"campaignId\":\"" + campaign + "\",\"platform\":\"" + platform + "\",\"funnelStage\":\"" + stage
                            + "\",\"caption\":\"Benchmark post " + p + "\",\"callToAction\":\"Shop now\","
                            + "\"landingUrl\":\"https://shop.example/p/" + p + "\"}", 201), "id");
            posts.add(new String[] {id, campaign, platform});
        }
        System.out.println(campaigns.size() + " campaigns, " + posts.size() + " posts");

        long t0 = System.nanoTime();
        long events = loadEvents(ws, posts, o.get("events"), o.get("actors"), start, days);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d engagement events in %.1f s (%.0f events/s)%n", events, seconds, events / seconds);
        loadConversions(ws, o.get("conversions"), o.get("actors"), start, days);
        awaitCaptured(ws);
        loadCosts(ws, campaigns, posts, start, today);
        awaitAttribution(ws, start, today);
        System.out.println("to measure again without loading: --workspace " + ws + " --campaign " + campaigns.get(0)
                + " --start " + start + " --days " + days);
        measure(ws, campaigns.get(0), start, today, o.get("requests"), o.get("fresh"));
    }

    private long loadEvents(String ws, List<String[]> posts, int total, int actors, LocalDate start, int days)
            throws Exception {
        AtomicLong accepted = new AtomicLong();
        Instant from = start.atStartOfDay().toInstant(ZoneOffset.UTC);
        long span = days * 86_400L;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int offset = 0; offset < total; offset += BATCH) {
            int size = Math.min(BATCH, total - offset);
            int first = offset;
            long seed = random.nextLong();
            sent.add(pool.submit(() -> {
                Random r = new Random(seed);
                StringBuilder body = new StringBuilder(size * 220).append("{\"events\":[");
                for (int i = 0; i < size; i++) {
                    String[] post = posts.get(r.nextInt(posts.size()));
                    String type = pick(r);
                    body.append(i == 0 ? "" : ",").append("{\"eventId\":\"b-").append(first + i)
                            .append("\",\"type\":\"").append(type).append("\",\"platform\":\"").append(post[2])
                            .append("\",\"postId\":\"").append(post[0]).append("\",\"campaignId\":\"").append(post[1])
                            .append("\",\"actorId\":\"a").append(r.nextInt(actors)).append("\",\"occurredAt\":\"")
                            .append(from.plusSeconds((long) (r.nextDouble() * span))).append("\"}");
                }
                String answer = send("engagement", "POST", "/workspaces/" + ws + "/events", "application/json",
                        body.append("]}").toString(), 200);
                accepted.addAndGet(Long.parseLong(number(answer, "accepted")));
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        return accepted.get();
    }

    private static String pick(Random r) {
        int roll = r.nextInt(100);
        for (int t = 0; t < TYPES.length; t++) {
            roll -= TYPE_WEIGHTS[t];
            if (roll < 0) {
                return TYPES[t];
            }
        }
        return TYPES[0];
    }

    /** Leads and purchases by actors who engaged, so attribution finds their touchpoints. */
    private void loadConversions(String ws, int total, int actors, LocalDate start, int days) throws Exception {
        Instant from = start.atStartOfDay().toInstant(ZoneOffset.UTC).plus(7, ChronoUnit.DAYS);
        long span = (days - 7) * 86_400L;
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean purchase = i % 5 < 2;
            batch.add("{\"eventId\":\"bc-" + i + "\",\"type\":\"" + (purchase ? "PURCHASE" : "LEAD") + "\""
                    + (purchase ? ",\"value\":{\"amount\":\"" + (20 + random.nextInt(180)) + ".00\",\"currency\":\"EUR\"}"
                            : "") + ",\"occurredAt\":\"" + from.plusSeconds((long) (random.nextDouble() * span))
                    + "\",\"customerId\":\"c-" + (i % (total * 3 / 4)) + "\",\"actorIds\":[\"a" + random.nextInt(actors)
                    + "\"]}");
            if (batch.size() == 500 || i == total - 1) {
                send("conversion", "POST", "/workspaces/" + ws + "/conversions", "application/json",
                        "[" + String.join(",", batch) + "]", 200, 201, 207);
                batch.clear();
            }
        }
        System.out.println(total + " conversions");
    }

    /**
     * Issue 15: how long after the last conversion's acknowledgement every conversion of the workspace is
     * attribution-ready (its touchpoints captured by conversion-service's capture job; no report is asked
     * meanwhile, since a report would capture them itself). Read from conversion-service's database
     * (BENCH_CONVERSION_DB, a database name on the local PostgreSQL; bench/services env sets it).
     */
    private void awaitCaptured(String ws) throws Exception {
        String db = env("BENCH_CONVERSION_DB", "conversion");
        long acknowledged = System.nanoTime();
        String sql = "SELECT count(*) FILTER (WHERE capture_state = 'PENDING') || ' ' || count(*) FROM conversion "
                + "WHERE workspace_id = '" + ws + "'";
        while (System.nanoTime() - acknowledged < 300_000_000_000L) {
            Process psql = new ProcessBuilder("psql", "-At", "-h", env("BENCH_DB_HOST", "127.0.0.1"), "-U",
                    env("BENCH_DB_USER", "postgres"), "-d", db, "-c", sql).redirectErrorStream(true).start();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (psql.waitFor() != 0 || !out.matches("\\d+ \\d+")) {
                System.out.println("attribution-ready: not measured (psql on database " + db + ": " + out + ")");
                return;
            }
            String[] counts = out.split(" ");
            if (counts[0].equals("0")) {
                System.out.printf("attribution-ready: %s conversions captured %.1f s after the last acknowledgement%n",
                        counts[1], (System.nanoTime() - acknowledged) / 1e9);
                return;
            }
            Thread.sleep(100);
        }
        System.out.println("attribution-ready: conversions still pending 300 s after the last acknowledgement");
    }

    private void loadCosts(String ws, List<String> campaigns, List<String[]> posts, LocalDate start, LocalDate today)
            throws Exception {
        int count = 0;
        for (LocalDate week = start; week.isBefore(today); week = week.plusWeeks(1)) {
            for (String campaign : campaigns) {
                send("reporting", "POST", "/workspaces/" + ws + "/costs", "application/json",
                        "{\"category\":\"AD_SPEND\",\"amount\":{\"amount\":\"" + (100 + random.nextInt(400))
                                + "\",\"currency\":\"EUR\"},\"incurredOn\":\"" + week + "\",\"campaignId\":\"" + campaign
                                + "\"}", 201);
                count++;
            }
        }
        for (int p = 0; p < posts.size(); p += 4) {
            send("reporting", "POST", "/workspaces/" + ws + "/costs", "application/json",
                    "{\"category\":\"PRODUCTION\",\"amount\":{\"amount\":\"80\",\"currency\":\"EUR\"},\"incurredOn\":\""
                            + start.plusDays(p % 50) + "\",\"postId\":\"" + posts.get(p)[0] + "\"}", 201);
            count++;
        }
        send("reporting", "PUT", "/workspaces/" + ws + "/settings", "application/json",
                "{\"hourlyRate\":{\"amount\":\"30\",\"currency\":\"EUR\"},\"minutesPerComment\":1,\"minutesPerDm\":4}",
                200);
        System.out.println(count + " costs");
    }

    /** conversion-service captures touchpoints in the background; wait until attribution stops changing. */
    private void awaitAttribution(String ws, LocalDate start, LocalDate today) throws Exception {
        String previous = "";
        for (int i = 0; i < 60; i++) {
            String answer = send("conversion", "GET", "/workspaces/" + ws + "/attribution?from=" + start + "&to=" + today,
                    null, null, 200, 503);
            if (answer.contains("\"status\":503")) {
                // conversion-service is still catching up with touchpoints (its breaker towards engagement-service
                // opens while engagement-service is busy rolling up): ask again.
                System.out.println("attribution not available yet: " + answer);
                Thread.sleep(5000);
                continue;
            }
            String attributed = answer.replaceAll("(?s).*\"attributed\"\\s*:\\s*(\\{[^}]*\\}).*", "$1");
            if (attributed.equals(previous) && !attributed.contains("\"conversions\":0,")) {
                System.out.println("attribution settled: " + attributed);
                return;
            }
            previous = attributed;
            Thread.sleep(5000);
        }
        System.out.println("attribution still changing after 5 minutes; measuring anyway");
    }

    private void measure(String ws, String campaign, LocalDate start, LocalDate today, int requests, int freshRequests)
            throws Exception {
        Map<String, String> reports = new java.util.LinkedHashMap<>();
        for (String group : List.of("campaign", "platform", "post", "funnelStage")) {
            reports.put("roi groupBy=" + group, "/reports/roi?groupBy=" + group + "&");
        }
        reports.put("roi groupBy=campaign model=TIME_DECAY", "/reports/roi?groupBy=campaign&model=TIME_DECAY&");
        // Issue 19: the learned model; its "first 200" (repeat) includes learning from the workspace's journeys.
        reports.put("roi groupBy=platform model=DATA_DRIVEN", "/reports/roi?groupBy=platform&model=DATA_DRIVEN&");
        reports.put("funnel", "/reports/funnel?");
        reports.put("funnel campaignId", "/reports/funnel?campaignId=" + campaign + "&");
        reports.put("engagement-vs-revenue", "/reports/engagement-vs-revenue?");
        reports.put("roi groupBy=post CSV", "/reports/roi?groupBy=post&csv&");
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-38s %-6s %5s %5s %8s %8s %8s %10s", "report", "mode", "n", "200s", "p50 ms",
                "p95 ms", "max ms", "first 200"));
        System.out.println();
        System.out.println(lines.get(0));
        // All "repeat" rows first: the "fresh" requests leave the other services busy with calls that go on after
        // their 503s, which would slow the repeat rows' first answers.
        // Fresh periods are never asked twice in a run, by any report: every fresh request needs new answers
        // from engagement-service and conversion-service (nothing cached anywhere). From moves within 30 days
        // either side of the data's start, to within the last 21 days.
        List<LocalDate[]> periods = new ArrayList<>();
        for (int f = -30; f < 30; f++) {
            for (int t = 0; t <= 20; t++) {
                periods.add(new LocalDate[] {start.plusDays(f), today.minusDays(t)});
            }
        }
        java.util.Collections.shuffle(periods, new java.util.Random(6));
        if ((long) reports.size() * (freshRequests + 5) > periods.size()) {
            throw new IllegalArgumentException("--fresh at most " + (periods.size() / reports.size() - 5)
                    + ": each fresh request needs a period no report asked before");
        }
        java.util.Iterator<LocalDate[]> unused = periods.iterator();
        for (String mode : List.of("repeat", "fresh")) {
            for (Map.Entry<String, String> report : reports.entrySet()) {
                // A new period's DATA_DRIVEN report learns its model (seconds at 2M events; reporting-service answers
                // 503 meanwhile and lets two such calls run at once): timed until its first 200, asking again 0.5 s
                // after each 503 as the dashboard does, one period after the other.
                boolean learned = mode.equals("fresh") && report.getKey().contains("DATA_DRIVEN");
                int n = mode.equals("repeat") ? requests : learned ? Math.min(freshRequests, 10) : freshRequests;
                if (n == 0) {
                    continue;
                }
                String firstOk = "";
                if (mode.equals("repeat")) {
                    // The first ask of a question waits for the other services; until their answers arrive
                    // reporting-service answers 503 (Retry-After) and keeps fetching. Time that, then measure.
                    long w0 = System.nanoTime();
                    int status = 0;
                    while (status != 200 && System.nanoTime() - w0 < 180_000_000_000L) {
                        status = get(path(ws, report.getValue(), start, today)).statusCode();
                        if (status != 200) {
                            Thread.sleep(1000);
                        }
                    }
                    firstOk = status == 200 ? String.format("%.1f s", (System.nanoTime() - w0) / 1e9) : "never";
                    for (int i = 0; i < 20; i++) {
                        get(path(ws, report.getValue(), start, today)); // warm-up (JIT), not measured
                    }
                } else if (!learned) {
                    for (int i = 0; i < 5 && unused.hasNext(); i++) {
                        LocalDate[] p = unused.next(); // warm-up of the uncached path (JIT), not measured
                        get(path(ws, report.getValue(), p[0], p[1]));
                    }
                }
                long[] millis = new long[n];
                int ok = 0;
                for (int i = 0; i < n; i++) {
                    LocalDate[] fresh = mode.equals("repeat") ? null : unused.next();
                    LocalDate from = fresh == null ? start : fresh[0];
                    LocalDate to = fresh == null ? today : fresh[1];
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = get(path(ws, report.getValue(), from, to));
                    while (learned && response.statusCode() == 503 && System.nanoTime() - t0 < 60_000_000_000L) {
                        Thread.sleep(500);
                        response = get(path(ws, report.getValue(), from, to));
                    }
                    millis[i] = (System.nanoTime() - t0) / 1_000_000;
                    ok += response.statusCode() == 200 ? 1 : 0;
                }
                Arrays.sort(millis);
                String line = String.format("%-38s %-6s %5d %5d %8d %8d %8d %10s", report.getKey(),
                        learned ? "fresh*" : mode, n, ok,
                        millis[n / 2], millis[(int) Math.ceil(n * 0.95) - 1], millis[n - 1], firstOk);
                lines.add(line);
                System.out.println(line);
            }
        }
        System.out.println();
        System.out.println("Target: p95 < 100 ms. 200s = answers with status 200 (the rest are 503s naming the service"
                + " that did not answer in time).");
        System.out.println("fresh*: DATA_DRIVEN learns a new period's model; timed until its first 200, asking again"
                + " 0.5 s after each 503 (as the dashboard does), one period after the other.");
        System.out.println("The fresh periods are the same in every run: run again only after reporting-service's kept"
                + " answers are gone (suite.report.cache-max-age, 1 s) or after restarting it.");
    }

    private static String path(String ws, String report, LocalDate from, LocalDate to) {
        return "/workspaces/" + ws + report + "from=" + from + "&to=" + to;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        boolean csv = path.contains("&csv&");
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get("reporting") + path.replace("&csv&", "&")))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                .header("Accept", csv ? "text/csv" : "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private String send(String service, String method, String path, String type, String body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.get(service) + path))
                .timeout(Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("text/csv".equals(type) && body == null) {
            request.header("Accept", "text/csv");
        } else {
            request.header("Accept", "application/json");
            if (type != null) {
                request.header("Content-Type", type);
            }
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // A write PostgreSQL aborted for a concurrent one stored nothing and says to send it again (Retry-After).
        for (int retry = 0; retry < 5 && response.statusCode() == 503 && response.body().contains("write-conflict");
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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
