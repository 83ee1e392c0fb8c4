package io.socialroi.system.truth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One logical workspace, as the generator made it: everything is named by logical keys (campaign name,
 * post caption, actor and customer ids, event ids), never by the ids a service hands out, so the same
 * model can be written into several workspaces and their reports compared after mapping ids back.
 */
public record TruthModel(long seed, LocalDate from, LocalDate to, List<Campaign> campaigns, List<Post> posts,
        List<Event> events, List<Identity> identities, List<Conversion> conversions, List<Cost> costs,
        List<Audience> audiences, List<String> actors, List<String> customers) {

    public record Campaign(String name, String objective) {
    }

    /** A post's final state; {@code draftCampaign}/{@code draftStage} are what an editing order starts with. */
    public record Post(String caption, String campaign, String platform, String stage, String landingUrl,
            String draftCampaign, String draftStage) {
    }

    /** An engagement event; {@code post} is a caption (null for a FOLLOW without a post). */
    public record Event(String eventId, String type, String platform, String post, String actorId, Instant occurredAt,
            boolean retargeting, String commentText) {
    }

    public record Identity(String customerId, String actorId, String platform) {
    }

    /** {@code value} null for a lead without a value. */
    public record Conversion(String eventId, String type, BigDecimal value, Instant occurredAt, String customerId,
            List<String> actorIds) {
    }

    public record Cost(String campaign, String platform, BigDecimal amount, LocalDate day) {
    }

    /** {@code campaign} null for every campaign; {@code eventTypes} null for the default. */
    public record Audience(String name, int engagedWithinDays, String campaign, List<String> stages,
            List<String> eventTypes, boolean excludeConverted) {
    }

    public Post post(String caption) {
        return posts.stream().filter(p -> p.caption().equals(caption)).findFirst().orElseThrow();
    }
}
