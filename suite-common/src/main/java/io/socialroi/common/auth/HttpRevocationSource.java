package io.socialroi.common.auth;

import io.quarkus.arc.DefaultBean;
import io.socialroi.common.workspace.ContentServiceClient;
import io.socialroi.common.workspace.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Reads {@code GET /auth/revocations} from content-service with this service's own token. */
@ApplicationScoped
@DefaultBean
public class HttpRevocationSource implements RevocationSource {

    private final ContentServiceClient content;
    private final ServiceTokens tokens;

    public HttpRevocationSource(@RestClient ContentServiceClient content, ServiceTokens tokens) {
        this.content = content;
        this.tokens = tokens;
    }

    @Override
    public RevocationList fetch() {
        try {
            return content.revocations(tokens.authorization());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 401) {
                tokens.invalidate();
            }
            throw e;
        }
    }
}
