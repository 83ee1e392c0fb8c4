package io.socialroi.common.auth;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The revocations in force ({@code GET /auth/revocations} on content-service): tokens signed out by their
 * {@code jti}, and subjects (revoked credentials, deactivated users) whose tokens issued up to
 * {@code revokedAt} no longer count. An entry leaves the list once every token it concerns has expired.
 */
@Schema(name = "RevocationList")
public record RevocationList(Instant asOf, List<String> tokens, List<RevokedSubject> subjects) {

    /** Every token of {@code subject} issued at or before {@code revokedAt} is revoked. */
    public record RevokedSubject(String subject, Instant revokedAt) {
    }

    public static RevocationList empty() {
        return new RevocationList(Instant.EPOCH, List.of(), List.of());
    }
}
