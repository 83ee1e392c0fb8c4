/**
 * Audiences: retargeting segments with every rule conversion-service has (engaged within N days, campaign,
 * funnel stages, minimum intent, converted people left out, which event types count, the holdout share kept out
 * of the exports), their member count, the CSV an ad platform accepts (hashed identifiers) and their lift.
 */
import { all, api, explain, idempotencyKey } from '../lib/api.js';
import { field, h, notice, panel, select, table } from '../lib/dom.js';
import { mergePatch } from '../lib/edits.js';
import { EVENT_TYPES, humanize, STAGES } from '../lib/limits.js';
import { holdoutValue, liftSummary } from '../lib/lift.js';

export const title = 'Audiences';

/** The CSV layouts of an audience download (conversion-service AudienceCsv.Layout); '' is the suite's own. */
const LAYOUTS = [
    { id: '', label: 'Suite (email, extern_id per member)', platform: '' },
    { id: 'META', label: 'Meta Custom Audiences', platform: 'Meta' },
    { id: 'GOOGLE', label: 'Google Customer Match', platform: 'Google' },
    { id: 'TIKTOK', label: 'TikTok customer file', platform: 'TikTok' },
    { id: 'LINKEDIN', label: 'LinkedIn contact list', platform: 'LinkedIn' }
];

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 */
export async function render(node, ctx) {
    const ws = ctx.workspace;
    /** @type {any[]} */
    let campaigns = [];
    try {
        // Archived campaigns too: retargeting the people a past campaign reached is a use of its own.
        const [active, archived] = await Promise.all([all('content', `/workspaces/${ws.id}/campaigns`),
            all('content', `/workspaces/${ws.id}/campaigns?archived=true`)]);
        campaigns = active.concat(archived.map(c => Object.assign({}, c, { name: `${c.name} (archived)` })));
    } catch (error) {
        campaigns = [];
    }
    const list = h('div', { id: 'audience-list' });
    const status = h('p', { class: 'notice', hidden: true, id: 'audience-result' });
    node.append(h('h2', {}, 'Retargeting audiences'));

    const name = /** @type {HTMLInputElement} */ (h('input', { name: 'name', required: true, maxLength: 200 }));
    const days = /** @type {HTMLInputElement} */ (h('input', { name: 'engagedWithinDays', type: 'number', min: 1, max: 365,
        value: '14', required: true }));
    const campaign = select('campaignId', [{ value: '', label: 'Any campaign' }]
        .concat(campaigns.map(c => ({ value: c.id, label: c.name }))));
    const minIntent = /** @type {HTMLInputElement} */ (h('input', { name: 'minIntent', type: 'number', min: 0, max: 100,
        step: '1' }));
    const holdout = /** @type {HTMLInputElement} */ (h('input', { name: 'holdoutPercent', type: 'number', min: 0, max: 50,
        step: '0.01', value: '0' }));
    const exclude = /** @type {HTMLInputElement} */ (h('input', { name: 'excludeConverted', type: 'checkbox', checked: true }));
    const stages = h('fieldset', {}, h('legend', {}, 'Funnel stages (none ticked: every stage)'),
        STAGES.map(s => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'funnelStages', value: s.id }),
            s.label)));
    const types = h('fieldset', {}, h('legend', {}, 'Event types that count as engaging'),
        EVENT_TYPES.map(t => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'eventTypes', value: t,
            checked: t !== 'IMPRESSION' }), humanize(t))));
    let key = idempotencyKey();
    /** The audience being edited, or null while the form creates one. @type {any} */
    let editing = null;
    const heading = h('h3', { id: 'audience-form-title' }, 'New audience');
    const submit = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit' }, 'Create audience'));
    const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => reset() }, 'Cancel edit');
    const form = /** @type {HTMLFormElement} */ (h('form', { class: 'card', id: 'audience-form',
        'aria-labelledby': 'audience-form-title' },
        heading,
        h('div', { class: 'grid' }, field('Name', name), field('Engaged within (days, 1 to 365)', days),
            field('Campaign', campaign), field('Minimum intent score (0 to 100, optional)', minIntent),
            field('Holdout %', holdout, '0 to 50: a random share of the members kept out of every export, the control '
                + 'group that measures lift (the same members each time; raising it keeps them held out)')),
        stages, types,
        h('label', { class: 'choice' }, exclude, 'Leave out people who already converted'),
        h('p', { class: 'hint' }, 'People flagged as bot or bought engagement are always left out.'),
        h('div', { class: 'actions' }, submit, cancel), status));
    form.addEventListener('input', () => { key = idempotencyKey(); });
    /** @param {HTMLInputElement} input @param {boolean} on */
    const tick = (input, on) => { input.checked = on; };

    /** Fills the form with an audience's rules, to edit them. @param {any} a */
    function edit(a) {
        editing = a;
        name.value = a.name;
        days.value = String(a.engagedWithinDays);
        campaign.value = a.campaignId || '';
        minIntent.value = a.minIntent == null ? '' : String(a.minIntent);
        exclude.checked = !!a.excludeConverted;
        holdout.value = String(a.holdoutPercent ?? 0);
        form.querySelectorAll('input[name=funnelStages]').forEach(i => tick(/** @type {HTMLInputElement} */ (i),
            (a.funnelStages || []).includes(/** @type {HTMLInputElement} */ (i).value)));
        form.querySelectorAll('input[name=eventTypes]').forEach(i => tick(/** @type {HTMLInputElement} */ (i),
            (a.eventTypes || []).includes(/** @type {HTMLInputElement} */ (i).value)));
        heading.textContent = `Edit audience "${a.name}"`;
        submit.textContent = 'Save audience';
        cancel.hidden = false;
        form.dataset.audience = a.id;
        notice(status, '', false);
        form.scrollIntoView({ block: 'start' });
        name.focus();
    }

    function reset() {
        editing = null;
        form.reset();
        days.value = '14';
        holdout.value = '0';
        exclude.checked = true;
        form.querySelectorAll('input[name=eventTypes]').forEach(i => tick(/** @type {HTMLInputElement} */ (i),
            /** @type {HTMLInputElement} */ (i).value !== 'IMPRESSION'));
        heading.textContent = 'New audience';
        submit.textContent = 'Create audience';
        cancel.hidden = true;
        delete form.dataset.audience;
        key = idempotencyKey();
    }
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const ticked = (/** @type {string} */ n) => [...form.querySelectorAll(`input[name=${n}]:checked`)]
            .map(i => /** @type {HTMLInputElement} */ (i).value);
        const body = { name: name.value.trim(), engagedWithinDays: Number(days.value), campaignId: campaign.value || null,
            funnelStages: ticked('funnelStages'), minIntent: minIntent.value === '' ? null : Number(minIntent.value),
            excludeConverted: exclude.checked, eventTypes: ticked('eventTypes'), holdoutPercent: holdoutValue(holdout.value) };
        if (body.holdoutPercent === null) {
            notice(status, 'Holdout %: a number from 0 to 50, at most two decimals.', true);
            holdout.focus();
            return;
        }
        if (!body.name) {
            notice(status, 'Name: give the audience a name.', true);
            name.focus();
            return;
        }
        if (editing) {
            const before = { name: editing.name, engagedWithinDays: editing.engagedWithinDays,
                campaignId: editing.campaignId || null, funnelStages: editing.funnelStages || [],
                minIntent: editing.minIntent == null ? null : Number(editing.minIntent),
                excludeConverted: !!editing.excludeConverted, eventTypes: editing.eventTypes || [],
                holdoutPercent: Number(editing.holdoutPercent ?? 0) };
            const patch = mergePatch(before, body);
            if (!patch) {
                notice(status, 'Nothing changed.', false);
                return;
            }
            submit.disabled = true;
            try {
                const saved = await api('conversion', `/workspaces/${ws.id}/audiences/${editing.id}`, { method: 'PATCH',
                    body: patch });
                reset();
                notice(status, `Audience "${saved.name}" saved.`, false);
                await load();
            } catch (error) {
                notice(status, explain(error), true);
            } finally {
                submit.disabled = false;
            }
            return;
        }
        try {
            const created = await api('conversion', `/workspaces/${ws.id}/audiences`, { method: 'POST', body,
                headers: { 'Idempotency-Key': key } });
            notice(status, `Audience "${created.name}" created.`, false);
            key = idempotencyKey();
            await load();
        } catch (error) {
            notice(status, explain(error), true);
        }
    });
    if (ctx.canWrite) {
        node.append(form);
    }
    const liftPanel = h('section', { class: 'card', id: 'audience-lift', 'aria-labelledby': 'lift-title', hidden: true });
    // The downloads' file layout: the suite's own, or an ad platform's customer list (conversion-service AudienceCsv).
    const layout = select('layout', LAYOUTS.map(l => ({ value: l.id, label: l.label })));
    layout.id = 'audience-layout';
    node.append(h('section', { class: 'card', 'aria-labelledby': 'aud-title' }, h('h3', { id: 'aud-title' }, 'Audiences'),
        field('CSV layout of the downloads', layout), list),
        liftPanel);

    const load = () => panel(list, 'audiences', async () => {
        const audiences = await all('conversion', `/workspaces/${ws.id}/audiences`);
        if (audiences.length === 0) {
            return null;
        }
        const view = table([
            { title: 'Audience', cell: a => a.name },
            { title: 'Rules', cell: a => [`engaged within ${a.engagedWithinDays} days`,
                a.campaignId ? `campaign ${(campaigns.find(c => c.id === a.campaignId) || { name: a.campaignId }).name}` : null,
                a.funnelStages && a.funnelStages.length ? `stages ${a.funnelStages.map(humanize).join(', ')}` : null,
                a.minIntent != null ? `intent ≥ ${a.minIntent}` : null,
                a.excludeConverted ? 'not converted' : null,
                a.eventTypes && a.eventTypes.length ? `events ${a.eventTypes.map(humanize).join(', ')}` : null,
                Number(a.holdoutPercent) > 0 ? `holdout ${a.holdoutPercent}%` : null]
                .filter(Boolean).join(' · ') },
            { title: 'Members', cell: a => h('span', { class: 'member-count', 'data-audience': a.id }, '…') },
            { title: 'Export', cell: a => h('div', { class: 'actions' },
                h('button', { type: 'button', class: 'secondary', 'aria-label': `Download CSV of ${a.name}`,
                    onclick: () => download(ws, a, status, layout.value) }, 'Download CSV'),
                h('button', { type: 'button', class: 'secondary', 'data-lift': a.id, 'aria-label': `Lift of ${a.name}`,
                    onclick: () => showLift(ws, a, liftPanel) }, 'Lift'),
                ctx.canWrite ? h('button', { type: 'button', class: 'secondary', 'data-edit': a.id,
                    'aria-label': `Edit audience ${a.name}`, onclick: () => edit(a) }, 'Edit') : null) }
        ], audiences, 'Audiences');
        audiences.forEach(a => count(ws, a, view));
        return view;
    }, 'No audiences yet.');
    await load();
}

