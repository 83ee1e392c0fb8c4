package io.socialroi.content.account;

import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Connecting a workspace's platform account with the OAuth 2.0 authorization-code flow (RFC 6749), with PKCE
 * (RFC 7636, S256) where the platform takes it. {@link #start} keeps a random state (only its SHA-256 is stored)
 * bound to the workspace, the platform and the caller, and the PKCE verifier sealed; the platform sends the person
 * back to {@code /oauth/callback} with the code and the state; the web app hands both to {@link #complete} with the
 * same caller's token, which exchanges the code once. A state started by another caller, for another workspace or
 * platform, expired or used is refused, so nobody can attach their own platform account to someone else's
 * workspace by sending them a link.
 */
@ApplicationScoped
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuthSettings settings;
    private final TokenClient tokens;
    private final StoredSecrets secrets;
    private final AccountIdentity identity;

    public Accounts(OAuthSettings settings, TokenClient tokens, StoredSecrets secrets, AccountIdentity identity) {
        this.settings = settings;
        this.tokens = tokens;
        this.secrets = secrets;
        this.identity = identity;
    }

    /** The platform's OAuth flow, or a 422 naming the platform when it has none (it has its own credentials). */
    static OAuthProvider provider(Platform platform) {
        return OAuthProvider.of(platform).orElseThrow(() -> ProblemException.invalid("platform",
                platform + " has no OAuth flow: its publisher carries its own credentials"));
    }

    OAuthSettings.App app(OAuthProvider provider) {
        return settings.app(provider).orElseThrow(() -> ProblemException.conflict("This deployment has no "
                + provider.platform + " app: set SUITE_ACCOUNTS_" + provider.name() + "_CLIENT_ID and _CLIENT_SECRET "
                + "(the app registered with " + provider.platform + ", its redirect URI " + settings.redirectUrl()
                + ")"));
    }

    @Transactional
    public AuthorizationView start(UUID workspaceId, Platform platform, String subject) {
        OAuthProvider provider = provider(platform);
        OAuthSettings.App app = app(provider);
        String state = random(32);
        String stateHash = sha256Hex(state);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OAuthAuthorization authorization = new OAuthAuthorization();
        authorization.stateSha256 = stateHash;
        authorization.workspaceId = workspaceId;
        authorization.platform = platform;
        authorization.subject = subject;
        authorization.createdAt = now;
        authorization.expiresAt = now.plus(settings.stateLifetime());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put(provider.clientIdParameter, app.clientId());
        query.put("redirect_uri", settings.redirectUrl());
        query.put("scope", String.join(provider.scopeSeparator, app.scopes().trim().split("[\\s,]+")));
        query.put("state", state);
        if (provider.pkce) {
            String verifier = random(64);
            var sealed = secrets.seal(verifier, OAuthAuthorization.context(stateHash));
            authorization.verifier = sealed.ciphertext();
            authorization.verifierKeyId = sealed.keyId();
            query.put("code_challenge", base64Url(sha256(verifier)));
            query.put("code_challenge_method", "S256");
        }
        query.putAll(provider.extraAuthorizeParameters);
        authorization.persist();
        // Expired authorizations are of no use to anyone: each start clears those of the last day.
        OAuthAuthorization.delete("expiresAt < ?1", now.minus(1, ChronoUnit.DAYS));
        String url = app.authorizeUrl() + (app.authorizeUrl().contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
        return new AuthorizationView(platform, url, state, authorization.expiresAt);
    }

    @Transactional
    public AccountView complete(UUID workspaceId, Platform platform, String subject, CompleteRequest request) {
        OAuthProvider provider = provider(platform);
        OAuthSettings.App app = app(provider);
        OAuthAuthorization authorization = OAuthAuthorization.locked(sha256Hex(request.state()));
        if (authorization == null || !authorization.workspaceId.equals(workspaceId)
                || authorization.platform != platform) {
            throw ProblemException.invalid("state", "is not an authorization of this workspace and platform: "
                    + "start connecting again");
        }
        if (!authorization.subject.equals(subject)) {
            throw ProblemException.forbidden("This authorization was started by someone else: start connecting "
                    + "again yourself");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (authorization.completedAt != null) {
            throw ProblemException.conflict("This authorization was used already");
        }
        if (now.isAfter(authorization.expiresAt)) {
            throw ProblemException.invalid("state", "has expired: start connecting again");
        }
        String verifier = null;
        if (authorization.verifier != null) {
            verifier = secrets.open(authorization.verifierKeyId, authorization.verifier,
                    OAuthAuthorization.context(authorization.stateSha256)).orElseThrow(() -> ProblemException.invalid(
                            "state", "cannot be read with this deployment's keys: start connecting again"));
        }
        TokenClient.Result result = tokens.exchange(app, request.code(), verifier);
        if (result instanceof TokenClient.Unavailable u) {
            // Not used up: the same code may be tried again while it is valid.
            throw ProblemException.unavailable(platform.name(), "The platform's token endpoint did not answer: "
                    + u.reason());
        }
        authorization.completedAt = now;
        if (result instanceof TokenClient.Refused r) {
            throw ProblemException.invalid("code", r.reason());
        }
        TokenClient.Tokens t = (TokenClient.Tokens) result;
        PlatformAccount account = PlatformAccount.locked(workspaceId, platform);
        if (account == null) {
            account = new PlatformAccount();
            account.workspaceId = workspaceId;
            account.platform = platform;
        }
        store(account, t, now, true);
        // Whose account it is on the platform (X: for its webhooks); another account may have been connected now.
        account.platformUserId = identity.userId(platform, t.accessToken()).orElse(null);
        account.connectedBy = subject;
        account.connectedAt = now;
        account.refreshedAt = null;
        account.persist();
        return AccountView.of(account);
    }

    /**
     * Writes new tokens into the account (sealed), CONNECTED again, with the granted scopes the token endpoint named
     * ({@code scope}). An answer naming none means, by RFC 6749 (5.1), the scopes requested at connect, and the
     * scopes granted before at a refresh (6: a refresh never widens them), so a refresh keeps what is stored, even
     * when that is unknown (see {@link ScopeNeeds}).
     */
    void store(PlatformAccount account, TokenClient.Tokens t, Instant now, boolean connect) {
        String context = PlatformAccount.context(account.workspaceId, account.platform);
        // A platform that keeps the refresh token answers without one: the kept one is sealed again with the access
        // token, under one key id per row.
        String refresh = t.refreshToken() != null ? t.refreshToken()
                : account.accessToken == null ? null : refreshToken(account).orElse(null);
        var access = secrets.seal(t.accessToken(), context);
        account.accessToken = access.ciphertext();
        account.tokenKeyId = access.keyId();
        account.refreshToken = refresh == null ? null : secrets.seal(refresh, context + "/refresh").ciphertext();
        if (t.scope() != null) {
            account.scopes = t.scope();
        } else if (connect) {
            account.scopes = settings.app(OAuthProvider.of(account.platform).orElseThrow()).map(a -> a.scopes())
                    .orElse(null);
        }
        account.expiresAt = t.expiresIn() == null ? null : now.plusSeconds(t.expiresIn());
        account.status = PlatformAccount.CONNECTED;
        account.reason = null;
        account.refreshAttemptAt = null;
        account.updatedAt = now;
    }

    /** The account's access token in clear, for a publisher or importer; empty when not connected or unreadable. */
    @Transactional
    public Optional<String> accessToken(UUID workspaceId, Platform platform) {
        PlatformAccount account = PlatformAccount.of(workspaceId, platform);
        if (account == null || !PlatformAccount.CONNECTED.equals(account.status)) {
            return Optional.empty();
        }
        return secrets.open(account.tokenKeyId, account.accessToken, PlatformAccount.context(workspaceId, platform));
    }

    /** The refresh token in clear; empty when there is none or it cannot be read. */
    Optional<String> refreshToken(PlatformAccount account) {
        if (account.refreshToken == null) {
            return Optional.empty();
        }
        return secrets.open(account.tokenKeyId, account.refreshToken,
                PlatformAccount.context(account.workspaceId, account.platform) + "/refresh");
    }

    /** A publisher or importer was told by the platform that the token is no good: ask for a reconnect. */
    @Transactional
    public void needsReconnect(UUID workspaceId, Platform platform, String reason) {
        PlatformAccount account = PlatformAccount.locked(workspaceId, platform);
        if (account != null) {
            account.status = PlatformAccount.RECONNECT;
            account.reason = reason;
            account.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
    }

    /**
     * After a key rotation: seals the accounts' tokens of previous keys under the current one (both tokens of a row
     * together, one key id per row), as {@code StoredSecrets} does for publisher and webhook secrets. Authorizations
     * in progress are not: they live minutes, and one that cannot be read is started again.
     */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<PlatformAccount> stale = PlatformAccount.find("tokenKeyId <> ?1", secrets.currentKeyId())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            int unreadable = 0;
            for (PlatformAccount account : stale) {
                String context = PlatformAccount.context(account.workspaceId, account.platform);
                Optional<String> access = secrets.open(account.tokenKeyId, account.accessToken, context);
                Optional<String> refresh = refreshToken(account);
                if (access.isEmpty() || (account.refreshToken != null && refresh.isEmpty())) {
                    unreadable++;
                    continue;
                }
                var sealed = secrets.seal(access.get(), context);
                account.accessToken = sealed.ciphertext();
                account.tokenKeyId = sealed.keyId();
                account.refreshToken = refresh.map(r -> secrets.seal(r, context + "/refresh").ciphertext()).orElse(null);
            }
            if (unreadable > 0) {
                Log.errorf("%d connected accounts' tokens are sealed under a key this deployment does not have: "
                        + "configure the key in suite.secrets.previous-keys or reconnect them", unreadable);
            }
        });
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return base64Url(value);
    }

    static String base64Url(byte[] value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
