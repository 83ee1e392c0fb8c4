/**
 * Conversions out to the ad platforms (conversion-service /workspaces/{ws}/exports): where the client's attributed
 * conversions go (Meta Conversions API, Google Data Manager, TikTok Events API, LinkedIn Conversions API), each
 * destination's status and deliveries by outcome, the delivery log with each event's outcome in the platform's
 * words, and setting a destination up. Tokens are sent once and never shown again (only their last four).
 */
import { api, explain } from '../lib/api.js';
import { field, h, notice, panel, select, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize } from '../lib/limits.js';

export const title = 'Ad platforms';

/** Each platform's fields besides the token (conversion-service DestinationRequest). */
const PLATFORMS = [
    { id: 'META', label: 'Meta (Conversions API)', fields: [['datasetId', 'Dataset (pixel) id', true],
        ['testEventCode', 'Test event code (optional)', false]] },
    { id: 'GOOGLE', label: 'Google Ads (Data Manager)', fields: [['operatingAccountId', 'Customer id', true],
        ['conversionActionId', 'Conversion action id', true], ['loginAccountId', 'Manager account id (optional)', false]] },
    { id: 'TIKTOK', label: 'TikTok (Events API)', fields: [['pixelCode', 'Pixel code', true],
        ['testEventCode', 'Test event code (optional)', false]] },
    { id: 'LINKEDIN', label: 'LinkedIn (Conversions API)', fields: [['conversionRuleUrn', 'Conversion rule URN', true]] }
];

const OUTCOMES = ['PENDING', 'RETRYING', 'SENT', 'REJECTED', 'FAILED', 'SKIPPED'];

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} params
 */
export async function render(node, ctx, params) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    const list = h('div', { id: 'export-list' });
    const log = h('div', { id: 'delivery-log' });
    const shown = params.get('platform') || '';
    node.append(h('h2', {}, 'Conversions to ad platforms'),
        h('p', { class: 'hint' }, 'Attributed conversions are sent to each configured platform once, with hashed '
            + 'e-mail and phone and the event id as the platform\'s dedupe id, so their bidding learns from real sales.'),
        h('section', { class: 'card', 'aria-labelledby': 'exports-title' }, h('h3', { id: 'exports-title' }, 'Destinations'), list));

    const loadList = () => panel(list, 'destinations', async () => {
        const answer = await api('conversion', `/workspaces/${ws.id}/exports`);
        if (!answer.items || answer.items.length === 0) {
            return null;
        }
        return table([
            { title: 'Platform', cell: d => PLATFORMS.find(p => p.id === d.platform)?.label || humanize(d.platform) },
            { title: 'API', cell: d => d.api },
            { title: 'Status', cell: d => d.status === 'ACTIVE' ? 'Active'
                : h('span', { class: 'badge status-FAILED', title: d.statusReason || '' }, 'New token needed') },
            { title: 'Deliveries', cell: d => OUTCOMES.filter(o => d.deliveries && d.deliveries[o])
                .map(o => `${humanize(o)} ${d.deliveries[o]}`).join(', ') || 'none yet' },
            { title: 'Token', cell: d => d.tokenHint || '' },
            { title: '', cell: d => h('a', { href: `#exports?platform=${d.platform}` }, 'Delivery log') }
        ], answer.items.map((/** @type {any} */ d) => Object.assign({ key: d.platform }, d)), 'Export destinations');
    }, 'No destination yet: attributed conversions are not sent to any ad platform.');

    if (ctx.canWrite) {
        const platform = select('platform', PLATFORMS.map(p => ({ value: p.id, label: p.label })));
        const token = /** @type {HTMLInputElement} */ (h('input', { name: 'accessToken', type: 'password', required: true,
            minLength: 8, autocomplete: 'off' }));
        const purchasesOnly = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', name: 'purchasesOnly' }));
        const fieldsBox = h('div', { class: 'grid' });
        /** @type {HTMLInputElement[]} */
        let inputs = [];
        const showFields = () => {
            const chosen = PLATFORMS.find(p => p.id === platform.value) || PLATFORMS[0];
            inputs = chosen.fields.map(([name, , required]) => /** @type {HTMLInputElement} */ (h('input',
                { name, type: 'text', required: Boolean(required), autocomplete: 'off' })));
            fieldsBox.replaceChildren(...chosen.fields.map(([, label], i) => field(String(label), inputs[i])),
                field('Access token (never shown again)', token));
        };
        platform.addEventListener('change', showFields);
        showFields();
        const result = h('p', { class: 'notice', hidden: true, id: 'export-result' });
        const form = h('form', { class: 'card', id: 'export-form' }, h('h3', {}, 'Set a destination'),
            field('Platform', platform), fieldsBox,
            h('label', { class: 'choice' }, purchasesOnly, 'Purchases only (else every conversion type)'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save destination')), result);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            /** @type {Record<string, any>} */
            const body = { accessToken: token.value };
            inputs.forEach(i => {
                if (i.value.trim()) {
                    body[i.name] = i.value.trim();
                }
            });
            if (purchasesOnly.checked) {
                body.conversionTypes = ['PURCHASE'];
            }
            try {
                const saved = await api('conversion', `/workspaces/${ws.id}/exports/${platform.value}`, { method: 'PUT', body });
                token.value = '';
                notice(result, `${saved.api}: saved; attributed conversions go there from now on.`, false);
                await loadList();
            } catch (error) {
                notice(result, explain(error), true);
            }
        });
        node.append(form);
    }

    if (shown) {
        const status = select('status', [{ value: '', label: 'Every outcome' }]
            .concat(OUTCOMES.map(o => ({ value: o, label: humanize(o) }))), params.get('status') || '');
        const loadLog = () => panel(log, 'the delivery log', async () => {
            const page = await api('conversion', `/workspaces/${ws.id}/exports/${encodeURIComponent(shown)}/deliveries`
                + `?limit=100${status.value ? `&status=${status.value}` : ''}`);
            if (!page.items || page.items.length === 0) {
                return null;
            }
            return table([
                { title: 'Conversion', cell: d => h('code', {}, d.eventId) },
                { title: 'Outcome', cell: d => humanize(d.status) },
                { title: 'Attempts', cell: d => String(d.attempts) },
                { title: 'Sent', cell: d => fmt.dateTime(d.sentAt) },
                { title: 'Next attempt', cell: d => fmt.dateTime(d.nextAttemptAt) },
                { title: 'Reason', cell: d => d.reason || '' }
            ], page.items.map((/** @type {any} */ d) => Object.assign({ key: d.conversionId }, d)), 'Deliveries');
        }, 'No delivery with this outcome.');
        status.addEventListener('change', loadLog);
        node.append(h('section', { class: 'card', 'aria-labelledby': 'log-title' },
            h('h3', { id: 'log-title' }, `Delivery log: ${humanize(shown)}`), field('Outcome', status), log));
        await Promise.all([loadList(), loadLog()]);
    } else {
        await loadList();
    }
}
