/**
 * Shapes the reports' answers for charts and tables: no DOM, no chart library, so node --test checks it.
 * Money stays the API's decimal string for tables (exact); charts get numbers.
 */

/** The attribution models, in the order the API lists them, with what each means in one line. */
export const MODELS = [
    { id: 'FIRST_TOUCH', name: 'First touch', meaning: 'All the credit to the first touch in the lookback window: what started the journey.' },
    { id: 'LAST_TOUCH', name: 'Last touch', meaning: 'All the credit to the last touch before the conversion: what closed it.' },
    { id: 'LINEAR', name: 'Linear', meaning: 'The credit shared equally among every touch of the journey.' },
    { id: 'TIME_DECAY', name: 'Time decay', meaning: 'More credit to touches close to the conversion: a touch\'s weight halves every 7 days before it.' },
    { id: 'POSITION_BASED', name: 'Position based (U)', meaning: '40% to the first touch, 40% to the last, the other 20% shared among the touches between.' },
    { id: 'DATA_DRIVEN', name: 'Data-driven', meaning: 'Learned from this client\'s own journeys: each channel credited by how many conversions would be lost without it (Markov removal effect); plain linear credit while fewer than 30 journeys converted.' }
];

/** Groupings the comparison offers. */
export const GROUPINGS = [
    { value: 'post', label: 'Post' },
    { value: 'platform', label: 'Platform' },
    { value: 'campaign', label: 'Campaign' },
    { value: 'funnelStage', label: 'Funnel stage' }
];

/**
 * A money object's amount as a number (for charts only).
 * @param {{amount: string|number} | null | undefined} money
 * @returns {number}
 */
export function amountOf(money) {
    return money == null || money.amount == null ? 0 : Number(money.amount);
}

/** @param {string | null | undefined} name */
export function modelName(name) {
    const model = MODELS.find(m => m.id === name);
    return model ? model.name : String(name || '');
}

/**
 * The period the reports show: from the hash when given and valid, else the 28 days up to today.
 * @param {URLSearchParams} params
 * @param {string} today yyyy-mm-dd in the workspace's time zone
 * @param {(date: string, days: number) => string} addDays
 * @returns {{from: string, to: string, model: string, error: string | null}}
 */
export function period(params, today, addDays) {
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const to = date.test(params.get('to') || '') ? String(params.get('to')) : today;
    const from = date.test(params.get('from') || '') ? String(params.get('from')) : addDays(to, -27);
    const model = MODELS.some(m => m.id === params.get('model')) ? String(params.get('model')) : 'LAST_TOUCH';
    return { from, to, model, error: from > to ? 'The start date is after the end date.' : null };
}

/**
 * Spend against revenue per row of an ROI report: one label per row, two series.
 * @param {{rows: any[]}} report
 */
export function roiSeries(report) {
    const rows = report.rows || [];
    return {
        keys: rows.map(r => r.key),
        labels: rows.map(r => r.label || r.key),
        series: [
            { name: 'Spend', values: rows.map(r => amountOf(r.spend)) },
            { name: 'Attributed revenue', values: rows.map(r => amountOf(r.revenue)) }
        ]
    };
}

/**
 * The funnel's stages as one series of people.
 * @param {{stages?: any[]}} report
 */
export function funnelSeries(report) {
    const stages = report.stages || [];
    return {
        keys: stages.map(s => s.stage),
        labels: stages.map(s => words(s.stage)),
        series: [{ name: 'People', values: stages.map(s => Number(s.count || 0)) }],
        rates: stages.map(s => (s.rate == null ? null : Math.min(1, Math.max(0, Number(s.rate))))),
        dropOffs: stages.map(s => (s.dropOff == null ? null : Math.max(0, Number(s.dropOff))))
    };
}

/**
 * The comparison as a table: one row per group, one cell per model with the credited conversions and revenue,
 * and a totals line per model (the sum of the rows; every model shares out the same attributed conversions).
 * @param {any} comparison GET /attribution/compare's answer
 * @param {Record<string, string>} [names] a label per row key (a post's platform and caption, a campaign's name):
 *   conversion-service labels rows by their ids
 */
