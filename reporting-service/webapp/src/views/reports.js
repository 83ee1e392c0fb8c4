/**
 * Reports: ROI by campaign (a campaign opens its posts: #reports?campaign=<id>, back by the breadcrumb or the
 * browser's Back), ROI by platform, the funnel, and the five attribution models side by side. One period
 * chooser for all of them, kept in the address (#reports?from=&to=&model=), so a report can be bookmarked.
 */
import { all, api } from '../lib/api.js';
import { barChart } from '../lib/charts.js';
import { field, h, panel, select, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize } from '../lib/limits.js';
import {
    comparisonSeries, comparisonTable, funnelSeries, GROUPINGS, MODELS, modelName, period, roiSeries, spread, words
} from '../lib/reportdata.js';
import { addDays, localDate } from '../lib/time.js';

export const title = 'Reports';

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
    const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: ws.currency });
    const compact = new Intl.NumberFormat(lang, { style: 'currency', currency: ws.currency, notation: 'compact' });
    const pct = (/** @type {number | null | undefined} */ v) => (v == null ? '–' : percent.format(v));
    const num = (/** @type {number | null | undefined} */ v) => (v == null ? '–' : decimal.format(v));
    const chosen = period(params, localDate(ws.timeZone, Date.now()), addDays);
    const campaignId = params.get('campaign');
    const groupBy = GROUPINGS.some(g => g.value === params.get('compare')) ? String(params.get('compare')) : 'campaign';
    const base = { from: chosen.from, to: chosen.to, model: chosen.model };
    const query = new URLSearchParams(base).toString();
    const link = (/** @type {Record<string, string>} */ extra) =>
        `#reports?${new URLSearchParams(Object.assign({}, base, extra)).toString()}`;

    node.append(h('h2', {}, 'Reports'));

    // ---- the period chooser ------------------------------------------------------------------------
    const from = /** @type {HTMLInputElement} */ (h('input', { type: 'date', name: 'from', value: chosen.from, required: true }));
    const to = /** @type {HTMLInputElement} */ (h('input', { type: 'date', name: 'to', value: chosen.to, required: true }));
    const model = select('model', MODELS.map(m => ({ value: m.id, label: m.name })), chosen.model);
    const form = h('form', { class: 'card toolbar', id: 'report-period', 'aria-label': 'Period and attribution model' },
        field('From', from), field('To', to), field('Attribution model', model),
        h('button', { type: 'submit' }, 'Show'),
        h('span', { class: 'hint' }, `${ws.currency} · days in ${ws.timeZone}`));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const next = { from: from.value, to: to.value, model: model.value };
        ctx.go('reports', Object.assign(next, campaignId ? { campaign: campaignId } : {},
            groupBy !== 'campaign' ? { compare: groupBy } : {}));
    });
    node.append(form);
    if (chosen.error) {
        node.append(h('p', { class: 'state error', role: 'alert' }, chosen.error));
        return;
    }

    const reportPath = (/** @type {string} */ rest) => `/workspaces/${ws.id}/reports/${rest}`;
    /** @param {string} label @param {(r: any) => any} labelCell */
    const roiColumns = (label, labelCell) => [
        { title: label, cell: labelCell },
        { title: 'Spend', cell: (/** @type {any} */ r) => h('span', { 'data-field': 'spend', 'data-amount': r.spend.amount }, fmt.money(r.spend)) },
        { title: 'Attributed revenue', cell: (/** @type {any} */ r) => h('span', { 'data-field': 'revenue', 'data-amount': r.revenue.amount }, fmt.money(r.revenue)) },
        { title: 'Profit', cell: (/** @type {any} */ r) => fmt.money(r.profit) },
        { title: 'ROI', cell: (/** @type {any} */ r) => pct(r.roi) },
        { title: 'ROAS', cell: (/** @type {any} */ r) => (r.roas == null ? '–' : `${num(r.roas)}×`) },
        { title: 'Conversions', cell: (/** @type {any} */ r) => h('span', { 'data-field': 'conversions' }, num(r.conversions)) },
        { title: 'Leads', cell: (/** @type {any} */ r) => num(r.leads) },
        { title: 'New customers', cell: (/** @type {any} */ r) => num(r.customers) },
        { title: 'Real engagements', cell: (/** @type {any} */ r) => num(r.engagements) }
    ];
    const moneyChart = (/** @type {any} */ report, /** @type {string} */ titleText, /** @type {string} */ axis) =>
        barChart(roiSeries(report), { title: titleText, horizontal: true, categoryAxis: axis,
            valueAxis: `Amount (${ws.currency})`, format: v => money.format(v), tick: v => compact.format(v),
            description: `Spend and attributed revenue per ${axis.toLowerCase()}, in ${ws.currency}; `
                + 'the table below has every figure.' });

    /** @type {Promise<any>[]} */
    const loads = [];
    if (campaignId) {
        // ---- drill-down: one campaign's posts ----------------------------------------------------------
        const crumbName = h('span', { 'aria-current': 'page', id: 'crumb-campaign' }, 'Campaign');
        node.append(h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('ol', {},
            h('li', {}, h('a', { href: link(groupBy !== 'campaign' ? { compare: groupBy } : {}), id: 'crumb-all' },
                'All campaigns')),
            h('li', {}, crumbName))));
        const heading = h('h3', { id: 'campaign-posts-title' }, 'Posts of the campaign');
        const box = h('div', { id: 'campaign-posts' });
        node.append(h('section', { class: 'card', 'aria-labelledby': 'campaign-posts-title' }, heading, box));
        loads.push(all('content', `/workspaces/${ws.id}/campaigns`).then(list => {
            const found = list.find((/** @type {any} */ c) => c.id === campaignId);
            const name = found ? found.name : 'Unknown campaign';
            crumbName.textContent = name;
            heading.textContent = `Posts of ${name}`;
        }).catch(() => undefined));
        loads.push(panel(box, 'the campaign\'s posts', async () => {
            const report = await api('reporting', reportPath(`roi?${query}&groupBy=post&campaignId=${encodeURIComponent(campaignId)}`));
            if (report.rows.length === 0) {
                return null;
            }
            return h('div', {}, moneyChart(report, 'Spend and revenue per post', 'Post'),
                table(roiColumns('Post', r => h('span', {}, r.label, r.funnelStage ? h('small', { class: 'hint' }, ` · ${words(r.funnelStage)}`) : null)),
                    report.rows, 'The campaign\'s posts'),
                totalsLine(report));
        }, 'This campaign has no spend, revenue or engagement in this period.'));
    } else {
        // ---- ROI by campaign, by platform, and the funnel ---------------------------------------------
        const byCampaign = h('div', { id: 'roi-by-campaign' });
        const byPlatform = h('div', { id: 'roi-by-platform' });
        const funnel = h('div', { id: 'report-funnel' });
        node.append(
            h('section', { class: 'card', 'aria-labelledby': 'roi-campaign-title' },
                h('h3', { id: 'roi-campaign-title' }, 'Return on investment by campaign'),
                h('p', { class: 'hint' }, 'Open a campaign to see its posts.'), byCampaign),
            h('section', { class: 'card', 'aria-labelledby': 'roi-platform-title' },
                h('h3', { id: 'roi-platform-title' }, 'Return on investment by platform'), byPlatform),
            h('section', { class: 'card', 'aria-labelledby': 'funnel-title' },
                h('h3', { id: 'funnel-title' }, 'Funnel (people)'), funnel));
        loads.push(panel(byCampaign, 'ROI by campaign', async () => {
            const report = await api('reporting', reportPath(`roi?${query}&groupBy=campaign`));
            if (report.rows.length === 0) {
                return null;
            }
            return h('div', {}, moneyChart(report, 'Spend and revenue per campaign', 'Campaign'),
                table(roiColumns('Campaign', r => (r.key === 'unassigned' ? r.label
                    : h('a', { href: link({ campaign: r.key }), 'data-campaign': r.key }, r.label))),
                report.rows, 'ROI by campaign'), totalsLine(report));
        }, 'No spend, revenue or engagement in this period.'));
        loads.push(panel(byPlatform, 'ROI by platform', async () => {
            const report = await api('reporting', reportPath(`roi?${query}&groupBy=platform`));
            if (report.rows.length === 0) {
                return null;
            }
            return h('div', {}, moneyChart(report, 'Spend and revenue per platform', 'Platform'),
                table(roiColumns('Platform', r => r.label), report.rows, 'ROI by platform'));
        }, 'No spend, revenue or engagement in this period.'));
        loads.push(panel(funnel, 'the funnel', async () => {
            const report = await api('reporting', reportPath(`funnel?${query}`));
            const data = funnelSeries(report);
            if (data.series[0].values.every(v => v === 0)) {
                return null;
            }
            const people = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
            return h('div', {}, barChart(data, { title: 'People at each funnel stage', categoryAxis: 'Funnel stage',
                valueAxis: 'People', format: v => `${people.format(v)} people`, tick: v => people.format(v),
                description: 'Each stage counts the people who got at least this far; flagged bot or bought '
                    + 'engagement is left out. The table below has the counts and drop-offs.' }),
            table([
                { title: 'Stage', cell: (/** @type {any} */ s) => s.label },
                { title: 'People', cell: (/** @type {any} */ s) => people.format(s.count) },
                { title: 'Of the previous stage', cell: (/** @type {any} */ s) => pct(s.rate) },
                { title: 'Drop-off', cell: (/** @type {any} */ s) => pct(s.dropOff) }
            ], data.keys.map((key, i) => ({ key, label: data.labels[i], count: data.series[0].values[i],
                rate: i === 0 ? null : data.rates[i], dropOff: i === 0 ? null : data.dropOffs[i] })), 'Funnel'));
        }, 'Nobody reached the funnel in this period.'));
    }

    // ---- the attribution models side by side -------------------------------------------------------
    const grouping = select('compare', GROUPINGS, groupBy);
    grouping.id = 'compare-group';
    const compareBox = h('div', { id: 'compare' });
    node.append(h('section', { class: 'card', 'aria-labelledby': 'compare-title' },
        h('h3', { id: 'compare-title' }, 'Attribution models compared'),
        h('p', { class: 'hint' }, 'The same conversions and revenue, credited to social touches by each model. ',
            h('a', { href: `#paths?${new URLSearchParams({ from: chosen.from, to: chosen.to }).toString()}`, id: 'to-paths' },
                'The platforms people went through, in order, before their first purchase')),
        h('dl', { class: 'facts models', id: 'model-meanings' },
            MODELS.map(m => [h('dt', {}, m.name), h('dd', {}, m.meaning)])),
        h('div', { class: 'toolbar' }, field('Rows', grouping)), compareBox));
    const loadCompare = (/** @type {string} */ by) => panel(compareBox, 'the comparison', async () => {
        const answer = await api('conversion', `/workspaces/${ws.id}/attribution/compare?from=${chosen.from}`
            + `&to=${chosen.to}&groupBy=${encodeURIComponent(by)}&models=${MODELS.map(m => m.id).join(',')}`);
        const data = comparisonTable(answer, await rowNames(ws, by));
        if (data.rows.length === 0) {
            return null;
        }
        const label = (GROUPINGS.find(g => g.value === by) || GROUPINGS[0]).label;
        return h('div', {}, barChart(comparisonSeries(data, 'revenue'), { title: `Credited revenue per ${label.toLowerCase()} and model`,
            horizontal: true, categoryAxis: label, valueAxis: `Credited revenue (${ws.currency})`,
            format: v => money.format(v), tick: v => compact.format(v),
            description: `Revenue each model credits to each ${label.toLowerCase()}, in ${ws.currency}; the table below has `
                + 'every figure with the credited conversions.' }),
        comparisonGrid(data, label), h('p', { class: 'hint' }, unattributedNote(answer)));
    }, 'No conversion was credited to a social touch in this period.');
    const comparisonGrid = (/** @type {ReturnType<typeof comparisonTable>} */ data, /** @type {string} */ label) => {
        const cell = (/** @type {{conversions: number, revenue: any}} */ c, /** @type {string} */ m) => h('td', { 'data-model': m },
            h('span', { class: 'conversions', 'data-value': String(c.conversions) }, `${num(c.conversions)} conv.`), h('br'),
            h('span', { class: 'revenue', 'data-amount': c.revenue.amount }, fmt.money(c.revenue)));
        return h('div', { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Models compared' },
            h('table', { id: 'compare-table' },
                h('caption', { class: 'visually-hidden' }, `Credited conversions and revenue per ${label.toLowerCase()} and model`),
                h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, label),
                    data.models.map((/** @type {string} */ m) => h('th', { scope: 'col' }, modelName(m))),
                    h('th', { scope: 'col' }, 'Most / least revenue'))),
                h('tbody', {}, data.rows.map((/** @type {any} */ r) => {
                    const s = spread(r, data.models);
                    return h('tr', { 'data-key': r.key || '' }, h('th', { scope: 'row' }, r.label),
                        data.models.map((/** @type {string} */ m) => cell(r.cells[m], m)),
                        h('td', {}, s.most.value === s.least.value ? 'Same under every model'
                            : `${modelName(s.most.model)} / ${modelName(s.least.model)}`));
                })),
                h('tfoot', {}, h('tr', { 'data-key': 'totals' }, h('th', { scope: 'row' }, 'Total'),
                    data.models.map((/** @type {string} */ m) => cell(data.totals[m], m)), h('td', {})))));
    };
    const unattributedNote = (/** @type {any} */ answer) => {
        const revenue = answer.unattributed && answer.unattributed.revenue;
        return revenue && Number(revenue.amount) > 0
            ? `${fmt.money(revenue)} of revenue had no social touch and is credited by no model.`
            : 'Every model shares out the same credited conversions; only where the credit goes differs.';
    };
    grouping.addEventListener('change', () => {
        // Kept in the address without a new history entry; the other panels stay as they are.
        const next = new URLSearchParams(/** @type {Record<string, string>} */ (Object.assign({}, base,
            campaignId ? { campaign: campaignId } : {}, grouping.value !== 'campaign' ? { compare: grouping.value } : {})));
        history.replaceState(null, '', `#reports?${next}`);
        loadCompare(grouping.value);
    });
    loads.push(loadCompare(groupBy));
    await Promise.all(loads);

    /** @param {any} report */
    function totalsLine(report) {
        const t = report.totals;
        return h('p', { class: 'totals', 'data-totals': '' }, `Total: spend ${fmt.money(t.spend)}, attributed revenue `
            + `${fmt.money(t.revenue)}, ROI ${pct(t.roi)}, ${num(t.conversions)} conversions.`);
    }
}

/**
 * Names for the comparison's row keys where the answer carries ids: a post's platform and caption, a campaign's
 * name (content-service). A failed lookup leaves the ids, never the comparison empty.
 * @param {any} ws
 * @param {string} by
 * @returns {Promise<Record<string, string>>}
 */
async function rowNames(ws, by) {
    try {
        if (by === 'post') {
            const posts = await all('content', `/workspaces/${ws.id}/posts`);
            return Object.fromEntries(posts.map((/** @type {any} */ p) => [p.id,
                `${humanize(p.platform)}: ${(p.caption || '(no caption)').slice(0, 60)}`]));
        }
        if (by === 'campaign') {
            const campaigns = await all('content', `/workspaces/${ws.id}/campaigns`);
            return Object.fromEntries(campaigns.map((/** @type {any} */ c) => [c.id, c.name]));
        }
    } catch (error) {
        return {};
    }
    return {};
}
