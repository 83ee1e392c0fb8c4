/** Compose: write a post for one platform and funnel stage, see its limits and tracked link, save a draft. */
import { all, api, explain, idempotencyKey } from '../lib/api.js';
import { field, h, notice, select } from '../lib/dom.js';
import { captionLimit, EDITABLE, humanize, PLATFORMS, STAGES } from '../lib/limits.js';
import { captionCount } from '../lib/text.js';
import { landingUrlProblem, slug, trackedDestination } from '../lib/utm.js';
import { localDateTime, resolveLocal } from '../lib/time.js';

export const title = 'Compose';

/** Media URLs that look like images are previewed as images; others are listed as links. */
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i;

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 * @param {URLSearchParams} params
 */
export async function render(node, ctx, params) {
    const ws = ctx.workspace;
    const postId = params.get('post');
    node.append(h('h2', {}, postId ? 'Edit post' : 'Compose a post'));
    const status = h('p', { class: 'state loading', role: 'status' }, 'Loading campaigns…');
    node.append(status);
    /** @type {any[]} */
    let campaigns = [];
    /** @type {any} */
    let post = null;
    try {
        campaigns = await all('content', `/workspaces/${ws.id}/campaigns`);
        if (postId) {
            post = await api('content', `/workspaces/${ws.id}/posts/${encodeURIComponent(postId)}`);
        }
    } catch (error) {
        status.className = 'state error';
        status.setAttribute('role', 'alert');
        status.textContent = explain(error);
        return;
    }
    status.remove();
    if (!ctx.canWrite) {
        node.append(h('p', { class: 'state empty' }, 'Your account is read-only: you can see posts in the calendar '
            + 'and approvals, but not write them.'));
        return;
    }
    if (post && !EDITABLE.includes(post.status)) {
        node.append(h('p', { class: 'state empty' }, `This post is ${humanize(post.status)} and can no longer be edited.`));
        return;
    }

    const platform = select('platform', PLATFORMS.map(p => ({ value: p, label: humanize(p) })), post ? post.platform : 'INSTAGRAM');
    const stages = h('fieldset', { class: 'stages' }, h('legend', {}, 'Funnel stage: what is this post for?'),
        STAGES.map(s => h('label', { class: 'choice' },
            h('input', { type: 'radio', name: 'funnelStage', value: s.id,
                checked: post ? post.funnelStage === s.id : s.id === 'ATTENTION' }),
            h('span', {}, h('strong', {}, s.label), ' ', h('span', { class: 'hint' }, s.purpose)))));
    const caption = /** @type {HTMLTextAreaElement} */ (h('textarea', { name: 'caption', rows: 5,
        value: post ? post.caption || '' : '' }));
    const counter = h('p', { class: 'counter', id: 'caption-count', 'aria-live': 'polite' });
    const media = /** @type {HTMLTextAreaElement} */ (h('textarea', { name: 'mediaUrls', rows: 2,
        value: post ? (post.mediaUrls || []).join('\n') : '' }));
    const previews = h('div', { class: 'previews', 'aria-live': 'polite' });
    const cta = /** @type {HTMLInputElement} */ (h('input', { name: 'callToAction', type: 'text', maxLength: 200,
        value: post ? post.callToAction || '' : '' }));
    const landing = /** @type {HTMLInputElement} */ (h('input', { name: 'landingUrl', type: 'url',
        placeholder: 'https://shop.example/offer', value: post ? post.landingUrl || '' : '' }));
    const utm = h('div', { class: 'utm', id: 'utm-preview', 'aria-live': 'polite' });
    // Per-platform fields (content-service PlatformOptions): shown for their platforms only.
    const options = post && post.platformOptions ? post.platformOptions : {};
    /** @type {Array<{name: string, label: string, platforms: string[], max: number, input: HTMLInputElement, box: HTMLElement}>} */
    const optionFields = [
        { name: 'title', label: 'Title (YouTube video, Reddit post, e-mail subject)', platforms: ['YOUTUBE', 'REDDIT', 'EMAIL'], max: 300 },
        { name: 'subreddit', label: 'Subreddit', platforms: ['REDDIT'], max: 23 },
        { name: 'board', label: 'Pinterest board id', platforms: ['PINTEREST'], max: 100 },
        { name: 'template', label: 'WhatsApp template name', platforms: ['WHATSAPP'], max: 512 }
    ].map(o => {
        const input = /** @type {HTMLInputElement} */ (h('input', { name: `platformOptions.${o.name}`, type: 'text',
            maxLength: o.max, value: options[o.name] || '' }));
        return Object.assign(o, { input, box: field(o.label, input) });
    });
    const showOptions = () => optionFields.forEach(o => {
        const shown = o.platforms.includes(platform.value);
        o.box.hidden = !shown;
        o.input.disabled = !shown;
    });
    const campaign = select('campaignId', [{ value: '', label: 'No campaign' }]
        .concat(campaigns.map(c => ({ value: c.id, label: c.name }))), post ? post.campaignId || '' : '');
    const when = /** @type {HTMLInputElement} */ (h('input', { name: 'scheduledAt', type: 'datetime-local',
        value: post && post.scheduledAt ? localDateTime(ws.timeZone, post.scheduledAt) : '' }));
    const dst = h('p', { class: 'hint dst', id: 'compose-dst', 'aria-live': 'polite' });
    const result = h('p', { class: 'notice', hidden: true });
    const save = h('button', { type: 'submit' }, post ? 'Save changes' : 'Save as draft');

    const update = () => {
        const count = captionCount(caption.value, captionLimit(platform.value));
        counter.textContent = count.message;
        counter.classList.toggle('over', count.over);
        caption.setAttribute('aria-invalid', count.over ? 'true' : 'false');
        const urls = media.value.split(/\s+/).filter(Boolean);
        previews.replaceChildren(...urls.map(u => landingUrlProblem(u)
            ? h('p', { class: 'notice error' }, `${u}: ${landingUrlProblem(u)}`)
            : IMAGE.test(u) ? h('figure', {}, h('img', { src: u, alt: `Preview of ${u}`, loading: 'lazy' }),
                h('figcaption', {}, u))
                : h('p', {}, h('a', { href: u, target: '_blank', rel: 'noopener' }, u))));
        const chosen = campaigns.find(c => c.id === campaign.value);
        const problem = landingUrlProblem(landing.value);
        const dest = trackedDestination(landing.value, { platform: platform.value,
            campaignSlug: chosen ? chosen.slug || slug(chosen.name) : null, postId: post ? post.id : null });
        utm.replaceChildren(problem ? h('p', { class: 'notice error' }, `Landing URL ${problem}`)
            : dest ? h('div', {}, h('p', { class: 'hint' }, 'Your tracked link will lead here:'),
                h('code', { class: 'dest' }, dest.url),
                h('ul', { class: 'params' }, dest.params.map(([k, v]) => h('li', {}, h('code', {}, `${k}=${v}`)))))
                : h('p', { class: 'hint' }, 'Without a landing URL the post gets no tracked link.'));
        dst.textContent = when.value ? resolveLocal(ws.timeZone, when.value).note
            || `Publishes at ${when.value.replace('T', ' ')} ${ws.timeZone}.` : `Times are in ${ws.timeZone}.`;
    };
    [platform, caption, media, landing, campaign, when].forEach(c => c.addEventListener('input', update));
    platform.addEventListener('change', update);
    platform.addEventListener('change', showOptions);
    campaign.addEventListener('change', update);

    let key = idempotencyKey();
    const form = h('form', { class: 'card compose', id: 'compose-form' },
        field('Platform', platform),
        stages,
        field('Caption', caption, 'Counted as the API counts it: Unicode code points.'), counter,
        field('Media URLs (one per line)', media), previews,
        ...optionFields.map(o => o.box),
        field('Call to action', cta),
        field('Landing URL', landing), utm,
        field('Campaign', campaign),
        field(`Publish at (${ws.timeZone}, optional)`, when), dst,
        h('div', { class: 'actions' }, save), result);
    form.addEventListener('input', () => { key = idempotencyKey(); });
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const stage = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name=funnelStage]:checked'));
        const body = {
            campaignId: campaign.value || null,
            platform: platform.value,
            funnelStage: stage ? stage.value : null,
            caption: caption.value,
            mediaUrls: media.value.split(/\s+/).filter(Boolean),
            callToAction: cta.value || null,
            landingUrl: landing.value || null,
            scheduledAt: when.value ? `${when.value}:00` : null,
            platformOptions: /** @type {Record<string, string> | null} */ (null)
        };
        /** @type {Record<string, string>} */
        const chosenOptions = {};
        optionFields.filter(o => o.platforms.includes(platform.value) && o.input.value.trim())
            .forEach(o => { chosenOptions[o.name] = o.input.value.trim(); });
        body.platformOptions = Object.keys(chosenOptions).length ? chosenOptions : null;
        save.setAttribute('aria-busy', 'true');
        try {
            const saved = post
                ? await api('content', `/workspaces/${ws.id}/posts/${post.id}`, { method: 'PATCH', body })
                : await api('content', `/workspaces/${ws.id}/posts`, { method: 'POST', body,
                    headers: { 'Idempotency-Key': key } });
            notice(result, `${post ? 'Saved' : 'Draft saved'}: ${humanize(saved.status)} post for ${humanize(saved.platform)}.`, false);
            result.append(' ', h('a', { href: `#approvals?post=${saved.id}` }, 'Open it in approvals'));
            result.dataset.post = saved.id;
            if (!post) {
                post = saved;
                save.textContent = 'Save changes';
            } else {
                post = saved;
            }
            update();
        } catch (error) {
            notice(result, explain(error), true);
        } finally {
            save.removeAttribute('aria-busy');
        }
    });
    node.append(form);
    showOptions();
    update();
}
