/**
 * Calendar: month or week in the workspace's time zone, filtered by platform, stage, status and campaign.
 * A post is moved by dragging it to another day (keeping its time of day) or, from the keyboard, with the
 * "Reschedule" form of its details. The daylight-saving rule is shown when the new local time does not exist
 * or exists twice; the API applies the same rule (content-service Schedules).
 */
import { all, api, explain } from '../lib/api.js';
import { field, h, notice, select } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { EDITABLE, humanize, PLATFORMS, STAGES, STATUSES } from '../lib/limits.js';
import { addDays, localDate, localDateTime, monthGrid, onDay, resolveLocal, weekDays } from '../lib/time.js';

export const title = 'Calendar';

const MOVABLE = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED'];

/**
 * Reschedules a post to a local date-time of the workspace: an APPROVED post is scheduled
 * (POST .../schedule), a SCHEDULED, draft or in-review one gets its time changed (PATCH scheduledAt).
 * @param {any} ws
 * @param {any} post
 * @param {string} local yyyy-mm-ddThh:mm
 */
export async function reschedule(ws, post, local) {
    const scheduledAt = `${local}:00`;
    if (post.status === 'APPROVED') {
        return api('content', `/workspaces/${ws.id}/posts/${post.id}/schedule`, { method: 'POST',
            body: { scheduledAt } });
    }
    return api('content', `/workspaces/${ws.id}/posts/${post.id}`, { method: 'PATCH', body: { scheduledAt } });
}

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} params
 */
