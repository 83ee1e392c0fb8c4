/**
 * Costs: the workspace's costs (list, add, correct with PUT, delete) and the community-management settings that
 * turn handled comments and DMs into cost.
 */
import { all, api, ApiError, explain, idempotencyKey } from '../lib/api.js';
import { field, h, notice, panel, select, table } from '../lib/dom.js';
import { formatter, moneyAmount } from '../lib/format.js';
import { COST_CATEGORIES, humanize, PLATFORMS } from '../lib/limits.js';
import { localDate } from '../lib/time.js';

export const title = 'Costs';

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 */
export async function render(node, ctx) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    /** @type {any[]} */
    let campaigns = [];
    try {
        campaigns = await all('content', `/workspaces/${ws.id}/campaigns`);
    } catch (error) {
        campaigns = [];
    }
    const campaignName = (/** @type {string} */ id) => (campaigns.find(c => c.id === id) || { name: '–' }).name;
    const list = h('div', { id: 'cost-list' });
    const settingsBox = h('div', { id: 'cm-settings' });
    node.append(h('h2', {}, 'Costs'));
    /** @type {any} */
    let editing = null;

    const form = /** @type {HTMLFormElement} */ (h('form', { class: 'card', id: 'cost-form' }));
    const category = select('category', COST_CATEGORIES.map(c => ({ value: c, label: humanize(c) })));
    const amount = /** @type {HTMLInputElement} */ (h('input', { name: 'amount', inputMode: 'decimal', required: true,
        placeholder: '0.00' }));
    const currency = /** @type {HTMLInputElement} */ (h('input', { name: 'currency', value: ws.currency, maxLength: 3,
        size: 4, pattern: '[A-Z]{3}' }));
    const day = /** @type {HTMLInputElement} */ (h('input', { name: 'incurredOn', type: 'date', required: true,
        value: localDate(ws.timeZone, Date.now()) }));
    const campaign = select('campaignId', [{ value: '', label: 'No campaign' }]
        .concat(campaigns.map(c => ({ value: c.id, label: c.name }))));
    const platform = select('platform', [{ value: '', label: 'No platform' }]
        .concat(PLATFORMS.map(p => ({ value: p, label: humanize(p) }))));
    const note = /** @type {HTMLInputElement} */ (h('input', { name: 'note', maxLength: 500 }));
    const heading = h('h3', {}, 'Add a cost');
    const submit = h('button', { type: 'submit' }, 'Add cost');
    const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Cancel');
    const result = h('p', { class: 'notice', hidden: true, id: 'cost-result' });
    let key = idempotencyKey();
    form.append(heading, h('div', { class: 'grid' }, field('Category', category), field('Amount', amount),
        field('Currency', currency, `The workspace counts ${ws.currency}; another currency needs an exchange rate.`),
        field('Incurred on', day), field('Campaign', campaign), field('Platform', platform), field('Note', note)),
    h('div', { class: 'actions' }, submit, cancel), result);
    const reset = () => {
        editing = null;
        form.reset();
        currency.value = ws.currency;
        day.value = localDate(ws.timeZone, Date.now());
        heading.textContent = 'Add a cost';
        submit.textContent = 'Add cost';
        cancel.hidden = true;
        key = idempotencyKey();
    };
    cancel.addEventListener('click', reset);
    form.addEventListener('input', () => { key = idempotencyKey(); });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const value = moneyAmount(amount.value);
        if (!value) {
            notice(result, 'Amount: a non-negative number such as 40.00.', true);
            amount.focus();
            return;
        }
        const body = { category: category.value, amount: { amount: value, currency: currency.value.toUpperCase() },
            incurredOn: day.value, campaignId: campaign.value || null, platform: platform.value || null,
            note: note.value || null, postId: editing ? editing.postId : null };
        try {
            const saved = editing
                ? await api('reporting', `/workspaces/${ws.id}/costs/${editing.id}`, { method: 'PUT', body })
                : await api('reporting', `/workspaces/${ws.id}/costs`, { method: 'POST', body,
                    headers: { 'Idempotency-Key': key } });
            notice(result, `${editing ? 'Saved' : 'Added'}: ${humanize(saved.category)} ${fmt.money(saved.amount)} on ${saved.incurredOn}.`, false);
            reset();
            await loadList();
        } catch (error) {
            notice(result, explain(error), true);
        }
    });

    const loadList = () => panel(list, 'costs', async () => {
        const costs = await all('reporting', `/workspaces/${ws.id}/costs`);
        if (costs.length === 0) {
            return null;
        }
        costs.sort((a, b) => String(b.incurredOn).localeCompare(String(a.incurredOn)));
        return table([
            { title: 'Incurred on', cell: c => c.incurredOn },
            { title: 'Category', cell: c => humanize(c.category) },
            { title: 'Amount', cell: c => h('span', { 'data-amount': c.amount.amount }, fmt.money(c.amount),
                c.originalAmount ? ` (sent ${fmt.money(c.originalAmount)})` : '') },
            { title: 'Campaign', cell: c => (c.campaignId ? campaignName(c.campaignId) : '–') },
            { title: 'Platform', cell: c => (c.platform ? humanize(c.platform) : '–') },
            { title: 'Note', cell: c => c.note || '' },
            // Both buttons in one cell (a comma list here once left only the last one in the page).
            { title: 'Change', cell: c => (!ctx.canWrite ? '–' : h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary',
                'aria-label': `Edit cost of ${c.incurredOn}`, onclick: () => {
                    editing = c;
                    category.value = c.category;
                    amount.value = String(c.amount.amount);
                    currency.value = c.amount.currency;
                    day.value = c.incurredOn;
                    campaign.value = c.campaignId || '';
                    platform.value = c.platform || '';
                    note.value = c.note || '';
                    heading.textContent = 'Correct a cost';
                    submit.textContent = 'Save cost';
                    cancel.hidden = false;
                    amount.focus();
                } }, 'Edit'), h('button', { type: 'button', class: 'danger',
                'data-delete': c.id, 'aria-label': `Delete cost of ${c.incurredOn}: ${c.note || humanize(c.category)}`,
                onclick: async () => {
                    if (!window.confirm(`Delete the ${humanize(c.category)} cost of ${fmt.money(c.amount)} on ${c.incurredOn}?`)) {
                        return;
                    }
                    try {
                        await api('reporting', `/workspaces/${ws.id}/costs/${c.id}`, { method: 'DELETE' });
                        notice(result, `Deleted: ${humanize(c.category)} ${fmt.money(c.amount)} on ${c.incurredOn}.`, false);
                        await loadList();
                    } catch (error) {
                        notice(result, explain(error), true);
                    }
                } }, 'Delete'))) }
        ], costs, 'Costs');
    }, 'No costs recorded for this client yet.');

    if (ctx.canWrite) {
        node.append(form);
    }
    node.append(h('section', { class: 'card', 'aria-labelledby': 'cost-list-title' },
        h('h3', { id: 'cost-list-title' }, 'Recorded costs'), list));
    node.append(h('section', { class: 'card', 'aria-labelledby': 'cm-title' },
        h('h3', { id: 'cm-title' }, 'Community management'),
        h('p', { class: 'hint' }, 'Answering comments and messages costs time: handled comments and DMs are priced '
            + 'at this hourly rate and counted as community-management cost.'), settingsBox));
    await Promise.all([loadList(), loadSettings(settingsBox, ctx)]);
}

