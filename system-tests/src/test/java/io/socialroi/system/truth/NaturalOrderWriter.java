package io.socialroi.system.truth;

import io.socialroi.system.truth.TruthModel.Conversion;
import java.util.Comparator;

/**
 * The order our own tests write in: campaigns and posts first (and their directory entries known to
 * engagement-service before anything refers to them), then the engagement in time order, the identities,
 * the conversions in time order, the costs and the audiences. The reference the other orders must match.
 */
public final class NaturalOrderWriter extends WorkspaceWriter {

    public NaturalOrderWriter(TruthModel model, SuiteApi api) {
        super(model, api, model.seed());
    }

    @Override
    public String name() {
        return "natural";
    }

    @Override
    public void write() {
        createCampaigns();
        createPosts(false);
        awaitDirectory(false);
        sendEvents(chronological(model.events()));
        model.identities().forEach(this::sendIdentity);
        sendConversions(model.conversions().stream().sorted(Comparator.comparing(Conversion::occurredAt)).toList());
        sendCosts();
        createAudiences();
    }
}
