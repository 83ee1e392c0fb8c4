/**
 * What the Paths view shows of GET /attribution/paths (conversion-service): the period and grouping it asks for,
 * each path's steps with readable names, and times to convert as a person reads them.
 */
import { period, words } from './reportdata.js';

/** What a step of a path is. */
export const STEP_KINDS = [
    { value: 'platform', label: 'Platform' },
    { value: 'funnelStage', label: 'Funnel stage' }
];

/** The step conversion-service puts where a long path's middle steps were left out. */
export const ELISION = '…';

/**
 * The period and grouping in the address (#paths?from=&to=&by=): the reports' period rule (the 28 days up to today
 * by default), by platform unless funnelStage is asked for.
 * @param {URLSearchParams} params
 * @param {string} today yyyy-mm-dd in the workspace's time zone
 * @param {(date: string, days: number) => string} addDays
 * @returns {{from: string, to: string, by: string, error: string | null}}
 */
export function pathChoice(params, today, addDays) {
    const chosen = period(params, today, addDays);
    const by = STEP_KINDS.some(k => k.value === params.get('by')) ? String(params.get('by')) : 'platform';
    return { from: chosen.from, to: chosen.to, by, error: chosen.error };
}

/**
 * The API path that answers a choice.
 * @param {string} workspaceId
 * @param {{from: string, to: string, by: string}} choice
 * @param {number} [limit]
 */
export function pathsUrl(workspaceId, choice, limit = 20) {
    const query = new URLSearchParams({ from: choice.from, to: choice.to, by: choice.by, limit: String(limit) });
    return `/workspaces/${encodeURIComponent(workspaceId)}/attribution/paths?${query}`;
}

/**
 * A step's name: INSTAGRAM as Instagram, the elision as "…", a touch without platform or stage ("none") said so.
 * @param {string} step
 * @param {string} by
 */
export function stepName(step, by) {
    if (step === ELISION) {
        return ELISION;
    }
    if (step === 'none') {
        return by === 'funnelStage' ? 'No funnel stage' : 'Unknown platform';
    }
    return words(step);
}

/**
 * Seconds as the largest two units a person needs: "3 d 4 h", "2 h 5 min", "12 min", "45 s"; "–" when unknown.
 * @param {number | null | undefined} seconds
 */
export function duration(seconds) {
    if (seconds == null || !Number.isFinite(Number(seconds))) {
        return '–';
    }
    let rest = Math.max(0, Math.round(Number(seconds)));
    const counts = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]].map(([name, size]) => {
        const count = Math.floor(rest / Number(size));
        rest -= count * Number(size);
        return { name, count };
    });
    const first = counts.findIndex(c => c.count > 0);
    if (first < 0) {
        return '0 s';
    }
    return counts.slice(first, first + 2).filter(c => c.count > 0).map(c => `${c.count} ${c.name}`).join(' ');
}

/**
 * @typedef {{key: string, name: string, elided: boolean}} PathStep
 * @typedef {{key: string, steps: PathStep[], spoken: string, conversions: number, revenue: any, share: number | null,
 *   conversionRate: number | null, journeys: number, median: number | null, mean: number | null}} PathRow
 */

/**
 * The answer as table rows: each path's steps named, the figures as numbers (null where the API has none), and
 * a sentence for the path that a screen reader reads instead of the chips.
 * @param {any} answer GET /attribution/paths
 */
export function pathTable(answer) {
    const by = answer.by || 'platform';
    /** @type {PathRow[]} */
    const rows = (answer.rows || []).map((/** @type {any} */ r) => {
        const steps = (r.path || []).map((/** @type {string} */ step) => ({ key: step, name: stepName(step, by),
            elided: step === ELISION }));
        return {
            key: r.key,
            steps,
            spoken: steps.map((/** @type {{name: string, elided: boolean}} */ s) => (s.elided ? 'other steps' : s.name))
                .join(', then '),
            conversions: Number(r.conversions || 0),
            revenue: r.revenue,
            share: r.share == null ? null : Number(r.share),
            conversionRate: r.conversionRate == null ? null : Number(r.conversionRate),
            journeys: Number(r.journeys || 0),
            median: r.medianSecondsToConvert == null ? null : Number(r.medianSecondsToConvert),
            mean: r.meanSecondsToConvert == null ? null : Number(r.meanSecondsToConvert)
        };
    });
    const attributed = answer.attributed || {};
    const unattributed = answer.unattributed || {};
    return {
        by,
        rows,
        firstPurchases: Number((answer.totals || {}).conversions || 0),
        withPath: Number(attributed.conversions || 0),
        paths: Number(attributed.paths || 0),
        hidden: Math.max(0, Number(attributed.paths || 0) - rows.length),
        conversionRate: attributed.conversionRate == null ? null : Number(attributed.conversionRate),
        median: attributed.medianSecondsToConvert == null ? null : Number(attributed.medianSecondsToConvert),
        unattributed: Number(unattributed.conversions || 0),
        unattributedRevenue: unattributed.revenue || null,
        note: answer.note || ''
    };
}
