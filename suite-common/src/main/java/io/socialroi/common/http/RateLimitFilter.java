package io.socialroi.common.http;

import io.quarkus.security.identity.SecurityIdentity;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@link RateLimited}. The policy is the resource method's name (e.g. {@code token}, {@code login},
 * {@code ingest}); the caller is the token subject, or for anonymous sign-in calls the client id / e-mail
 * in the (small) body, or the remote address.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]{1,320})\"");
    private static final Pattern CLIENT_ID = Pattern.compile("(?:^|&)client_id=([^&]{1,200})");
    private static final int MAX_SNIFF = 16 * 1024;

    private static final String HEADER_PROPERTY = RateLimitFilter.class.getName() + ".header";

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
    public void filter(ContainerRequestContext request) throws IOException {
        String policy = resource.getResourceMethod().getName();
        RateLimiter.Decision decision = limiter.check(policy, caller(request));
        String header = "limit=" + decision.limit() + ", remaining=" + decision.remaining() + ", reset="
                + decision.resetSeconds();
        request.setProperty(HEADER_PROPERTY, header);
        if (!decision.allowed()) {
            throw new ProblemException(Problem.of(429, "rate-limited", "Too Many Requests",
                    "Rate limit of " + decision.limit() + " requests exceeded for this credential; retry in "
                            + decision.retryAfterSeconds() + " s"),
                    Map.of("Retry-After", String.valueOf(decision.retryAfterSeconds()), "RateLimit", header,
                            "RateLimit-Policy", decision.limit() + ";w=60"));
        }
    }

    /** Tells every caller of a limited endpoint where it stands, not only the one that is refused. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object header = request.getProperty(HEADER_PROPERTY);
        if (header != null && !response.getHeaders().containsKey("RateLimit")) {
            response.getHeaders().add("RateLimit", header);
        }
    }

    private String caller(ContainerRequestContext request) throws IOException {
        if (!identity.isAnonymous()) {
            return "sub:" + identity.getPrincipal().getName();
        }
        if (request.hasEntity()) {
            byte[] body = request.getEntityStream().readNBytes(MAX_SNIFF + 1);
            if (body.length <= MAX_SNIFF) {
                request.setEntityStream(new ByteArrayInputStream(body));
                String text = new String(body, StandardCharsets.UTF_8);
                Matcher client = CLIENT_ID.matcher(text);
                if (client.find()) {
                    return "client:" + URLDecoder.decode(client.group(1), StandardCharsets.UTF_8);
                }
                Matcher email = EMAIL.matcher(text);
                if (email.find()) {
                    return "email:" + email.group(1).trim().toLowerCase();
                }
            } else {
                request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body),
                        request.getEntityStream()));
            }
        }
        return "ip:" + httpRequest.remoteAddress().hostAddress();
    }
}
