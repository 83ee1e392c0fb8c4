/**
 * The client's platform accounts (content-service /workspaces/{ws}/accounts): which are connected, which need
 * reconnecting and why, and Connect / Reconnect / Disconnect. Connecting leaves for the platform's consent page;
 * the platform sends the browser back through content-service's /oauth/callback to #accounts?state=&code=, where
 * this view completes the authorization (lib/oauth.js). Tokens are never shown.
 */
import { api, explain } from '../lib/api.js';
import { h, notice, panel, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize } from '../lib/limits.js';
import { OAUTH_PLATFORMS, remember, returned, take } from '../lib/oauth.js';

export const title = 'Accounts';

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} params
 */
export async function render(node, ctx, params) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    const result = h('p', { class: 'notice', hidden: true, id: 'account-result' });
    const list = h('div', { id: 'account-list' });
    node.append(h('h2', {}, 'Platform accounts'),
        h('p', { class: 'hint' }, 'Connect the client\'s accounts so posts are published there natively. '
            + 'You sign in on the platform itself; the suite keeps only the tokens it grants, encrypted.'),
        result, h('section', { class: 'card', 'aria-labelledby': 'accounts-title' },
            h('h3', { id: 'accounts-title' }, 'Accounts'), list));

    const back = returned(params);
    if (back) {
        // The code must not stay in the address bar or the history.
        history.replaceState(null, '', location.pathname + location.search + '#accounts');
        const pending = take(sessionStorage, back.state);
        if (back.kind === 'error') {
            notice(result, `The platform did not connect the account: ${back.message}`, true);
        } else if (!pending) {
            notice(result, 'This sign-in was not started in this browser tab, so nothing was connected. '
                + 'Start again with Connect.', true);
        } else {
            try {
                const account = await api('content', `/workspaces/${pending.workspaceId}/accounts/${pending.platform}`
                    + '/authorizations/complete', { method: 'POST', body: { state: back.state, code: back.code } });
                const client = ctx.workspaces.find((/** @type {any} */ w) => w.id === pending.workspaceId);
                notice(result, `${humanize(account.platform)} connected${client && client.id !== ws.id
                    ? ` for ${client.name}` : ''}.`, false);
            } catch (error) {
                notice(result, `${humanize(pending.platform)} was not connected: ${explain(error)}`, true);
            }
        }
    }

    const load = () => panel(list, 'accounts', async () => {
        const answer = await api('content', `/workspaces/${ws.id}/accounts`);
        /** @type {Record<string, any>} */
        const byPlatform = {};
        for (const a of answer.items || []) {
            byPlatform[a.platform] = a;
        }
        const rows = OAUTH_PLATFORMS.map(p => Object.assign({ key: p, platform: p }, byPlatform[p] || {}));
        return table([
            { title: 'Platform', cell: a => humanize(a.platform) },
            { title: 'Status', cell: a => !a.status ? h('span', { class: 'muted' }, 'Not connected')
                : a.status === 'CONNECTED' ? 'Connected'
                    : h('span', { class: 'badge warn', title: a.reason || '' }, 'Reconnect needed') },
            { title: 'Details', cell: a => !a.status ? ''
                : a.status !== 'CONNECTED' ? a.reason || ''
                    // Scopes asked for after it was connected (X media.write): reconnecting grants them.
                    : a.reconnectHint ? h('span', null, h('span', { class: 'badge warn' }, 'Permissions missing'),
                        ` ${a.reconnectHint}`)
                        : `${a.expiresAt ? `Token until ${fmt.dateTime(a.expiresAt)}` : 'No expiry given'}`
                            + `${a.refreshable ? ', renewed automatically' : ''}` },
            { title: '', cell: a => ctx.canWrite ? actions(a) : '' }
        ], rows, 'Platform accounts');
    }, '');

    /** @param {any} a */
    function actions(a) {
        const connect = h('button', { type: 'button', class: a.status === 'CONNECTED' ? 'secondary' : '',
            'aria-label': `${a.status ? 'Reconnect' : 'Connect'} ${humanize(a.platform)}`,
            onclick: async () => {
                try {
                    const started = await api('content', `/workspaces/${ws.id}/accounts/${a.platform}/authorizations`,
                        { method: 'POST' });
                    remember(sessionStorage, started.state, ws.id, a.platform);
                    location.assign(started.authorizeUrl);
                } catch (error) {
                    notice(result, explain(error), true);
                }
            } }, a.status ? 'Reconnect' : 'Connect');
        if (!a.status) {
            return connect;
        }
        const disconnect = h('button', { type: 'button', class: 'secondary',
            'aria-label': `Disconnect ${humanize(a.platform)}`,
            onclick: async () => {
                try {
                    await api('content', `/workspaces/${ws.id}/accounts/${a.platform}`, { method: 'DELETE' });
                    notice(result, `${humanize(a.platform)} disconnected.`, false);
                    await load();
                } catch (error) {
                    notice(result, explain(error), true);
                }
            } }, 'Disconnect');
        return h('div', { class: 'actions' }, connect, disconnect);
    }

    await load();
}
