package io.socialroi.conversion.attribution;

import io.socialroi.common.money.Money;
import io.socialroi.common.workspace.WorkspaceDirectory;
import io.socialroi.common.workspace.WorkspaceInfo;
import io.socialroi.conversion.touchpoint.TouchpointCapture;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds attribution reports from captured touchpoints. The calls to engagement-service on this path are
 * the capture of conversions of the period that are still pending and, for DATA_DRIVEN and path analysis, the
 * journeys of the people who never converted ({@link NeverConverting}); when either fails the report is a 503
 * naming engagement-service instead of numbers that silently miss touchpoints or journeys.
 *
 * <p>The journeys come from the in-memory {@link JourneyStore} (brought up to date first), or from SQL
 * ({@link AttributionData}) when the store is off or the workspace is over its budget; both give the same
 * answer.
 */
@ApplicationScoped
public class AttributionService {

    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final WorkspaceDirectory workspaces;
    private final TouchpointCapture capture;
    private final AttributionData data;
    private final JourneyStore store;
    private final NeverConverting never;

    public AttributionService(WorkspaceDirectory workspaces, TouchpointCapture capture, AttributionData data,
            JourneyStore store, NeverConverting never) {
        this.workspaces = workspaces;
        this.capture = capture;
        this.data = data;
        this.store = store;
        this.never = never;
    }

    public int maxLookbackDays() {
        return capture.maxLookbackDays();
    }

    public AttributionReport report(UUID workspaceId, ReportQuery query) throws SQLException {
        return report(workspaceId, query, true);
    }

    /** The report, from memory when {@code memory} and the store holds the workspace, else from SQL. */
    AttributionReport report(UUID workspaceId, ReportQuery query, boolean memory) throws SQLException {
        Loaded loaded = load(workspaceId, query, memory);
        AttributionModel model = query.models().get(0);
        DataDriven.Learned learned = learned(workspaceId, query, loaded);
        Attribution.Result result = Attribution.compute(loaded.journeys(), model, query.halfLifeDays(),
                query.groupBy(), loaded.currency(), loaded.scale(), learned);
        return new AttributionReport(model.name(), query.lookbackDays(), query.halfLifeDays(), query.touchTypes(),
                query.from(), query.to(), query.groupBy().wireName(), loaded.currency(),
                result.rows().stream().map(AttributionReport.Row::of).toList(), result.attributed(),
                result.unattributed(), result.totals(), loaded.customers().count(), loaded.ltv(),
                learned == null ? null : learned.summary());
    }

    /**
     * What DATA_DRIVEN learns for this query (null when no DATA_DRIVEN model is asked for). From memory it is kept
     * per workspace for the snapshot it was learned from (a changed snapshot is a new view, so a write is never
     * answered with an old model): the same period, grouping, types, lookback and method are learned once, for the
     * same never-converting journeys ({@link NeverConverting}'s version: its exclusion list and the change feed's
     * position, so a late touch of someone who never converted is a new model too).
     */
    private DataDriven.Learned learned(UUID workspaceId, ReportQuery query, Loaded loaded) throws SQLException {
        if (!query.models().contains(AttributionModel.DATA_DRIVEN)) {
            return null;
        }
        NeverConverting.Answer others = never(workspaceId, query, loaded);
        LearnedKey key = new LearnedKey(loaded.fromMicros(), loaded.toMicros(), query.touchTypes(),
                query.lookbackDays(), query.groupBy(), query.method(), others.version());
        if (loaded.view() != null) {
            Learnt kept = learnt.get(workspaceId);
            if (kept != null && kept.view().get() == loaded.view()) {
                DataDriven.Learned hit = kept.models().get(key);
                if (hit != null) {
                    return hit;
                }
            }
        }
        List<String[]> nonConverting = nonConverting(workspaceId, query, loaded, others);
        DataDriven.Learned result = noted(DataDriven.learn(DataDriven.Paths.of(loaded.journeys(), nonConverting),
                query.method(), query.groupBy()), others.note());
        if (loaded.view() != null) {
            if (learnt.size() > 1000) {
                learnt.clear();
            }
            Learnt kept = learnt.compute(workspaceId, (id, old) -> old != null && old.view().get() == loaded.view()
                    && old.models().size() < 64 ? old
                    : new Learnt(new java.lang.ref.WeakReference<>(loaded.view()),
                            new java.util.concurrent.ConcurrentHashMap<>()));
            kept.models().put(key, result);
        }
        return result;
    }

