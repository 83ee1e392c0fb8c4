/**
 * Publishing setup of the current client: the publisher of each platform (the generic signed webhook to the
 * client's own integration, or a native one: a Telegram bot, a Discord webhook, Quora's hand-off to a person) and
 * the webhook subscription to lifecycle events. Secrets, bot tokens and Discord webhook URLs are never shown again
 * once saved.
 */
import { api, ApiError, explain } from '../lib/api.js';
import { field, h, notice, panel, select, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize, PLATFORMS } from '../lib/limits.js';

export const title = 'Publishing';

const EVENTS = ['post.approved', 'post.published', 'post.failed'];

/**
 * The publisher types (content-service PublisherType); a native one fits its own platform only. `fields` are the
 * type's own fields of the PUT body (secret ones as password inputs, never shown again once saved); `account`
 * types publish with the client's connected platform account (Accounts); `shows` says where posts go in the list.
 * @type {{id: string, label: string, platform: string, hint: string, account?: boolean,
 *   fields: {name: string, label: string, type?: string, placeholder?: string, optional?: boolean}[],
 *   shows: (p: any) => any}[]}
 */
const TYPES = [
    { id: 'WEBHOOK', label: 'Signed webhook to our integration', platform: '',
        hint: 'Each post is sent as a JSON POST signed with X-Suite-Signature (HMAC-SHA256).',
        fields: [{ name: 'url', label: 'Webhook URL', type: 'url', placeholder: 'https://hooks.client.example/instagram' },
            { name: 'secret', label: 'Signing secret (16 characters or more)', type: 'password' }],
        shows: p => h('code', {}, p.url) },
    { id: 'TELEGRAM', label: 'Telegram bot', platform: 'TELEGRAM',
        hint: 'Posted by the bot through the Telegram Bot API; add the bot to the channel as an administrator.',
        fields: [{ name: 'botToken', label: 'Bot token (from @BotFather)', type: 'password', placeholder: '123456789:AA...' },
            { name: 'chatId', label: 'Chat or channel', placeholder: '@client_channel or -100...' }],
        shows: p => h('span', {}, 'Telegram chat ', h('code', {}, p.chatId)) },
    { id: 'DISCORD', label: 'Discord webhook', platform: 'DISCORD',
        hint: 'Posted through the channel\'s webhook (Discord API v10); nobody is pinged.',
        fields: [{ name: 'webhookUrl', label: 'Discord webhook URL (it holds its token: kept secret)', type: 'password',
            placeholder: 'https://discord.com/api/webhooks/...' }],
        shows: () => 'Discord webhook' },
    { id: 'X_API', label: 'X API with the connected account', platform: 'X', account: true,
        hint: 'Posted through the X API v2 with the client\'s X account (connect it under Accounts); text and links only.',
        fields: [], shows: () => 'X, with the connected account' },
    { id: 'REDDIT_API', label: 'Reddit API with the connected account', platform: 'REDDIT', account: true,
        hint: 'A text post to the post\'s subreddit with its title (both set when composing), with the client\'s Reddit account.',
        fields: [], shows: () => 'Reddit, with the connected account' },
    { id: 'QUORA_ASSISTED', label: 'Quora hand-off', platform: 'QUORA',
        hint: 'Quora has no posting API: a due post becomes a task with its text; mark it published with its address.',
        fields: [], shows: () => 'A person (hand-off task)' }
];

/** The secret-like field names: emptied after saving, never shown back. */
const SECRET = new Set(TYPES.flatMap(t => t.fields.filter(f => f.type === 'password').map(f => f.name)));

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
            { title: 'Delivers to', cell: p => {
                const type = TYPES.find(t => t.id === p.type);
                return type ? type.shows(p) : humanize(p.type);
            } },
            { title: 'Secret', cell: p => {
                const type = TYPES.find(t => t.id === p.type);
                return p.reconnectReason ? h('span', { class: 'badge status-FAILED', title: p.reconnectReason },
                    'Reconnect needed') : !type || !type.fields.some(f => f.type === 'password') ? '–'
                    : (p.secretSet ? 'set' : 'missing');
            } },
            { title: 'Updated', cell: p => fmt.dateTime(p.updatedAt) }
        ], answer.items.map((/** @type {any} */ p) => Object.assign({ key: p.platform }, p)), 'Publishers');
    }, 'No publisher yet: posts of this client cannot be published until one is set for their platform.');

    if (ctx.canWrite) {
        const platform = select('platform', PLATFORMS.map(p => ({ value: p, label: humanize(p) })));
        const type = select('type', TYPES.map(t => ({ value: t.id, label: t.label })));
        /** @type {Record<string, HTMLElement[]>} */
        const fieldsOf = {};
        /** @type {Record<string, HTMLInputElement[]>} */
        const inputsOf = {};
        for (const t of TYPES) {
            inputsOf[t.id] = t.fields.map(f => /** @type {HTMLInputElement} */ (h('input', { name: f.name,
                autocomplete: 'off', type: f.type || 'text', placeholder: f.placeholder || '',
                'data-optional': f.optional ? 'true' : null, minLength: f.name === 'secret' ? 16 : null })));
            fieldsOf[t.id] = t.fields.map((f, i) => field(f.label, inputsOf[t.id][i]));
        }
        const hint = h('p', { class: 'hint' });
        const showType = () => {
            for (const [t, fields] of Object.entries(fieldsOf)) {
                fields.forEach(f => { f.hidden = t !== type.value; });
                // Hidden fields are disabled, so the browser neither validates nor sends them.
                inputsOf[t].forEach(i => { i.required = t === type.value && !i.dataset.optional; i.disabled = t !== type.value; });
            }
            const chosen = TYPES.find(t => t.id === type.value);
            hint.textContent = chosen ? chosen.hint : '';
        };
        /** Each native type fits its own platform only. */
        platform.addEventListener('change', () => {
            const native = TYPES.find(t => t.platform === platform.value);
            type.value = native ? native.id : 'WEBHOOK';
            showType();
        });
        type.addEventListener('change', showType);
        const result = h('p', { class: 'notice', hidden: true, id: 'publisher-result' });
        const form = h('form', { class: 'card', id: 'publisher-form' }, h('h3', {}, 'Set a publisher'),
            h('div', { class: 'grid' }, field('Platform', platform), field('How posts get there', type),
                ...Object.values(fieldsOf).flat()),
            hint, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save publisher')), result);
        showType();
        form.addEventListener('submit', async event => {
            event.preventDefault();
            /** @type {Record<string, string>} */
            const body = { type: type.value };
            inputsOf[type.value].filter(i => i.value !== '' || !i.dataset.optional)
                .forEach(i => { body[i.name] = SECRET.has(i.name) ? i.value : i.value.trim(); });
            try {
                await api('content', `/workspaces/${ws.id}/publishers/${platform.value}`, { method: 'PUT', body });
                Object.values(inputsOf).flat().filter(i => SECRET.has(i.name)).forEach(i => { i.value = ''; });
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
