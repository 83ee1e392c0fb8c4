package io.socialroi.content.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How failed sign-ins are slowed down. After {@code maxFailuresPerAccount} failures for one existing account
 * from one client address (or {@code maxFailuresPerAddress} from one client address, whatever the accounts
 * or client ids tried) every further failure locks that account for that address, or that address, for
 * {@code firstLock}, doubled at each failure up to {@code maxLock}. Failures are forgotten after
 * {@code forgetAfter} without one. A lock never reaches another address: the owner of an account signs in
 * from theirs whatever is tried against it elsewhere.
 * <p>
 * A guess spread over many addresses (a few per address, below both allowances) is counted for the account
 * everywhere too: past {@code maxFailuresPerAccountEverywhere} the account is locked the same way for every
 * address it has not signed in from within {@code knownAddressFor}. The owner keeps signing in from the
 * addresses they use; from a new one they wait for the lock to end, or an admin gives them a reset link
 * (a reset clears this count).
 */
@ConfigMapping(prefix = "suite.login")
public interface LoginPolicy {

    @WithDefault("5")
    int maxFailuresPerAccount();

    @WithDefault("30")
    int maxFailuresPerAddress();

    @WithDefault("50")
    int maxFailuresPerAccountEverywhere();

    @WithDefault("30D")
    Duration knownAddressFor();

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
