/**
 * conversion-service's audience lift answer as the app shows it: the two groups compared, the difference with its
 * 95% interval and p-value, and the verdict sentence. With a holdout the groups are the exposed members (counted from
 * their first retargeting exposure) and the randomised holdout; without one, members reached by retargeting and the
 * others, an observational comparison the app labels as such.
 */

/** @type {Record<string, string>} */
export const VERDICTS = {
    LIFT: 'Lift',
    NEGATIVE: 'Negative',
    NOT_YET_SIGNIFICANT: 'Not yet significant',
    NO_LIFT: 'No lift',
    INSUFFICIENT_DATA: 'Not enough data',
    NO_HOLDOUT: 'No holdout (observational)'
};

/**
 * A rate 0..1 as a percentage with one decimal: 0.3 -> "30.0%".
 * @param {number | string | null | undefined} rate
 */
export function percent(rate) {
    return rate == null ? '–' : `${(Number(rate) * 100).toFixed(1)}%`;
}

/**
 * A difference of rates in percentage points, signed: 0.15 -> "+15.0 pts".
 * @param {number | string | null | undefined} difference
 */
export function points(difference) {
    if (difference == null) {
        return '–';
    }
    const v = Number(difference) * 100;
    return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)} pts`;
}

/**
 * A p-value for people: below 0.0001 as "p < 0.0001", else three decimals ("p = 0.011").
 * @param {number | string | null | undefined} p
 */
export function pValue(p) {
    if (p == null) {
        return '–';
    }
    const v = Number(p);
    return v < 0.0001 ? 'p < 0.0001' : `p = ${v.toFixed(v < 0.001 ? 4 : 3)}`;
}

/**
 * @typedef {{members: number, converted: number, conversionRate: number}} Group
 * @typedef {{label: string, members: number, converted: number, rate: string}} Row
 */

/**
 * What the lift panel shows.
 * @param {any} lift the answer of GET /workspaces/{ws}/audiences/{id}/lift
 * @returns {{method: string, verdict: string, verdictLabel: string, sentence: string, rows: Row[],
 *   facts: Array<[string, string]>, observational: boolean}}
 */
export function liftSummary(lift) {
    /** @param {string} label @param {Group | null | undefined} g @returns {Row} */
    const row = (label, g) => ({ label, members: g ? g.members : 0, converted: g ? g.converted : 0,
        rate: g ? percent(g.conversionRate) : '–' });
    const holdout = lift.method === 'HOLDOUT';
    /** @type {Array<[string, string]>} */
    const facts = [];
    /** @type {Row[]} */
    let rows;
    if (holdout) {
        rows = [row('Exposed (after first retargeting exposure)', lift.exposed),
            row(`Holdout (${lift.holdoutPercent}% kept out of exports)`, lift.holdout)];
        if (lift.absoluteLift != null) {
            facts.push(['Difference', points(lift.absoluteLift)]);
        }
        if (lift.relativeLift != null) {
            facts.push(['Relative lift', `${Number(lift.relativeLift) >= 0 ? '+' : '−'}`
                + `${Math.abs(Number(lift.relativeLift) * 100).toFixed(1)}%`]);
        }
        if (lift.confidenceInterval) {
            facts.push(['95% confidence interval', `${points(lift.confidenceInterval.lower)} to `
                + `${points(lift.confidenceInterval.upper)} (Newcombe, Wilson score)`]);
        }
        if (lift.pValue != null) {
            facts.push(['Two-sided p-value (z-test)', pValue(lift.pValue)]);
        }
        if (lift.membersNeeded) {
            facts.push(['Members needed to tell (80% power)', `about ${lift.membersNeeded.exposed} exposed and `
                + `${lift.membersNeeded.holdout} held out`]);
        }
        facts.push(['Not reached yet (in neither group)', String(lift.notExposed ?? 0)]);
        if (lift.holdoutReached) {
            facts.push(['Held-out members reached anyway', String(lift.holdoutReached)]);
        }
    } else {
        rows = [row('Reached by retargeting', lift.reached), row('Not reached', lift.notReached)];
        if (lift.lift != null) {
            facts.push(['Observational difference (not causal)', `${Number(lift.lift) >= 0 ? '+' : '−'}`
                + `${Math.abs(Number(lift.lift) * 100).toFixed(1)}%`]);
        }
    }
    const verdict = lift.verdict || (holdout ? 'INSUFFICIENT_DATA' : 'NO_HOLDOUT');
    return { method: holdout ? 'HOLDOUT' : 'OBSERVATIONAL', verdict, verdictLabel: VERDICTS[verdict] || verdict,
        sentence: lift.verdictText || '', rows, facts, observational: !holdout };
}

/**
 * The holdout share typed in the audience form: '' is 0; a number 0..50 with at most two decimals, else null.
 * @param {string} text
 * @returns {number | null}
 */
export function holdoutValue(text) {
    const t = String(text ?? '').trim().replace(',', '.');
    if (t === '') {
        return 0;
    }
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(t)) {
        return null;
    }
    const v = Number(t);
    return v >= 0 && v <= 50 ? v : null;
}
