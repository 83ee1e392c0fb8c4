import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Paced load on one tracked link, as wrk2 does it (wrk2 is not packaged here): {@code connections} keep-alive
 * HTTP/1.1 connections share {@code rate} requests a second for {@code seconds}; each request has a planned moment
 * (the schedule does not wait for the server) and its latency is measured from that moment, so a stall counts
 * against the server instead of being hidden by a client that waited (no coordinated omission). Every request is
 * a new visitor (no cookie). A plain socket client, so that the load generator takes little of the CPU it shares
 * with the server. A connection the server closes is opened again (counted as an error).
 * Prints one line: {@code sent ok non302 errors p50_ms p99_ms max_ms achieved_per_s}.
 *
 * <p>{@code java RedirectLoad.java <url> <rate> <seconds> [connections=20]}
 */
public class RedirectLoad {

    private static final String AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int total = rate * seconds;
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nUser-Agent: " + AGENT + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 300_000_000L;
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            int first = c;
            threads[c] = Thread.ofPlatform().start(() -> {
                Socket socket = null;
                byte[] buffer = new byte[16384];
                for (int i = first; i < total; i += connections) {
                    long planned = start + i * interval;
                    long wait = planned - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (socket == null) {
                            socket = new Socket();
                            socket.setTcpNoDelay(true);
                            socket.connect(address, 5000);
                            socket.setSoTimeout(10_000);
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(request);
                        out.flush();
                        int status = readResponse(socket.getInputStream(), buffer);
                        (status == 302 ? ok : other).incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        try {
                            if (socket != null) {
                                socket.close();
                            }
                        } catch (IOException ignored) {
                            // reopened for the next request
                        }
                        socket = null;
                    }
                    latencies[i] = System.nanoTime() - planned;
                }
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // done
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d %d %d %d %.1f %.1f %.1f %.0f%n", total, ok.get(), other.get(), errors.get(),
                latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, latencies[total - 1] / 1e6,
                total / elapsed);
    }

    /** Reads one response (headers, then Content-Length bytes of body) and answers its status. */
    private static int readResponse(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        int headerEnd = -1;
        while (headerEnd < 0) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            length += n;
            for (int i = Math.max(0, length - n - 3); i + 3 < length; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    headerEnd = i + 4;
                    break;
                }
            }
            if (headerEnd < 0 && length == buffer.length) {
                throw new IOException("headers too long");
            }
        }
        String headers = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headers.substring(9, 12));
        int body = 0;
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                body = Integer.parseInt(line.substring(15).trim());
            }
        }
        int left = body - (length - headerEnd);
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed");
            }
            left -= n;
        }
        return status;
    }
}
