import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load on one tracked link: {@code rate} requests a second for {@code seconds}, each sent at its
 * planned moment whatever the earlier ones are doing, and its latency measured from that planned moment (so a
 * stall counts against the server, not hidden by a client that waited). Every request is a new visitor (no
 * cookie kept). Prints one line: {@code sent ok non302 errors p50_ms p99_ms max_ms achieved_per_s}.
 *
 * <p>{@code java RedirectLoad.java <url> <rate> <seconds>}
 */
public class RedirectLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int total = rate * seconds;
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1").GET().build();
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime() + 200_000_000L;
        long interval = 1_000_000_000L / rate;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long planned = start + i * interval;
                long wait = planned - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int n = i;
                pool.submit(() -> {
                    try {
                        HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                        (answer.statusCode() == 302 ? ok : other).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[n] = System.nanoTime() - planned;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d %d %d %d %.1f %.1f %.1f %.0f%n", total, ok.get(), other.get(), errors.get(),
                latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, latencies[total - 1] / 1e6,
                total / elapsed);
    }
}
