/**
 * Publishing setup of the current client: the publisher of each platform (the generic webhook publisher: a
 * signed JSON POST to the client's own integration) and the webhook subscription to lifecycle events. Secrets
 * sign the deliveries and are never shown again once saved.
 */
import { api, ApiError, explain } from '../lib/api.js';
import { field, h, notice, panel, select, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize, PLATFORMS } from '../lib/limits.js';

export const title = 'Publishing';

const EVENTS = ['post.approved', 'post.published', 'post.failed'];

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 */
export async function render(node, ctx) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    const list = h('div', { id: 'publisher-list' });
    const hook = h('div', { id: 'webhook-box' });
    node.append(h('h2', {}, 'Publishing setup'));

    const loadList = () => panel(list, 'publishers', async () => {
        const answer = await api('content', `/workspaces/${ws.id}/publishers`);
        if (!answer.items || answer.items.length === 0) {
            return null;
        }
        return table([
            { title: 'Platform', cell: p => humanize(p.platform) },
            { title: 'Type', cell: p => humanize(p.type) },
            { title: 'Delivers to', cell: p => h('code', {}, p.url) },
            { title: 'Secret', cell: p => (p.secretSet ? 'set' : 'missing') },
            { title: 'Updated', cell: p => fmt.dateTime(p.updatedAt) }
        ], answer.items.map((/** @type {any} */ p) => Object.assign({ key: p.platform }, p)), 'Publishers');
    }, 'No publisher yet: posts of this client cannot be published until one is set for their platform.');

    if (ctx.canWrite) {
        const platform = select('platform', PLATFORMS.map(p => ({ value: p, label: humanize(p) })));
        const url = /** @type {HTMLInputElement} */ (h('input', { name: 'url', type: 'url', required: true,
            placeholder: 'https://hooks.client.example/instagram' }));
        const secret = /** @type {HTMLInputElement} */ (h('input', { name: 'secret', type: 'password', minLength: 16,
            autocomplete: 'off', required: true }));
        const result = h('p', { class: 'notice', hidden: true, id: 'publisher-result' });
        const form = h('form', { class: 'card', id: 'publisher-form' }, h('h3', {}, 'Set a publisher'),
            h('div', { class: 'grid' }, field('Platform', platform), field('Webhook URL', url),
                field('Signing secret (16 characters or more)', secret)),
            h('p', { class: 'hint' }, 'Each post is sent as a JSON POST signed with X-Suite-Signature (HMAC-SHA256).'),
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save publisher')), result);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            try {
                await api('content', `/workspaces/${ws.id}/publishers/${platform.value}`, { method: 'PUT',
                    body: { type: 'WEBHOOK', url: url.value.trim(), secret: secret.value } });
                secret.value = '';
                notice(result, `Publisher for ${humanize(platform.value)} saved.`, false);
                await loadList();
            } catch (error) {
                notice(result, explain(error), true);
            }
        });
        node.append(form);
    }
    node.append(h('section', { class: 'card', 'aria-labelledby': 'pub-title' }, h('h3', { id: 'pub-title' }, 'Publishers'), list),
        h('section', { class: 'card', 'aria-labelledby': 'hook-title' }, h('h3', { id: 'hook-title' }, 'Webhook for lifecycle events'), hook));

    await Promise.all([loadList(), panel(hook, 'the webhook', async () => {
        /** @type {any} */
        let current = null;
        try {
            current = await api('content', `/workspaces/${ws.id}/webhooks`);
        } catch (error) {
            if (!(error instanceof ApiError && error.status === 404)) {
                throw error;
            }
        }
        const summary = current ? h('p', {}, 'Sends ', current.events.join(', '), ' to ', h('code', {}, current.url))
            : h('p', { class: 'state empty' }, 'No webhook subscription.');
        if (!ctx.canWrite) {
            return summary;
        }
        const url = /** @type {HTMLInputElement} */ (h('input', { name: 'url', type: 'url', value: current ? current.url : '' }));
        const secret = /** @type {HTMLInputElement} */ (h('input', { name: 'secret', type: 'password', minLength: 16,
            autocomplete: 'off' }));
        const events = h('fieldset', {}, h('legend', {}, 'Events'), EVENTS.map(e => h('label', { class: 'choice' },
            h('input', { type: 'checkbox', name: 'events', value: e, checked: !current || current.events.includes(e) }), e)));
        const result = h('p', { class: 'notice', hidden: true, id: 'webhook-result' });
        const form = h('form', { id: 'webhook-form' }, summary,
            h('div', { class: 'grid' }, field('URL', url), field('Signing secret (16 characters or more)', secret)), events,
            h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save webhook')), result);
        form.addEventListener('submit', async event => {
            event.preventDefault();
            const chosen = [...form.querySelectorAll('input[name=events]:checked')]
                .map(i => /** @type {HTMLInputElement} */ (i).value);
            try {
                const saved = await api('content', `/workspaces/${ws.id}/webhooks`, { method: 'PUT',
                    body: { url: url.value.trim(), secret: secret.value, events: chosen } });
                secret.value = '';
                notice(result, `Webhook saved: ${saved.events.join(', ')}.`, false);
            } catch (error) {
                notice(result, explain(error), true);
            }
        });
        return form;
    }, '')]);
}
