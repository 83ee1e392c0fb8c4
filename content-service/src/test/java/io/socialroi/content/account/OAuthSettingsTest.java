package io.socialroi.content.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import io.socialroi.common.problem.ProblemException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** A platform with an OAuth flow but no app registered in this deployment is a clear 409 naming what to set. */
class OAuthSettingsTest {

    @Test
    void aPlatformWithoutAnAppIsAConflictNamingTheSettings() {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "suite.accounts.x.client-id", "x-client", "suite.accounts.x.client-secret", "x-secret",
                "suite.accounts.instagram.client-id", ""), "test", 500)).build();
        OAuthSettings settings = new OAuthSettings(config, "https://suite.agency.example/oauth/callback",
                "https://suite.agency.example/app/", Duration.ofMinutes(10), Duration.ofMinutes(10));
        Accounts accounts = new Accounts(settings, null, null, null);
        assertEquals("x-client", accounts.app(OAuthProvider.X).clientId());
        ProblemException refused = assertThrows(ProblemException.class, () -> accounts.app(OAuthProvider.INSTAGRAM));
        assertEquals(409, refused.problem().status());
        assertTrue(refused.problem().detail().contains("SUITE_ACCOUNTS_INSTAGRAM_CLIENT_ID"), refused.problem().detail());
        assertTrue(refused.problem().detail().contains("https://suite.agency.example/oauth/callback"));
    }
}