export async function render(node, ctx, params) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    const today = localDate(ws.timeZone, Date.now());
    const mode = params.get('mode') === 'week' ? 'week' : 'month';
    const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '') ? String(params.get('date')) : today;
    /** @type {any[]} */
    let campaigns = [];
    try {
        campaigns = await all('content', `/workspaces/${ws.id}/campaigns`);
    } catch (error) {
        campaigns = [];
    }
    const filters = {
        platform: select('platform', [{ value: '', label: 'All platforms' }]
            .concat(PLATFORMS.map(p => ({ value: p, label: humanize(p) }))), params.get('platform') || ''),
        stage: select('stage', [{ value: '', label: 'All stages' }]
            .concat(STAGES.map(s => ({ value: s.id, label: s.label }))), params.get('stage') || ''),
        status: select('status', [{ value: '', label: 'All statuses' }]
            .concat(STATUSES.map(s => ({ value: s, label: humanize(s) }))), params.get('status') || ''),
        campaign: select('campaignId', [{ value: '', label: 'All campaigns' }]
            .concat(campaigns.map(c => ({ value: c.id, label: c.name }))), params.get('campaignId') || '')
    };
    const go = (/** @type {Record<string, string>} */ change) => {
        const next = { mode, date: anchor, platform: filters.platform.value, stage: filters.stage.value,
            status: filters.status.value, campaignId: filters.campaign.value, ...change };
        ctx.go('calendar', Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
    };
    Object.values(filters).forEach(f => f.addEventListener('change', () => go({})));
    const [year, month] = anchor.split('-').map(Number);
    const days = mode === 'week' ? weekDays(anchor) : monthGrid(year, month).flat().map(d => d.date);
    const from = days[0];
    const to = days[days.length - 1];
    const step = mode === 'week' ? 7 : 0;
    const previous = mode === 'week' ? addDays(anchor, -step) : addDays(`${anchor.slice(0, 7)}-01`, -1);
    const next = mode === 'week' ? addDays(anchor, step) : addDays(monthGrid(year, month).flat().slice(-1)[0].date, 1);
    const heading = mode === 'week' ? `Week of ${fmt.day(from)}`
        : new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })
            .format(new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`));
    const message = h('p', { class: 'notice', id: 'calendar-notice', hidden: true });
    const grid = h('div', { class: 'cal-body', id: 'calendar-grid' },
        h('p', { class: 'state loading', role: 'status' }, 'Loading the calendar…'));
    const detail = h('div', { id: 'post-detail' });
    node.append(h('h2', {}, `Calendar · ${heading}`),
        h('p', { class: 'hint' }, `Times in ${ws.timeZone}. Drag a post to another day to reschedule it, or open it `
            + 'and use Reschedule.'),
        h('div', { class: 'toolbar card' },
            h('div', { class: 'segmented', role: 'group', 'aria-label': 'View' },
                h('button', { type: 'button', 'aria-pressed': String(mode === 'month'), onclick: () => go({ mode: 'month' }) }, 'Month'),
                h('button', { type: 'button', 'aria-pressed': String(mode === 'week'), onclick: () => go({ mode: 'week' }) }, 'Week')),
            h('button', { type: 'button', class: 'secondary', onclick: () => go({ date: previous }) }, 'Previous'),
            h('button', { type: 'button', class: 'secondary', onclick: () => go({ date: today }) }, 'Today'),
            h('button', { type: 'button', class: 'secondary', onclick: () => go({ date: next }) }, 'Next'),
            field('Platform', filters.platform), field('Stage', filters.stage), field('Status', filters.status),
            field('Campaign', filters.campaign)),
        message, grid, detail);

    /** @type {Map<string, any>} */
    const byId = new Map();
    const load = async () => {
        const q = new URLSearchParams({ from, to });
        if (filters.platform.value) {
            q.set('platform', filters.platform.value);
        }
        if (filters.campaign.value) {
            q.set('campaignId', filters.campaign.value);
        }
        let body;
        try {
            body = await api('content', `/workspaces/${ws.id}/calendar?${q}`);
        } catch (error) {
            grid.replaceChildren(h('p', { class: 'state error', role: 'alert' }, explain(error)));
            grid.dataset.state = 'error';
            return;
        }
        const keep = (/** @type {any} */ p) => (!filters.stage.value || p.funnelStage === filters.stage.value)
            && (!filters.status.value || p.status === filters.status.value);
        /** @type {Map<string, any[]>} */
        const posts = new Map();
        (body.days || []).forEach((/** @type {any} */ d) => posts.set(d.date, d.posts.filter(keep)));
        const total = [...posts.values()].reduce((n, list) => n + list.length, 0);
        const cells = days.map(date => {
            const list = (posts.get(date) || []).slice().sort((a, b) => String(a.scheduledAt).localeCompare(String(b.scheduledAt)));
            list.forEach(p => byId.set(p.id, p));
            const cell = h('div', { class: `cal-day${date === today ? ' today' : ''}${date.slice(0, 7) === anchor.slice(0, 7) || mode === 'week' ? '' : ' outside'}`,
                'data-date': date, role: 'group', 'aria-label': fmt.day(date) },
            h('div', { class: 'cal-date' }, fmt.day(date)),
            list.map(p => h('button', { type: 'button', class: `chip status-${p.status}`, 'data-post': p.id,
                draggable: ctx.canWrite && MOVABLE.includes(p.status) ? 'true' : 'false',
                'aria-label': `${p.scheduledAt ? fmt.time(p.scheduledAt) : ''} ${humanize(p.platform)} ${humanize(p.status)}: ${p.caption || ''}`,
                onclick: () => open(p) },
            h('span', { class: 'chip-time' }, p.scheduledAt ? fmt.time(p.scheduledAt) : ''), ' ',
            h('span', { class: 'chip-platform' }, humanize(p.platform)), ' ',
            h('span', { class: 'chip-status' }, humanize(p.status)),
            h('span', { class: 'chip-caption' }, p.caption || ''))));
            cell.addEventListener('dragover', event => {
                event.preventDefault();
                cell.classList.add('drop');
            });
            cell.addEventListener('dragleave', () => cell.classList.remove('drop'));
            cell.addEventListener('drop', event => {
                event.preventDefault();
                cell.classList.remove('drop');
                const id = event.dataTransfer ? event.dataTransfer.getData('text/plain') : '';
                const post = byId.get(id);
                if (post) {
                    move(post, onDay(localDateTime(ws.timeZone, post.scheduledAt), date));
                }
            });
            return cell;
        });
        grid.replaceChildren(h('div', { class: `cal-grid ${mode}` },
            ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map(d => h('div', { class: 'cal-head', 'aria-hidden': 'true' }, d)),
            cells),
        ...(total === 0 ? [h('p', { class: 'state empty' }, 'No posts in this period with these filters.')] : []));
        grid.dataset.state = total === 0 ? 'empty' : 'ready';
        grid.querySelectorAll('[draggable=true]').forEach(chip => chip.addEventListener('dragstart', event => {
            const e = /** @type {DragEvent} */ (event);
            if (e.dataTransfer) {
                e.dataTransfer.setData('text/plain', /** @type {HTMLElement} */ (chip).dataset.post || '');
                e.dataTransfer.effectAllowed = 'move';
            }
        }));
    };

    /** @param {any} post @param {string} local */
    const move = async (post, local) => {
        const rule = resolveLocal(ws.timeZone, local);
        try {
            const saved = await reschedule(ws, post, local);
            notice(message, `Moved to ${fmt.dateTime(saved.scheduledAt)} (${humanize(saved.status)}).${rule.note ? ` ${rule.note}` : ''}`, false);
            message.dataset.post = saved.id;
            await load();
        } catch (error) {
            notice(message, `Could not move the post: ${explain(error)}`, true);
        }
    };

    /** @param {any} post */
    const open = post => {
        const time = /** @type {HTMLInputElement} */ (h('input', { type: 'datetime-local', name: 'when',
            value: post.scheduledAt ? localDateTime(ws.timeZone, post.scheduledAt) : '' }));
        const rule = h('p', { class: 'hint', 'aria-live': 'polite' });
        time.addEventListener('input', () => {
            rule.textContent = time.value ? resolveLocal(ws.timeZone, time.value).note : '';
        });
        const editable = ctx.canWrite && EDITABLE.includes(post.status);
        detail.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'detail-title' },
            h('h3', { id: 'detail-title' }, `${humanize(post.platform)} · ${humanize(post.funnelStage)} · ${humanize(post.status)}`),
            h('p', {}, post.caption || '(no caption)'),
            h('p', { class: 'hint' }, post.scheduledAt ? `Planned for ${fmt.dateTime(post.scheduledAt)}` : 'Not planned'),
            h('p', {}, h('a', { href: `#approvals?post=${post.id}` }, 'Approval, history and publishing'),
                editable ? [' · ', h('a', { href: `#compose?post=${post.id}` }, 'Edit')] : null),
            editable && MOVABLE.includes(post.status) ? h('form', { class: 'inline-form', onsubmit: (/** @type {Event} */ e) => {
                e.preventDefault();
                if (time.value) {
                    move(post, time.value);
                }
            } }, field(`New time (${ws.timeZone})`, time), h('button', { type: 'submit' }, 'Reschedule'), rule) : null));
        detail.querySelector('h3')?.setAttribute('tabindex', '-1');
        /** @type {HTMLElement | null} */ (detail.querySelector('h3'))?.focus();
    };
    await load();
}
