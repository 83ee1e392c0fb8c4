package io.socialroi.common.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.socialroi.common.auth.Scopes;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Limits every authenticated request per credential (the token's subject), so one noisy integration cannot
 * slow down the others of its workspace or of the agency: the {@code api} policy ({@code service} for the
 * suite's own services), or the policy of a {@link RateLimited} endpoint. The sign-in endpoints are limited
 * per client address instead ({@link RateLimited.By#ADDRESS}); nothing a caller writes in a request body
 * chooses the bucket. Every limited answer carries {@code RateLimit} and {@code RateLimit-Policy}; a refused
 * one is a 429 problem+json with {@code Retry-After}. Anonymous requests to open endpoints are not counted
 * here, and a request with a token that does not verify is left to the 401 of the security check.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The policy of every authenticated endpoint without a {@link RateLimited} of its own. */
    public static final String API = "api";
    /** The policy of the suite's own services' tokens (group {@code service}). */
    public static final String SERVICE = "service";

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    @Context
    ResourceInfo resource;

    @Context
    HttpServerRequest httpRequest;

    public RateLimitFilter(RateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        RateLimited named = method.getAnnotation(RateLimited.class);
        if (named == null) {
            named = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        String policy;
        String caller;
        if (named != null && named.value() == RateLimited.By.ADDRESS) {
            policy = method.getName();
            caller = "address:" + ClientAddress.of(httpRequest);
        } else {
            SecurityIdentity who = authenticated();
            if (who == null) {
                return;
            }
            policy = named != null ? method.getName() : who.getRoles().contains(Scopes.SERVICE) ? SERVICE : API;
            caller = "sub:" + who.getPrincipal().getName();
        }
        RateLimiter.Decision decision = limiter.check(policy, caller);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            String who = named != null && named.value() == RateLimited.By.ADDRESS ? "this address" : "this credential";
            throw new ProblemException(Problem.of(429, "rate-limited", "Too Many Requests",
                    "Rate limit of " + decision.perMinute() + " requests a minute (bursts of " + decision.limit()
                            + ") exceeded for " + who + "; retry in " + decision.retryAfterSeconds() + " s"),
                    Map.of("Retry-After", String.valueOf(decision.retryAfterSeconds()), "RateLimit", decision.header(),
                            "RateLimit-Policy", decision.policy()));
        }
    }

    /** Tells every caller of a limited endpoint where it stands, not only the one that is refused. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision
                && !response.getHeaders().containsKey("RateLimit")) {
            response.getHeaders().add("RateLimit", decision.header());
            response.getHeaders().add("RateLimit-Policy", decision.policy());
        }
    }

    /** The caller's identity when its token verifies; null when anonymous or when the token is bad. */
    private SecurityIdentity authenticated() {
        try {
            return identity.isAnonymous() ? null : identity;
        } catch (AuthenticationFailedException e) {
            return null;
        }
    }
}
