package io.socialroi.system.truth;

import io.socialroi.system.truth.TruthModel.Event;
import io.socialroi.system.truth.TruthModel.Identity;
import io.socialroi.testing.TcpProxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Events sent the instant a post is created, before engagement-service has heard of it. engagement-service
 * learns a post only from content-service's registration (its outbox); SuiteCluster routes content-service's
 * calls to engagement-service through a {@link TcpProxy}, which this order cuts while it creates the posts
 * and sends every event, conversion and identity (shuffled together, events in batches of 1 to 60). It
 * checks that engagement-service really answers 404 for a post at that point (and warns when it does not),
 * so the path under test is the real one: events stored for a post the directory does not know. A dashboard reads the reports three times
 * in between ({@link #peek()}). Then the proxy is restored, the outbox
 * delivers the registrations, and costs and audiences follow.
 */
public final class UnknownPostsWriter extends WorkspaceWriter {

    public UnknownPostsWriter(TruthModel model, SuiteApi api, long orderSeed) {
        super(model, api, orderSeed);
    }

    @Override
    public String name() {
        return "events-before-posts";
    }

    @Override
    public void write() {
        TcpProxy proxy = api.suite().contentToEngagement();
        createCampaigns();
        proxy.cut();
        try {
            createPosts(false);
            String first = id("post", model.posts().get(0).caption());
            SuiteApi.Answer entry = api.directoryEntry(first);
            if (entry.status() != 404) {
                // Not the property under test, so not a failure: an engagement-service that learns posts some
                // other way (asking content-service) never sees an unknown post; say so, the order still runs.
                System.out.printf("WARNING: engagement-service knew post %s while its registration was held back (%d):"
                        + " order %s does not exercise events for an unknown post%n", first, entry.status(), name());
            }
            List<Runnable> writes = new ArrayList<>();
            for (List<Event> batch : shuffledBatches(model.events(), 60)) {
                writes.add(() -> sendEvents(batch));
            }
            writes.addAll(conversionWrites(model.conversions()));
            for (Identity identity : model.identities()) {
                writes.add(() -> sendIdentity(identity));
            }
            Collections.shuffle(writes, random);
            addPeeks(writes, 3);
            writes.forEach(Runnable::run);
        } finally {
            proxy.restore();
        }
        sendCosts();
        createAudiences();
    }
}
