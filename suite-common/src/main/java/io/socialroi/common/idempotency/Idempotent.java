package io.socialroi.common.idempotency;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a creating {@code POST} that honours the {@code Idempotency-Key} header: the same key with the same
 * body answers the first response again, the same key with another body is a 422, and a retry while the
 * first request still runs is a 409. Keys are kept 24 hours.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
}
