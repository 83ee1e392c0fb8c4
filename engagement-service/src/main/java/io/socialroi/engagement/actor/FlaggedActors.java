package io.socialroi.engagement.actor;

import io.socialroi.engagement.settings.ScoringSettings;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The one definition of a flagged actor (bot or bought engagement), for a report period [start, end). An actor is
 * flagged for the period when, within the window [start - 30 days, end) (both ends rounded up to whole UTC hours, the
 * hours the rollups keep):
 * <ul>
 * <li><b>burst</b>: some minute of the window holds at least {@code burstPerMinute} of its engagements, across all
 * posts ({@code actor_minute}); or</li>
 * <li><b>identical comments</b>: it has posted a comment whose text (lower-cased, whitespace collapsed) at least
 * {@code identicalCommentActors} distinct actors have posted (counted over all time: a farm text stays a farm
 * text), and it commented at all within the window ({@code actor_rollup}: hours with a comment).</li>
 * </ul>
 * So a flag lasts 30 days after the behaviour that caused it: an account that bursts once is flagged for the
 * periods that start up to 30 days after that minute, not for ever; an account that posted a farm text is flagged
 * while it keeps commenting, and 30 days after its last comment no more. Every report uses this: the summary (SQL
 * and the in-memory store, which reads the same rows), and the engaged actors for audiences (period [since, now]).
 * The "only likes" rule of {@code suspiciousShare} is a judgement of the period alone and does not flag.
 */
public final class FlaggedActors {

    /** How long before the period behaviour still flags. */
    public static final Duration LOOKBACK = Duration.ofDays(30);
    public static final long LOOKBACK_HOURS = LOOKBACK.toHours();

    /**
     * The actors flagged for a window (parameters from {@link #bind}: workspace, burst per minute, window start and
     * end, workspace, identical-comment actors, window start and end). Bursts with a minute index; identical
     * comments through the actor's comment rows of the window.
     */
    public static final String SQL = "SELECT actor_id FROM actor_minute WHERE workspace_id = ? AND engagements >= ? "
            + "AND minute >= ? AND minute < ? "
            + "UNION SELECT ac.actor_id FROM actor_comment ac JOIN comment_fingerprint cf "
            + "ON cf.workspace_id = ac.workspace_id AND cf.comment_hash = ac.comment_hash "
            + "WHERE ac.workspace_id = ? AND cf.actors >= ? AND EXISTS (SELECT 1 FROM actor_rollup r "
            + "WHERE r.workspace_id = ac.workspace_id AND r.actor_id = ac.actor_id AND r.n_comment > 0 "
            + "AND r.bucket >= ? AND r.bucket < ?)";

    /** For the in-memory store: every burst minute (epoch minutes) at the threshold (workspace, burst per minute). */
    public static final String BURST_MINUTES = "SELECT actor_id, floor(extract(epoch FROM minute) / 60)::int8 "
            + "FROM actor_minute WHERE workspace_id = ? AND engagements >= ? ORDER BY actor_id, minute";

    /** For the in-memory store: every actor that posted a farm text (workspace, identical-comment actors). */
    public static final String FARM_TEXT_ACTORS = "SELECT DISTINCT ac.actor_id FROM actor_comment ac "
            + "JOIN comment_fingerprint cf ON cf.workspace_id = ac.workspace_id AND cf.comment_hash = ac.comment_hash "
            + "WHERE ac.workspace_id = ? AND cf.actors >= ?";

    private FlaggedActors() {
    }

    /** The first UTC hour (epoch hours) of the window of a period starting at the epoch hour {@code fromHour}. */
    public static long windowStartHour(long fromHour) {
        return fromHour - LOOKBACK_HOURS;
    }

    /** A period's start or end as the rollups see it: rounded up to the UTC hour (epoch hours). */
    public static long hourAtOrAfter(Instant t) {
        return Math.ceilDiv(t.getEpochSecond(), 3600);
    }

    /** Binds {@link #SQL} from parameter {@code first} on for the period [start, end); answers the next index. */
    public static int bind(PreparedStatement ps, int first, UUID workspaceId, ScoringSettings settings, Instant start,
            Instant end) throws SQLException {
        OffsetDateTime from = hour(windowStartHour(hourAtOrAfter(start)));
        OffsetDateTime to = hour(hourAtOrAfter(end));
        int i = first;
        ps.setObject(i++, workspaceId);
        ps.setInt(i++, settings.burstPerMinute());
        ps.setObject(i++, from);
        ps.setObject(i++, to);
        ps.setObject(i++, workspaceId);
        ps.setInt(i++, settings.identicalCommentActors());
        ps.setObject(i++, from);
        ps.setObject(i++, to);
        return i;
    }

    private static OffsetDateTime hour(long epochHour) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochHour * 3600), ZoneOffset.UTC);
    }
}
