package io.socialroi.system.truth;

import io.socialroi.system.truth.TruthModel.Audience;
import io.socialroi.system.truth.TruthModel.Campaign;
import io.socialroi.system.truth.TruthModel.Conversion;
import io.socialroi.system.truth.TruthModel.Cost;
import io.socialroi.system.truth.TruthModel.Event;
import io.socialroi.system.truth.TruthModel.Identity;
import io.socialroi.system.truth.TruthModel.Post;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random small workspaces from a seed: 2-3 campaigns, 6-10 posts on several platforms and funnel stages
 * with landing URLs, people engaging (every type, views included, some retargeted), one or two bots with a
 * burst of at least {@link #BURST_PER_MINUTE} likes in one minute, a farm of accounts posting one identical
 * comment, customers linked to some of the people, leads and purchases (some customers buy twice, one
 * buys without any known actor), and ad spend per campaign. Every instant is a distinct second in the
 * last five days before {@code now}, so "in time order" is one order whatever ids a workspace hands out.
 */
public final class TruthGenerator {

    /** engagement-service's default {@code burstPerMinute}. */
    public static final int BURST_PER_MINUTE = 20;
    /** engagement-service's default {@code identicalCommentActors}. */
    public static final int IDENTICAL_COMMENT_ACTORS = 5;

    private static final List<String> PLATFORMS = List.of("INSTAGRAM", "TIKTOK", "FACEBOOK", "LINKEDIN");
    private static final List<String> STAGES = List.of("ATTENTION", "INTEREST", "TRUST", "ACTION");
    private static final List<String> CAMPAIGNS = List.of("Spring sale", "Summer launch", "Autumn stories");
    private static final List<String> OBJECTIVES = List.of("SALES", "AWARENESS", "LEADS");
    private static final String[] HUMAN_TYPES = {"IMPRESSION", "IMPRESSION", "IMPRESSION", "VIEW", "VIEW", "VIEW",
        "LIKE", "LIKE", "LIKE", "COMMENT", "SHARE", "SAVE", "CLICK", "CLICK", "DM", "MENTION"};

    private final Random random;
    private final Instant now;
    private final Set<Long> usedSeconds = new HashSet<>();

    private TruthGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The workspace of {@code seed}; {@code now} anchors its times (the same for every order of one run). */
    public static TruthModel generate(long seed, Instant now, ZoneId zone) {
        return new TruthGenerator(seed, now).model(seed, zone);
    }

    private TruthModel model(long seed, ZoneId zone) {
        List<Campaign> campaigns = new ArrayList<>();
        int campaignCount = 2 + random.nextInt(2);
        for (int i = 0; i < campaignCount; i++) {
            campaigns.add(new Campaign(CAMPAIGNS.get(i), OBJECTIVES.get(i)));
        }
        List<Post> posts = new ArrayList<>();
        int postCount = 6 + random.nextInt(5);
        for (int i = 0; i < postCount; i++) {
            // The first posts cover every platform in use and every stage, the rest are random.
            String platform = i < 3 ? PLATFORMS.get(i) : pick(PLATFORMS);
            String stage = i < STAGES.size() ? STAGES.get(i) : pick(STAGES);
            String campaign = campaigns.get(i < campaignCount ? i : random.nextInt(campaignCount)).name();
            String draftCampaign = other(campaigns.stream().map(Campaign::name).toList(), campaign);
            posts.add(new Post("Post " + (i + 1) + " of seed " + seed, campaign, platform, stage,
                    "https://shop.example/p/" + (i + 1) + "?ref=social", draftCampaign, other(STAGES, stage)));
        }

        List<Event> events = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        List<String> humans = new ArrayList<>();
        int humanCount = 10 + random.nextInt(7);
        for (int h = 0; h < humanCount; h++) {
            Post home = pick(posts);
            String actor = prefix(home.platform()) + "person" + h;
            humans.add(actor);
            actors.add(actor);
            List<Post> own = posts.stream().filter(p -> p.platform().equals(home.platform())).toList();
            boolean retargeted = random.nextInt(3) == 0;
            int n = 2 + random.nextInt(7);
            for (int e = 0; e < n; e++) {
                Post post = pick(own);
                String type = HUMAN_TYPES[random.nextInt(HUMAN_TYPES.length)];
                events.add(new Event("e-" + events.size(), type, post.platform(), post.caption(), actor,
                        instant(Duration.ofDays(5), Duration.ofMinutes(30)), retargeted && random.nextBoolean(),
                        "COMMENT".equals(type) ? "Lovely, where can I buy it? #" + h + "-" + e : null));
            }
            if (random.nextInt(4) == 0) {
                events.add(new Event("e-" + events.size(), "FOLLOW", home.platform(), null, actor,
                        instant(Duration.ofDays(5), Duration.ofMinutes(30)), false, null));
            }
        }
        int bots = 1 + random.nextInt(2);
        for (int b = 0; b < bots; b++) {
            Post target = pick(posts);
            String bot = prefix(target.platform()) + "bot" + b;
            actors.add(bot);
            List<Post> own = posts.stream().filter(p -> p.platform().equals(target.platform())).toList();
            Instant minute = instant(Duration.ofDays(4), Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
            int burst = BURST_PER_MINUTE + random.nextInt(6);
            List<Integer> seconds = new ArrayList<>();
            for (int s = 0; s < 60; s++) {
                seconds.add(s);
            }
            java.util.Collections.shuffle(seconds, random);
            for (int i = 0; i < burst; i++) {
                Instant at = minute.plusSeconds(seconds.get(i));
                usedSeconds.add(at.getEpochSecond());
                events.add(new Event("e-" + events.size(), random.nextInt(5) == 0 ? "COMMENT" : "LIKE",
                        target.platform(), pick(own).caption(), bot, at, false, "nice pic " + i));
            }
            // Outside its burst the bot also views and clicks: real-engagement figures must leave those out too.
            events.add(new Event("e-" + events.size(), "VIEW", target.platform(), target.caption(), bot,
                    instant(Duration.ofDays(5), Duration.ofMinutes(30)), false, null));
            events.add(new Event("e-" + events.size(), "CLICK", target.platform(), target.caption(), bot,
                    instant(Duration.ofDays(5), Duration.ofMinutes(30)), false, null));
        }
        Post farmed = pick(posts);
        for (int f = 0; f < IDENTICAL_COMMENT_ACTORS; f++) {
            String farm = prefix(farmed.platform()) + "farm" + f;
            actors.add(farm);
            events.add(new Event("e-" + events.size(), "COMMENT", farmed.platform(), farmed.caption(), farm,
                    instant(Duration.ofDays(5), Duration.ofMinutes(30)), false, "Follow me for free followers!!"));
            events.add(new Event("e-" + events.size(), "LIKE", farmed.platform(), farmed.caption(), farm,
                    instant(Duration.ofDays(5), Duration.ofMinutes(30)), false, null));
        }

        List<Identity> identities = new ArrayList<>();
        List<Conversion> conversions = new ArrayList<>();
        List<String> customers = new ArrayList<>();
        List<String> free = new ArrayList<>(humans);
        java.util.Collections.shuffle(free, random);
        int customerCount = 4 + random.nextInt(4);
        for (int c = 0; c < customerCount; c++) {
            String customer = "customer-" + c;
            customers.add(customer);
            List<String> own = new ArrayList<>();
            // The last customer has no known actor: its purchase stays unattributed.
            int links = c == customerCount - 1 ? 0 : 1 + random.nextInt(2);
            for (int l = 0; l < links && !free.isEmpty(); l++) {
                String actor = free.remove(0);
                own.add(actor);
                identities.add(new Identity(customer, actor, platformOf(actor)));
            }
            List<String> named = own.isEmpty() || random.nextBoolean() ? List.of() : List.of(own.get(0));
            if (random.nextInt(5) < 3) {
                conversions.add(new Conversion("lead-" + c, random.nextBoolean() ? "LEAD" : "SIGNUP", null,
                        instant(Duration.ofDays(4), Duration.ofMinutes(20)), customer, named));
            }
            int purchases = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 2 : 1;
            if (c == customerCount - 1 || (c == 0 && purchases < 2)) {
                purchases = c == 0 ? 2 : Math.max(1, purchases);
            }
            for (int p = 0; p < purchases; p++) {
                conversions.add(new Conversion("order-" + c + "-" + p, "PURCHASE",
                        BigDecimal.valueOf(1000 + random.nextInt(20000), 2),
                        instant(Duration.ofDays(4), Duration.ofMinutes(20)), customer, named));
            }
        }

        List<Cost> costs = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (Campaign campaign : campaigns) {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                String platform = posts.stream().filter(p -> p.campaign().equals(campaign.name())).map(Post::platform)
                        .findFirst().orElse(pick(PLATFORMS));
                costs.add(new Cost(campaign.name(), platform, BigDecimal.valueOf(2000 + random.nextInt(30000), 2),
                        today.minusDays(random.nextInt(5))));
            }
        }
        List<Audience> audiences = List.of(
                new Audience("Engaged this month", 30, null, null, null, false),
                new Audience("Watched the video", 30, null, null, List.of("VIEW"), false),
                new Audience("Late funnel of " + campaigns.get(0).name(), 14, campaigns.get(0).name(),
                        List.of("TRUST", "ACTION"), null, true));
        return new TruthModel(seed, today.minusDays(6), today, campaigns, posts, events, identities, conversions,
                costs, audiences, actors, customers);
    }

    /** A distinct second between {@code now - earliest} and {@code now - latest}. */
    private Instant instant(Duration earliest, Duration latest) {
        long span = earliest.minus(latest).getSeconds();
        while (true) {
            Instant at = now.minus(latest).minusSeconds((long) (random.nextDouble() * span));
            if (usedSeconds.add(at.getEpochSecond())) {
                return at;
            }
        }
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private <T> T other(List<T> items, T not) {
        List<T> rest = items.stream().filter(i -> !i.equals(not)).toList();
        return rest.get(random.nextInt(rest.size()));
    }

    private static String prefix(String platform) {
        return switch (platform) {
            case "INSTAGRAM" -> "ig:";
            case "TIKTOK" -> "tt:";
            case "FACEBOOK" -> "fb:";
            default -> "li:";
        };
    }

    private static String platformOf(String actor) {
        return switch (actor.substring(0, 3)) {
            case "ig:" -> "INSTAGRAM";
            case "tt:" -> "TIKTOK";
            case "fb:" -> "FACEBOOK";
            default -> "LINKEDIN";
        };
    }
}
