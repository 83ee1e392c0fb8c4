/**
 * Publishing setup of the current client: the publisher of each platform (the generic signed webhook to the
 * client's own integration, or a native one: a Telegram bot, a Discord webhook or bot, Quora's hand-off to a person) and
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
 * The publisher types (content-service PublisherType; `type` when the PUT's type is not the id: a Discord bot is a
 * DISCORD publisher with the bot's fields); a native one fits its own platform only. `fields` are the
 * type's own fields of the PUT body (secret ones as password inputs, never shown again once saved); `account`
 * types publish with the client's connected platform account (Accounts); `shows` says where posts go in the list.
 * @type {{id: string, type?: string, label: string, platform: string, hint: string, account?: boolean,
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
        shows: p => h('span', {}, 'Telegram chat ', h('code', {}, p.chatId), p.updatesError
            ? h('span', { class: 'hint', title: p.updatesError }, ' (replies and reactions do not come back: ',
                p.updatesError, ')') : '') },
    { id: 'DISCORD', label: 'Discord webhook', platform: 'DISCORD',
        hint: 'Posted through the channel\'s webhook (Discord API v10); nobody is pinged.',
        fields: [{ name: 'webhookUrl', label: 'Discord webhook URL (it holds its token: kept secret)', type: 'password',
            placeholder: 'https://discord.com/api/webhooks/...' }],
        shows: p => p.channelId ? h('span', {}, 'Discord bot, channel ', h('code', {}, p.channelId)) : 'Discord webhook' },
    { id: 'DISCORD_BOT', type: 'DISCORD', label: 'Discord bot', platform: 'DISCORD',
        hint: 'Posted by the bot to the channel (Discord API v10); it needs View Channel, Send Messages and Read Message '
            + 'History there. Reactions and replies of its posts come back (a webhook\'s do not).',
        fields: [{ name: 'discordBotToken', label: 'Bot token (Developer Portal > Bot)', type: 'password' },
            { name: 'channelId', label: 'Channel id (digits)', placeholder: '1180457732152467466' }],
        shows: p => h('span', {}, 'Discord bot, channel ', h('code', {}, p.channelId)) },
    { id: 'X_API', label: 'X API with the connected account', platform: 'X', account: true,
        hint: 'Posted through the X API v2 with the client\'s X account (connect it under Accounts); text, links, images and video.',
        fields: [], shows: () => 'X, with the connected account' },
    { id: 'REDDIT_API', label: 'Reddit API with the connected account', platform: 'REDDIT', account: true,
        hint: 'A text post to the post\'s subreddit with its title (both set when composing), with the client\'s Reddit account.',
        fields: [], shows: () => 'Reddit, with the connected account' },
    { id: 'FACEBOOK_API', label: 'Facebook Page with the connected account', platform: 'FACEBOOK', account: true,
        hint: 'Posted to the Page (Graph API) with the Page token of the client\'s Facebook account (connect it under Accounts).',
        fields: [{ name: 'pageId', label: 'Page id (digits)', placeholder: '104918372650183' }],
        shows: p => h('span', {}, 'Facebook Page ', h('code', {}, p.pageId)) },
    { id: 'INSTAGRAM_API', label: 'Instagram professional account', platform: 'INSTAGRAM', account: true,
        hint: 'Images, reels and carousels through the Instagram Graph API, with the connected Instagram account.',
        fields: [{ name: 'instagramAccountId', label: 'Instagram account id (digits)', placeholder: '17841405822304914' }],
        shows: p => h('span', {}, 'Instagram account ', h('code', {}, p.instagramAccountId)) },
    { id: 'PINTEREST_API', label: 'Pinterest API with the connected account', platform: 'PINTEREST', account: true,
        hint: 'A Pin of the post\'s image to the board set when composing, linking to the tracked link.',
        fields: [], shows: () => 'Pinterest, with the connected account' },
    { id: 'LINKEDIN_API', label: 'LinkedIn Posts API', platform: 'LINKEDIN', account: true,
        hint: 'Posted as the author (an organization Page the connected member administers, or the member).',
        fields: [{ name: 'author', label: 'Author (urn:li:organization:... or urn:li:person:...)',
            placeholder: 'urn:li:organization:5515715' }],
        shows: p => h('span', {}, 'LinkedIn as ', h('code', {}, p.author)) },
    { id: 'YOUTUBE_API', label: 'YouTube upload with the connected account', platform: 'YOUTUBE', account: true,
        hint: 'The post\'s one video is uploaded (resumable) with the title set when composing.',
        fields: [], shows: () => 'YouTube, with the connected account' },
    { id: 'TIKTOK_API', label: 'TikTok direct post with the connected account', platform: 'TIKTOK', account: true,
        hint: 'TikTok pulls the post\'s video from its address (the domain must be verified with TikTok).',
        fields: [], shows: () => 'TikTok, with the connected account' },
    { id: 'EMAIL_SMTP', label: 'E-mail over SMTP', platform: 'EMAIL',
        hint: 'Each post is an e-mail to every subscribed recipient below, subject = the title set when composing, with a one-click unsubscribe link.',
        fields: [{ name: 'smtpHost', label: 'SMTP server', placeholder: 'smtp.mailprovider.example' },
            { name: 'smtpPort', label: 'Port', type: 'number', placeholder: '587' },
            { name: 'smtpUsername', label: 'SMTP login' },
            { name: 'smtpPassword', label: 'SMTP password', type: 'password' },
            { name: 'from', label: 'Sender address', type: 'email', placeholder: 'news@client.example' },
            { name: 'startTls', label: 'STARTTLS (REQUIRED, OPTIONAL or DISABLED)', placeholder: 'REQUIRED', optional: true }],
        shows: p => h('span', {}, 'E-mail from ', h('code', {}, p.target)) },
    { id: 'SMS_API', label: 'SMS through Twilio', platform: 'SMS',
        hint: 'Each post is an SMS to every subscribed recipient below (Twilio Programmable Messaging).',
        fields: [{ name: 'accountSid', label: 'Twilio Account SID', placeholder: 'AC...' },
            { name: 'authToken', label: 'Twilio Auth Token', type: 'password' },
            { name: 'from', label: 'Sender (E.164 number or MG... service)', placeholder: '+15017122661' }],
        shows: p => h('span', {}, 'SMS from ', h('code', {}, p.target), p.incomingMessagesUrl
            ? h('span', { class: 'hint' }, ' (for STOP, START and replies, set ', h('code', {}, p.incomingMessagesUrl),
                " as the number's incoming-message webhook in Twilio)") : '') },
    { id: 'WHATSAPP_API', label: 'WhatsApp Cloud API templates', platform: 'WHATSAPP',
        hint: 'The approved template named when composing goes to every subscribed recipient below.',
        fields: [{ name: 'phoneNumberId', label: 'Phone number id (digits)', placeholder: '106540352242922' },
            { name: 'accessToken', label: 'System user access token', type: 'password' },
            { name: 'templateLanguage', label: 'Template language', placeholder: 'en_US', optional: true }],
        shows: p => h('span', {}, 'WhatsApp number ', h('code', {}, p.target)) },
    { id: 'QUORA_ASSISTED', label: 'Quora hand-off', platform: 'QUORA',
        hint: 'Quora has no posting API: a due post becomes a task with its text; mark it published with its address.',
        fields: [], shows: () => 'A person (hand-off task)' }
];

/** The platforms whose posts go to a list of opted-in recipients (content-service recipients). */
const BROADCAST = ['EMAIL', 'SMS', 'WHATSAPP'];

