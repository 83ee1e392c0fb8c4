package io.socialroi.conversion.audience;

import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.conversion.touchpoint.Engagement;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An audience's members: engaged actors from engagement-service's actor search (campaign, stages, recency
 * and minimum intent are applied there, on the events it owns), minus those who converted when the
 * audience excludes them (this service knows the conversions). A page may hold fewer members than asked
 * when converted ones were dropped; follow {@code nextCursor} until it is null.
 */
@ApplicationScoped
public class AudienceMembers {

    static final OffsetDateTime EVER = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final int MAX_PAGES = 200;

    private final Engagement engagement;
    private final MemberLinks links;

    public AudienceMembers(Engagement engagement, MemberLinks links) {
        this.engagement = engagement;
        this.links = links;
    }

    public OffsetDateTime since(AudienceView audience) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(audience.engagedWithinDays());
    }

    public Page<Member> page(UUID workspaceId, AudienceView audience, int limit, String cursor, boolean exclude)
            throws SQLException {
        ActorPage actors = engagement.actors(workspaceId, new ActorQuery(since(audience), audience.campaignId(),
                audience.funnelStages().isEmpty() ? null : audience.funnelStages().stream().map(Enum::name).toList(),
                audience.minIntent(), limit, cursor, audience.eventTypes(), false));
        List<Actor> items = actors.items() == null ? List.of() : actors.items();
        List<String> ids = items.stream().map(Actor::actorId).toList();
        Set<String> converted = links.converted(workspaceId, ids, EVER);
        Map<String, String> customers = links.customers(workspaceId, ids);
        List<Member> members = new ArrayList<>();
        for (Actor actor : items) {
            boolean hasConverted = converted.contains(actor.actorId());
            if (exclude && hasConverted) {
                continue;
            }
            members.add(new Member(actor.actorId(), actor.platform(), actor.lastEngagedAt(), actor.intentScore(),
                    actor.retargeted(), customers.get(actor.actorId()), hasConverted));
        }
        return new Page<>(members, actors.nextCursor());
    }

    /**
     * Every member, page by page, for exports and lift: at most {@value #MAX_PAGES} pages of 500. An audience with
     * more is refused (422 audience-too-large) rather than cut short: an export that stops silently uploads a
     * partial list to an ad platform, and a lift over part of the members is not the audience's.
     */
    public List<Member> all(UUID workspaceId, AudienceView audience, boolean exclude) throws SQLException {
        List<Member> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<Member> page = page(workspaceId, audience, 500, cursor, exclude);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                return all;
            }
        }
        throw new ProblemException(Problem.of(422, "audience-too-large", "Audience too large to export at once",
                "The audience has more than " + MAX_PAGES * 500 + " engaged members: narrow its rules (fewer days, a "
                        + "campaign, stages, a minimum intent) or page through the members as JSON"));
    }

    /** Conversion rate of members reached by retargeting versus not, conversions counted since the window start. */
    public Lift lift(UUID workspaceId, AudienceView audience) throws SQLException {
        OffsetDateTime since = since(audience);
        List<Member> members = all(workspaceId, audience, false);
        Set<String> converted = links.converted(workspaceId, members.stream().map(Member::actorId).toList(), since);
        long reached = 0;
        long reachedConverted = 0;
        long others = 0;
        long othersConverted = 0;
        for (Member member : members) {
            boolean yes = converted.contains(member.actorId());
            if (member.retargeted()) {
                reached++;
                reachedConverted += yes ? 1 : 0;
            } else {
                others++;
                othersConverted += yes ? 1 : 0;
            }
        }
        BigDecimal reachedRate = rate(reachedConverted, reached);
        BigDecimal othersRate = rate(othersConverted, others);
        BigDecimal lift = othersRate.signum() == 0 ? null
                : reachedRate.divide(othersRate, 4, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
        return new Lift(audience.id(), since, new Lift.Group(reached, reachedConverted, reachedRate),
                new Lift.Group(others, othersConverted, othersRate), lift);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
