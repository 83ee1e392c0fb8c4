package io.socialroi.content.post;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a native publisher posts: the caption, then a line with the call to action and the tracked link (the
 * link that counts clicks), when the post has a landing URL. Webhook publishers get the parts separately.
 */
public final class PostText {

    private PostText() {
    }

    public static String compose(String caption, String callToAction, String trackedLinkUrl) {
        List<String> parts = new ArrayList<>();
        if (caption != null && !caption.isBlank()) {
            parts.add(caption.strip());
        }
        if (trackedLinkUrl != null) {
            parts.add(callToAction == null || callToAction.isBlank() ? trackedLinkUrl
                    : callToAction.strip() + ": " + trackedLinkUrl);
        }
        return String.join("\n\n", parts);
    }

    /** Where a person posts a hand-off. Quora documents no compose or share link, so its home page. */
    public static String handoffUrl(Platform platform) {
        return platform == Platform.QUORA ? "https://www.quora.com/" : null;
    }
}
