/**
 * Paths: the most common ordered paths of platforms or funnel stages before a first purchase (conversion-service
 * GET /attribution/paths), with how many first purchases followed each, their share, the conversion rate of the path
 * and the median time from the first touch to the purchase. The period and grouping are kept in the address
 * (#paths?from=&to=&by=), so a view can be bookmarked.
 */
import { api } from '../lib/api.js';
import { field, h, panel } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { duration, pathChoice, pathsUrl, pathTable, STEP_KINDS } from '../lib/pathdata.js';
import { addDays, localDate } from '../lib/time.js';

export const title = 'Paths';

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} params
 */
export async function render(node, ctx, params) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    const lang = (typeof navigator !== 'undefined' && navigator.language) || 'en';
    const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const pct = (/** @type {number | null} */ v) => (v == null ? '–' : percent.format(v));
    const chosen = pathChoice(params, localDate(ws.timeZone, Date.now()), addDays);

    node.append(h('h2', {}, 'Paths to a first purchase'));

    // ---- the period and what a step is ---------------------------------------------------------------
    const from = /** @type {HTMLInputElement} */ (h('input', { type: 'date', name: 'from', value: chosen.from, required: true }));
    const to = /** @type {HTMLInputElement} */ (h('input', { type: 'date', name: 'to', value: chosen.to, required: true }));
    let by = chosen.by;
    const toggles = STEP_KINDS.map(k => /** @type {HTMLButtonElement} */ (h('button', { type: 'button',
        'data-by': k.value, 'aria-pressed': String(k.value === by) }, k.label)));
    const form = h('form', { class: 'card toolbar', id: 'paths-period', 'aria-label': 'Period and steps' },
        field('From', from), field('To', to),
        h('div', { class: 'field' }, h('span', { class: 'label', id: 'paths-by-label' }, 'Steps are'),
            h('div', { class: 'segmented', role: 'group', 'aria-labelledby': 'paths-by-label' }, toggles)),
        h('button', { type: 'submit' }, 'Show'),
        h('span', { class: 'hint' }, `${ws.currency} · days in ${ws.timeZone}`));
    const go = () => ctx.go('paths', { from: from.value, to: to.value, by });
    form.addEventListener('submit', event => {
        event.preventDefault();
        go();
    });
    toggles.forEach(button => button.addEventListener('click', () => {
        by = String(button.dataset.by);
        toggles.forEach(b => b.setAttribute('aria-pressed', String(b === button)));
        go();
    }));
    node.append(form);
    if (chosen.error) {
        node.append(h('p', { class: 'state error', role: 'alert' }, chosen.error));
        return;
    }

    // ---- the paths -----------------------------------------------------------------------------------
    const box = h('div', { id: 'paths' });
    node.append(h('section', { class: 'card', 'aria-labelledby': 'paths-title' },
        h('h3', { id: 'paths-title' }, chosen.by === 'funnelStage' ? 'Funnel stages before a first purchase'
            : 'Platforms before a first purchase'),
        h('p', { class: 'hint' }, 'Each customer\'s touches in the 30 days before their first purchase, in order; '
            + 'repeats in a row count once (Instagram, Instagram, Email is Instagram → Email), and a path of more than '
            + 'six steps keeps its first four and its last.'),
        box));
    await panel(box, 'the paths', async () => {
        const data = pathTable(await api('conversion', pathsUrl(ws.id, chosen)));
        const totalsLine = (/** @type {ReturnType<typeof pathTable>} */ d) => {
            const hidden = d.hidden ? ` (the ${whole.format(d.hidden)} least common are not shown)` : '';
            const purchases = d.firstPurchases === 1 ? 'first purchase' : 'first purchases';
            return `${whole.format(d.withPath)} of ${whole.format(d.firstPurchases)} ${purchases} had a social touch, `
                + `over ${whole.format(d.paths)} ${d.paths === 1 ? 'path' : 'paths'}${hidden}; conversion rate `
                + `${pct(d.conversionRate)}, median time to convert ${duration(d.median)}.`;
        };
        if (data.rows.length === 0) {
            return null;
        }
        return h('div', {},
            h('div', { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Paths' },
                h('table', { id: 'paths-table' },
                    h('caption', { class: 'visually-hidden' }, 'Paths before a first purchase'),
                    h('thead', {}, h('tr', {}, ['Path', 'First purchases', 'Share', 'Conversion rate',
                        'Median time to convert', 'Revenue'].map(t => h('th', { scope: 'col' }, t)))),
                    h('tbody', {}, data.rows.map(r => h('tr', { 'data-key': r.key },
                        h('th', { scope: 'row' }, steps(r)),
                        h('td', { 'data-field': 'conversions' }, whole.format(r.conversions)),
                        h('td', { 'data-field': 'share' }, pct(r.share)),
                        h('td', { 'data-field': 'conversionRate', title: `${whole.format(r.conversions)} of `
                            + `${whole.format(r.journeys)} journeys with this path` }, pct(r.conversionRate)),
                        h('td', { 'data-field': 'median', 'data-seconds': r.median == null ? '' : String(r.median) },
                            duration(r.median)),
                        h('td', { 'data-field': 'revenue', 'data-amount': r.revenue ? r.revenue.amount : '' },
                            fmt.money(r.revenue))))))),
            h('p', { class: 'totals', 'data-totals': '' }, totalsLine(data)),
            data.unattributed ? h('p', { class: 'hint', id: 'paths-unattributed' }, `${whole.format(data.unattributed)} `
                + `first purchase${data.unattributed === 1 ? '' : 's'} (${fmt.money(data.unattributedRevenue)}) had no `
                + 'social touch before it and follow no path.') : null,
            h('p', { class: 'hint', id: 'paths-note' }, data.note));
    }, 'No first purchase in this period.');
}

/**
 * A path as chips joined by arrows; a screen reader hears "Instagram, then Email".
 * @param {ReturnType<typeof pathTable>['rows'][number]} row
 */
function steps(row) {
    return h('span', { class: 'path' },
        h('span', { class: 'visually-hidden' }, row.spoken),
        h('span', { class: 'path-steps', 'aria-hidden': 'true' }, row.steps.map((s, i) => [
            i > 0 ? h('span', { class: 'path-arrow' }, '→') : null,
            h('span', { class: s.elided ? 'step elided' : 'step', title: s.elided ? 'Steps left out' : null }, s.name)
        ])));
}
