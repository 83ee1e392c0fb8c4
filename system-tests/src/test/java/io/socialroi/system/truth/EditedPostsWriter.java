package io.socialroi.system.truth;

import io.socialroi.system.truth.TruthModel.Event;
import io.socialroi.system.truth.TruthModel.Identity;
import io.socialroi.system.truth.TruthModel.Post;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An editor moves posts: every post is created in another campaign and funnel stage than its final ones
 * (and engagement-service's directory holds those), then events (batches of 1 to 25), conversions and
 * identities arrive shuffled together, with the PATCHes to the final campaign and stage spread over the
 * second half of those writes, so some events arrive before and some after their post's edit; a dashboard
 * reads the reports three times in between ({@link #peek()}).
 */
public final class EditedPostsWriter extends WorkspaceWriter {

    public EditedPostsWriter(TruthModel model, SuiteApi api, long orderSeed) {
        super(model, api, orderSeed);
    }

    @Override
    public String name() {
        return "edited-posts";
    }

    @Override
    public void write() {
        createCampaigns();
        createPosts(true);
        awaitDirectory(true);
        List<Runnable> writes = new ArrayList<>();
        for (List<Event> batch : shuffledBatches(model.events(), 25)) {
            writes.add(() -> sendEvents(batch));
        }
        writes.addAll(conversionWrites(model.conversions()));
        for (Identity identity : model.identities()) {
            writes.add(() -> sendIdentity(identity));
        }
        Collections.shuffle(writes, random);
        List<Post> posts = new ArrayList<>(model.posts());
        Collections.shuffle(posts, random);
        for (Post post : posts) {
            int at = writes.size() / 2 + random.nextInt(writes.size() - writes.size() / 2 + 1);
            writes.add(at, () -> editToFinal(post));
        }
        addPeeks(writes, 3);
        writes.forEach(Runnable::run);
        createAudiences();
        sendCosts();
    }
}