export function comparisonTable(comparison, names) {
    const models = (comparison.models && comparison.models.length ? comparison.models : MODELS.map(m => m.id));
    const currency = comparison.currency;
    const rows = (comparison.rows || []).map((/** @type {any} */ r) => ({
        key: r.key,
        label: (names && r.key && names[r.key]) || r.label || r.key || 'Not tied to a touchpoint',
        cells: Object.fromEntries(models.map((/** @type {string} */ m) => {
            const metrics = (r.models || {})[m] || {};
            return [m, { conversions: Number(metrics.conversions || 0),
                revenue: metrics.revenue || { amount: '0', currency } }];
        }))
    }));
    const totals = Object.fromEntries(models.map((/** @type {string} */ m) => [m, {
        conversions: round(rows.reduce((/** @type {number} */ sum, /** @type {any} */ r) => sum + r.cells[m].conversions, 0), 6),
        revenue: { amount: sumAmounts(rows.map((/** @type {any} */ r) => r.cells[m].revenue.amount)), currency }
    }]));
    return { models, currency, rows, totals };
}

/**
 * Revenue (or conversions) per row, one series per model, for a grouped bar chart.
 * @param {ReturnType<typeof comparisonTable>} table
 * @param {'revenue' | 'conversions'} measure
 */
export function comparisonSeries(table, measure) {
    return {
        keys: table.rows.map((/** @type {any} */ r) => r.key),
        labels: table.rows.map((/** @type {any} */ r) => r.label),
        series: table.models.map((/** @type {string} */ m) => ({ name: modelName(m),
            values: table.rows.map((/** @type {any} */ r) => (measure === 'revenue' ? amountOf(r.cells[m].revenue) : r.cells[m].conversions)) }))
    };
}

/**
 * The biggest difference the models make for one row: which model credits it most and least revenue.
 * @param {ReturnType<typeof comparisonTable>['rows'][number]} row
 * @param {string[]} models
 */
export function spread(row, models) {
    const by = models.map(m => ({ model: m, value: amountOf(row.cells[m].revenue) }));
    by.sort((a, b) => b.value - a.value || a.model.localeCompare(b.model));
    return { most: by[0], least: by[by.length - 1] };
}

/**
 * Sums decimal strings exactly (in 1e-4 units, the API's finest), so a totals cell is the sum a person would add.
 * @param {Array<string|number>} amounts
 */
export function sumAmounts(amounts) {
    let units = 0n;
    for (const a of amounts) {
        const [whole, fraction = ''] = String(a).replace(/^-/, '').split('.');
        const value = BigInt(whole || '0') * 10000n + BigInt((fraction + '0000').slice(0, 4));
        units += String(a).startsWith('-') ? -value : value;
    }
    const negative = units < 0n;
    const abs = negative ? -units : units;
    const text = `${abs / 10000n}.${String(abs % 10000n).padStart(4, '0')}`.replace(/0{1,2}$/, '');
    return (negative ? '-' : '') + text;
}

/** @param {number} value @param {number} digits */
function round(value, digits) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

/** INSTAGRAM as Instagram, NEW_CUSTOMERS as New customers. @param {string | null | undefined} name */
export function words(name) {
    if (!name) {
        return '';
    }
    const lower = String(name).toLowerCase().replace(/_/g, ' ');
    return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * The words of a chart's tooltip for one value: the series, the row and the exact value.
 * @param {{labels: string[], series: Array<{name: string, values: number[]}>}} data
 * @param {number} seriesIndex
 * @param {number} index
 * @param {(value: number) => string} format
 */
export function tooltipText(data, seriesIndex, index, format) {
    const s = data.series[seriesIndex];
    return { title: data.labels[index], line: `${s.name}: ${format(s.values[index])}` };
}

/**
 * The next value a keyboard moves to in a chart: left/right along the rows, up/down between the series.
 * @param {{series: number, index: number} | null} at
 * @param {string} key
 * @param {number} seriesCount
 * @param {number} length
 * @returns {{series: number, index: number} | null} null when the key does not move
 */
export function step(at, key, seriesCount, length) {
    if (length === 0 || seriesCount === 0) {
        return null;
    }
    const here = at || { series: 0, index: -1 };
    const clamp = (/** @type {number} */ v, /** @type {number} */ max) => Math.min(max - 1, Math.max(0, v));
    switch (key) {
        case 'ArrowRight': return { series: here.series, index: clamp(here.index + 1, length) };
        case 'ArrowLeft': return { series: here.series, index: clamp(here.index - 1, length) };
        case 'ArrowDown': return { series: clamp(here.series + 1, seriesCount), index: Math.max(0, here.index) };
        case 'ArrowUp': return { series: clamp(here.series - 1, seriesCount), index: Math.max(0, here.index) };
        case 'Home': return { series: here.series, index: 0 };
        case 'End': return { series: here.series, index: length - 1 };
        default: return null;
    }
}
