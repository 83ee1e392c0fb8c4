package io.socialroi.content.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.content.account.Accounts;
import io.socialroi.content.delivery.Backoff;
import io.socialroi.content.delivery.SignedSender;
import io.socialroi.content.delivery.StoredSecrets;
import io.socialroi.content.post.Post;
import io.socialroi.content.post.PostHistory;
import io.socialroi.content.post.PostLifecycleEvent;
import io.socialroi.content.post.PostStatus;
import io.socialroi.content.post.PostText;
import io.socialroi.content.post.PostView;
import io.socialroi.content.post.PostViews;
import io.socialroi.content.workspace.Workspace;
import io.socialroi.content.workspace.Workspaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publishes due posts. A claim takes due posts with {@code FOR UPDATE SKIP LOCKED}, marks them PUBLISHING
 * and leases them for longer than a send can take, all in one short transaction: however many replicas run,
 * each attempt of each post is made by exactly one of them. The send happens outside any transaction; its
 * outcome is recorded in another. Failures are retried with exponential backoff and jitter under the same
 * delivery id, and after {@code max-attempts} the post is FAILED with the reason; a publisher that refuses the post
 * (a 4xx answer other than 408, 425 and 429) fails it at once, since the same post sent again would be refused
 * again. TELEGRAM and DISCORD publishers post through the platform's API (their errors mapped to retry, retry after
 * the platform's delay, or fail, see {@link TelegramPublisher} and {@link DiscordPublisher}) and keep the platform's
 * id and link of the post; a QUORA_ASSISTED post becomes AWAITING_HANDOFF for a person to post. EMAIL_SMTP, SMS_API
 * and WHATSAPP_API send the post to each subscribed recipient of the workspace's list ({@link Broadcasts}), keeping
 * each recipient's outcome so a retry sends only to those not yet sent.
 */
@ApplicationScoped
public class PostPublisher {

    static final String ACTOR = "publisher";
    static final String EVENT = "post.publish";

    /**
     * One claimed attempt: what to send where. A null url means the platform has no publisher, a null secret
     * that the stored one does not open with the deployment's keys.
     */
    record Attempt(UUID workspaceId, UUID postId, UUID deliveryId, int attempt, PublisherType type, String url,
            String secret, String body, String chatId, String target, String text, PostView view, String pendingId) {

        List<String> media() {
            return view.mediaUrls();
        }

        /** What an {@link AccountPublisher} sends, with the account's token in {@code secret}. */
        AccountPost accountPost() {
            return new AccountPost(workspaceId, postId, deliveryId, attempt, secret, target, text, view.caption(),
                    view.callToAction(), view.trackedLink() == null ? null : view.trackedLink().url(), view.mediaUrls(),
                    view.platformOptions(), pendingId);
        }
    }

    private final EntityManager em;
    private final SignedSender sender;
    private final PostViews views;
    private final ObjectMapper mapper;
    private final PublishingConfig config;
    private final Event<PostLifecycleEvent> events;
    private final StoredSecrets secrets;
    private final TelegramPublisher telegram;
    private final DiscordPublisher discord;
    private final PublisherRules publishers;
    private final Accounts accounts;
    private final Broadcasts broadcasts;

    public PostPublisher(EntityManager em, SignedSender sender, PostViews views, ObjectMapper mapper,
            PublishingConfig config, Event<PostLifecycleEvent> events, StoredSecrets secrets,
            TelegramPublisher telegram, DiscordPublisher discord, PublisherRules publishers, Accounts accounts,
            Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
        this.telegram = telegram;
        this.discord = discord;
        this.publishers = publishers;
        this.accounts = accounts;
        this.em = em;
        this.sender = sender;
        this.views = views;
        this.mapper = mapper;
        this.config = config;
        this.events = events;
        this.secrets = secrets;
    }

    @Scheduled(every = "${suite.publishing.poll:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        publishDue();
    }

    /** Claims and publishes what is due now; answers how many attempts this call made. */
    public int publishDue() {
        List<Attempt> attempts = claim(20);
        attempts.forEach(this::attempt);
        return attempts.size();
    }

