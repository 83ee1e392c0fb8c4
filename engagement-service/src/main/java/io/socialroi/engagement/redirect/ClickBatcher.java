package io.socialroi.engagement.redirect;

import io.quarkus.logging.Log;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.engagement.directory.LinkCache;
import io.socialroi.engagement.directory.PostDirectory;
import io.socialroi.engagement.directory.PostEntry;
import io.socialroi.engagement.event.EventType;
import io.socialroi.engagement.event.EventWriter;
import io.socialroi.engagement.event.IncomingEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of the redirect (issue 15). A click used to be a directory lookup and a transaction of its own
 * (about 2 ms of PostgreSQL), which bounded the redirect near 500 clicks a second. Now every request to
 * {@code /r/{code}} is queued as it arrives, and a few writer threads ({@code engagement.redirect.writers}, 2)
 * each take every request waiting at that moment (up to {@code engagement.redirect.batch-max}) and handle them
 * together: one directory read for the batch's codes ({@link PostDirectory#byCodes}), the visitor and counting
 * decisions of each click ({@link VisitorIds}, {@link ClickCounter}), then one transaction for the batch's bot
 * hits and one {@link EventWriter} batch per workspace for its human clicks. Nothing waits on purpose: a lone
 * click is handled at once, and batches grow only while the writers are busy with the previous ones.
 *
 * <p>Durability: a request is answered after its batch committed, so a 302 that counts a click means the click
 * is stored, as before. A request not answered within {@code engagement.redirect.commit-wait} (2 s; the database
 * is slow or gone) is answered at that moment ({@link #expire}): when its link was already read and its batch is
 * being committed, with that redirect (the click is stored with its batch a moment later, or lost and logged if
 * the commit fails); when it was not read yet, with a redirect to the entry the code last resolved to on this
 * replica ({@link LinkCache}), not counted, or a 503 problem+json when the replica never resolved the code. The
 * same answer goes to a request that finds {@code engagement.redirect.queue-max} requests already waiting, or
 * arrives after {@link #stop}. So every request is answered once, and a click is either stored or answered as
 * not counted; none is dropped without a word.
 *
 * <p>Numbers: a batch of clicks is an ordinary ingestion batch (same dedupe by event id, rollups, change feed),
 * so the summary cannot tell batched clicks from clicks written one by one ({@code ClickBatchingTest},
 * {@code RedirectMixTest}). Two clicks of one batch with the same event id (a visitor's repeat within the
 * window, racing) are one event, as they would be in two transactions.
 */
@ApplicationScoped
public class ClickBatcher {

    /** What the redirect saw of one request. {@code botReason} is null for a person's click. */
    public record ClickRequest(String code, String botReason, String userAgent, String cookie, String address) {
    }

    /**
     * The answer to one request: a 302 ({@code location}, the visitor cookie to set or null) or a problem.
     * {@code counted}: the request's click is stored (committed) as the answer goes out.
     */
    public record Answer(int status, String location, String setCookie, Problem problem, Map<String, String> headers,
            boolean counted) {

        static Answer redirect(String location, String setCookie, boolean counted) {
            return new Answer(302, location, setCookie, null, Map.of(), counted);
        }

        static Answer problem(ProblemException e) {
            return new Answer(e.problem().status(), null, null, e.problem(), e.headers(), false);
        }

        Answer uncounted() {
            return counted ? new Answer(status, location, setCookie, problem, headers, false) : this;
        }
    }

    /** One queued request; answered exactly once, by its batch or by {@link #expire}. */
    public static final class Pending {
        private static final int QUEUED = 0;
        private static final int WRITING = 1;
        private static final int ANSWERED = 2;
        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Pending.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final ClickRequest request;
        private final Consumer<Answer> done;
        private volatile int state;
        /** The answer once the batch has decided it; published by the QUEUED to WRITING transition. */
        private Answer answer;
        private PostEntry post;
        private IncomingEvent click;
        private UUID clickId;
        /** For the caller (the route keeps its deadline timer here). */
        public long timer;

        Pending(ClickRequest request, Consumer<Answer> done) {
            this.request = request;
            this.done = done;
        }

        private boolean move(int from, int to) {
            return STATE.compareAndSet(this, from, to);
        }

        private void deliver(Answer a) {
            try {
                done.accept(a);
            } catch (RuntimeException e) {
                Log.warnf(e, "Redirect answer for %s not delivered", request.code());
            }
        }
    }

    static final String COOKIE = "smv";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final PostDirectory directory;
    private final LinkCache links;
    private final EventWriter writer;
    private final ClickRecorder recorder;
    private final VisitorIds visitors;
    private final ClickCounter counter;
    private final int writers;
    private final int batchMax;
    private final long commitWaitMillis;
    private final String cookieAttributes;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public ClickBatcher(PostDirectory directory, LinkCache links, EventWriter writer, ClickRecorder recorder,
            VisitorIds visitors, ClickCounter counter,
            @ConfigProperty(name = "engagement.redirect.writers", defaultValue = "2") int writers,
            @ConfigProperty(name = "engagement.redirect.batch-max", defaultValue = "500") int batchMax,
            @ConfigProperty(name = "engagement.redirect.queue-max", defaultValue = "20000") int queueMax,
            @ConfigProperty(name = "engagement.redirect.commit-wait", defaultValue = "PT2S") Duration commitWait,
            @ConfigProperty(name = "engagement.redirect.secure-cookie", defaultValue = "false") boolean secureCookie) {
        this.directory = directory;
        this.links = links;
        this.writer = writer;
        this.recorder = recorder;
        this.visitors = visitors;
        this.counter = counter;
        this.writers = Math.max(1, writers);
        this.batchMax = Math.max(1, batchMax);
        this.commitWaitMillis = Math.max(1, commitWait.toMillis());
        // As RESTEasy writes a NewCookie (the redirect answered through JAX-RS before issue 15).
        this.cookieAttributes = ";Version=1;Path=/r;Max-Age=" + ONE_YEAR + (secureCookie ? ";Secure" : "")
                + ";HttpOnly;SameSite=Lax";
        this.queue = new LinkedBlockingQueue<>(Math.max(1, queueMax));
        this.running = true;
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().daemon().name("click-writer-" + i).start(this::run));
        }
    }

    /** How long a request waits for its batch before {@link #expire} answers it. */
    public long commitWaitMillis() {
        return commitWaitMillis;
    }

    /** Requests waiting for a writer. */
    public int queued() {
        return queue.size();
    }

    /** A request to submit; {@code done} receives its answer once, from a writer thread or from {@link #expire}. */
    public Pending pending(ClickRequest request, Consumer<Answer> done) {
        return new Pending(request, done);
    }

    /** Queues the request; never blocks. Refused (stopped, or too many waiting): answered at once, not counted. */
    public void submit(Pending p) {
        if (!running || !queue.offer(p)) {
            Log.warnf("Click on %s not counted: %s", p.request.code(),
                    running ? queue.size() + " requests already wait for the database" : "the service is stopping");
            expire(p);
        }
    }

    /**
     * Answers the request now if its batch has not: with the batch's redirect when the link was read and the
     * commit is under way, else with {@link #unresolved}. Nothing when it was answered already.
     */
    public void expire(Pending p) {
        if (p.move(Pending.QUEUED, Pending.ANSWERED)) {
            p.deliver(unresolved(p.request));
        } else if (p.move(Pending.WRITING, Pending.ANSWERED)) {
            Log.warnf("Click on %s: no commit within %d ms; redirected first, stored with its batch", p.request.code(),
                    commitWaitMillis);
            p.deliver(p.answer.uncounted());
        }
    }

    /**
     * A request its batch could not decide in time: redirected to the entry the code last resolved to on this
     * replica (a random smclid, no cookie, not counted), or 503 when the replica never resolved it.
     */
    private Answer unresolved(ClickRequest r) {
        Optional<PostEntry> known = links.lastKnown(r.code()).filter(p -> p.trackedLink() != null);
        if (known.isEmpty()) {
            return Answer.problem(new ProblemException(Problem.of(503, "database-unavailable", "Service Unavailable",
                    "The tracked link cannot be looked up right now. Retry later."), Map.of("Retry-After", "5")));
        }
        return Answer.redirect(RedirectResource.withClickId(known.get().trackedLink().destination(),
                UUID.randomUUID()), null, false);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchMax);
        while (true) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Only stop() ends the loop, once what is queued has been handled.
                continue;
            }
            if (first == null) {
                if (!running) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, batchMax - 1);
            handle(batch);
            batch.clear();
        }
    }

    /** One batch: decide every request, store what counts, answer each once. */
    void handle(List<Pending> batch) {
        try {
            decideAndWrite(batch);
        } catch (RuntimeException e) {
            Log.errorf(e, "Click writer: unexpected failure; %d requests answered without counting", batch.size());
        } finally {
            for (Pending p : batch) {
                // Whatever went wrong above, no request stays unanswered.
                if (p.move(Pending.WRITING, Pending.ANSWERED)) {
                    p.deliver(p.answer.uncounted());
                } else {
                    expire(p);
                }
            }
        }
    }

    private void decideAndWrite(List<Pending> batch) {
        Set<String> codes = new HashSet<>();
        for (Pending p : batch) {
            codes.add(p.request.code());
        }
        Map<String, PostEntry> found;
        SQLException failure = null;
        try {
            found = directory.byCodes(codes);
        } catch (SQLException e) {
            failure = e;
            found = Map.of();
        }
        Instant now = Instant.now();
        List<Pending> bots = new ArrayList<>();
        Map<UUID, List<Pending>> humans = new LinkedHashMap<>();
        for (Pending p : batch) {
            if (p.state != Pending.QUEUED) {
                continue; // answered at its deadline already: neither counted nor answered again
            }
            ClickRequest r = p.request;
            PostEntry post = found.get(r.code());
            if (failure != null) {
                post = links.lastKnown(r.code()).orElse(null);
                if (post == null) {
                    Log.warnf("Post directory unreadable (%s): tracked link %s not known on this replica",
                            failure.getMessage(), r.code());
                    answerNow(p, Answer.problem(PostDirectory.lookupFailed(failure)));
                    continue;
                }
                Log.warnf("Post directory unreadable (%s): tracked link %s answered from this replica's last lookup",
                        failure.getMessage(), r.code());
            }
            if (post == null || post.trackedLink() == null) {
                answerNow(p, Answer.problem(ProblemException.notFound("Tracked link " + r.code())));
                continue;
            }
            String destination = post.trackedLink().destination();
            if (r.botReason() != null) {
                p.post = post;
                p.answer = Answer.redirect(RedirectResource.withClickId(destination, UUID.randomUUID()), null, true);
                if (p.move(Pending.QUEUED, Pending.WRITING)) {
                    bots.add(p);
                }
                continue;
            }
            Optional<VisitorIds.Visitor> visitor = visitors.of(r.cookie());
            if (visitor.isEmpty()) {
                // No visitor key (database unreachable since start): redirected, not counted.
                answerNow(p, Answer.redirect(RedirectResource.withClickId(destination, UUID.randomUUID()), null,
                        false));
                continue;
            }
            String setCookie = visitor.get().issued() ? COOKIE + "=" + visitor.get().cookie() + cookieAttributes : null;
            ClickCounter.Click click = counter.click(post, visitor.get(), r.address(), now);
            String location = RedirectResource.withClickId(destination, click.clickId());
            if (!click.count()) {
                answerNow(p, Answer.redirect(location, setCookie, false));
                continue;
            }
            p.post = post;
            p.clickId = click.clickId();
            p.click = new IncomingEvent("click:" + click.clickId(), EventType.CLICK, post.platform(), post.postId(),
                    null, click.actorId(), click.clickId(), now, false, null, null);
            p.answer = Answer.redirect(location, setCookie, true);
            if (p.move(Pending.QUEUED, Pending.WRITING)) {
                humans.computeIfAbsent(post.workspaceId(), k -> new ArrayList<>()).add(p);
            }
        }
        writeBots(bots);
        for (Map.Entry<UUID, List<Pending>> ws : humans.entrySet()) {
            writeClicks(ws.getKey(), ws.getValue());
        }
    }

    private static void answerNow(Pending p, Answer a) {
        if (p.move(Pending.QUEUED, Pending.ANSWERED)) {
            p.deliver(a);
        }
    }

    private static void finish(Pending p, boolean stored) {
        if (p.move(Pending.WRITING, Pending.ANSWERED)) {
            p.deliver(stored ? p.answer : p.answer.uncounted());
        }
    }

    private void writeBots(List<Pending> bots) {
        if (bots.isEmpty()) {
            return;
        }
        List<ClickRecorder.BotHit> hits = new ArrayList<>(bots.size());
        for (Pending p : bots) {
            hits.add(new ClickRecorder.BotHit(p.post, p.request.botReason(), p.request.userAgent()));
        }
        boolean stored = recorder.bots(hits);
        for (Pending p : bots) {
            finish(p, stored);
        }
    }

    /** One EventWriter batch; the requests of one event id (racing repeats) share it and its outcome. */
    private void writeClicks(UUID workspaceId, List<Pending> clicks) {
        Map<String, IncomingEvent> events = new LinkedHashMap<>(clicks.size() * 2);
        for (Pending p : clicks) {
            events.putIfAbsent(p.click.eventId(), p.click);
        }
        boolean stored;
        try {
            writer.write(workspaceId, new ArrayList<>(events.values()));
            stored = true;
        } catch (RuntimeException e) {
            Log.warnf("%d clicks of workspace %s not recorded: %s", events.size(), workspaceId, e.getMessage());
            stored = false;
        }
        for (Pending p : clicks) {
            if (stored) {
                counter.stored(p.clickId);
            }
            finish(p, stored);
        }
    }

    /**
     * Refuses new requests (answered at once, not counted), lets the writers handle everything queued, and
     * answers what is left if they do not finish within the commit wait and a few seconds (the database hangs);
     * when no writer runs (they ended or were never started), this thread handles the rest itself.
     */
    @PreDestroy
    void stop() {
        running = false;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(commitWaitMillis + 5000);
        for (Thread t : threads) {
            long left = until - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean writing = threads.stream().anyMatch(Thread::isAlive);
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (rest.isEmpty()) {
            return;
        }
        if (writing) {
            Log.warnf("Stopping: %d requests not handled by the click writers in time, answered without counting",
                    rest.size());
            rest.forEach(this::expire);
            return;
        }
        for (int from = 0; from < rest.size(); from += batchMax) {
            handle(new ArrayList<>(rest.subList(from, Math.min(rest.size(), from + batchMax))));
        }
    }
}
