package io.socialroi.content.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's OAuth apps: per platform {@code suite.accounts.<platform>.client-id} and {@code .client-secret}
 * (the app registered with the platform; without an id the platform cannot be connected here), and optionally
 * {@code .authorize-url}, {@code .token-url} and {@code .scopes} in place of the documented defaults of
 * {@link OAuthProvider}. {@code suite.accounts.redirect-url} is the callback registered with every app (this
 * service's {@code /oauth/callback}), {@code suite.accounts.app-url} the web app the callback hands over to.
 */
@ApplicationScoped
public class OAuthSettings {

    /** One platform's app as this deployment configured it. */
    public record App(OAuthProvider provider, String clientId, String clientSecret, String authorizeUrl,
            String tokenUrl, String scopes) {
    }

    private final Config config;
    private final String redirectUrl;
    private final String appUrl;
    private final Duration stateLifetime;
    private final Duration refreshAhead;

    public OAuthSettings(Config config,
            @ConfigProperty(name = "suite.accounts.redirect-url") String redirectUrl,
            @ConfigProperty(name = "suite.accounts.app-url") String appUrl,
            @ConfigProperty(name = "suite.accounts.state-lifetime", defaultValue = "PT10M") Duration stateLifetime,
            @ConfigProperty(name = "suite.accounts.refresh-ahead", defaultValue = "PT10M") Duration refreshAhead) {
        this.config = config;
        this.redirectUrl = redirectUrl;
        this.appUrl = appUrl;
        this.stateLifetime = stateLifetime;
        this.refreshAhead = refreshAhead;
    }

    /** The platform's app, or empty when this deployment has none registered for it. */
    public Optional<App> app(OAuthProvider provider) {
        String prefix = "suite.accounts." + provider.name().toLowerCase(Locale.ROOT) + ".";
        Optional<String> id = config.getOptionalValue(prefix + "client-id", String.class).filter(s -> !s.isBlank());
        return id.map(clientId -> new App(provider, clientId,
                config.getOptionalValue(prefix + "client-secret", String.class).orElse(""),
                config.getOptionalValue(prefix + "authorize-url", String.class).orElse(provider.authorizeUrl),
                config.getOptionalValue(prefix + "token-url", String.class).orElse(provider.tokenUrl),
                config.getOptionalValue(prefix + "scopes", String.class).orElse(provider.scopes)));
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    public String appUrl() {
        return appUrl;
    }

    public Duration stateLifetime() {
        return stateLifetime;
    }

    public Duration refreshAhead() {
        return refreshAhead;
    }
}
