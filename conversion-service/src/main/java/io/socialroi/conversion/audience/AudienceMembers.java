package io.socialroi.conversion.audience;

import io.socialroi.common.paging.Page;
import io.socialroi.common.problem.Problem;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.conversion.touchpoint.Engagement;
import io.socialroi.conversion.touchpoint.Touchpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An audience's members: engaged actors from engagement-service's actor search (campaign, stages, recency
 * and minimum intent are applied there, on the events it owns), minus those who converted when the
 * audience excludes them (this service knows the conversions), and in exports minus the holdout ({@link Holdout}).
 * A page may hold fewer members than asked when converted or held-out ones were dropped; follow {@code nextCursor}
 * until it is null.
 */
@ApplicationScoped
public class AudienceMembers {

    static final OffsetDateTime EVER = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final int MAX_PAGES = 200;
    /** Actors per touchpoint search when looking for first exposures. */
    static final int EXPOSURE_CHUNK = 250;

    private final Engagement engagement;
    private final MemberLinks links;

    public AudienceMembers(Engagement engagement, MemberLinks links) {
        this.engagement = engagement;
        this.links = links;
    }

    public OffsetDateTime since(AudienceView audience) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(audience.engagedWithinDays());
    }

    /** What an export carries: the members outside the holdout, and how many the holdout kept back. */
    public record Exported(Page<Member> page, long heldOut) {
    }

    /**
     * One page of the audience as exported: members in the holdout ({@link Holdout}) are left out and counted. The
     * holdout is decided per member, so it is the same whatever the page size and on every export.
     */
    public Exported page(UUID workspaceId, AudienceView audience, int limit, String cursor, boolean exclude)
            throws SQLException {
        Page<Member> page = read(workspaceId, audience, limit, cursor, exclude);
        List<Member> kept = new ArrayList<>();
        for (Member member : page.items()) {
            if (!Holdout.heldOut(audience.id(), member.actorId(), audience.holdoutPercent())) {
                kept.add(member);
            }
        }
        return new Exported(new Page<>(kept, page.nextCursor()), page.items().size() - kept.size());
    }

    /** Every member as exported (the holdout left out and counted): see {@link #everyone}. */
    public Exported all(UUID workspaceId, AudienceView audience, boolean exclude) throws SQLException {
        List<Member> everyone = everyone(workspaceId, audience, exclude);
        List<Member> kept = everyone.stream()
                .filter(m -> !Holdout.heldOut(audience.id(), m.actorId(), audience.holdoutPercent())).toList();
        return new Exported(new Page<>(kept, null), everyone.size() - kept.size());
    }

    private Page<Member> read(UUID workspaceId, AudienceView audience, int limit, String cursor, boolean exclude)
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
     * Every member, the holdout included, page by page, for exports and lift: at most {@value #MAX_PAGES} pages of 500. An audience with
     * more is refused (422 audience-too-large) rather than cut short: an export that stops silently uploads a
     * partial list to an ad platform, and a lift over part of the members is not the audience's.
     */
    List<Member> everyone(UUID workspaceId, AudienceView audience, boolean exclude) throws SQLException {
        List<Member> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<Member> page = read(workspaceId, audience, 500, cursor, exclude);
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

    /**
     * Lift. Always the observational comparison of members reached by retargeting with the others, conversions
     * counted since the window start. With a holdout, also the randomised one: a member outside the holdout is
     * exposed at its first engagement with {@code retargeting: true} at or after the audience's creation (any event
     * type, impressions included) and converted when it has a conversion at or after that instant; the holdout is
     * measured from the median of those first exposures (see the README, "Lift with a holdout").
     */
    public Lift lift(UUID workspaceId, AudienceView audience) throws SQLException {
        OffsetDateTime since = since(audience);
        List<Member> members = everyone(workspaceId, audience, false);
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
        Lift.Group reachedGroup = Lift.Group.of(reached, reachedConverted);
        Lift.Group othersGroup = Lift.Group.of(others, othersConverted);
        if (Holdout.threshold(audience.holdoutPercent()) == 0) {
            return Lift.observational(audience.id(), since, reachedGroup, othersGroup);
        }
        OffsetDateTime from = audience.createdAt();
        Map<String, OffsetDateTime> exposure = firstExposures(workspaceId,
                members.stream().map(Member::actorId).toList(), from);
        Map<String, OffsetDateTime> exposed = new HashMap<>();
        List<String> holdout = new ArrayList<>();
        long holdoutReached = 0;
        long notExposed = 0;
        for (Member member : members) {
            OffsetDateTime first = exposure.get(member.actorId());
            if (Holdout.heldOut(audience.id(), member.actorId(), audience.holdoutPercent())) {
                holdout.add(member.actorId());
                holdoutReached += first == null ? 0 : 1;
            } else if (first == null) {
                notExposed++;
            } else {
                exposed.put(member.actorId(), first);
            }
        }
        OffsetDateTime holdoutFrom = median(exposed.values(), from);
        Map<String, OffsetDateTime> holdoutStarts = new HashMap<>();
        holdout.forEach(actor -> holdoutStarts.put(actor, holdoutFrom));
        long exposedConverted = links.convertedAfter(workspaceId, exposed).size();
        long holdoutConverted = links.convertedAfter(workspaceId, holdoutStarts).size();
        return Lift.holdout(audience.id(), since, reachedGroup, othersGroup, audience.holdoutPercent(), from,
                holdoutFrom, Lift.Group.of(exposed.size(), exposedConverted),
                Lift.Group.of(holdout.size(), holdoutConverted), holdoutReached, notExposed);
    }

    /**
     * Each actor's first engagement with {@code retargeting: true} at or after {@code from}, from engagement-service's
     * touchpoint search (ordered by time), {@value #EXPOSURE_CHUNK} actors a request so that an answer stays within
     * the search's 50,000 touchpoints.
     */
    private Map<String, OffsetDateTime> firstExposures(UUID workspaceId, List<String> actors, OffsetDateTime from) {
        Map<String, OffsetDateTime> first = new HashMap<>();
        for (int start = 0; start < actors.size(); start += EXPOSURE_CHUNK) {
            List<String> chunk = actors.subList(start, Math.min(actors.size(), start + EXPOSURE_CHUNK));
            for (Touchpoint t : engagement.touchpoints(workspaceId, chunk, List.of(), from, null)) {
                if (t.retargeting() && t.actorId() != null && !t.occurredAt().isBefore(from)) {
                    first.merge(t.actorId(), t.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return first;
    }

    /** The median instant (the lower middle one of an even count); {@code none} when there is none. */
    static OffsetDateTime median(Collection<OffsetDateTime> instants, OffsetDateTime none) {
        if (instants.isEmpty()) {
            return none;
        }
        List<OffsetDateTime> sorted = instants.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
