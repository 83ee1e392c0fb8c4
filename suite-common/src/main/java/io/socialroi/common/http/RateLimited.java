package io.socialroi.common.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits calls per credential (token subject; for the sign-in endpoints the client id or e-mail, else the
 * address): over the limit a 429 problem+json with {@code Retry-After} and {@code RateLimit} headers.
 * Limits come from {@code suite.rate-limit.<policy>.per-minute} (and {@code .burst}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
}
