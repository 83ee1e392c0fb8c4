package io.socialroi.content.post;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads format, dimensions and duration from the first bytes of a file, as each format's specification lays them
 * out: PNG (the IHDR chunk), GIF (the logical screen), JPEG (the first SOFn frame header), WebP (VP8, VP8L and VP8X
 * chunks), ISO base media files, MP4 and QuickTime MOV (the {@code ftyp} brand; in {@code moov}, {@code mvhd}'s
 * timescale and duration and the first video track's {@code tkhd} width, height and matrix, a 90 or 270 degree
 * rotation swapping them). Never throws for what it is given: what it cannot read stays unknown.
 */
final class MediaHeaders {

    /** Where the {@code moov} box starts when the first bytes do not hold it (after a large {@code mdat}), or -1. */
    record Parsed(MediaInfo info, long moovAt) {
    }

    private MediaHeaders() {
    }

    static Parsed parse(byte[] b) {
        try {
            if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return image("png", ByteBuffer.wrap(b, 16, 8).getInt(), ByteBuffer.wrap(b, 20, 4).getInt());
            }
            if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
                return image("gif", u16le(b, 6), u16le(b, 8));
            }
            if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
                return jpeg(b);
            }
            if (b.length >= 30 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WEBP")) {
                return webp(b);
            }
            if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
                String brand = ascii(b, 8, 4);
                return boxes(b, 0, "qt  ".equals(brand) ? "mov" : "mp4");
            }
        } catch (RuntimeException e) {
            // A truncated or malformed header: unknown, not refused.
        }
        return new Parsed(new MediaInfo(null, null, null, null, null, null, false), -1);
    }

    /** The {@code moov} box read from bytes fetched at its offset. */
    static MediaInfo moov(byte[] b, String format) {
        try {
            Parsed p = boxes(b, 0, format);
            return p.info();
        } catch (RuntimeException e) {
            return new MediaInfo(format, null, null, null, null, null, false);
        }
    }

    private static Parsed image(String format, int width, int height) {
        return new Parsed(new MediaInfo(format, null, width > 0 ? width : null, height > 0 ? height : null, null, null,
                false), -1);
    }

    private static Parsed jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                i++;
                continue;
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            int length = u16be(b, i + 2);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return image("jpeg", u16be(b, i + 7), u16be(b, i + 5));
            }
            i += 2 + length;
        }
        return image("jpeg", 0, 0);
    }

    private static Parsed webp(byte[] b) {
        String chunk = ascii(b, 12, 4);
        return switch (chunk) {
            case "VP8 " -> image("webp", u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
            case "VP8L" -> {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                yield image("webp", (bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
            }
            case "VP8X" -> image("webp", u24le(b, 24) + 1, u24le(b, 27) + 1);
            default -> image("webp", 0, 0);
        };
    }

    /** Walks the boxes from {@code at}; descends into moov and trak, reads mvhd and tkhd. */
    private static Parsed boxes(byte[] b, int at, String format) {
        Integer[] size = {null, null};
        Double[] seconds = {null};
        long next = walk(b, at, b.length, size, seconds);
        MediaInfo info = new MediaInfo(format, null, size[0], size[1], seconds[0], null, false);
        return new Parsed(info, seconds[0] == null && size[0] == null ? next : -1);
    }

    /** Answers where the next top-level box after the read ones starts when it lies beyond the bytes, else -1. */
    private static long walk(byte[] b, int from, int to, Integer[] size, Double[] seconds) {
        long i = from;
        while (i + 8 <= to) {
            long length = u32be(b, (int) i);
            String type = ascii(b, (int) i + 4, 4);
            int header = 8;
            if (length == 1 && i + 16 <= to) {
                length = ByteBuffer.wrap(b, (int) i + 8, 8).getLong();
                header = 16;
            } else if (length == 0) {
                length = to - i;
            }
            if (length < header) {
                return -1;
            }
            long end = i + length;
            switch (type) {
                case "moov", "trak", "mdia" -> walk(b, (int) i + header, (int) Math.min(end, to), size, seconds);
                case "mvhd" -> {
                    int p = (int) i + header;
                    int version = b[p] & 0xff;
                    long timescale = version == 1 ? u32be(b, p + 20) : u32be(b, p + 12);
                    long duration = version == 1 ? ByteBuffer.wrap(b, p + 24, 8).getLong() : u32be(b, p + 16);
                    if (timescale > 0) {
                        seconds[0] = (double) duration / timescale;
                    }
                }
                case "tkhd" -> {
                    if (size[0] == null) {
                        int p = (int) i + header;
                        int version = b[p] & 0xff;
                        int matrix = p + (version == 1 ? 52 : 40);
                        int w = (int) (u32be(b, matrix + 36) >> 16);
                        int h = (int) (u32be(b, matrix + 40) >> 16);
                        if (w > 0 && h > 0) {
                            // Matrix {a, b, u, c, d, v, x, y, w}: a = d = 0 is a quarter turn, shown portrait.
                            boolean turned = ByteBuffer.wrap(b, matrix, 4).getInt() == 0
                                    && ByteBuffer.wrap(b, matrix + 16, 4).getInt() == 0;
                            size[0] = turned ? h : w;
                            size[1] = turned ? w : h;
                        }
                    }
                }
                default -> {
                    if (end > to && from == 0) {
                        // A top-level box (mdat) reaching past what was read: moov, if anywhere, comes after it.
                        return end;
                    }
                }
            }
            i = end;
        }
        return -1;
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16;
    }

    private static long u32be(byte[] b, int i) {
        return ByteBuffer.wrap(b, i, 4).getInt() & 0xffffffffL;
    }

    private static String ascii(byte[] b, int i, int n) {
        return new String(b, i, n, StandardCharsets.ISO_8859_1);
    }
}
