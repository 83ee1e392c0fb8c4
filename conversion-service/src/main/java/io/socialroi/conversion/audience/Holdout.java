package io.socialroi.conversion.audience;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Who an audience holds out, by member and without any stored draw: a member's bucket is the first 8 bytes of
 * SHA-256 over {@code "<audience id>:<actor id>"} (UTF-8) read as an unsigned 64-bit number, modulo 10,000; the
 * member is held out when its bucket is below {@code holdoutPercent * 100}. The audience's random id makes the
 * draw independent from one audience to the next; the same member is held out on every page, page size and export;
 * and the threshold makes it monotone: a member held out at 10% is held out at 20%, and raising the share only adds
 * members to the holdout (lowering it releases the highest buckets first).
 */
public final class Holdout {

    /** Buckets a member can fall in: a share is a whole number of hundredths of a percent. */
    public static final int BUCKETS = 10_000;

    private Holdout() {
    }

    /** The member's bucket in [0, 10,000). */
    public static int bucket(UUID audienceId, String actorId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((audienceId + ":" + actorId).getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, 8).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The bucket threshold of a share: percent * 100, so 12.5% holds out buckets 0..1249. */
    public static int threshold(BigDecimal percent) {
        return percent == null ? 0 : percent.movePointRight(2).intValue();
    }

    public static boolean heldOut(UUID audienceId, String actorId, BigDecimal percent) {
        int threshold = threshold(percent);
        return threshold > 0 && bucket(audienceId, actorId) < threshold;
    }
}
