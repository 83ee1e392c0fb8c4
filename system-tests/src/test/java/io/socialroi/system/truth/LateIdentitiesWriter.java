package io.socialroi.system.truth;

import io.socialroi.system.truth.TruthModel.Event;
import io.socialroi.system.truth.TruthModel.Identity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CRM links people to customers last: posts (known to engagement-service), then the conversions
 * (shuffled, singles and small arrays), the engagement in batches of 1 to 80, costs and audiences, and
 * only then the identities, one by one in random order, after the purchases they explain; a dashboard
 * reads the reports before the identities arrive and once in between ({@link #peek()}).
 */
public final class LateIdentitiesWriter extends WorkspaceWriter {

    public LateIdentitiesWriter(TruthModel model, SuiteApi api, long orderSeed) {
        super(model, api, orderSeed);
    }

    @Override
    public String name() {
        return "late-identities";
    }

    @Override
    public void write() {
        createCampaigns();
        createPosts(false);
        awaitDirectory(false);
        conversionWrites(model.conversions()).forEach(Runnable::run);
        for (List<Event> batch : shuffledBatches(model.events(), 80)) {
            sendEvents(batch);
        }
        sendCosts();
        createAudiences();
        peek();
        List<Runnable> writes = new ArrayList<>();
        for (Identity identity : model.identities()) {
            writes.add(() -> sendIdentity(identity));
        }
        Collections.shuffle(writes, random);
        addPeeks(writes, 1);
        writes.forEach(Runnable::run);
    }
}
