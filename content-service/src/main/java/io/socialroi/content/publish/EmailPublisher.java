package io.socialroi.content.publish;

import io.socialroi.common.net.OutboundGuard;
import io.socialroi.common.problem.FieldError;
import io.socialroi.content.post.Platform;
import io.socialroi.content.post.PlatformOptions;
import io.socialroi.content.post.Post;
import io.socialroi.content.recipient.UnsubscribeTokens;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a post as e-mail over SMTP (RFC 5321; AUTH PLAIN or LOGIN, RFC 4954; STARTTLS, RFC 3207, REQUIRED unless the
 * publisher says otherwise; implicit TLS on port 465) with the Vert.x mail client 4.5 (Quarkus Mailer's own), one
 * message per recipient over one connection per attempt: From the publisher's address, To the recipient, Subject the
 * post's {@code platformOptions.title} (required at submit and schedule), a plain-text body (the post's text, then an
 * unsubscribe line). Each message carries {@code List-Unsubscribe: <https://.../unsubscribe/<token>>} (and a
 * {@code mailto:} when {@code suite.publishing.email.unsubscribe-mailto} is set) and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} (RFC 2369, RFC 8058), the token signed for the recipient ({@link UnsubscribeTokens}).
 *
 * <p>The SMTP host passed the outgoing-address guard when configured and is resolved and checked again at every
 * attempt (the mail client then connects by name, so a DNS change in between is not caught as it is for HTTP).
 * Replies mapped: 535/534 at AUTH (or the server offering no STARTTLS or no usable AUTH) fail the post "reconnect the
 * account"; a 5xx reply for a recipient (RCPT or DATA, e.g. 550 no such user) refuses that recipient; a 4xx reply
 * (e.g. 451 greylisting) tries that recipient again at the next attempt; 421, no connection or no answer pauses the
 * attempt (all remaining recipients later).
 */
@ApplicationScoped
public class EmailPublisher implements RecipientPublisher {

    private final Vertx vertx;
    private final OutboundGuard guard;
    private final UnsubscribeTokens tokens;
    private final PublishingConfig config;
    private final Duration timeout;

    public EmailPublisher(Vertx vertx, OutboundGuard guard, UnsubscribeTokens tokens, PublishingConfig config,
            @ConfigProperty(name = "suite.delivery.timeout", defaultValue = "PT10S") Duration timeout) {
        this.vertx = vertx;
        this.guard = guard;
        this.tokens = tokens;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    public PublisherType type() {
        return PublisherType.EMAIL_SMTP;
    }

    @Override
    public List<FieldError> check(Post post, Publisher publisher) {
        PlatformOptions o = post.platformOptions;
        if (o == null || o.title() == null || o.title().isBlank()) {
            return List.of(new FieldError("platformOptions.title", "is required to send e-mail (the subject)"));
        }
        return List.of();
    }

    /** The one-click unsubscribe URL of a recipient. */
    String unsubscribeUrl(java.util.UUID workspaceId, String address) {
        String base = config.email().unsubscribeUrl();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/unsubscribe/" + tokens.token(workspaceId, Platform.EMAIL, address);
    }

    @Override
    public Session open(Broadcast b) {
        PublisherSettings s = b.settings();
        try {
            guard.resolve(s.smtpHost());
        } catch (OutboundGuard.RefusedAddressException e) {
            return always(Delivery.reconnect("the SMTP host " + s.smtpHost() + " " + OutboundGuard.REFUSED));
        } catch (UnknownHostException e) {
            return always(Delivery.pause("the SMTP host " + s.smtpHost() + " does not resolve", null));
        }
        MailConfig mail = new MailConfig().setHostname(s.smtpHost()).setPort(s.smtpPort())
                .setSsl(s.smtpPort() == 465)
                // Port 465 is TLS from the first byte (RFC 8314); STARTTLS is for the others.
                .setStarttls(s.smtpPort() == 465 ? StartTLSOptions.DISABLED
                        : StartTLSOptions.valueOf(s.startTls() == null ? "REQUIRED" : s.startTls()))
                .setLogin(LoginOption.REQUIRED).setUsername(s.smtpUsername()).setPassword(b.attempt().secret())
                .setKeepAlive(true).setMaxPoolSize(1).setAllowRcptErrors(false)
                .setOwnHostname("social-roi-suite");
        mail.setConnectTimeout((int) timeout.toMillis());
        // The server's certificate must name the host (Vert.x verifies no host name unless told to).
        mail.setHostnameVerificationAlgorithm("HTTPS");
        MailClient client = MailClient.create(vertx, mail);
        PlatformOptions o = b.attempt().view().platformOptions();
        String subject = o == null ? null : o.title();
        return new Session() {
            @Override
            public Delivery send(String address) {
                if (subject == null || subject.isBlank()) {
                    return Delivery.refused("the post has no subject (platformOptions.title)");
                }
                String unsubscribe = unsubscribeUrl(b.attempt().workspaceId(), address);
                MailMessage message = new MailMessage().setFrom(b.publisher().target).setTo(address)
                        .setSubject(subject.strip())
                        .setText(b.attempt().text() + "\n\n--\nUnsubscribe: " + unsubscribe);
                String mailto = config.email().unsubscribeMailto().filter(m -> !m.isBlank())
                        .map(m -> ", <mailto:" + m + "?subject=unsubscribe>").orElse("");
                message.addHeader("List-Unsubscribe", "<" + unsubscribe + ">" + mailto);
                message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                try {
                    MailResult result = client.sendMail(message).toCompletionStage().toCompletableFuture()
                            .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                    return Delivery.sent(result.getMessageID());
                } catch (ExecutionException e) {
                    return outcome(e.getCause());
                } catch (TimeoutException e) {
                    return Delivery.pause("the SMTP server did not answer in time", null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Delivery.pause("interrupted", null);
                }
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    static Delivery outcome(Throwable failure) {
        if (failure instanceof SMTPException smtp) {
            int code = smtp.getReplyCode();
            String said = "SMTP " + code + " " + Texts.shorten(String.join(" ", smtp.getReplyMessages()).strip()
                    .replaceAll("^\\d{3}[ -]", ""));
            if (code == 535 || code == 534) {
                return Delivery.reconnect("the SMTP server refused the login (" + said + ")");
            }
            if (code == 421) {
                return Delivery.pause("the SMTP server is not available (" + said + ")", null);
            }
            return smtp.isPermanent() ? Delivery.refused(said) : Delivery.again(said);
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("STARTTLS") || message.contains("AUTH methods") || message.contains("no credentials")) {
            return Delivery.reconnect("the SMTP server cannot be used as configured (" + message + ")");
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure.getClass().getName().contains("Connect")) {
            return Delivery.pause("could not connect to the SMTP server (" + message + ")", null);
        }
        return Delivery.pause("SMTP: " + Texts.shorten(message), null);
    }

    private static Session always(Delivery d) {
        return new Session() {
            @Override
            public Delivery send(String address) {
                return d;
            }

            @Override
            public void close() {
            }
        };
    }
}
