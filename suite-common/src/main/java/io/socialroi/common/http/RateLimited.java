package io.socialroi.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an endpoint a limit of its own, named after the resource method ({@code token}, {@code login},
 * {@code ingest}), from {@code suite.rate-limit.<policy>.per-minute} (and {@code .burst}). Every other
 * authenticated endpoint shares the {@code api} policy per credential anyway (see {@link RateLimitFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

    /** Whom the limit counts. */
    enum By {
        /** The token's subject: one credential, user or service. */
        CREDENTIAL,
        /**
         * The client address (see {@link ClientAddress}), for the sign-in endpoints, which run before there is a
         * credential: never something the caller writes into the body, so nobody can spend another's allowance.
         */
        ADDRESS
    }

    By value() default By.CREDENTIAL;
}
