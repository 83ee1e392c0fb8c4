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
        int batch = Integer.parseInt(opt.getOrDefault("batch", "5000"));
        int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "4"));
        String url = opt.get("url");
        String jdbc = opt.get("jdbc");
        long pid = Long.parseLong(opt.get("pid"));
        UUID ws = UUID.randomUUID();
        String token = token(Path.of(opt.get("key")), ws);

        List<Event> events = generate(n);
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < n; from += batch) {
            bodies.add(json(events.subList(from, Math.min(n, from + batch))));
        }
        System.out.printf("%,d events in %,d requests of %,d, %d concurrent clients%n", n, bodies.size(), batch,
                concurrency);

        MemoryWatch memory = new MemoryWatch(pid);
        Thread.ofPlatform().daemon().start(memory);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
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
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        memory.stop();
        if (accepted.get() != n) {
            throw new IllegalStateException("accepted " + accepted.get() + " of " + n);
        }

        double copySeconds = rawCopy(jdbc, ws, events);
        double apiRate = n / apiSeconds;
        double copyRate = n / copySeconds;
        System.out.println();
        System.out.println("| path                              | events | seconds | events/s |");
        System.out.println("| --------------------------------- | -----: | ------: | -------: |");
        System.out.printf("| HTTP API (parse, validate, dedupe, store, rollups) | %,d | %.2f | %,.0f |%n", n, apiSeconds, apiRate);
        System.out.printf("| raw COPY into same-shaped table   | %,d | %.2f | %,.0f |%n", n, copySeconds, copyRate);
        System.out.printf("%nratio API / raw COPY: %.2f (goal >= 0.5)%n", apiRate / copyRate);
        System.out.printf("service RSS: peak %d MB during the load, %d MB now (goal < 512 MB)%n",
                memory.peakKb.get() / 1024, MemoryWatch.rssKb(pid) / 1024);
    }

    static List<Event> generate(int n) {
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
            events.add(new Event("bench-" + i, type, PLATFORMS[post % PLATFORMS.length], posts[post],
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

    /** The same rows into a table shaped like engagement_event (same columns, key and indexes), by plain COPY. */
    static double rawCopy(String jdbc, UUID ws, List<Event> events) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_copy");
            s.execute("CREATE TABLE bench_raw_copy (workspace_id uuid NOT NULL, event_id text NOT NULL, type text NOT NULL, "
                    + "platform text NOT NULL, post_id uuid, campaign_id uuid, funnel_stage text, actor_id text NOT NULL, "
                    + "click_id uuid, occurred_at timestamptz NOT NULL, received_at timestamptz NOT NULL DEFAULT now(), "
                    + "retargeting boolean NOT NULL DEFAULT false, attributes jsonb, PRIMARY KEY (workspace_id, event_id))");
            s.execute("CREATE INDEX ON bench_raw_copy USING brin (occurred_at)");
            s.execute("CREATE INDEX ON bench_raw_copy (workspace_id, actor_id, occurred_at)");
            StringBuilder sb = new StringBuilder(events.size() * 160);
            for (Event e : events) {
                sb.append(ws).append('\t').append(e.id()).append('\t').append(e.type()).append('\t').append(e.platform())
                        .append('\t').append(e.post()).append("\t\\N\t\\N\t").append(e.actor()).append("\t\\N\t")
                        .append(e.at()).append("\t").append(Instant.now()).append("\tf\t")
                        .append(e.text() == null ? "\\N" : "{\"text\": \"" + e.text() + "\"}").append('\n');
            }
            byte[] rows = sb.toString().getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_raw_copy FROM STDIN",
                    new ByteArrayInputStream(rows));
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("DROP TABLE bench_raw_copy");
            return seconds;
        }
    }

    static String token(Path privateKeyPem, UUID ws) throws Exception {
        String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"social-roi-suite\",\"sub\":\"bench\",\"iat\":" + now + ",\"exp\":"
                + (now + 7200) + ",\"groups\":[\"engagement:write\",\"engagement:read\"],\"scope\":\"engagement:write "
                + "engagement:read\",\"ws\":[\"" + ws + "\"]}").getBytes(StandardCharsets.UTF_8));
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
