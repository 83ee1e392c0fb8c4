import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Ingestion benchmark client (run by ingest-bench.sh, in its own JVM): loads N events through the HTTP API of a
 * running engagement-service, then raw-COPYs the same rows into a same-shaped table on the same PostgreSQL,
 * and prints both rates, their ratio and the service's resident memory.
 */
public class IngestBench {

    static final String[] TYPES = {"IMPRESSION", "IMPRESSION", "IMPRESSION", "IMPRESSION", "IMPRESSION", "IMPRESSION",
        "IMPRESSION", "IMPRESSION", "IMPRESSION", "IMPRESSION", "VIEW", "VIEW", "VIEW", "VIEW", "LIKE", "LIKE", "LIKE",
        "COMMENT", "SHARE", "SAVE", "CLICK"};
    static final String[] PLATFORMS = {"INSTAGRAM", "TIKTOK", "FACEBOOK", "LINKEDIN", "YOUTUBE"};

    record Event(String id, String type, String platform, UUID post, String actor, Instant at, String text) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int n = Integer.parseInt(opt.getOrDefault("events", "1000000"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "10000"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "2"));
        String url = opt.get("url");
        String jdbc = opt.get("jdbc");
        long pid = Long.parseLong(opt.get("pid"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "100000"));
        UUID ws = UUID.randomUUID();
        UUID warmWs = UUID.randomUUID();
        String token = token(Path.of(opt.get("key")), ws, warmWs);

        List<Event> events = generate(n, "bench-");
        List<byte[]> bodies = bodies(events, batch);
        System.out.printf("%,d events in %,d requests of %,d, %d concurrent clients%n", n, bodies.size(), batch,
                concurrency);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        if (warmup > 0) {
            // A service runs for days: its JIT-compiled steady state is what is measured, not its first seconds.
            // The warm-up events go to another workspace of the same database, untimed.
            long warmStart = System.nanoTime();
            load(http, url, warmWs, token, bodies(generate(warmup, "warmup-"), batch), concurrency);
            System.out.printf("warm-up: %,d events in %.1f s (another workspace, not counted)%n", warmup,
                    (System.nanoTime() - warmStart) / 1e9);
        }

        // Raw COPY before and after the API load; the faster of the two is the yardstick, so that a burst of other
        // load on the machine during one of them does not flatter the ratio.
        double[] copyBefore = rawCopy(jdbc, ws, events, true);
        double[] shapedBefore = rawCopy(jdbc, ws, events, false);
        Map<Long, Long> backendsBefore = backendTicks(jdbc);
        long serviceBefore = cpuTicks(pid);

        MemoryWatch memory = new MemoryWatch(pid);
        Thread.ofPlatform().daemon().start(memory);
        long start = System.nanoTime();
        long accepted = load(http, url, ws, token, bodies, concurrency);
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        // The rollups are applied off the acknowledgement path (event/RollupQueue): until when is the background
        // applier behind? (A report asked meanwhile applies what it needs itself.) CPU is counted until then.
        int pendingAtAck = pending(jdbc, ws);
        while (pending(jdbc, ws) > 0) {
            Thread.sleep(20);
        }
        double appliedSeconds = (System.nanoTime() - start) / 1e9;
        memory.stop();
        double serviceCpu = (cpuTicks(pid) - serviceBefore) / TICKS;
        long backendTicks = 0;
        for (Map.Entry<Long, Long> backend : backendTicks(jdbc).entrySet()) {
            backendTicks += backend.getValue() - backendsBefore.getOrDefault(backend.getKey(), 0L);
        }
        double backendCpu = backendTicks / TICKS;
        if (accepted != n) {
            throw new IllegalStateException("accepted " + accepted + " of " + n);
        }

