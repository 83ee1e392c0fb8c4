package io.socialroi.engagement.redirect;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The redirect's visitors (issue 13). The cookie {@code smv} holds a random browser id the server issued and its
 * HMAC-SHA256 under the deployment's visitor key ({@code v1.<id>.<mac>}, base64url): a value the server did not
 * issue fails the check and is treated as no cookie (a new one is issued), so a client cannot choose an id, e.g.
 * another visitor's. The actor a click is counted for is {@code visitor:<uuid>} with the uuid derived per
 * workspace from the browser id and the key, so one browser is a different, unlinkable actor in every workspace,
 * and a workspace's actor ids reveal nothing usable as a cookie. Click ids are derived the same way per visitor,
 * link and window (see {@link ClickCounter}). The key is 32 random bytes kept in {@code redirect_visitor_key},
 * created by the first replica that needs it; without the database (and no key loaded yet) visitors are not
 * identified, and the redirect still answers.
 */
@ApplicationScoped
public class VisitorIds {

    private static final String VERSION = "v1";
    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    public VisitorIds(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A browser id and its cookie value; {@code issued} when the request had no valid cookie. */
    public record Visitor(String browserId, String cookie, boolean issued) {
    }

    /** The visitor of a request: the cookie's when it is valid, else a newly issued one; empty without a key. */
    public Optional<Visitor> of(String cookie) {
        byte[] k = key();
        if (k == null) {
            return Optional.empty();
        }
        String valid = verify(k, cookie);
        if (valid != null) {
            return Optional.of(new Visitor(valid, cookie, false));
        }
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        String browserId = ENCODER.encodeToString(id);
        return Optional.of(new Visitor(browserId, VERSION + "." + browserId + "." + mac(k, "cookie", browserId),
                true));
    }

    /** The visitor's actor id in one workspace: {@code visitor:<uuid>}, different in every workspace. */
    public String actor(UUID workspaceId, Visitor visitor) {
        return "visitor:" + derive("actor", workspaceId.toString(), visitor.browserId());
    }

    /** A UUID derived from the key and the parts; the same parts give the same UUID on every replica. */
    UUID derive(String... parts) {
        byte[] k = key();
        if (k == null) {
            throw new IllegalStateException("visitor key not loaded");
        }
        Hmac h = Hmac.of(k);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                h.add('\u0000');
            }
            h.add(parts[i]);
        }
        byte[] full = h.finish();
        long high = bytesToLong(full, 0) & ~0xF000L | 0x4000L;
        long low = bytesToLong(full, 8) & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static long bytesToLong(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return v;
    }

    private static String verify(byte[] k, String cookie) {
        if (cookie == null || cookie.length() > 100) {
            return null;
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return null;
        }
        try {
            if (DECODER.decode(parts[1]).length != ID_BYTES) {
                return null;
            }
            byte[] given = DECODER.decode(parts[2]);
            byte[] expected = DECODER.decode(mac(k, "cookie", parts[1]));
            return MessageDigest.isEqual(given, expected) ? parts[1] : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String mac(byte[] k, String purpose, String value) {
        byte[] full = Hmac.of(k).add(purpose).add('\u0000').add(value).finish();
        return ENCODER.encodeToString(java.util.Arrays.copyOf(full, MAC_BYTES));
    }

    /**
     * HMAC-SHA256 under the visitor key, one {@link Mac} per platform thread (a Mac is not thread-safe, and
     * {@code Mac.getInstance} plus {@code init} cost more than the hash of a short message): the redirect's writer
     * threads hash three to four messages per click (issue 15). A virtual thread gets a fresh instance, as it
     * would not reuse one. The message is fed as UTF-8 through a scratch buffer, without a String per part.
     */
    static final class Hmac {
        private static final ThreadLocal<Hmac> PER_THREAD = new ThreadLocal<>();

        private final Mac mac;
        private final byte[] key;
        private final byte[] scratch = new byte[256];
        private int length;

        private Hmac(byte[] key) {
            try {
                this.mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            this.key = key;
        }

        static Hmac of(byte[] key) {
            if (Thread.currentThread().isVirtual()) {
                return new Hmac(key);
            }
            Hmac h = PER_THREAD.get();
            if (h == null || h.key != key) {
                h = new Hmac(key);
                PER_THREAD.set(h);
            }
            h.length = 0;
            return h;
        }

        Hmac add(char c) {
            if (c < 0x80) {
                if (length == scratch.length) {
                    flush();
                }
                scratch[length++] = (byte) c;
                return this;
            }
            return add(String.valueOf(c));
        }

        Hmac add(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    // Not ASCII (never in ids and purposes, but a message is any text): the rest as UTF-8.
                    flush();
                    mac.update(s.substring(i).getBytes(StandardCharsets.UTF_8));
                    return this;
                }
                if (length == scratch.length) {
                    flush();
                }
                scratch[length++] = (byte) c;
            }
            return this;
        }

        private void flush() {
            mac.update(scratch, 0, length);
            length = 0;
        }

        byte[] finish() {
            flush();
            return mac.doFinal();
        }
    }

    /** The key, loaded once (or created by the first replica); null while the database cannot be reached. */
    private byte[] key() {
        byte[] k = key;
        if (k != null) {
            return k;
        }
        synchronized (this) {
            if (key == null) {
                try {
                    key = load();
                } catch (SQLException e) {
                    io.quarkus.logging.Log.warnf("Visitor key not available, clicks not counted: %s", e.getMessage());
                    return null;
                }
            }
            return key;
        }
    }

    private byte[] load() throws SQLException {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO redirect_visitor_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, fresh);
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT secret FROM redirect_visitor_key WHERE id = 1");
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
