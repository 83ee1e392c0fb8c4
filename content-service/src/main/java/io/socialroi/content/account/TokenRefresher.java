package io.socialroi.content.account;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Renews access tokens before they expire ({@code suite.accounts.refresh-ahead} [10 min] ahead), one replica per
 * account: a refresh claims the account with {@code FOR UPDATE SKIP LOCKED} and notes the attempt, so another
 * replica skips it for a minute; accounts never tried come before those being retried. A platform that refuses the refresh (revoked, invalid grant) and an access token
 * that expired with no refresh token turn the account to RECONNECT with the reason; a platform that does not answer
 * is asked again on a later tick, until the token has expired.
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Duration RETRY = Duration.ofMinutes(1);

    private final EntityManager em;
    private final Accounts accounts;
    private final OAuthSettings settings;
    private final TokenClient tokens;
    private final AccountIdentity identity;

    /** Off in the tests, which call {@link #refreshDue} themselves and must not race a scheduled run. */
    private final boolean scheduled;

    public TokenRefresher(EntityManager em, Accounts accounts, OAuthSettings settings, TokenClient tokens,
            AccountIdentity identity, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "suite.accounts.refresh-scheduled",
                    defaultValue = "true") boolean scheduled) {
        this.scheduled = scheduled;
        this.em = em;
        this.accounts = accounts;
        this.settings = settings;
        this.tokens = tokens;
        this.identity = identity;
    }

    @Scheduled(every = "${suite.accounts.refresh-poll:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (scheduled) {
            refreshDue();
        }
    }

    /** Renews what is due now; answers how many accounts it looked at. */
    public int refreshDue() {
        record Due(UUID workspaceId, Platform platform) {
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select workspace_id, platform from platform_account"
                    // Without a refresh token nothing can be done before the token expires: due then, not before
                    // (claiming it earlier would only hold it back a minute past its expiry).
                    + " where status = 'CONNECTED' and expires_at < case when refresh_token is null then cast(?3 as timestamptz) else cast(?1 as timestamptz) end"
                    + " and (refresh_attempt_at is null or refresh_attempt_at < ?2)"
                    // Accounts not tried yet come first, so accounts whose refreshes keep failing (a platform down,
                    // retried every minute) never keep a newly due one waiting behind them.
                    + " order by refresh_attempt_at nulls first, expires_at limit 50 for update skip locked")
                    .setParameter(1, now.plus(settings.refreshAhead())).setParameter(2, now.minus(RETRY))
                    .setParameter(3, now)
                    .getResultList();
            List<Due> claimed = new ArrayList<>();
            for (Object[] row : rows) {
                UUID ws = (UUID) row[0];
                Platform platform = Platform.valueOf((String) row[1]);
                PlatformAccount.of(ws, platform).refreshAttemptAt = now;
                claimed.add(new Due(ws, platform));
            }
            return claimed;
        });
        for (Due d : due) {
            refresh(d.workspaceId(), d.platform());
        }
        return due.size();
    }

    private void refresh(UUID workspaceId, Platform platform) {
        PlatformAccount account = QuarkusTransaction.requiringNew().call(() -> PlatformAccount.of(workspaceId, platform));
        if (account == null) {
            return;
        }
        OAuthProvider provider = OAuthProvider.of(platform).orElseThrow();
        var app = settings.app(provider);
        var refreshToken = accounts.refreshToken(account);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TokenClient.Result result;
        if (refreshToken.isEmpty() || app.isEmpty()) {
            if (account.expiresAt == null || account.expiresAt.isAfter(now)) {
                return; // nothing to do until it expires
            }
            result = new TokenClient.Refused(refreshToken.isEmpty()
                    ? "the access token expired and " + platform + " gave no refresh token: reconnect the account"
                    : "this deployment has no " + platform + " app any more: reconnect the account");
        } else {
            result = tokens.refresh(app.get(), refreshToken.get());
        }
        TokenClient.Result outcome = result;
        // An account connected before its platform id was kept (or whose lookup failed) is looked up again.
        String userId = account.platformUserId == null && result instanceof TokenClient.Tokens t
                ? identity.userId(platform, t.accessToken()).orElse(null) : null;
        QuarkusTransaction.requiringNew().run(() -> {
            PlatformAccount locked = PlatformAccount.locked(workspaceId, platform);
            if (locked == null || !PlatformAccount.CONNECTED.equals(locked.status)) {
                return;
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            switch (outcome) {
                case TokenClient.Tokens t -> {
                    accounts.store(locked, t, at, false);
                    locked.refreshedAt = at;
                    if (locked.platformUserId == null) {
                        locked.platformUserId = userId;
                    }
                }
                case TokenClient.Refused r -> {
                    locked.status = PlatformAccount.RECONNECT;
                    locked.reason = r.reason().endsWith("reconnect the account") ? r.reason()
                            : r.reason() + ": reconnect the account";
                    locked.updatedAt = at;
                    Log.infof("Account %s of workspace %s needs reconnecting: %s", platform, workspaceId, r.reason());
                }
                case TokenClient.Unavailable u -> {
                    if (locked.expiresAt != null && !locked.expiresAt.isAfter(at)) {
                        Log.warnf("Refresh of %s account of workspace %s failed past expiry: %s", platform,
                                workspaceId, u.reason());
                    }
                }
            }
        });
    }
}
