package io.socialroi.content.publish;

import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Post;
import java.time.Duration;
import java.util.List;

/**
 * A messaging publisher (EMAIL_SMTP, SMS_API, WHATSAPP_API) that sends a post to each recipient of the workspace's
 * list of its platform, one message each, with the publisher's own credentials. One CDI bean per type;
 * {@link Broadcasts} finds it by {@link #type()}, opens one {@link Session} per attempt and records each
 * {@link Delivery} as soon as it is known, so a retry never sends to a recipient twice.
 */
public interface RecipientPublisher {

    PublisherType type();

    /** What this publisher could not send of the post, checked at submit and schedule (422); empty when it can. */
    default List<FieldError> check(Post post, Publisher publisher) {
        return List.of();
    }

    /** One attempt's connection to the platform (an SMTP session, or nothing but the settings for HTTP APIs). */
    Session open(Broadcast broadcast);

    /** Sends one message per call; never throws for what the platform answers. */
    interface Session extends AutoCloseable {

        Delivery send(String address);

        @Override
        void close();
    }

    /**
     * What a post is sent as, the same for every recipient but the unsubscribe link: the publisher's settings and
     * target, its secret in clear, the composed text and the post's view.
     */
    record Broadcast(PostPublisher.Attempt attempt, Publisher publisher, PublisherSettings settings) {
    }

    /**
     * The outcome for one recipient. SENT with the platform's id; REFUSED: the platform will never take it for this
     * recipient (and {@code unsubscribed}: the recipient opted out on the platform); AGAIN: this recipient later, go
     * on with the others; PAUSE: stop this attempt, all later (rate limit, server unreachable), not before
     * {@code after} when the platform said; RECONNECT: the platform refused the credentials; ABORT: the platform
     * refuses the post itself (an unknown template, a sender it does not know), so it would refuse every recipient:
     * the post fails, and the recipients not sent stay unsent for a retry once it is fixed.
     */
    record Delivery(Kind kind, String remoteId, String reason, Duration after, boolean unsubscribed) {

        public enum Kind {
            SENT, REFUSED, AGAIN, PAUSE, RECONNECT, ABORT
        }

        static Delivery sent(String remoteId) {
            return new Delivery(Kind.SENT, remoteId, null, null, false);
        }

        static Delivery refused(String reason) {
            return new Delivery(Kind.REFUSED, null, reason, null, false);
        }

        static Delivery optedOut(String reason) {
            return new Delivery(Kind.REFUSED, null, reason, null, true);
        }

        static Delivery again(String reason) {
            return new Delivery(Kind.AGAIN, null, reason, null, false);
        }

        static Delivery pause(String reason, Duration after) {
            return new Delivery(Kind.PAUSE, null, reason, after, false);
        }

        static Delivery abort(String reason) {
            return new Delivery(Kind.ABORT, null, reason, null, false);
        }

        static Delivery reconnect(String reason) {
            return new Delivery(Kind.RECONNECT, null, reason, null, false);
        }
    }
}