    /** The learned model with the never-converting journeys' note, when there is one, added to its own. */
    private static DataDriven.Learned noted(DataDriven.Learned learned, String note) {
        if (note == null) {
            return learned;
        }
        DataDriven.Summary s = learned.summary();
        return new DataDriven.Learned(new DataDriven.Summary(s.method(), s.requestedMethod(), s.convertingJourneys(),
                s.nonConvertingJourneys(), s.channels(), s.conversionProbability(), s.effects(),
                s.note() == null ? note : s.note() + " " + note), learned.weights());
    }

    /** The journeys of the people engaged in the period who never converted, from engagement-service. */
    private NeverConverting.Answer never(UUID workspaceId, ReportQuery query, Loaded loaded) throws SQLException {
        return never.journeys(workspaceId, loaded.view(), Batch.instant(loaded.fromMicros()),
                Batch.instant(loaded.toMicros()), query.touchTypes(), query.groupBy());
    }

    /**
     * The non-converting journeys of the period: those of the people who convert after it ({@link NonConverting}),
     * from the same snapshot as the journeys, then those of the people who never convert ({@link NeverConverting}).
     */
    private List<String[]> nonConverting(UUID workspaceId, ReportQuery query, Loaded loaded,
            NeverConverting.Answer others) throws SQLException {
        List<String[]> all = new ArrayList<>(laterConverting(workspaceId, query, loaded));
        all.addAll(others.paths());
        return all;
    }

    private List<String[]> laterConverting(UUID workspaceId, ReportQuery query, Loaded loaded) throws SQLException {
        // Conversions more than the capture window after the period hold no touchpoint inside it.
        long until = Batch.micros(Batch.instant(loaded.toMicros()).plusDays(capture.maxLookbackDays() + 1L));
        return loaded.view() != null
                ? loaded.view().nonConverting(loaded.fromMicros(), loaded.toMicros(), until, query.touchTypes(),
                        query.groupBy())
                : data.nonConverting(workspaceId, Batch.instant(loaded.fromMicros()), Batch.instant(loaded.toMicros()),
                        Batch.instant(until), query.touchTypes(), query.groupBy());
    }

    public PathReport paths(UUID workspaceId, PathQuery query) throws SQLException {
        return paths(workspaceId, query, true);
    }

    /**
     * Path analysis ({@link PathAnalysis}): the first purchases of the period with their counted touches, and the
     * non-converting journeys of the period for the conversion rates (none when the period is open at the end).
     */
    PathReport paths(UUID workspaceId, PathQuery query, boolean memory) throws SQLException {
        ReportQuery report = query.report();
        boolean later = report.to() != null;
        Loaded loaded = load(workspaceId, report, memory, later);
        if (!later) {
            return PathAnalysis.compute(loaded.journeys(), null, query, loaded.currency(),
                    capture.maxLookbackDays() + 1, null);
        }
        NeverConverting.Answer others = never(workspaceId, report, loaded);
        return PathAnalysis.compute(loaded.journeys(), nonConverting(workspaceId, report, loaded, others), query,
                loaded.currency(), capture.maxLookbackDays() + 1, others.note());
    }

    private record LearnedKey(long from, long to, List<String> types, int lookbackDays, GroupBy groupBy,
            DataDriven.Method method, String never) {
    }

    /** The models learned from one snapshot of a workspace (held weakly: a new snapshot replaces them). */
    private record Learnt(java.lang.ref.WeakReference<JourneyView> view,
            java.util.concurrent.ConcurrentHashMap<LearnedKey, DataDriven.Learned> models) {
    }

    private final java.util.concurrent.ConcurrentHashMap<UUID, Learnt> learnt =
            new java.util.concurrent.ConcurrentHashMap<>();

    public AttributionComparison compare(UUID workspaceId, ReportQuery query) throws SQLException {
        return compare(workspaceId, query, true);
    }