        double[] copyAfterRun = rawCopy(jdbc, ws, events, true);
        double[] shapedAfter = rawCopy(jdbc, ws, events, false);
        double shapedRate = n / Math.min(shapedBefore[0], shapedAfter[0]);
        double copyAfter = copyAfterRun[0];
        double copySeconds = Math.min(copyBefore[0], copyAfter);
        double copyCpu = Math.min(copyBefore[1], copyAfterRun[1]);
        double apiRate = n / apiSeconds;
        double copyRate = n / copySeconds;
        System.out.println();
        System.out.println("| path                              | events | seconds | events/s |");
        System.out.println("| --------------------------------- | -----: | ------: | -------: |");
        System.out.printf("| HTTP API, acknowledged (parse, validate, dedupe, store events and rollup deltas) | %,d | %.2f | %,.0f |%n",
                n, apiSeconds, apiRate);
        System.out.printf("| HTTP API, until the background applier had every rollup applied (%,d batches pending at the "
                + "last acknowledgement) | %,d | %.2f | %,.0f |%n", pendingAtAck, n, appliedSeconds, n / appliedSeconds);
        System.out.printf("| raw COPY into the plain table (key + BRIN), before the API load | %,d | %.2f | %,.0f |%n", n,
                copyBefore[0], n / copyBefore[0]);
        System.out.printf("| raw COPY into the plain table (key + BRIN), after the API load | %,d | %.2f | %,.0f |%n", n,
                copyAfter, n / copyAfter);
        System.out.printf("| raw COPY into a table with engagement_event's indexes (faster of two) | %,d | %.2f | %,.0f |%n",
                n, n / shapedRate, shapedRate);
        System.out.printf("%nratio API / raw COPY into the plain table (the faster COPY): %.2f (goal >= 0.5)%n",
                apiRate / copyRate);
        System.out.printf("ratio API / raw COPY into the table with the event table's indexes: %.2f%n", apiRate / shapedRate);
        System.out.printf("ratio API until every rollup applied / raw COPY into the plain table: %.2f%n",
                n / appliedSeconds / copyRate);
        double per = 100_000.0 / n;
        System.out.printf("CPU seconds per 100,000 events (until every rollup applied): API %.2f (service JVM %.2f + its PostgreSQL backends %.2f), "
                + "raw COPY backend %.2f%n", (serviceCpu + backendCpu) * per, serviceCpu * per, backendCpu * per,
                copyCpu * per);
        long peakMb = memory.peakKb.get() / 1024;
        System.out.printf("service RSS: peak %d MB during the load, %d MB now (goal < 512 MB)%n", peakMb,
                MemoryWatch.rssKb(pid) / 1024);
        System.out.println();
        System.out.println("| events | batch x clients | API events/s | plain COPY rows/s | ratio | indexed COPY rows/s "
                + "| ratio | all rollups applied, events/s (ratio) | service RSS peak |");
        System.out.printf("| %,d | %,d x %d | %,.0f | %,.0f | %.2f | %,.0f | %.2f | %,.0f (%.2f) | %d MB |%n", n, batch,
                concurrency, apiRate, copyRate, apiRate / copyRate, shapedRate, apiRate / shapedRate, n / appliedSeconds,
                n / appliedSeconds / copyRate, peakMb);
    }

    static List<byte[]> bodies(List<Event> events, int batch) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < events.size(); from += batch) {
            bodies.add(json(events.subList(from, Math.min(events.size(), from + batch))));
        }
        return bodies;
    }

    /** Posts the bodies from {@code concurrency} client threads; answers the accepted events. */
    static long load(HttpClient http, String url, UUID ws, String token, List<byte[]> bodies, int concurrency)
            throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = (int) next.getAndIncrement(); i < bodies.size(); i = (int) next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/workspaces/" + ws + "/events"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofMinutes(2))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                        }
                        Matcher m = Pattern.compile("\"accepted\":(\\d+)").matcher(response.body());
                        m.find();
                        accepted.addAndGet(Long.parseLong(m.group(1)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        }
        return accepted.get();
    }

    static List<Event> generate(int n, String idPrefix) {
        Random random = new Random(42);
        UUID[] posts = new UUID[200];
        for (int i = 0; i < posts.length; i++) {
            posts[i] = new UUID(random.nextLong(), random.nextLong());
        }
        // A day of traffic in the order it happened, as a platform integration delivers it.
        Instant base = Instant.now().minus(Duration.ofDays(2));
        long step = Duration.ofDays(1).toMillis() / Math.max(1, n);
        List<Event> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            int post = random.nextInt(posts.length);
            events.add(new Event(idPrefix + i, type, PLATFORMS[post % PLATFORMS.length], posts[post],
                    "actor:" + random.nextInt(50_000), base.plusMillis(i * step),
                    type.equals("COMMENT") ? "comment number " + random.nextInt(1000) : null));
        }
        return events;
    }

    static byte[] json(List<Event> events) {
        StringBuilder sb = new StringBuilder(events.size() * 220).append('[');
        for (Event e : events) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"eventId\":\"").append(e.id()).append("\",\"type\":\"").append(e.type())
                    .append("\",\"platform\":\"").append(e.platform()).append("\",\"postId\":\"").append(e.post())
                    .append("\",\"actorId\":\"").append(e.actor()).append("\",\"occurredAt\":\"").append(e.at())
                    .append('"');
            if (e.text() != null) {
                sb.append(",\"attributes\":{\"text\":\"").append(e.text()).append("\"}");
            }
            sb.append('}');
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
    static final double TICKS = 100.0;

    /** CPU time (user + system) of a process so far, in clock ticks; 0 when it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    /** CPU ticks of every other PostgreSQL backend connected to the bench database (the service's pool). */
    static Map<Long, Long> backendTicks(String jdbc) throws Exception {
        Map<Long, Long> ticks = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                ticks.put(rs.getLong(1), cpuTicks(rs.getLong(1)));
            }
        }
        return ticks;
    }

    /** Batches of the workspace whose rollups are still pending (0 where rollups are written inline). */
    static int pending(String jdbc, UUID ws) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM rollup_pending WHERE workspace_id = ?")) {
            ps.setObject(1, ws);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The same rows by plain COPY into a table with engagement_event's columns: {@code plain}, with the primary key and
     * a BRIN index on time only (the physical limit of storing the rows, issue 15's yardstick); otherwise also with
     * the event table's actor index. Answers the seconds it took and the CPU seconds of its PostgreSQL backend.
     */
    static double[] rawCopy(String jdbc, UUID ws, List<Event> events, boolean plain) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_copy");
            // event_id compares bytewise ("C") like the service's dedupe key event_key.event_id (V4 migration).
            s.execute("CREATE TABLE bench_raw_copy (workspace_id uuid NOT NULL, event_id text COLLATE \"C\" NOT NULL, "
                    + "type text NOT NULL, "
                    + "platform text NOT NULL, post_id uuid, campaign_id uuid, funnel_stage text, actor_id text NOT NULL, "
                    + "click_id uuid, occurred_at timestamptz NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), "
                    + "retargeting boolean NOT NULL DEFAULT false, attributes jsonb, PRIMARY KEY (workspace_id, event_id))");
            s.execute("CREATE INDEX ON bench_raw_copy USING brin (occurred_at)");
            if (!plain) {
                s.execute("CREATE INDEX ON bench_raw_copy (workspace_id, actor_id, occurred_at)");
            }
            StringBuilder sb = new StringBuilder(events.size() * 160);
            for (Event e : events) {
                sb.append(ws).append('\t').append(e.id()).append('\t').append(e.type()).append('\t').append(e.platform())
                        .append('\t').append(e.post()).append("\t\\N\t\\N\t").append(e.actor()).append("\t\\N\t")
                        .append(e.at()).append("\t").append(Instant.now()).append("\tf\t")
                        .append(e.text() == null ? "\\N" : "{\"text\": \"" + e.text() + "\"}").append('\n');
            }
            byte[] rows = sb.toString().getBytes(StandardCharsets.UTF_8);
            long backend;
            try (java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            long ticks = cpuTicks(backend);
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_raw_copy FROM STDIN",
                    new ByteArrayInputStream(rows));
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuTicks(backend) - ticks) / TICKS;
            s.execute("DROP TABLE bench_raw_copy");
            return new double[] {seconds, cpu};
        }
    }

    static String token(Path privateKeyPem, UUID ws, UUID warmWs) throws Exception {
        String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"social-roi-suite\",\"aud\":[\"engagement-service\"],\"sub\":\"bench\",\"iat\":" + now + ",\"exp\":"
                + (now + 7200) + ",\"groups\":[\"engagement:write\",\"engagement:read\"],\"scope\":\"engagement:write "
                + "engagement:read\",\"ws\":[\"" + ws + "\",\"" + warmWs + "\"]}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signature.sign());
    }

    /** Samples the service's resident set size while the load runs. */
    static final class MemoryWatch implements Runnable {
        final long pid;
        final AtomicLong peakKb = new AtomicLong();
        volatile boolean running = true;

        MemoryWatch(long pid) {
            this.pid = pid;
        }

        public void run() {
            while (running) {
                peakKb.accumulateAndGet(rssKb(pid), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
            peakKb.accumulateAndGet(rssKb(pid), Math::max);
        }

        static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (Exception e) {
                return 0;
            }
            return 0;
        }
    }
}
