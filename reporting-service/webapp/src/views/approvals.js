/**
 * Approvals: the posts waiting for a decision, and per post: submit, approve or reject with a comment, a
 * client approval link to copy, the history, and how publishing went (attempts, next attempt, failure
 * reason) with retry.
 */
import { api, explain } from '../lib/api.js';
import { copy, field, h, notice, panel, select, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize, STATUSES } from '../lib/limits.js';

export const title = 'Approvals';

/** The moves content-service allows from each status (PostAction). */
const MOVES = {
    DRAFT: ['submit'],
    IN_REVIEW: ['approve', 'reject'],
    APPROVED: ['schedule', 'reject'],
    SCHEDULED: ['unschedule'],
    FAILED: ['retry']
};

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} params
 */
export async function render(node, ctx, params) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    const status = select('status', [{ value: '', label: 'All statuses' }]
        .concat(STATUSES.map(s => ({ value: s, label: humanize(s) }))), params.has('status') ? params.get('status') || '' : 'IN_REVIEW');
    status.addEventListener('change', () => ctx.go('approvals', status.value ? { status: status.value } : { status: '' }));
    const list = h('div', { id: 'approval-list' });
    const detail = h('div', { id: 'approval-detail' });
    node.append(h('h2', {}, 'Approvals and publishing'), h('div', { class: 'toolbar card' }, field('Show', status)),
        list, detail);

    await panel(list, 'posts', async () => {
        const q = status.value ? `&status=${status.value}` : '';
        const page = await api('content', `/workspaces/${ws.id}/posts?limit=200${q}`);
        if (page.items.length === 0) {
            return null;
        }
        return table([
            { title: 'Post', cell: p => h('a', { href: `#approvals?post=${p.id}${status.value ? `&status=${status.value}` : ''}` },
                p.caption ? p.caption.slice(0, 80) : '(no caption)') },
            { title: 'Platform', cell: p => humanize(p.platform) },
            { title: 'Stage', cell: p => humanize(p.funnelStage) },
            { title: 'Status', cell: p => h('span', { class: `badge status-${p.status}` }, humanize(p.status)) },
            { title: 'Planned', cell: p => fmt.dateTime(p.scheduledAt) }
        ], page.items, 'Posts');
    }, status.value ? `No ${humanize(status.value).toLowerCase()} posts.` : 'No posts yet.');

    const postId = params.get('post');
    if (postId) {
        await showPost(detail, ctx, postId, fmt);
    }
}

/**
 * The platform's counts of a published post (reach, impressions, likes, ... as each platform has them; counts
 * without actors, shown as such) and the state of reading its engagement back.
 * @param {any} m content-service's PlatformMetrics
 * @param {ReturnType<typeof formatter>} fmt
 */
function platformMetrics(m, fmt) {
    if (!m.imported) {
        return null;
    }
    return h('section', { id: 'platform-metrics', 'aria-labelledby': 'pm-title' }, h('h4', { id: 'pm-title' }, 'On the platform'),
        m.metrics.length === 0 ? h('p', { class: 'state empty' }, 'Not read back yet.')
            : h('dl', { class: 'facts' }, m.metrics.flatMap((/** @type {any} */ x) => [h('dt', {}, humanize(x.metric)),
                h('dd', { 'data-metric': x.metric }, fmt.number(x.value))])),
        h('p', { class: 'hint' }, `Read back ${m.lastImportedAt ? fmt.dateTime(m.lastImportedAt) : 'not yet'}; `,
            `${fmt.number(m.eventsStored)} comments, likes and shares with their people counted as engagement`,
            m.nextImportAt ? `; next read ${fmt.dateTime(m.nextImportAt)}` : ''),
        m.lastError ? h('p', { class: 'notice error', role: 'alert', id: 'pm-error' }, m.lastError) : null);
}

/**
 * @param {HTMLElement} detail
 * @param {any} ctx
 * @param {string} postId
 * @param {ReturnType<typeof formatter>} fmt
 */
