package io.socialroi.content.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;

/**
 * Media files as their formats lay them out, and a CDN that serves them with byte ranges (RFC 9110: 206 with
 * {@code Content-Range: bytes a-b/total}): a file is its declared size and a function giving the byte at an offset,
 * so a "300 MB video" costs only the ranges asked for.
 */
final class MediaFiles implements AutoCloseable {

    record File(long size, LongFunction<Byte> at, String type) {
    }

    private final HttpServer server;
    private final Map<String, File> files = new ConcurrentHashMap<>();

    MediaFiles() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            File f = files.get(exchange.getRequestURI().getPath());
            if (f == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            long from = 0;
            long to = f.size() - 1;
            if (range != null && range.startsWith("bytes=")) {
                String[] p = range.substring(6).split("-");
                from = Long.parseLong(p[0]);
                to = Math.min(to, Long.parseLong(p[1]));
            }
            exchange.getResponseHeaders().add("Content-Type", f.type());
            if (range != null) {
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + f.size());
            }
            byte[] body = new byte[(int) (to - from + 1)];
            for (int i = 0; i < body.length; i++) {
                body[i] = f.at().apply(from + i);
            }
            exchange.sendResponseHeaders(range != null ? 206 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String put(String path, File file) {
        files.put(path, file);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The first bytes, then zeros up to {@code size}. */
    static File padded(byte[] head, long size, String type) {
        return new File(size, i -> i < head.length ? head[(int) i] : 0, type);
    }

    static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ascii("IHDR"))
                .putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        return b.array();
    }

    static byte[] jpeg(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(2 + 18 + 19 + 2);
        b.put(new byte[] {(byte) 0xFF, (byte) 0xD8});
        // APP0 JFIF, then a DQT-less baseline SOF0 frame header: precision, height, width, 3 components.
        b.put(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16}).put(ascii("JFIF")).put(new byte[] {0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        b.put(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 17, 8}).putShort((short) height).putShort((short) width)
                .put(new byte[] {3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
        b.put(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return b.array();
    }

    static byte[] gif(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(13).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("GIF89a")).putShort((short) width).putShort((short) height).put(new byte[] {0, 0, 0});
        return b.array();
    }

    static byte[] webpVp8x(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(22).put(ascii("WEBP")).put(ascii("VP8X")).putInt(10).putInt(0);
        int w = width - 1;
        int h = height - 1;
        b.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16)).put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
        return b.array();
    }

    /** ftyp; moov (mvhd, a sound trak, a video trak) before mdat, or after an mdat of {@code mdatBytes}. */
    static File mp4(double seconds, int width, int height, boolean quarterTurn, boolean moovFirst, long mdatBytes,
            String brand) {
        byte[] ftyp = box("ftyp", concat(ascii(brand), new byte[] {0, 0, 2, 0}, ascii("isommp41")));
        byte[] mvhd = box("mvhd", ByteBuffer.allocate(100).put((byte) 0).put(new byte[3]).putInt(0).putInt(0)
                .putInt(1000).putInt((int) Math.round(seconds * 1000)).array());
        byte[] sound = box("trak", box("tkhd", tkhd(0, 0, false)));
        byte[] video = box("trak", concat(box("tkhd", tkhd(width, height, quarterTurn)), box("mdia", new byte[8])));
        byte[] moov = box("moov", concat(mvhd, sound, video));
        byte[] mdatHeader = ByteBuffer.allocate(8).putInt((int) (8 + mdatBytes)).put(ascii("mdat")).array();
        byte[] before = moovFirst ? concat(ftyp, moov, mdatHeader) : concat(ftyp, mdatHeader);
        long moovAt = before.length + mdatBytes;
        long size = moovFirst ? before.length + mdatBytes : moovAt + moov.length;
        return new File(size, i -> i < before.length ? before[(int) i]
                : !moovFirst && i >= moovAt ? moov[(int) (i - moovAt)] : 0, "video/mp4");
    }

    private static byte[] tkhd(int width, int height, boolean quarterTurn) {
        ByteBuffer b = ByteBuffer.allocate(84);
        b.put((byte) 0).put(new byte[] {0, 0, 3}).putInt(0).putInt(0).putInt(1).putInt(0).putInt(0).put(new byte[8])
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        int one = 0x00010000;
        int[] matrix = quarterTurn ? new int[] {0, one, 0, -one, 0, 0, 0, 0, 0x40000000}
                : new int[] {one, 0, 0, 0, one, 0, 0, 0, 0x40000000};
        for (int m : matrix) {
            b.putInt(m);
        }
        b.putInt(width << 16).putInt(height << 16);
        return b.array();
    }

    static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length).put(ascii(type)).put(payload).array();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(File f, int n) {
        byte[] b = new byte[(int) Math.min(n, f.size())];
        for (int i = 0; i < b.length; i++) {
            b[i] = f.at().apply(i);
        }
        return b;
    }
}
