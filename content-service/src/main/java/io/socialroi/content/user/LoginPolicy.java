package io.socialroi.content.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How failed sign-ins are slowed down. After {@code maxFailuresPerEmail} failures for one email (or
 * {@code maxFailuresPerAddress} from one client address) every further failure locks that email or
 * address for {@code firstLock}, doubled at each failure up to {@code maxLock}. Failures are forgotten
 * after {@code forgetAfter} without one.
 */
@ConfigMapping(prefix = "suite.login")
public interface LoginPolicy {

    @WithDefault("5")
    int maxFailuresPerEmail();

    @WithDefault("30")
    int maxFailuresPerAddress();

    @WithDefault("30S")
    Duration firstLock();

    @WithDefault("15M")
    Duration maxLock();

    @WithDefault("15M")
    Duration forgetAfter();

    /** Set the sign-in cookie's {@code Secure} flag; true wherever the dashboard is served over HTTPS. */
    @WithDefault("false")
    boolean secureCookie();
}