    AttributionComparison compare(UUID workspaceId, ReportQuery query, boolean memory) throws SQLException {
        Loaded loaded = load(workspaceId, query, memory);
        DataDriven.Learned learned = learned(workspaceId, query, loaded);
        Map<String, Map<String, Metrics>> byKey = new LinkedHashMap<>();
        Map<String, Attribution.Row> labels = new LinkedHashMap<>();
        Attribution.Result any = null;
        for (AttributionModel model : query.models()) {
            Attribution.Result result = Attribution.compute(loaded.journeys(), model, query.halfLifeDays(),
                    query.groupBy(), loaded.currency(), loaded.scale(), learned);
            any = result;
            for (Attribution.Row row : result.rows()) {
                labels.putIfAbsent(row.key(), row);
                byKey.computeIfAbsent(row.key(), k -> new LinkedHashMap<>()).put(model.name(), row.metrics());
            }
        }
        Metrics zero = new Metrics(BigDecimal.ZERO, Money.zero(loaded.currency()), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
        List<AttributionComparison.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Metrics>> entry : byKey.entrySet()) {
            Map<String, Metrics> perModel = new LinkedHashMap<>();
            for (AttributionModel model : query.models()) {
                perModel.put(model.name(), entry.getValue().getOrDefault(model.name(), zero));
            }
            Attribution.Row first = labels.get(entry.getKey());
            rows.add(new AttributionComparison.Row(entry.getKey(), first.label(), perModel, first.funnelStage(),
                    first.platform(), first.campaignId()));
        }
        return new AttributionComparison(query.models().stream().map(Enum::name).toList(), query.lookbackDays(),
                query.halfLifeDays(), query.touchTypes(), query.from(), query.to(), query.groupBy().wireName(),
                loaded.currency(), rows, any.attributed(), any.unattributed(), any.totals(),
                loaded.customers().count(), loaded.ltv(), learned == null ? null : learned.summary());
    }

    /** The journeys of a report; {@code view} the snapshot they came from (null: read from SQL). */
    private record Loaded(Batch journeys, AttributionData.Customers customers, String currency, int scale,
            JourneyView view, long fromMicros, long toMicros) {

        Money ltv() {
            if (customers.count() == 0) {
                return Money.zero(currency);
            }
            return Money.of(customers.lifetimeRevenue().divide(BigDecimal.valueOf(customers.count()), scale,
                    RoundingMode.HALF_EVEN), currency);
        }
    }

    private Loaded load(UUID workspaceId, ReportQuery query, boolean memory) throws SQLException {
        return load(workspaceId, query, memory, query.models().contains(AttributionModel.DATA_DRIVEN));
    }

    /** {@code later}: also capture the conversions up to the capture window after the period (non-converting). */
    private Loaded load(UUID workspaceId, ReportQuery query, boolean memory, boolean later) throws SQLException {
        WorkspaceInfo workspace = workspaces.get(workspaceId);
        ZoneId zone = workspace.zone();
        OffsetDateTime from = query.from() == null ? BEGINNING : query.from().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = query.to() == null ? END : query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        int digits = Currency.getInstance(workspace.currency()).getDefaultFractionDigits();
        int scale = digits < 0 ? 2 : digits; // as Money rounds: currencies without minor units (XAU) keep cents
        long fromMicros = Batch.micros(from);
        long toMicros = Batch.micros(to);
        // DATA_DRIVEN and path analysis also read the touches in the period captured for later conversions (the
        // non-converting journeys): the conversions up to the capture window after the period are captured first too.
        OffsetDateTime captureTo = later && query.to() != null ? to.plusDays(capture.maxLookbackDays() + 1L) : to;
        JourneyView view = memory ? store.view(workspaceId) : null;
        if (view != null && view.pending(fromMicros, Batch.micros(captureTo))) {
            capture.captureAll(workspaceId, from, captureTo, null);
            view = store.view(workspaceId);
        }
        if (view != null) {
            return new Loaded(view.batch(fromMicros, toMicros, query.touchTypes(), query.lookbackDays(), query.groupBy()),
                    view.customers(fromMicros, toMicros), workspace.currency(), scale, view, fromMicros, toMicros);
        }
        capture.captureAll(workspaceId, from, captureTo, null);
        List<Journey> journeys = data.journeys(workspaceId, from, to, query.touchTypes(), query.lookbackDays());
        return new Loaded(Batch.of(journeys, query.groupBy()), data.customers(workspaceId, from, to),
                workspace.currency(), scale, null, fromMicros, toMicros);
    }
}
