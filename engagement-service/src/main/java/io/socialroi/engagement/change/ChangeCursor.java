package io.socialroi.engagement.change;

import io.socialroi.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the feed, {@code (xid, id)}: everything at or below it has been served. Opaque to clients
 * (base64url of {@code "c1.<xid>.<id>"}); only this class reads it.
 */
record ChangeCursor(long xid, long id) implements Comparable<ChangeCursor> {

    static final ChangeCursor START = new ChangeCursor(0, 0);
    private static final String VERSION = "c1";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + "." + xid + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client passed; null or blank is the start; anything not issued by this feed is a 422. */
    static ChangeCursor decode(String value) {
        if (value == null || value.isBlank()) {
            return START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.US_ASCII);
            String[] parts = text.split("\\.", -1);
            if (parts.length == 3 && VERSION.equals(parts[0])) {
                long xid = Long.parseLong(parts[1]);
                long id = Long.parseLong(parts[2]);
                if (xid >= 0 && id >= 0) {
                    return new ChangeCursor(xid, id);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not numbers: the same answer as a wrong shape
        }
        throw ProblemException.invalid("after", "is not a cursor of this feed; pass the cursor of a previous answer");
    }

    @Override
    public int compareTo(ChangeCursor o) {
        int c = Long.compare(xid, o.xid);
        return c != 0 ? c : Long.compare(id, o.id);
    }

    static ChangeCursor max(ChangeCursor a, ChangeCursor b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
