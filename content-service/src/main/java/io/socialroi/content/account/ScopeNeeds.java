package io.socialroi.content.account;

import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes the suite asks a platform for that it did not ask for when accounts were first connected, so that an
 * account connected before holds a token without them (OAuth 2.0 grants only what was consented to; reconnecting
 * asks again, {@link OAuthProvider}):
 * <ul>
 * <li>X {@code media.write}: the X publisher uploads a post's media with it ({@code POST /2/media/upload}); a post
 * with media for an X_API publisher whose account lacks it is refused when submitted or scheduled (422 on
 * {@code mediaUrls}, "reconnect the X account"), a text post still publishes;</li>
 * <li>TikTok {@code video.list}: the TikTok importer reads the videos' counts with it (Display API v2); publishing
 * does not need it, so it is only shown.</li>
 * </ul>
 * The other publishers (YouTube {@code youtube.upload}, LinkedIn {@code w_member_social}/{@code
 * w_organization_social} for posts, images and videos alike, Pinterest {@code pins:write}, Reddit {@code submit},
 * Facebook/Instagram publishing permissions) use only scopes asked for from the start.
 * <p>
 * The granted scopes are those the token endpoint named ({@code scope}, kept at connect and refresh by
 * {@link Accounts#store}). An account whose scopes are not known (null) is treated as lacking a scope only where a
 * publish needs it: a media post to X is refused as above and the account's view lists {@code media.write} as
 * missing; TikTok's {@code video.list} is not claimed missing on an unknown grant.
 */
public final class ScopeNeeds {

    /** One scope asked for later: on which platform, whether publishing needs it (and only for media), why. */
    public record Need(Platform platform, String scope, boolean publishing, boolean mediaOnly, String use) {
    }

    static final List<Need> NEEDS = List.of(
            new Need(Platform.X, "media.write", true, true, "the X publisher uploads a post's media with it"),
            new Need(Platform.TIKTOK, "video.list", false, false, "the TikTok importer reads the videos' counts "
                    + "with it"));

    private ScopeNeeds() {
    }

    /** The scopes as a set (the platforms separate them by spaces or commas); null when not known. */
    static Set<String> granted(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return null;
        }
        return Arrays.stream(scopes.trim().split("[\\s,]+")).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static boolean lacks(Set<String> granted, Need need) {
        return granted == null ? need.publishing() : !granted.contains(need.scope().toLowerCase(Locale.ROOT));
    }

    /** What the account's view shows as missing: known grants without a later scope, unknown ones for publishing. */
    static List<Need> missing(PlatformAccount account) {
        Set<String> granted = granted(account.scopes);
        return NEEDS.stream().filter(n -> n.platform() == account.platform && lacks(granted, n)).toList();
    }

    /** The view's hint for the missing scopes; null when none is missing. */
    static String hint(PlatformAccount account, List<Need> missing) {
        if (missing.isEmpty()) {
            return null;
        }
        String needs = missing.stream().map(n -> n.scope() + " (" + n.use() + ")").collect(Collectors.joining(", "));
        return (account.scopes == null ? "The permissions this account was granted are not known: reconnect it to "
                + "grant " : "Reconnect the account to grant ") + needs;
    }

    /**
     * The field errors of a post the account's token cannot publish for want of a scope; empty when it can (or no
     * account is connected: publishing then fails asking for one, as before).
     */
    public static List<FieldError> check(PlatformAccount account, boolean hasMedia) {
        List<FieldError> errors = new ArrayList<>();
        if (account == null) {
            return errors;
        }
        Set<String> granted = granted(account.scopes);
        for (Need n : NEEDS) {
            if (n.platform() == account.platform && n.publishing() && (!n.mediaOnly() || hasMedia)
                    && lacks(granted, n)) {
                errors.add(new FieldError(n.mediaOnly() ? "mediaUrls" : "platform", "needs the " + account.platform
                        + " account's " + n.scope() + " permission (" + n.use() + "), which "
                        + (granted == null ? "it is not known to have" : "its token was not granted") + ": reconnect the "
                        + account.platform + " account"));
            }
        }
        return errors;
    }
}
