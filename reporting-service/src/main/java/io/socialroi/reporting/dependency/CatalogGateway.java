package io.socialroi.reporting.dependency;

import io.socialroi.common.workspace.ServiceTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Campaigns and posts of a workspace from content-service, for labels and for the ties of costs to posts. */
@ApplicationScoped
public class CatalogGateway {

    public static final String SERVICE = "content-service";
    private static final int PAGE = 500;
    /** 20 pages of 500: far beyond a workspace's campaigns or posts in a report period. */
    private static final int MAX_PAGES = 20;

    private final CatalogClient client;
    private final ServiceTokens tokens;
    private final AnswerCache<UUID, Map<UUID, CatalogPage.Campaign>> campaigns;
    private final AnswerCache<UUID, Map<UUID, CatalogPage.Post>> posts;

    /** Kept like the other answers (cache-max-age at most): a post's campaign and stage tie costs to report rows. */
    public CatalogGateway(@RestClient CatalogClient client, ServiceTokens tokens, ReportCacheSettings settings) {
        this.client = client;
        this.tokens = tokens;
        this.campaigns = new AnswerCache<>(SERVICE, ws -> DependencyCall.guard(SERVICE, tokens,
                () -> all(c -> campaignPage(ws, c), CatalogPage.Campaign::id)), settings.dependencyWait(),
                settings.catalogFresh(), settings.cacheMaxAge(), settings.cacheEntries());
        this.posts = new AnswerCache<>(SERVICE, ws -> DependencyCall.guard(SERVICE, tokens,
                () -> all(c -> postPage(ws, c), CatalogPage.Post::id)), settings.dependencyWait(),
                settings.catalogFresh(), settings.cacheMaxAge(), settings.cacheEntries());
    }

    public Map<UUID, CatalogPage.Campaign> campaigns(UUID workspaceId) {
        return campaigns.get(workspaceId);
    }

    public Map<UUID, CatalogPage.Post> posts(UUID workspaceId) {
        return posts.get(workspaceId);
    }

    @PreDestroy
    void stop() {
        campaigns.close();
        posts.close();
    }

    @Timeout(1500)
    @Bulkhead(32)
    CatalogPage<CatalogPage.Campaign> campaignPage(UUID workspaceId, String cursor) {
        return client.campaigns(tokens.authorization(), workspaceId, PAGE, cursor);
    }

    @Timeout(1500)
    @Bulkhead(32)
    CatalogPage<CatalogPage.Post> postPage(UUID workspaceId, String cursor) {
        return client.posts(tokens.authorization(), workspaceId, PAGE, cursor);
    }

    private static <T> Map<UUID, T> all(Function<String, CatalogPage<T>> page, Function<T, UUID> id) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            CatalogPage<T> answer = page.apply(cursor);
            if (answer.items() != null) {
                items.addAll(answer.items());
            }
            cursor = answer.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        Map<UUID, T> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return byId;
    }
}
