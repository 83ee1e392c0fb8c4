/**
 * Clients: the agency's workspaces, each with its time zone and currency. An admin creates, edits, archives and
 * unarchives them; whoever may change content archives the chosen client's campaigns. Everyone else reads.
 */
import { all, api, explain, idempotencyKey } from '../lib/api.js';
import { field, h, notice, panel, table } from '../lib/dom.js';
import { mergePatch, workspaceValues } from '../lib/edits.js';

export const title = 'Clients';

/** IANA zones the browser knows, for the picker (the API validates whatever is sent). */
function zones() {
    const intl = /** @type {any} */ (Intl);
    return typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Rome'];
}

/**
 * The name, zone and currency inputs of a client form.
 * @param {any} [values]
 */
function clientInputs(values) {
    const name = /** @type {HTMLInputElement} */ (h('input', { name: 'name', required: true, maxLength: 200,
        value: values.name }));
    const zone = /** @type {HTMLInputElement} */ (h('input', { name: 'timeZone', required: true, list: 'zone-list',
        value: values.timeZone }));
    const currency = /** @type {HTMLInputElement} */ (h('input', { name: 'currency', required: true, maxLength: 3, size: 4,
        value: values.currency, pattern: '[A-Za-z]{3}' }));
    return { name, zone, currency,
        values: () => workspaceValues({ name: name.value, timeZone: zone.value, currency: currency.value }),
        fields: [field('Name', name), field('Time zone (IANA, e.g. Europe/Rome)', zone), field('Currency (ISO 4217)', currency,
            'A currency can change only while the client has no money recorded (budgets, costs, conversions).')] };
}

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} [params]
 * @param {{message: string, error: boolean}} [said] what the last action said, shown after the re-render
 */