/**
 * Counts an audience's members by reading its pages.
 * @param {any} ws
 * @param {any} audience
 * @param {HTMLElement} view
 */
async function count(ws, audience, view) {
    const cell = view.querySelector(`.member-count[data-audience="${audience.id}"]`);
    if (!cell) {
        return;
    }
    try {
        const members = await all('conversion', `/workspaces/${ws.id}/audiences/${audience.id}/members`, 100000);
        cell.textContent = String(members.length);
    } catch (error) {
        cell.textContent = `unknown (${explain(error)})`;
    }
}

/**
 * Reads an audience's lift and shows the groups, the difference with its interval and p-value, and the verdict.
 * @param {any} ws
 * @param {any} audience
 * @param {HTMLElement} container
 */
async function showLift(ws, audience, container) {
    container.hidden = false;
    const body = h('div', { id: 'audience-lift-body' });
    container.replaceChildren(h('h3', { id: 'lift-title' }, `Lift of "${audience.name}"`), body);
    await panel(body, 'lift', async () => {
        const lift = await api('conversion', `/workspaces/${ws.id}/audiences/${audience.id}/lift`);
        const s = liftSummary(lift);
        return h('div', { class: 'lift', 'data-verdict': s.verdict },
            h('p', {}, h('span', { class: `badge verdict-${s.verdict}` }, s.verdictLabel), ' ',
                h('span', { class: 'lift-sentence' }, s.sentence)),
            s.observational ? h('p', { class: 'hint' }, 'Observational: without a holdout this cannot show what '
                + 'retargeting caused. Give the audience a holdout share to measure lift.') : null,
            table([{ title: 'Group', cell: r => r.label }, { title: 'Members', cell: r => String(r.members) },
                { title: 'Converted', cell: r => String(r.converted) }, { title: 'Conversion rate', cell: r => r.rate }],
            s.rows.map(r => Object.assign({ key: r.label }, r)), 'Lift groups'),
            s.facts.length ? h('dl', { class: 'lift-facts' }, s.facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
                : null);
    }, 'No lift to show.');
    container.scrollIntoView({ block: 'start' });
}

/**
 * @param {any} ws
 * @param {any} audience
 * @param {HTMLElement} status
 * @param {string} layout '' for the suite's own layout, else an ad platform's (LAYOUTS)
 */
async function download(ws, audience, status, layout) {
    try {
        const response = await api('conversion', `/workspaces/${ws.id}/audiences/${audience.id}/members`
            + (layout ? `?layout=${layout}` : ''), { headers: { Accept: 'text/csv' }, raw: true });
        const url = URL.createObjectURL(await response.blob());
        const link = h('a', { href: url, download: `audience-${audience.id}${layout ? `-${layout.toLowerCase()}` : ''}.csv` });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        const rows = response.headers.get('Audience-Members');
        const matchable = response.headers.get('Audience-Matchable-Members');
        const heldOut = response.headers.get('Audience-Holdout-Members');
        const held = heldOut !== null && Number(heldOut) > 0 ? `; ${heldOut} held out of the file as the holdout.` : '.';
        if (rows !== null && matchable !== null && layout) {
            const chosen = LAYOUTS.find(l => l.id === layout);
            notice(status, `"${audience.name}": ${matchable} customers ${chosen ? chosen.platform : layout} can match, `
                + `from ${rows} members (members not linked to a customer, or without what the platform matches on, `
                + `are left out)${held}`, false);
        } else if (rows !== null && matchable !== null) {
            notice(status, `"${audience.name}": ${rows} members downloaded, ${matchable} of them matchable by e-mail `
                + '(the others carry only the hashed platform id)'
                + (heldOut !== null && Number(heldOut) > 0 ? `; ${heldOut} held out of the file as the holdout.` : '.'),
            false);
        }
    } catch (error) {
        notice(status, `CSV download failed: ${explain(error)}`, true);
    }
}