/** The secret-like field names: emptied after saving, never shown back. */
const SECRET = new Set(TYPES.flatMap(t => t.fields.filter(f => f.type === 'password').map(f => f.name)));

/**
 * The opted-in recipients of the e-mail, SMS and WhatsApp publishers: one address a line replaces the list; who
 * unsubscribed stays unsubscribed whatever list is uploaded later.
 * @param {any} ws
 * @param {ReturnType<typeof formatter>} fmt
 */
function recipientsForm(ws, fmt) {
    const platform = select('recipient-platform', BROADCAST.map(p => ({ value: p, label: humanize(p) })));
    const list = /** @type {HTMLTextAreaElement} */ (h('textarea', { name: 'recipients', rows: 6,
        placeholder: 'one address a line: news@client.example, or +393471234567', 'aria-label': 'Recipients' }));
    const state = h('p', { class: 'hint', id: 'recipients-state' });
    const result = h('p', { class: 'notice', hidden: true, id: 'recipients-result' });
    // What the person typed is never overwritten by a list that arrives later.
    let edited = false;
    list.addEventListener('input', () => { edited = true; });
    const load = async () => {
        try {
            const page = await api('content', `/workspaces/${ws.id}/publishers/${platform.value}/recipients?limit=1000`);
            if (edited) {
                state.textContent = `${fmt.number(page.subscribed)} subscribed of ${fmt.number(page.total)} stored.`;
                return;
            }
            list.value = page.items.filter((/** @type {any} */ r) => r.subscribed).map((/** @type {any} */ r) => r.address).join('\n');
            state.textContent = `${fmt.number(page.subscribed)} subscribed of ${fmt.number(page.total)} stored`
                + (page.next ? ' (the first 1,000 shown)' : '') + '.';
        } catch (error) {
            state.textContent = explain(error);
        }
    };
    platform.addEventListener('change', () => { edited = false; load(); });
    const form = h('form', { class: 'card', id: 'recipients-form' }, h('h3', {}, 'Recipients of e-mail, SMS and WhatsApp'),
        h('div', { class: 'grid' }, field('Platform', platform)), field('Opted-in recipients', list), state,
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save recipients')), result);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const recipients = list.value.split(/\r?\n/).map(a => a.trim()).filter(a => a !== '').map(address => ({ address }));
        try {
            await api('content', `/workspaces/${ws.id}/publishers/${platform.value}/recipients`, { method: 'PUT',
                body: { recipients } });
            notice(result, `Recipients for ${humanize(platform.value)} saved.`, false);
            edited = false;
            await load();
        } catch (error) {
            notice(result, explain(error), true);
        }
    });
    load();
    return form;
}

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
            const chosen = TYPES.find(t => t.id === type.value);
            /** @type {Record<string, string | number>} */
            const body = { type: chosen && chosen.type ? chosen.type : type.value };
            inputsOf[type.value].filter(i => i.value !== '' || !i.dataset.optional)
                .forEach(i => { body[i.name] = i.type === 'number' ? Number(i.value) : SECRET.has(i.name) ? i.value : i.value.trim(); });
            try {
                await api('content', `/workspaces/${ws.id}/publishers/${platform.value}`, { method: 'PUT', body });
                Object.values(inputsOf).flat().filter(i => SECRET.has(i.name)).forEach(i => { i.value = ''; });
                notice(result, `Publisher for ${humanize(platform.value)} saved.`, false);
                await loadList();
            } catch (error) {
                notice(result, explain(error), true);
            }
        });
        node.append(form, recipientsForm(ws, fmt));
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
