package io.socialroi.engagement.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socialroi.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The binary COPY encoding on its own: exact bytes, awkward values, what PostgreSQL cannot store refused. */
class CopyEncoderTest {

    private static final String AWKWARD = "tab\there\nnew line\r\\back\\slash \"quoted\" 'single' é ü ß 中文 😀 ,;|";

    private static byte[] encode(java.util.function.Consumer<CopyEncoder> fields) {
        CopyEncoder e = new CopyEncoder(1);
        fields.accept(e);
        return e.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void headerAndTrailerAreThoseOfTheFormat() {
        assertArrayEquals(concat("PGCOPY\n".getBytes(StandardCharsets.US_ASCII), bytes(0xff, '\r', '\n', 0),
                bytes(0, 0, 0, 0, 0, 0, 0, 0)), encode(CopyEncoder::header));
        assertArrayEquals(bytes(0xff, 0xff), encode(CopyEncoder::trailer));
        assertArrayEquals(bytes(0, 12), encode(e -> e.fields(12)));
    }

    @Test
    void textTravelsAsItsUtf8BytesWithoutEscaping() {
        byte[] utf8 = AWKWARD.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        assertArrayEquals(concat(bytes(n >>> 24, n >>> 16, n >>> 8, n), utf8), encode(e -> e.text(AWKWARD)));
        assertArrayEquals(bytes(0, 0, 0, 4, 0xf0, 0x9f, 0x98, 0x80), encode(e -> e.text("😀")), "a surrogate pair");
        assertArrayEquals(bytes(0, 0, 0, 0), encode(e -> e.text("")), "empty is not null");
    }

    @Test
    void nullsAreMinusOneLengths() {
        byte[] none = bytes(0xff, 0xff, 0xff, 0xff);
        assertArrayEquals(none, encode(e -> e.text(null)));
        assertArrayEquals(none, encode(e -> e.uuid(null)));
        assertArrayEquals(none, encode(e -> e.jsonb(null)));
    }

    @Test
    void whatPostgresqlCannotStoreIsRefusedBeforeAByteIsWritten() {
        for (String bad : List.of("a\u0000b", "\u0000", "lone \ud83d high", "lone \ude00 low", "end \ud83d")) {
            CopyEncoder e = new CopyEncoder(1);
            assertThrows(IllegalArgumentException.class, () -> e.text(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> e.jsonb("{\"a\":\"" + bad + "\"}"), bad);
            assertEquals(0, e.length(), "nothing written");
        }
    }

    @Test
    void fixedWidthValuesAreBigEndian() {
        UUID id = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        assertArrayEquals(bytes(0, 0, 0, 16, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
                0xcc, 0xdd, 0xee, 0xff), encode(e -> e.uuid(id)));
        assertArrayEquals(bytes(0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1), encode(e -> e.timestamp(1)));
        assertArrayEquals(bytes(0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), encode(e -> e.timestamp(-1)),
                "before 2000");
        assertArrayEquals(bytes(0, 0, 0, 1, 1), encode(e -> e.bool(true)));
        assertArrayEquals(bytes(0, 0, 0, 1, 0), encode(e -> e.bool(false)));
        assertArrayEquals(bytes(0, 0, 0, 3, 1, '{', '}'), encode(e -> e.jsonb("{}")), "jsonb: version 1, then text");
    }

    @Test
    void timestampsAreMicrosecondsSincePostgresqlsEpochRoundedAsPostgresqlRounds() {
        assertEquals(0, EventWriter.Micros.of(Instant.parse("2000-01-01T00:00:00Z"))
                - CopyEncoder.PG_EPOCH_SECONDS * 1_000_000L);
        assertEquals(2, EventWriter.Micros.of(Instant.parse("1970-01-01T00:00:00.0000015Z")), "half up");
        assertEquals(1, EventWriter.Micros.of(Instant.parse("1970-01-01T00:00:00.0000014Z")));
    }

    /** The rows of a batch, read back by PostgreSQL itself: every awkward value as it was sent. */
    @Test
    void postgresqlReadsTheEventsBackAsTheyWereSent() throws Exception {
        String db = TestDatabase.create("copyenc");
        try (Connection c = TestDatabase.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE engagement_event (workspace_id uuid, event_id text, type text, platform text, "
                    + "post_id uuid, campaign_id uuid, funnel_stage text, actor_id text, click_id uuid, "
                    + "occurred_at timestamptz, retargeting boolean, attributes jsonb)");
            UUID ws = UUID.randomUUID();
            UUID post = UUID.randomUUID();
            Instant at = Instant.parse("2026-10-25T10:15:30.123456Z");
            List<IncomingEvent> events = List.of(
                    new IncomingEvent(AWKWARD, EventType.COMMENT, Platform.INSTAGRAM, post, null, "ig:" + AWKWARD, null,
                            at, true, "{\"text\": \"" + AWKWARD.replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"}", "h"),
                    new IncomingEvent("plain", EventType.VIEW, Platform.X, null, null, "x:1", UUID.randomUUID(),
                            Instant.parse("1999-12-31T23:59:59Z"), false, null, null));
            CopyEncoder rows = CopyEncoder.events(ws, events);
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY engagement_event (" + CopyEncoder.EVENT_COLUMNS
                    + ") FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(rows.toByteArray()));
            try (ResultSet rs = s.executeQuery("SELECT event_id, actor_id, attributes->>'text', occurred_at, "
                    + "retargeting, post_id, campaign_id, funnel_stage, workspace_id, type, platform FROM engagement_event "
                    + "ORDER BY occurred_at DESC")) {
                rs.next();
                assertEquals(AWKWARD, rs.getString(1));
                assertEquals("ig:" + AWKWARD, rs.getString(2));
                assertEquals(AWKWARD, rs.getString(3));
                assertEquals(at, rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
                assertEquals(true, rs.getBoolean(5));
                assertEquals(post, rs.getObject(6, UUID.class));
                assertEquals(null, rs.getObject(7));
                assertEquals(null, rs.getString(8));
                assertEquals(ws, rs.getObject(9, UUID.class));
                assertEquals("COMMENT", rs.getString(10));
                assertEquals("INSTAGRAM", rs.getString(11));
                rs.next();
                assertEquals("plain", rs.getString(1));
                assertEquals(Instant.parse("1999-12-31T23:59:59Z"), rs.getObject(4, java.time.OffsetDateTime.class)
                        .toInstant());
                assertEquals(null, rs.getString(3));
            }
        } finally {
            TestDatabase.drop(db);
        }
    }
}
