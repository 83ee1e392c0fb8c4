package io.socialroi.engagement.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (big-endian, every field length-prefixed, -1 for NULL), the
 * encoding of {@link EventWriter}'s event append. Binary needs no escaping: tabs, newlines, backslashes and quotes
 * travel as their UTF-8 bytes. What PostgreSQL cannot store is refused here, before a byte is sent: the NUL
 * character (neither text nor jsonb take it) and unpaired UTF-16 surrogates (not UTF-8). The validator refuses
 * such events with a 422 first; this is the last guard, so a batch never fails half-way inside the COPY.
 */
final class CopyEncoder {

    /** The columns of {@link #events}, in order, as the COPY statement names them. */
    static final String EVENT_COLUMNS = "workspace_id, event_id, type, platform, post_id, campaign_id, funnel_stage, "
            + "actor_id, click_id, occurred_at, retargeting, attributes";
    /** Seconds from the Unix epoch to PostgreSQL's (2000-01-01), for binary timestamps. */
    static final long PG_EPOCH_SECONDS = 946_684_800L;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private byte[] buf;
    private int len;

    CopyEncoder(int capacity) {
        buf = new byte[Math.max(capacity, 32)];
    }

    /** The events of a batch as the rows of {@code engagement_event} ({@link #EVENT_COLUMNS}). */
    static CopyEncoder events(UUID ws, List<IncomingEvent> events) {
        CopyEncoder out = new CopyEncoder(events.size() * 200 + 32);
        out.header();
        for (IncomingEvent e : events) {
            out.fields(12);
            out.uuid(ws);
            out.text(e.eventId());
            out.text(e.type().name());
            out.text(e.platform().name());
            out.uuid(e.postId());
            out.uuid(e.campaignId());
            out.text(null);
            out.text(e.actorId());
            out.uuid(e.clickId());
            out.timestamp(EventWriter.Micros.of(e.occurredAt()) - PG_EPOCH_SECONDS * 1_000_000L);
            out.bool(e.retargeting());
            out.jsonb(e.attributes());
        }
        out.trailer();
        return out;
    }

    /** The encoded bytes are {@code bytes()[0, length())}. */
    byte[] bytes() {
        return buf;
    }

    int length() {
        return len;
    }

    /** A copy of exactly the encoded bytes. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void header() {
        put(SIGNATURE, 0, SIGNATURE.length);
        int32(0); // flags
        int32(0); // header extension length
    }

    void trailer() {
        int16(-1);
    }

    void fields(int n) {
        int16(n);
    }

    void text(String value) {
        if (value == null) {
            int32(-1);
            return;
        }
        byte[] bytes = utf8(value);
        int32(bytes.length);
        put(bytes, 0, bytes.length);
    }

    void jsonb(String json) {
        if (json == null) {
            int32(-1);
            return;
        }
        byte[] bytes = utf8(json);
        int32(bytes.length + 1);
        ensure(1);
        buf[len++] = 1; // jsonb binary format version
        put(bytes, 0, bytes.length);
    }

    void uuid(UUID value) {
        if (value == null) {
            int32(-1);
            return;
        }
        int32(16);
        int64(value.getMostSignificantBits());
        int64(value.getLeastSignificantBits());
    }

    void timestamp(long pgMicros) {
        int32(8);
        int64(pgMicros);
    }

    void bool(boolean value) {
        int32(1);
        ensure(1);
        buf[len++] = (byte) (value ? 1 : 0);
    }

    /** The value's UTF-8 bytes; NUL and unpaired surrogates (which would become '?') are refused. */
    static byte[] utf8(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new IllegalArgumentException("PostgreSQL cannot store the NUL character (at " + i + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired UTF-16 surrogate at " + i + " is not UTF-8");
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int32(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    private void put(byte[] bytes, int off, int n) {
        ensure(n);
        System.arraycopy(bytes, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