    List<Attempt> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = em.createNativeQuery("select workspace_id, id from post"
                    + " where status in ('SCHEDULED', 'PUBLISHING') and next_attempt_at <= now()"
                    + " order by next_attempt_at limit ?1 for update skip locked").setParameter(1, limit).getResultList();
            List<Attempt> claimed = new ArrayList<>();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (Object[] row : due) {
                Post post = Post.inWorkspace((UUID) row[0], (UUID) row[1]);
                PostStatus from = post.status;
                post.status = PostStatus.PUBLISHING;
                post.publishAttempts++;
                post.deliveryId = post.deliveryId == null ? UUID.randomUUID() : post.deliveryId;
                post.nextAttemptAt = now.plus(config.lease());
                post.updatedAt = now;
                if (from == PostStatus.SCHEDULED) {
                    PostHistory.record(post, "publishing", ACTOR, from, null);
                }
                claimed.add(attemptOf(post));
            }
            return claimed;
        });
    }

    private Attempt attemptOf(Post post) throws JsonProcessingException {
        Workspace workspace = Workspaces.require(post.workspaceId);
        PostView view = views.of(post, Workspaces.zone(workspace));
        String body = mapper.writeValueAsString(PublishPayload.of(post.deliveryId, EVENT, view));
        Publisher publisher = Publisher.of(post.workspaceId, post.platform);
        // The AccountPublishers publish with the connected account's access token (null when none is connected).
        String secret = publisher != null && publisher.type.usesAccount()
                ? accounts.accessToken(post.workspaceId, post.platform).orElse(null)
                : publisher == null || publisher.secret == null ? null
                : secrets.open(publisher.secretKeyId, publisher.secret,
                        StoredSecrets.publisherContext(post.workspaceId, post.platform)).orElse(null);
        String text = PostText.compose(view.caption(), view.callToAction(),
                view.trackedLink() == null ? null : view.trackedLink().url());
        return new Attempt(post.workspaceId, post.id, post.deliveryId, post.publishAttempts,
                publisher == null ? null : publisher.type, publisher == null ? null : publisher.url, secret, body,
                publisher == null ? null : publisher.chatId, publisher == null ? null : publisher.target, text, view,
                post.remoteId);
    }

    void attempt(Attempt attempt) {
        PublishResult result = send(attempt);
        QuarkusTransaction.requiringNew().run(() -> record(attempt, result));
    }

    private PublishResult send(Attempt attempt) {
        if (attempt.type() == null) {
            return PublishResult.retry("no publisher configured for this platform", null);
        }
        if (attempt.type() == PublisherType.QUORA_ASSISTED) {
            return PublishResult.handoff();
        }
        if (attempt.type().usesAccount()) {
            io.socialroi.content.post.Platform platform = attempt.type().platform();
            if (attempt.secret() == null) {
                return PublishResult.reconnect("no connected " + platform + " account (connect it under Accounts)");
            }
            PublishResult result = publishers.of(attempt.type()).publish(attempt.accountPost());
            if (result.reconnect()) {
                accounts.needsReconnect(attempt.workspaceId(), platform, result.reason());
            }
            return result;
        }
        if (attempt.secret() == null) {
            return PublishResult.retry(StoredSecrets.UNREADABLE, null);
        }
        return switch (attempt.type()) {
            case TELEGRAM -> telegram.publish(attempt.secret(), attempt.chatId(), attempt.text(), attempt.media());
            case DISCORD -> discord.publish(attempt.secret(), attempt.target(), attempt.text(), attempt.media());
            case EMAIL_SMTP, SMS_API, WHATSAPP_API -> broadcasts.publish(attempt);
            default -> {
                SignedSender.Outcome outcome = sender.post(attempt.url(), attempt.secret(),
                        attempt.deliveryId().toString(), EVENT, attempt.body());
                yield outcome.delivered() ? PublishResult.published(null, null)
                        : outcome.refused() ? PublishResult.failed(outcome.reason())
                        : PublishResult.retry(outcome.reason(), null);
            }
        };
    }

    private void record(Attempt attempt, PublishResult outcome) {
        Post post = Post.lockedInWorkspace(attempt.workspaceId(), attempt.postId());
        if (post == null || post.status != PostStatus.PUBLISHING || post.publishAttempts != attempt.attempt()) {
            Log.warnf("Outcome of publishing attempt %d of post %s arrived after its lease; ignored",
                    attempt.attempt(), attempt.postId());
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        post.updatedAt = now;
        if (outcome.kind() == PublishResult.Kind.PUBLISHED) {
            post.status = PostStatus.PUBLISHED;
            post.publishedAt = now;
            post.nextAttemptAt = null;
            post.failureReason = null;
            post.remoteId = outcome.remoteId();
            post.permalink = outcome.permalink();
            PostHistory.record(post, "published", ACTOR, PostStatus.PUBLISHING, "attempt " + attempt.attempt());
            events.fire(new PostLifecycleEvent(PostLifecycleEvent.PUBLISHED, post.workspaceId, post.id));
        } else if (outcome.kind() == PublishResult.Kind.HANDOFF) {
            post.status = PostStatus.AWAITING_HANDOFF;
            post.nextAttemptAt = null;
            post.failureReason = null;
            PostHistory.record(post, "handoff", ACTOR, PostStatus.PUBLISHING,
                    "no posting API: waiting for a person to post it and mark it published");
        } else if (outcome.progress()) {
            // A broadcast that sent what its time allowed continues at once; that attempt is not a failed one.
            post.publishAttempts--;
            post.failureReason = outcome.reason();
            post.nextAttemptAt = now;
        } else if (attempt.attempt() >= config.maxAttempts() || outcome.kind() == PublishResult.Kind.FAILED) {
            if (outcome.reconnect()) {
                Publisher publisher = Publisher.of(post.workspaceId, post.platform);
                if (publisher != null && publisher.type == attempt.type()) {
                    publisher.reconnectReason = outcome.reason();
                }
            }
            post.status = PostStatus.FAILED;
            post.nextAttemptAt = null;
            post.failureReason = outcome.reason();
            // A publish the platform still processes at the last attempt stays known, so a retry asks about it
            // instead of posting again; any other failure forgets it, so a retry posts afresh.
            post.remoteId = outcome.remoteId();
            PostHistory.record(post, "failed", ACTOR, PostStatus.PUBLISHING, "attempt " + attempt.attempt() + ": "
                    + outcome.reason());
            events.fire(new PostLifecycleEvent(PostLifecycleEvent.FAILED, post.workspaceId, post.id));
        } else {
            post.failureReason = outcome.reason();
            if (outcome.remoteId() != null) {
                // A publish the platform is still processing: the next attempt asks about it, never sends again.
                post.remoteId = outcome.remoteId();
            }
            // A platform that said how long to wait (rate limits) is waited for, never less.
            post.nextAttemptAt = now.plus(outcome.retryAfter() != null ? outcome.retryAfter()
                    : Backoff.after(attempt.attempt(), config.baseBackoff(), config.maxBackoff()));
            Log.infof("Publishing post %s failed (attempt %d): %s", post.id, attempt.attempt(), outcome.reason());
        }
    }
}
