package io.socialroi.common.workspace;

import io.quarkus.cache.CacheResult;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.common.remote.RemotePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Workspace settings (time zone, currency) owned by content-service, read over REST and cached: they
 * change rarely, and a cached answer keeps reports working through a short content-service outage.
 * The read is an idempotent GET under the suite's one policy ({@link RemotePolicy}: retried once on a connect
 * failure or 5xx, content-service's circuit breaker, which a 4xx does not trip) and failure mapping; its timeouts
 * are the REST client's ({@code quarkus.rest-client.content-service.*-timeout}).
 */
@ApplicationScoped
public class WorkspaceDirectory {

    static final String SERVICE = "content-service";

    private final ContentServiceClient content;
    private final ServiceTokens tokens;

    public WorkspaceDirectory(@RestClient ContentServiceClient content, ServiceTokens tokens) {
        this.content = content;
        this.tokens = tokens;
    }

    /**
     * The workspace, or a 404 problem when content-service does not know it; a 503 problem naming
     * content-service (with Retry-After) when it is unreachable, too slow, failing or its breaker is open.
     */
    @CacheResult(cacheName = "workspaces")
    public WorkspaceInfo get(UUID workspaceId) {
        String authorization = tokens.authorization();
        try {
            return RemotePolicy.of(SERVICE).get(
                    () -> tokens.forgettingOn401(() -> content.workspace(authorization, workspaceId)));
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw ProblemException.notFound("Workspace " + workspaceId);
            }
            throw e;
        }
    }
}
