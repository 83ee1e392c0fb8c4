package io.socialroi.content;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socialroi.testing.FakeServer;
import io.socialroi.testing.TestKeys;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake engagement-service on real HTTP for every content-service test (it acknowledges every post
 * registration unless a test routes otherwise), a fake conversion-service (no exchange rate unless a test
 * routes one), a fake reporting-service (no costs unless a test routes some), and short delivery intervals so retries happen within a test.
 */
@QuarkusTestResource(ContentFakes.class)
public class ContentFakes implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the fake engagement-service. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Engagement {
    }

    /** Marks the test field that receives the fake conversion-service. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Conversion {
    }

    /** Marks the test field that receives the fake reporting-service. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Reporting {
    }

    /** Marks the test field that receives the fake OAuth servers of the platforms (authorize and token URLs). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface OAuth {
    }

    private FakeServer oauth;
    /** Marks the test field that receives the fake Telegram Bot API. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Telegram {
    }

    /** Marks the test field that receives the fake Discord API. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Discord {
    }

    private FakeServer telegram;
    private FakeServer discord;

    // Meta (FACEBOOK_API, INSTAGRAM_API): a fake Graph API of its own, routing /v21.0/...
    /** Marks the test field that receives the fake Meta Graph API (publish/FakeGraph routes it). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Graph {
    }

    private FakeServer graph;
    // (end of Meta)
    // --- messaging publishers (EMAIL_SMTP, SMS_API, WHATSAPP_API): Twilio and the WhatsApp Cloud API on one fake.
    /** Marks the test field that receives the fake Twilio (/twilio) and WhatsApp Cloud API (/graph). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Messaging {
    }

    private FakeServer messaging;
    // --- end of messaging publishers
    private FakeServer engagement;
    private FakeServer conversion;
    private FakeServer reporting;

    @Override
    public Map<String, String> start() {
        engagement = new FakeServer();
        engagement.on("PUT", "/workspaces/", r -> FakeServer.Reply.json(200, r.body()));
        conversion = new FakeServer();
        conversion.on("GET", "/workspaces/", FakeServer.Reply.json(404, "{\"status\":404}"));
        // reporting-service knows no workspace (holds no costs) unless a test routes otherwise.
        reporting = new FakeServer();
        reporting.on("GET", "/workspaces/", FakeServer.Reply.json(404, "{\"status\":404}"));
        oauth = new FakeServer();
        // The platforms' APIs, answering 404 unless a test routes its own bot token or webhook.
        telegram = new FakeServer();
        discord = new FakeServer();
        Map<String, String> config = new HashMap<>();
        // --- messaging publishers
        messaging = new FakeServer();
        config.put("suite.publishing.sms.base-url", messaging.url() + "/twilio");
        config.put("suite.publishing.whatsapp.base-url", messaging.url() + "/graph");
        config.put("suite.publishing.email.unsubscribe-url", "https://suite.agency.example/");
        // Twilio's webhooks are signed over the public URL, not the test's 127.0.0.1 (TwilioWebhookTest).
        config.put("suite.publishing.sms.hooks-base-url", "https://suite.agency.example/");
        // A broadcast attempt sends for a second, then the next attempt continues (EmailPublishingTest).
        config.put("suite.publishing.broadcast-budget", "PT1S");
        // --- end of messaging publishers
        config.put("suite.publishing.telegram.base-url", telegram.url());
        config.put("suite.publishing.discord.base-url", discord.url() + "/api");
        // OAuth apps of four platforms against one fake (X: PKCE and HTTP Basic; LinkedIn: secret in the body;
        // Facebook: Graph's GET; TikTok: client_key).
        for (String platform : new String[] {"x", "linkedin", "facebook", "tiktok"}) {
            config.put("suite.accounts." + platform + ".client-id", platform + "-client");
            config.put("suite.accounts." + platform + ".client-secret", platform + "-secret");
            config.put("suite.accounts." + platform + ".authorize-url", oauth.url() + "/authorize/" + platform);
            config.put("suite.accounts." + platform + ".token-url", oauth.url() + "/token/" + platform);
        }
        // Pinterest, LinkedIn, YouTube and TikTok publishing (wt-video): their OAuth apps against the same fake (LinkedIn
        // and TikTok above), their APIs on it under /pinterest, /linkedin, /youtube and /tiktok; Instagram stays
        // unconfigured (AccountsTest's platform without an app).
        for (String platform : new String[] {"pinterest", "youtube"}) {
            config.put("suite.accounts." + platform + ".client-id", platform + "-client");
            config.put("suite.accounts." + platform + ".client-secret", platform + "-secret");
            config.put("suite.accounts." + platform + ".authorize-url", oauth.url() + "/authorize/" + platform);
            config.put("suite.accounts." + platform + ".token-url", oauth.url() + "/token/" + platform);
        }
        config.put("suite.accounts.instagram.client-id", "");
        config.put("suite.publishing.pinterest.base-url", oauth.url() + "/pinterest");
        config.put("suite.publishing.linkedin.base-url", oauth.url() + "/linkedin");
        config.put("suite.publishing.youtube.base-url", oauth.url() + "/youtube");
        config.put("suite.publishing.youtube.max-bytes", "4096");
        config.put("suite.publishing.tiktok.base-url", oauth.url() + "/tiktok");
        config.put("suite.publishing.tiktok.status-poll", "PT0.2S");
        config.put("suite.publishing.tiktok.status-wait", "PT1S");
        // End of the wt-video block.
        // LinkedIn video (wt-linkedin2): a small video limit, so LinkedInPublishingTest can pass it.
        config.put("suite.publishing.linkedin.max-video-bytes", "4096");
        config.put("suite.accounts.redirect-url", "https://suite.agency.example/oauth/callback");
        config.put("suite.accounts.app-url", "https://suite.agency.example/app/");
        config.put("suite.accounts.refresh-poll", "1h");
        // The tests renew tokens by calling TokenRefresher.refreshDue themselves; a scheduled run racing them would
        // claim (and lock) the account a test is about to renew.
        config.put("suite.accounts.refresh-scheduled", "false");
        // X API v2 on the same fake (its /2/tweets), with the accounts connected against it.
        config.put("suite.publishing.x.base-url", oauth.url());
        // wt-xmedia block: X media uploads in small APPEND segments, and a short processing wait.
        config.put("suite.publishing.x.chunk-bytes", "1000");
        config.put("suite.publishing.x.processing-wait", "PT5S");
        // End of the wt-xmedia block.
        // wt-xhook block: X Account Activity webhooks (/hooks/x) signed with this consumer secret; "Jefe" is the key of
        // RFC 4231's HMAC-SHA256 test case 2, so XWebhookTest checks the CRC answer against that published value.
        config.put("suite.publishing.x.consumer-secret", "Jefe");
        // End of the wt-xhook block.
        config.put("suite.publishing.reddit.base-url", oauth.url() + "/reddit");
        config.put("suite.accounts.reddit.client-id", "reddit-client");
        config.put("suite.accounts.reddit.client-secret", "reddit-secret");
        config.put("suite.accounts.reddit.authorize-url", oauth.url() + "/authorize/reddit");
        config.put("suite.accounts.reddit.token-url", oauth.url() + "/token/reddit");
        // Engagement imports (imports/): read on demand by the tests, not by the schedule; the Graph API on the OAuth
        // fake under /graph; Meta webhooks signed with the Facebook app's secret (facebook-secret).
        config.put("suite.imports.poll", "1h");
        config.put("suite.imports.enabled", "false"); // no scheduled run racing a test's importNow for its post's lock
        config.put("suite.imports.graph-base-url", oauth.url() + "/graph");
        config.put("suite.imports.meta-verify-token", "meta-verify-token-test");
        // Meta (FACEBOOK_API, INSTAGRAM_API): Graph API on its own fake; Instagram's OAuth app (Facebook Login, Graph's
        // GET token exchange) against the OAuth fake; container status checked quickly.
        graph = new FakeServer();
        config.put("suite.publishing.facebook.base-url", graph.url());
        config.put("suite.publishing.instagram.base-url", graph.url());
        config.put("suite.publishing.instagram.status-checks", "3");
        config.put("suite.publishing.instagram.status-interval", "PT0.1S");
        config.put("suite.accounts.instagram.client-id", "instagram-client");
        config.put("suite.accounts.instagram.client-secret", "instagram-secret");
        config.put("suite.accounts.instagram.authorize-url", oauth.url() + "/authorize/instagram");
        config.put("suite.accounts.instagram.token-url", oauth.url() + "/token/instagram");
        // (end of Meta)
        config.put("quarkus.rest-client.reporting-service.url", reporting.url());
        config.put("quarkus.rest-client.engagement-service.url", engagement.url());
        config.put("quarkus.rest-client.conversion-service.url", conversion.url());
        // The few 503s tests script here stay far below what opens RemotePolicy's breaker for conversion-service
        // (half of the last 20 calls), so they do not reach the tests after them.
        config.put("suite.registration.poll", "1s");
        config.put("suite.registration.base-backoff", "PT0.2S");
        config.put("suite.registration.max-backoff", "PT1S");
        config.put("suite.publishing.poll", "1s");
        config.put("suite.publishing.base-backoff", "PT0.2S");
        config.put("suite.publishing.max-backoff", "PT1S");
        config.put("suite.publishing.max-attempts", "3");
        config.put("suite.webhooks.poll", "1s");
        config.put("suite.webhooks.base-backoff", "PT0.2S");
        config.put("suite.webhooks.max-backoff", "PT1S");
        config.put("suite.webhooks.max-attempts", "3");
        // The fake receivers listen on 127.0.0.1; the rest of 127/8 and every other internal block stays refused.
        config.put("suite.outbound.allow", "127.0.0.1/32");
        config.put("suite.delivery.timeout", "PT2S");
        config.put("suite.secrets.key", TestKeys.secretsKey());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(oauth, new TestInjector.AnnotatedAndMatchesType(OAuth.class, FakeServer.class));
        testInjector.injectIntoFields(engagement, new TestInjector.AnnotatedAndMatchesType(Engagement.class,
                FakeServer.class));
        testInjector.injectIntoFields(conversion, new TestInjector.AnnotatedAndMatchesType(Conversion.class,
                FakeServer.class));
        testInjector.injectIntoFields(telegram, new TestInjector.AnnotatedAndMatchesType(Telegram.class,
                FakeServer.class));
        testInjector.injectIntoFields(discord, new TestInjector.AnnotatedAndMatchesType(Discord.class,
                FakeServer.class));
        testInjector.injectIntoFields(messaging, new TestInjector.AnnotatedAndMatchesType(Messaging.class,
                FakeServer.class));
        testInjector.injectIntoFields(reporting, new TestInjector.AnnotatedAndMatchesType(Reporting.class,
                FakeServer.class));
        // Meta
        testInjector.injectIntoFields(graph, new TestInjector.AnnotatedAndMatchesType(Graph.class, FakeServer.class));
    }

    @Override
    public void stop() {
        oauth.close();
        engagement.close();
        conversion.close();
        reporting.close();
        telegram.close();
        discord.close();
        graph.close(); // Meta
        messaging.close();
    }
}