async function showPost(detail, ctx, postId, fmt) {
    const ws = ctx.workspace;
    await panel(detail, 'the post', async () => {
        const base = `/workspaces/${ws.id}/posts/${encodeURIComponent(postId)}`;
        const [post, history] = await Promise.all([api('content', base), api('content', `${base}/history`)]);
        // What the platform says about a published post (its own counts, and how reading it back goes).
        const onPlatform = post.status === 'PUBLISHED' && post.remoteId
            ? await api('content', `${base}/platform-metrics`).catch(() => null) : null;
        const result = h('p', { class: 'notice', id: 'approval-result', hidden: true });
        const comment = /** @type {HTMLTextAreaElement} */ (h('textarea', { name: 'comment', rows: 2, maxLength: 2000 }));
        const moves = /** @type {Record<string, string[]>} */ (MOVES)[post.status] || [];
        const act = async (/** @type {string} */ move) => {
            try {
                /** @type {Record<string, string>} */
                const body = {};
                if (comment.value) {
                    body.comment = comment.value;
                }
                await api('content', `${base}/${move}`, { method: 'POST', body });
                await showPost(detail, ctx, postId, fmt);
                notice(/** @type {HTMLElement} */ (detail.querySelector('#approval-result')), `Done: ${move}.`, false);
            } catch (error) {
                notice(result, explain(error), true);
            }
        };
        const linkBox = h('div', { class: 'link-box' });
        const makeLink = async () => {
            try {
                const link = await api('content', `${base}/approval-links`, { method: 'POST', body: {} });
                const output = h('input', { type: 'text', readOnly: true, value: link.url, id: 'approval-link',
                    'aria-label': 'Client approval link' });
                const copied = h('p', { class: 'notice', hidden: true });
                linkBox.replaceChildren(field(`Client approval link (expires ${fmt.dateTime(link.expiresAt)})`, output),
                    h('button', { type: 'button', onclick: () => copy(link.url, copied) }, 'Copy link'), copied);
            } catch (error) {
                linkBox.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, explain(error)));
            }
        };
        const pub = post.publishing || {};
        // Quora has no posting API: the post waits for a person to publish it there and give its address.
        let handoff = null;
        if (post.status === 'AWAITING_HANDOFF' && post.handoff) {
            const url = /** @type {HTMLInputElement} */ (h('input', { name: 'url', type: 'url', required: true,
                placeholder: 'https://www.quora.com/...' }));
            const text = h('textarea', { readOnly: true, rows: 4, id: 'handoff-text', 'aria-label': 'Text to publish' },
                post.handoff.text || '');
            const copied = h('p', { class: 'notice', hidden: true });
            handoff = h('form', { class: 'inline-form', id: 'handoff-form', onsubmit: async (/** @type {Event} */ e) => {
                e.preventDefault();
                try {
                    await api('content', `${base}/mark-published`, { method: 'POST', body: { url: url.value.trim() } });
                    await showPost(detail, ctx, postId, fmt);
                    notice(/** @type {HTMLElement} */ (detail.querySelector('#approval-result')), 'Marked published.', false);
                } catch (error) {
                    notice(result, explain(error), true);
                }
            } }, h('h4', {}, 'Publish it by hand'), text,
            h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary',
                onclick: () => copy(post.handoff.text || '', copied) }, 'Copy text'),
            h('a', { href: post.handoff.openUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Open Quora')), copied,
            ctx.canWrite ? field('Address of the published answer or post', url) : null,
            ctx.canWrite ? h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Mark published')) : null);
        }
        return h('section', { class: 'card', 'aria-labelledby': 'post-title', 'data-post': post.id, 'data-status': post.status },
            h('h3', { id: 'post-title' }, `${humanize(post.platform)} · ${humanize(post.funnelStage)} · `,
                h('span', { class: `badge status-${post.status}`, id: 'post-status' }, humanize(post.status))),
            h('p', {}, post.caption || '(no caption)'),
            post.mediaUrls && post.mediaUrls.length ? h('p', { class: 'hint' }, `Media: ${post.mediaUrls.join(', ')}`) : null,
            post.trackedLink ? h('p', { class: 'hint' }, 'Tracked link: ', h('code', {}, post.trackedLink.url), ' → ',
                h('code', {}, post.trackedLink.destination || '')) : null,
            h('dl', { class: 'facts' },
                h('dt', {}, 'Planned'), h('dd', {}, fmt.dateTime(post.scheduledAt)),
                h('dt', {}, 'Publishing attempts'), h('dd', { id: 'pub-attempts' }, String(pub.attempts || 0)),
                h('dt', {}, 'Next attempt'), h('dd', {}, fmt.dateTime(pub.nextAttemptAt)),
                h('dt', {}, 'Failure reason'), h('dd', { id: 'pub-failure' }, pub.failureReason || '–'),
                h('dt', {}, 'Published'), h('dd', {}, fmt.dateTime(pub.publishedAt)),
                post.permalink ? h('dt', {}, 'On the platform') : null,
                post.permalink ? h('dd', {}, h('a', { href: post.permalink, target: '_blank', rel: 'noopener noreferrer',
                    id: 'post-permalink' }, post.permalink)) : null),
            onPlatform ? platformMetrics(onPlatform, fmt) : null,
            handoff,
            ctx.canWrite && moves.length ? h('form', { class: 'inline-form', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
                field('Comment (kept in the history)', comment),
                h('div', { class: 'actions' }, moves.map(m => h('button', { type: 'button', 'data-move': m,
                    class: m === 'reject' || m === 'unschedule' ? 'secondary' : '', onclick: () => act(m) }, humanize(m))))) : null,
            ctx.canWrite && post.status === 'IN_REVIEW'
                ? h('div', {}, h('button', { type: 'button', class: 'secondary', id: 'make-link', onclick: makeLink },
                    'Create client approval link'), linkBox) : null,
            result,
            h('h4', {}, 'History'),
            history.items.length === 0 ? h('p', { class: 'state empty' }, 'No history yet.')
                : h('ol', { class: 'history', id: 'post-history' }, history.items.map((/** @type {any} */ e) => h('li', {},
                    h('strong', {}, humanize(e.action)), ` ${e.fromStatus ? humanize(e.fromStatus) : ''} → ${humanize(e.toStatus)}`,
                    ` · ${e.actor || ''} · ${fmt.dateTime(e.at || e.createdAt)}`, e.comment ? h('q', {}, e.comment) : null))));
    }, 'The post was not found.');
}