export async function render(node, ctx, params, said) {
    const result = h('p', { class: 'notice', hidden: true, id: 'client-result' });
    node.replaceChildren(h('h2', {}, 'Clients (workspaces)'), result,
        h('datalist', { id: 'zone-list' }, zones().map((/** @type {string} */ z) => h('option', { value: z }))));
    /** Re-renders the view (after a change) and then says how it went. */
    const again = async (/** @type {string} */ message, /** @type {string} */ selectId) => {
        await ctx.reloadWorkspaces(selectId);
        await render(node, ctx, params, { message, error: false });
    };
    const say = (/** @type {string} */ message, /** @type {boolean} */ error) => notice(result, message, error);

    const editor = h('div', { id: 'client-editor' });
    const rows = ctx.workspaces;
    /** @type {{title: string, cell: (w: any) => any}[]} */
    const columns = [
        { title: 'Name', cell: w => w.name },
        { title: 'Time zone', cell: w => w.timeZone },
        { title: 'Currency', cell: w => w.currency },
        { title: 'Id', cell: w => h('code', {}, w.id) }
    ];
    if (ctx.isAdmin) {
        columns.push({ title: 'Actions', cell: w => h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'secondary', 'data-edit': w.id, 'aria-label': `Edit ${w.name}`,
                onclick: () => edit(w) }, 'Edit'),
            h('button', { type: 'button', class: 'secondary', 'data-archive': w.id, 'aria-label': `Archive ${w.name}`,
                onclick: /** @param {Event} event */ event => archive(w, /** @type {HTMLButtonElement} */ (event.currentTarget)) }, 'Archive')) });
    }
    node.append(h('section', { class: 'card', 'aria-labelledby': 'clients-title' }, h('h3', { id: 'clients-title' }, 'Your clients'),
        rows.length === 0 ? h('p', { class: 'state empty' }, 'No active clients.')
            : h('div', { id: 'client-list', 'data-state': 'ready' }, table(columns, rows, 'Clients')),
        editor));

    /** @param {any} w */
    function edit(w) {
        const inputs = clientInputs(w);
        const status = h('p', { class: 'notice', hidden: true, id: 'client-edit-result' });
        const form = h('form', { class: 'card', id: 'client-edit-form', 'data-workspace': w.id },
            h('h3', { id: 'client-edit-title' }, `Edit ${w.name}`),
            h('div', { class: 'grid' }, inputs.fields),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save client'),
                h('button', { type: 'button', class: 'secondary', onclick: () => {
                    editor.replaceChildren();
                    /** @type {HTMLElement | null} */ (node.querySelector(`[data-edit="${w.id}"]`))?.focus();
                } }, 'Cancel')), status);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            const patch = mergePatch(w, inputs.values());
            if (!patch) {
                notice(status, 'Nothing changed.', false);
                return;
            }
            const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
            button.disabled = true;
            notice(status, 'Saving…', false);
            try {
                const saved = await api('content', `/workspaces/${w.id}`, { method: 'PATCH', body: patch });
                await again(`Client "${saved.name}" saved.`, ctx.workspace && ctx.workspace.id);
            } catch (error) {
                button.disabled = false;
                notice(status, explain(error), true);
            }
        });
        editor.replaceChildren(form);
        inputs.name.focus();
    }

    /** @param {any} w @param {HTMLButtonElement} button */
    async function archive(w, button) {
        button.disabled = true;
        say(`Archiving "${w.name}"…`, false);
        try {
            await api('content', `/workspaces/${w.id}/archive`, { method: 'POST' });
            const keep = ctx.workspace && ctx.workspace.id !== w.id ? ctx.workspace.id : undefined;
            await again(`Client "${w.name}" archived: its reports stay readable; unarchive it below to work on it again.`, keep);
        } catch (error) {
            button.disabled = false;
            say(explain(error), true);
        }
    }

    if (ctx.workspace) {
        node.append(campaignsCard(ctx, say));
    }
    if (!ctx.isAdmin) {
        node.append(h('p', { class: 'hint' }, 'Only an agency admin creates, edits or archives clients.'));
        if (said) {
            say(said.message, said.error);
        }
        return;
    }

    const archivedList = h('div', { id: 'archived-client-list' });
    node.append(h('section', { class: 'card', 'aria-labelledby': 'archived-title' },
        h('h3', { id: 'archived-title' }, 'Archived clients'), archivedList));
    panel(archivedList, 'archived clients', async () => {
        const archived = await all('content', '/workspaces?archived=true');
        if (archived.length === 0) {
            return null;
        }
        return table([
            { title: 'Name', cell: w => w.name },
            { title: 'Archived', cell: w => new Date(w.archivedAt).toLocaleDateString() },
            { title: 'Actions', cell: w => h('button', { type: 'button', class: 'secondary', 'data-unarchive': w.id,
                'aria-label': `Unarchive ${w.name}`, onclick: async (/** @type {Event} */ event) => {
                    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
                    button.disabled = true;
                    try {
                        await api('content', `/workspaces/${w.id}/unarchive`, { method: 'POST' });
                        await again(`Client "${w.name}" is active again.`, ctx.workspace ? ctx.workspace.id : w.id);
                    } catch (error) {
                        button.disabled = false;
                        say(explain(error), true);
                    }
                } }, 'Unarchive') }
        ], archived.sort((a, b) => a.name.localeCompare(b.name)), 'Archived clients');
    }, 'No archived clients.');

    const create = clientInputs({ name: '', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        currency: 'EUR' });
    const createResult = h('p', { class: 'notice', hidden: true, id: 'client-create-result' });
    let key = idempotencyKey();
    const form = h('form', { class: 'card', id: 'client-form' }, h('h3', {}, 'New client'),
        h('div', { class: 'grid' }, create.fields),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create client')), createResult);
    form.addEventListener('input', () => { key = idempotencyKey(); });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            const created = await api('content', '/workspaces', { method: 'POST', headers: { 'Idempotency-Key': key },
                body: create.values() });
            await again(`Client "${created.name}" created.`, created.id);
        } catch (error) {
            notice(createResult, explain(error), true);
        }
    });
    node.append(form);
    if (said) {
        say(said.message, said.error);
    }
}

/**
 * The chosen client's campaigns, active and archived; archive and unarchive for whoever may change content.
 * @param {any} ctx
 * @param {(message: string, error: boolean) => void} say
 */