/** @param {HTMLElement} box @param {any} ctx */
async function loadSettings(box, ctx) {
    const ws = ctx.workspace;
    await panel(box, 'settings', async () => {
        /** @type {any} */
        let current = null;
        try {
            current = await api('reporting', `/workspaces/${ws.id}/settings`);
        } catch (error) {
            if (!(error instanceof ApiError && error.status === 404)) {
                throw error;
            }
        }
        const rate = /** @type {HTMLInputElement} */ (h('input', { name: 'hourlyRate', inputMode: 'decimal',
            value: current && current.hourlyRate ? String(current.hourlyRate.amount) : '', readOnly: !ctx.canWrite }));
        const perComment = /** @type {HTMLInputElement} */ (h('input', { name: 'minutesPerComment', type: 'number',
            min: 0, max: 1440, step: '0.5', value: current ? String(current.minutesPerComment) : '2', readOnly: !ctx.canWrite }));
        const perDm = /** @type {HTMLInputElement} */ (h('input', { name: 'minutesPerDm', type: 'number', min: 0,
            max: 1440, step: '0.5', value: current ? String(current.minutesPerDm) : '5', readOnly: !ctx.canWrite }));
        const result = h('p', { class: 'notice', hidden: true });
        const form = h('form', { id: 'settings-form' },
            h('div', { class: 'grid' }, field(`Hourly rate (${ws.currency})`, rate), field('Minutes per comment', perComment),
                field('Minutes per DM', perDm)),
            ctx.canWrite ? h('button', { type: 'submit' }, 'Save settings') : null, result);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            const value = moneyAmount(rate.value);
            if (!value) {
                notice(result, 'Hourly rate: a non-negative number such as 35.00.', true);
                return;
            }
            try {
                await api('reporting', `/workspaces/${ws.id}/settings`, { method: 'PUT', body: {
                    hourlyRate: { amount: value, currency: ws.currency },
                    minutesPerComment: Number(perComment.value), minutesPerDm: Number(perDm.value) } });
                notice(result, 'Settings saved.', false);
            } catch (error) {
                notice(result, explain(error), true);
            }
        });
        return form;
    }, '');
}
