package io.socialroi.content.account;

import io.socialroi.content.post.Platform;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * How each platform's OAuth 2.0 authorization-code flow is spoken, from its documentation (the endpoints are the
 * defaults; each can be configured per deployment, see {@link OAuthSettings}):
 * <ul>
 * <li>FACEBOOK, INSTAGRAM: Facebook Login, Graph API v21.0 ({@code /dialog/oauth}, {@code /oauth/access_token});
 * Instagram publishing goes through the Facebook Page's Instagram professional account, so it is the same login
 * with Instagram's permissions. No refresh token: a long-lived user token lasts about 60 days, then the account
 * needs reconnecting.</li>
 * <li>LINKEDIN: "Authorization Code Flow (3-legged OAuth)", {@code /oauth/v2/authorization} and
 * {@code /oauth/v2/accessToken}; refresh tokens only for approved partners.</li>
 * <li>X: OAuth 2.0 Authorization Code with PKCE (required), {@code x.com/i/oauth2/authorize} and
 * {@code api.x.com/2/oauth2/token}, a confidential client authenticating with HTTP Basic; {@code media.write} lets
 * the X publisher upload media, {@code offline.access} gives a refresh token.</li>
 * <li>TIKTOK: Login Kit v2, {@code /v2/auth/authorize/} with {@code client_key} instead of {@code client_id}, and
 * {@code open.tiktokapis.com/v2/oauth/token/}; PKCE (S256) sent.</li>
 * <li>YOUTUBE: Google OAuth 2.0 for web server applications, {@code access_type=offline} and {@code prompt=consent}
 * for a refresh token, PKCE (S256).</li>
 * <li>PINTEREST: API v5, {@code www.pinterest.com/oauth/} and {@code api.pinterest.com/v5/oauth/token}, HTTP Basic.</li>
 * <li>REDDIT: {@code /api/v1/authorize} with {@code duration=permanent} and {@code /api/v1/access_token}, HTTP
 * Basic.</li>
 * </ul>
 * Telegram (bot token), Discord (webhook), WhatsApp (a system user's token), e-mail (SMTP), SMS (the provider's key)
 * and Quora (no API) have no OAuth flow: their publishers carry their own credentials.
 */
public enum OAuthProvider {

    FACEBOOK(Platform.FACEBOOK, "https://www.facebook.com/v21.0/dialog/oauth",
            "https://graph.facebook.com/v21.0/oauth/access_token",
            "pages_show_list,pages_manage_posts,pages_read_engagement", ",", false, ClientAuth.QUERY, "client_id",
            Map.of()),
    INSTAGRAM(Platform.INSTAGRAM, "https://www.facebook.com/v21.0/dialog/oauth",
            "https://graph.facebook.com/v21.0/oauth/access_token",
            "instagram_basic,instagram_content_publish,instagram_manage_comments,pages_show_list,pages_read_engagement",
            ",", false, ClientAuth.QUERY, "client_id", Map.of()),
    LINKEDIN(Platform.LINKEDIN, "https://www.linkedin.com/oauth/v2/authorization",
            "https://www.linkedin.com/oauth/v2/accessToken",
            "w_member_social w_organization_social r_organization_social", " ", false, ClientAuth.BODY, "client_id",
            Map.of()),
    X(Platform.X, "https://x.com/i/oauth2/authorize", "https://api.x.com/2/oauth2/token",
            "tweet.read tweet.write users.read media.write offline.access", " ", true, ClientAuth.BASIC, "client_id", Map.of()),
    TIKTOK(Platform.TIKTOK, "https://www.tiktok.com/v2/auth/authorize/", "https://open.tiktokapis.com/v2/oauth/token/",
            "user.info.basic,video.upload,video.publish,video.list", ",", true, ClientAuth.BODY, "client_key", Map.of()),
    YOUTUBE(Platform.YOUTUBE, "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
            "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly", " ", true,
            ClientAuth.BODY, "client_id", Map.of("access_type", "offline", "prompt", "consent",
                    "include_granted_scopes", "true")),
    PINTEREST(Platform.PINTEREST, "https://www.pinterest.com/oauth/", "https://api.pinterest.com/v5/oauth/token",
            "boards:read,pins:read,pins:write", ",", false, ClientAuth.BASIC, "client_id", Map.of()),
    REDDIT(Platform.REDDIT, "https://www.reddit.com/api/v1/authorize", "https://www.reddit.com/api/v1/access_token",
            "identity submit read", " ", false, ClientAuth.BASIC, "client_id", Map.of("duration", "permanent"));

    /** Where the client's id and secret go in a token request. */
    enum ClientAuth {
        /** {@code Authorization: Basic base64(id:secret)}. */
        BASIC,
        /** Form fields of the POST body. */
        BODY,
        /** Query parameters of a GET (Graph API's documented form of {@code /oauth/access_token}). */
        QUERY
    }

    final Platform platform;
    final String authorizeUrl;
    final String tokenUrl;
    final String scopes;
    final String scopeSeparator;
    final boolean pkce;
    final ClientAuth clientAuth;
    final String clientIdParameter;
    final Map<String, String> extraAuthorizeParameters;

    OAuthProvider(Platform platform, String authorizeUrl, String tokenUrl, String scopes, String scopeSeparator,
            boolean pkce, ClientAuth clientAuth, String clientIdParameter, Map<String, String> extra) {
        this.platform = platform;
        this.authorizeUrl = authorizeUrl;
        this.tokenUrl = tokenUrl;
        this.scopes = scopes;
        this.scopeSeparator = scopeSeparator;
        this.pkce = pkce;
        this.clientAuth = clientAuth;
        this.clientIdParameter = clientIdParameter;
        this.extraAuthorizeParameters = extra;
    }

    public static Optional<OAuthProvider> of(Platform platform) {
        return Arrays.stream(values()).filter(p -> p.platform == platform).findFirst();
    }
}