function campaignsCard(ctx, say) {
    const ws = ctx.workspace;
    const list = h('div', { id: 'campaign-list' });
    const load = () => panel(list, 'campaigns', async () => {
        const [active, archived] = await Promise.all([all('content', `/workspaces/${ws.id}/campaigns`),
            all('content', `/workspaces/${ws.id}/campaigns?archived=true`)]);
        const rows = active.concat(archived);
        if (rows.length === 0) {
            return null;
        }
        /** @type {{title: string, cell: (c: any) => any}[]} */
        const columns = [
            { title: 'Campaign', cell: c => c.name },
            { title: 'Dates', cell: c => `${c.startDate} – ${c.endDate || 'open'}` },
            { title: 'Status', cell: c => h('span', { class: 'campaign-status' }, c.archived ? 'Archived' : 'Active') }
        ];
        if (ctx.canWrite) {
            columns.push({ title: 'Actions', cell: c => h('button', { type: 'button', class: 'secondary',
                'data-campaign-action': c.archived ? 'unarchive' : 'archive',
                'aria-label': `${c.archived ? 'Unarchive' : 'Archive'} campaign ${c.name}`,
                onclick: async (/** @type {Event} */ event) => {
                    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
                    const action = c.archived ? 'unarchive' : 'archive';
                    button.disabled = true;
                    try {
                        await api('content', `/workspaces/${ws.id}/campaigns/${c.id}/${action}`, { method: 'POST' });
                        say(c.archived ? `Campaign "${c.name}" is active again.`
                            : `Campaign "${c.name}" archived: no new posts go into it; its posts and reports stay.`, false);
                        await load();
                        /** @type {HTMLElement | null} */ (list.querySelector(`tr[data-key="${c.id}"] button`))?.focus();
                    } catch (error) {
                        button.disabled = false;
                        say(explain(error), true);
                    }
                } }, c.archived ? 'Unarchive' : 'Archive') });
        }
        return table(columns, rows, `Campaigns of ${ws.name}`);
    }, 'No campaigns for this client yet.');
    load();
    return h('section', { class: 'card', 'aria-labelledby': 'campaigns-title' },
        h('h3', { id: 'campaigns-title' }, `Campaigns of ${ws.name}`), list,
        h('p', { class: 'hint' }, 'An archived campaign is hidden from the campaign pickers and takes no new posts; '
            + 'its posts and reports stay.'),
        ctx.canWrite ? campaignForm(ctx, load) : null);
}

/**
 * A new campaign of the chosen client (POST /workspaces/{ws}/campaigns, with an Idempotency-Key, so a double
 * submit creates one): name, what it is for, dates in the client's zone, an optional budget and utm_campaign slug.
 * @param {any} ctx
 * @param {() => Promise<any>} reload
 */
function campaignForm(ctx, reload) {
    const ws = ctx.workspace;
    const name = /** @type {HTMLInputElement} */ (h('input', { name: 'name', required: true, maxLength: 200 }));
    const objective = /** @type {HTMLInputElement} */ (h('input', { name: 'objective', required: true, maxLength: 1000,
        placeholder: 'e.g. Sell the spring collection' }));
    const start = /** @type {HTMLInputElement} */ (h('input', { name: 'startDate', type: 'date', required: true }));
    const end = /** @type {HTMLInputElement} */ (h('input', { name: 'endDate', type: 'date' }));
    const budget = /** @type {HTMLInputElement} */ (h('input', { name: 'budget', inputMode: 'decimal',
        placeholder: `optional, in ${ws.currency}` }));
    const slug = /** @type {HTMLInputElement} */ (h('input', { name: 'slug', maxLength: 80,
        placeholder: 'derived from the name when empty' }));
    const result = h('p', { class: 'notice', hidden: true, id: 'campaign-create-result' });
    let key = idempotencyKey();
    const form = h('form', { id: 'campaign-form' }, h('h4', {}, 'New campaign'),
        h('div', { class: 'grid' }, field('Name', name), field('Objective', objective), field('First day', start),
            field('Last day (empty: open-ended)', end), field(`Budget (${ws.currency})`, budget),
            field('utm_campaign (cannot change later)', slug)),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create campaign')), result);
    form.addEventListener('input', () => { key = idempotencyKey(); });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        /** @type {Record<string, any>} */
        const body = { name: name.value.trim(), objective: objective.value.trim(), startDate: start.value || null };
        if (end.value) {
            body.endDate = end.value;
        }
        if (budget.value.trim()) {
            body.budget = { amount: budget.value.trim().replace(',', '.'), currency: ws.currency };
        }
        if (slug.value.trim()) {
            body.slug = slug.value.trim();
        }
        try {
            const created = await api('content', `/workspaces/${ws.id}/campaigns`, { method: 'POST',
                headers: { 'Idempotency-Key': key }, body });
            /** @type {HTMLFormElement} */ (form).reset();
            key = idempotencyKey();
            notice(result, `Campaign "${created.name}" created (utm_campaign=${created.slug}).`, false);
            await reload();
        } catch (error) {
            notice(result, explain(error), true);
        }
    });
    return form;
}
