package io.socialroi.content.publish;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.account.PlatformAccount;
import io.socialroi.content.account.ScopeNeeds;
import io.socialroi.content.post.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a post must have for the workspace's publisher of its platform, checked with the platform's rules when the
 * post is submitted or scheduled (so it never fails for it at publish time): each {@link AccountPublisher} says
 * what it cannot send (X_API: a GIF with other media; REDDIT_API: a post without subreddit and title; EMAIL_SMTP:
 * without a subject; ...), and a post the connected account's token lacks a scope for is refused too
 * ({@link ScopeNeeds}: X media.write for a post with media, "reconnect the X account"). Also the registry of
 * those publishers by type, for {@link PostPublisher}.
 */
@ApplicationScoped
public class PublisherRules {

    private final Map<PublisherType, AccountPublisher> byType = new EnumMap<>(PublisherType.class);
    private final Broadcasts broadcasts;

    public PublisherRules(Instance<AccountPublisher> publishers, Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
        for (AccountPublisher p : publishers) {
            if (byType.put(p.type(), p) != null) {
                throw new IllegalStateException("two publishers for " + p.type());
            }
        }
        for (PublisherType t : PublisherType.values()) {
            if (t.usesAccount() && !byType.containsKey(t)) {
                throw new IllegalStateException("no AccountPublisher for " + t);
            }
        }
    }

    AccountPublisher of(PublisherType type) {
        return byType.get(type);
    }

    public void check(UUID workspaceId, Post post) {
        Publisher publisher = Publisher.of(workspaceId, post.platform);
        if (publisher == null || !publisher.type.usesAccount() && !publisher.type.broadcasts()) {
            return;
        }
        List<FieldError> errors = new java.util.ArrayList<>(publisher.type.broadcasts()
                ? broadcasts.check(post, publisher) : byType.get(publisher.type).check(post, publisher));
        if (publisher.type.usesAccount()) {
            // A scope the account was connected without (X media.write for media): reconnect first (ScopeNeeds).
            errors.addAll(ScopeNeeds.check(PlatformAccount.of(workspaceId, post.platform),
                    post.mediaUrls != null && !post.mediaUrls.isEmpty()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
