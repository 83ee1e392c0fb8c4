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
                "days", 60, "requests", 200, "actors", 100_000));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
        }
        new ReportBenchmark().run(options);
    }

    private void run(Map<String, Integer> o) throws Exception {
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
        loadCosts(ws, campaigns, posts, start, today);
        awaitAttribution(ws, start, today);
        measure(ws, campaigns.get(0), start, today, o.get("requests"));
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
                    null, null, 200);
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

    private void measure(String ws, String campaign, LocalDate start, LocalDate today, int requests) throws Exception {
        Map<String, String> reports = new java.util.LinkedHashMap<>();
        for (String group : List.of("campaign", "platform", "post", "funnelStage")) {
            reports.put("roi groupBy=" + group, "/reports/roi?groupBy=" + group + "&");
        }
        reports.put("roi groupBy=campaign model=TIME_DECAY", "/reports/roi?groupBy=campaign&model=TIME_DECAY&");
        reports.put("funnel", "/reports/funnel?");
        reports.put("funnel campaignId", "/reports/funnel?campaignId=" + campaign + "&");
        reports.put("engagement-vs-revenue", "/reports/engagement-vs-revenue?");
        reports.put("roi CSV", "/reports/roi?groupBy=post&csv&");
        System.out.printf("%n%-40s %-7s %6s %9s %9s %9s%n", "report", "mode", "n", "p50 ms", "p95 ms", "max ms");
        for (Map.Entry<String, String> report : reports.entrySet()) {
            for (String mode : List.of("repeat", "fresh")) {
                long[] millis = new long[requests];
                for (int i = -5; i < requests; i++) {
                    LocalDate from = mode.equals("repeat") ? start : start.plusDays(Math.floorMod(i, 30));
                    LocalDate to = mode.equals("repeat") ? today : today.minusDays(Math.floorMod(i / 30, 20));
                    String path = "/workspaces/" + ws + report.getValue() + "from=" + from + "&to=" + to;
                    boolean csv = path.contains("&csv&");
                    long t0 = System.nanoTime();
                    send("reporting", "GET", path.replace("&csv&", "&"), csv ? "text/csv" : null, null, 200);
                    if (i >= 0) {
                        millis[i] = (System.nanoTime() - t0) / 1_000_000;
                    }
                }
                Arrays.sort(millis);
                System.out.printf("%-40s %-7s %6d %9d %9d %9d%n", report.getKey(), mode, requests,
                        millis[requests / 2], millis[(int) Math.ceil(requests * 0.95) - 1], millis[requests - 1]);
            }
        }
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
