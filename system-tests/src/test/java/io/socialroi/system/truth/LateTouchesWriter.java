package io.socialroi.system.truth;

import io.socialroi.system.truth.TruthModel.Event;
import io.socialroi.system.truth.TruthModel.Identity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shop reports in real time, the platforms in batches later: posts (known to engagement-service),
 * audiences, costs and the identities, then every conversion (singles and small arrays, shuffled), and
 * only then the engagement, shuffled into batches of 1 to 40 (so a bot's burst arrives split over several
 * requests). Between the two a dashboard reads the reports ({@link #peek()}), so every conversion has been
 * captured before its touches arrive. No identity arrives after a conversion here, so nothing but the late
 * touches themselves can make a conversion's touchpoints be looked at again.
 */
public final class LateTouchesWriter extends WorkspaceWriter {

    public LateTouchesWriter(TruthModel model, SuiteApi api, long orderSeed) {
        super(model, api, orderSeed);
    }

    @Override
    public String name() {
        return "late-touches";
    }

    @Override
    public void write() {
        createCampaigns();
        createPosts(false);
        awaitDirectory(false);
        createAudiences();
        sendCosts();
        List<Identity> identities = new ArrayList<>(model.identities());
        Collections.shuffle(identities, random);
        identities.forEach(this::sendIdentity);
        conversionWrites(model.conversions()).forEach(Runnable::run);
        peek();
        for (List<Event> batch : shuffledBatches(model.events(), 40)) {
            sendEvents(batch);
        }
        peek();
    }
}
