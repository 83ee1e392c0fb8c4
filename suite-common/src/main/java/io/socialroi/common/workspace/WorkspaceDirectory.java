package io.socialroi.common.workspace;

import io.quarkus.cache.CacheResult;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Workspace settings (time zone, currency) owned by content-service, read over REST and cached: they
 * change rarely, and a cached answer keeps reports working through a short content-service outage.
 */
@ApplicationScoped
public class WorkspaceDirectory {

    private final ContentServiceClient content;
    private final ServiceTokens tokens;

    public WorkspaceDirectory(@RestClient ContentServiceClient content, ServiceTokens tokens) {
        this.content = content;
        this.tokens = tokens;
    }

    /**
     * The workspace, or a 404 problem when content-service does not know it; a 503 problem naming
     * content-service when it cannot be reached in time.
     */
    @CacheResult(cacheName = "workspaces")
    public WorkspaceInfo get(UUID workspaceId) {
        try {
            return fetch(workspaceId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ProblemException.notFound("Workspace " + workspaceId);
            }
            if (e.getResponse().getStatus() == 401) {
                tokens.invalidate();
            }
            throw ProblemException.unavailable("content-service", "content-service answered "
                    + e.getResponse().getStatus());
        } catch (TimeoutException | CircuitBreakerOpenException e) {
            throw ProblemException.unavailable("content-service", "content-service did not answer in time");
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("content-service", "content-service is unreachable");
        }
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, abortOn = {WebApplicationException.class, ProblemException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = {WebApplicationException.class, ProblemException.class})
    WorkspaceInfo fetch(UUID workspaceId) {
        return content.workspace(tokens.authorization(), workspaceId);
    }
}
