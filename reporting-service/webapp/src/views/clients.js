/** Clients: the agency's workspaces, each with its time zone and currency; an admin creates them. */
import { api, explain, idempotencyKey } from '../lib/api.js';
import { field, h, notice, table } from '../lib/dom.js';

export const title = 'Clients';

/** IANA zones the browser knows, for the picker (the API validates whatever is sent). */
function zones() {
    const intl = /** @type {any} */ (Intl);
    return typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Rome'];
}

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 */
export async function render(node, ctx) {
    node.replaceChildren(h('h2', {}, 'Clients (workspaces)'));
    const rows = ctx.workspaces;
    node.append(h('section', { class: 'card', 'aria-labelledby': 'clients-title' }, h('h3', { id: 'clients-title' }, 'Your clients'),
        rows.length === 0 ? h('p', { class: 'state empty' }, 'No clients yet.')
            : table([
                { title: 'Name', cell: w => w.name },
                { title: 'Time zone', cell: w => w.timeZone },
                { title: 'Currency', cell: w => w.currency },
                { title: 'Id', cell: w => h('code', {}, w.id) }
            ], rows, 'Clients'),
        h('p', { class: 'hint' }, 'Renaming or archiving a client is not offered by the API yet.')));
    if (!ctx.isAdmin) {
        return;
    }
    const name = /** @type {HTMLInputElement} */ (h('input', { name: 'name', required: true, maxLength: 200 }));
    const zone = /** @type {HTMLInputElement} */ (h('input', { name: 'timeZone', required: true, list: 'zone-list',
        value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }));
    const zoneList = h('datalist', { id: 'zone-list' }, zones().map((/** @type {string} */ z) => h('option', { value: z })));
    const currency = /** @type {HTMLInputElement} */ (h('input', { name: 'currency', required: true, maxLength: 3, size: 4,
        value: 'EUR', pattern: '[A-Z]{3}' }));
    const result = h('p', { class: 'notice', hidden: true, id: 'client-result' });
    let key = idempotencyKey();
    const form = h('form', { class: 'card', id: 'client-form', novalidate: true }, h('h3', {}, 'New client'),
        h('div', { class: 'grid' }, field('Name', name), field('Time zone (IANA, e.g. Europe/Rome)', zone), zoneList,
            field('Currency (ISO 4217)', currency)),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create client')), result);
    form.addEventListener('input', () => { key = idempotencyKey(); });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            const created = await api('content', '/workspaces', { method: 'POST', headers: { 'Idempotency-Key': key },
                body: { name: name.value.trim(), timeZone: zone.value.trim(), currency: currency.value.trim().toUpperCase() } });
            await ctx.reloadWorkspaces(created.id);
            await render(node, ctx);
            notice(/** @type {HTMLElement} */ (node.querySelector('#client-result')), `Client "${created.name}" created.`, false);
        } catch (error) {
            notice(result, explain(error), true);
        }
    });
    node.append(form);
}
