/*
 * The agency dashboard. It reads only the suite's public APIs, as any integration would.
 *
 * Sign-in: POST /auth/login on content-service answers a bearer token (and sets an HttpOnly cookie that
 * only content-service reads). The page keeps the token in sessionStorage, so it survives a reload of the
 * tab but not the closing of it, and sends it as "Authorization: Bearer" to every service; locally the four
 * services are four origins, and CORS on each allows exactly this page's origin. What a user may see is
 * decided by the APIs from the token's scopes and workspaces, never by the page.
 */
(function () {
    'use strict';

    const TOKEN_KEY = 'suite.token';
    const state = { config: null, token: null, claims: null, workspaces: [], workspace: null, run: 0 };
    const $ = id => document.getElementById(id);

    class ApiError extends Error {
        constructor(status, problem, retryAfter) {
            super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
            this.status = status;
            this.problem = problem;
            this.retryAfter = retryAfter;
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------------

    function base(service) {
        return state.config[service] || '';
    }

    async function api(service, path, options = {}) {
        const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
        if (state.token) {
            headers.Authorization = `Bearer ${state.token}`;
        }
        const response = await fetch(base(service) + path, Object.assign({}, options, { headers }));
        if (response.status === 401 && state.token) {
            signOut('Your session has ended; please sign in again.');
        }
        if (!response.ok) {
            let problem = null;
            try {
                problem = await response.json();
            } catch (e) {
                problem = null;
            }
            throw new ApiError(response.status, problem, Number(response.headers.get('Retry-After')) || null);
        }
        return options.raw ? response : response.json();
    }

    // ---- formatting in the workspace's currency and time zone -----------------------------------------

    function formatter(ws) {
        const locale = navigator.language || 'en';
        const money = new Intl.NumberFormat(locale, { style: 'currency', currency: ws.currency });
        const short = new Intl.NumberFormat(locale, { style: 'currency', currency: ws.currency, notation: 'compact' });
        const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
        const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
        const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
        const time = new Intl.DateTimeFormat(locale, { timeZone: ws.timeZone, hour: '2-digit', minute: '2-digit' });
        const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
        return {
            money: v => (v == null || Number.isNaN(v) ? '–' : money.format(v)),
            moneyShort: v => short.format(v),
            percent: v => (v == null ? '–' : percent.format(v)),
            integer: v => (v == null ? '–' : integer.format(v)),
            decimal: v => (v == null ? '–' : decimal.format(v)),
            time: iso => time.format(new Date(iso)),
            day: date => day.format(new Date(`${date}T00:00:00Z`))
        };
    }

    /** A money object's amount as a number, for display only; the API keeps exact decimals. */
    function amount(money) {
        if (money == null) {
            return null;
        }
        return Number(typeof money === 'object' ? money.amount : money);
    }

    /** Today's date in a time zone, as yyyy-mm-dd. */
    function localToday(timeZone) {
        return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
            .format(new Date());
    }

    function addDays(date, days) {
        const d = new Date(`${date}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + days);
        return d.toISOString().slice(0, 10);
    }

    // ---- small DOM helpers -----------------------------------------------------------------------------

    function h(tag, attrs, ...children) {
        const node = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => {
            if (v == null) {
                return;
            }
            if (k === 'class') {
                node.className = v;
            } else if (k.startsWith('data-')) {
                node.setAttribute(k, v);
            } else {
                node[k] = v;
            }
        });
        children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
        return node;
    }

    /** What a panel says when the period has nothing to show (never a blank panel). */
    function empty(text) {
        return h('p', { class: 'muted empty' }, text);
    }

    function table(columns, rows) {
        if (rows.length === 0) {
            return empty('Nothing in this period.');
        }
        return h('table', {},
            h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c.title)))),
            h('tbody', {}, rows.map(r => h('tr', { 'data-key': r.key }, columns.map(c => {
                const cell = c.cell(r);
                return cell instanceof Node ? h('td', {}, cell) : h('td', { 'data-field': c.field }, cell);
            })))));
    }

    /**
     * A section's state, always said in words: 'loading' shows what is being waited for (a panel is never empty
     * without saying so), 'error' the reason, 'ready' the numbers.
     */
    function section(id, stateName, message) {
        const node = $(id);
        node.dataset.state = stateName;
        node.setAttribute('aria-busy', stateName === 'loading' ? 'true' : 'false');
        let status = node.querySelector('.section-status');
        if (stateName === 'loading') {
            if (!status) {
                status = h('p', { class: 'muted section-status', role: 'status' });
                node.querySelector('.section-head').after(status);
            }
            status.textContent = message || 'Loading…';
        } else if (status) {
            status.remove();
        }
        let note = node.querySelector('.section-error');
        if (stateName === 'error' && message) {
            if (!note) {
                note = h('p', { class: 'error section-error', role: 'alert' });
                node.appendChild(note);
            }
            note.textContent = message;
        } else if (note) {
            note.remove();
        }
    }

    function explain(error) {
        if (error instanceof ApiError) {
            if (error.status === 404) {
                return 'Not available for this client.';
            }
            if (error.status === 403) {
                return 'Your account may not see this.';
            }
            return error.message;
        }
        return `Could not reach the service (${error.message}).`;
    }

    // ---- sign-in -------------------------------------------------------------------------------------

    function decodeClaims(token) {
        const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        const json = decodeURIComponent(atob(payload).split('')
            .map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
        return JSON.parse(json);
    }

    async function signIn(event) {
        event.preventDefault();
        const form = event.target;
        $('login-error').hidden = true;
        try {
            const answer = await api('content', '/auth/login', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ email: form.email.value, password: form.password.value })
            });
            form.password.value = '';
            sessionStorage.setItem(TOKEN_KEY, answer.access_token);
            await start(answer.access_token);
        } catch (error) {
            const message = error instanceof ApiError && error.status === 429
                ? 'Too many failed attempts. ' + error.message
                : error instanceof ApiError && error.status === 401 ? 'Wrong email or password.' : explain(error);
            $('login-error').textContent = message;
            $('login-error').hidden = false;
        }
    }

    function signOut(message) {
        sessionStorage.removeItem(TOKEN_KEY);
        state.token = null;
        fetch(base('content') + '/auth/logout', { method: 'POST' }).catch(() => undefined);
        $('app').hidden = true;
        $('session').hidden = true;
        $('sign-in').hidden = false;
        if (typeof message === 'string') {
            $('login-error').textContent = message;
            $('login-error').hidden = false;
        }
    }

    async function start(token) {
        state.token = token;
        state.claims = decodeClaims(token);
        if (state.claims.exp && state.claims.exp * 1000 < Date.now()) {
            signOut('Your session has ended; please sign in again.');
            return;
        }
        $('who').textContent = `${state.claims.role || 'API client'}`;
        $('sign-in').hidden = true;
        $('session').hidden = false;
        $('app').hidden = false;
        const page = await api('content', '/workspaces?limit=500');
        state.workspaces = page.items.slice().sort((a, b) => a.name.localeCompare(b.name));
        const picker = $('workspace');
        picker.replaceChildren(...state.workspaces.map(w => h('option', { value: w.id }, w.name)));
        const params = new URLSearchParams(location.hash.slice(1));
        await choose(params.get('ws') || (state.workspaces[0] && state.workspaces[0].id), params.get('from'),
            params.get('to'), params.get('model'));
    }

    // ---- choosing a workspace and a period -----------------------------------------------------------

    async function choose(workspaceId, from, to, model) {
        $('app-error').hidden = true;
        if (!workspaceId) {
            showAppError('No client is shared with your account yet.');
            return;
        }
        let ws;
        try {
            ws = await api('content', `/workspaces/${encodeURIComponent(workspaceId)}`);
        } catch (error) {
            state.workspace = null;
            clearSections();
            showAppError(error instanceof ApiError && error.status === 404
                ? 'This client does not exist or is not shared with your account.' : explain(error));
            return;
        }
        state.workspace = ws;
        $('workspace').value = ws.id;
        const today = localToday(ws.timeZone);
        $('to').value = to || today;
        $('from').value = from || addDays($('to').value, -27);
        if (model) {
            $('model').value = model;
        }
        $('ws-info').textContent = `${ws.currency} · ${ws.timeZone}`;
        await refresh();
    }

    function showAppError(message) {
        $('app-error').textContent = message;
        $('app-error').hidden = false;
    }

    function clearSections() {
        ['roi-totals', 'roi-campaign-chart', 'roi-campaign-table', 'roi-platform-chart', 'roi-platform-table',
            'funnel-chart', 'evr-chart', 'evr-legend', 'evr-table', 'calendar-days', 'audiences-table']
            .forEach(id => $(id).replaceChildren());
        ['roi', 'roi-campaign', 'roi-platform', 'funnel', 'evr', 'calendar', 'audiences']
            .forEach(id => section(id, 'idle'));
    }

    function query() {
        return new URLSearchParams({ from: $('from').value, to: $('to').value, model: $('model').value });
    }

    async function refresh() {
        const ws = state.workspace;
        const q = query();
        history.replaceState(null, '', `#ws=${ws.id}&${q}`);
        const fmt = formatter(ws);
        const generation = `${ws.id}|${q.get('from')}|${q.get('to')}|${q.get('model')}`;
        const run = ++state.run;
        document.body.dataset.loaded = '';
        clearSections();
        await Promise.all([
            loadRoi(ws, q, fmt),
            loadRoiBy(ws, q, fmt, 'campaign'),
            loadRoiBy(ws, q, fmt, 'platform'),
            loadFunnel(ws, q, fmt),
            loadEvr(ws, q, fmt),
            loadCalendar(ws, q, fmt),
            loadAudiences(ws, fmt)
        ]);
        // Marks the page settled for this workspace and period (every section ready or showing its error).
        if (run === state.run) {
            document.body.dataset.loaded = generation;
        }
    }

    /** Thrown when an answer arrives for a workspace or period the page no longer shows. */
    const STALE = Symbol('stale');

    /**
     * Loads one section. The work reads through the given get(service, path), which drops answers that
     * arrive after the user has moved on to another workspace or period, so a slow answer for the previous
     * choice never overwrites the numbers of the current one.
     */
    async function guarded(id, work) {
        const run = state.run;
        const get = async (service, path) => {
            const answer = await api(service, path);
            if (run !== state.run) {
                throw STALE;
            }
            return answer;
        };
        section(id, 'loading');
        for (let attempt = 1; ; attempt++) {
            try {
                await work(get);
                section(id, 'ready');
                return;
            } catch (error) {
                if (error === STALE || run !== state.run) {
                    return;
                }
                // A service that is starting or busy answers 503 with Retry-After: the section says it is still
                // loading and asks again, a few times, before it shows the error.
                if (error instanceof ApiError && error.status === 503 && attempt < RETRIES) {
                    const seconds = Math.min(Math.max(error.retryAfter || 2, 1), 5);
                    section(id, 'loading', `Still loading (${error.message}); trying again in ${seconds} s…`);
                    await new Promise(resolve => setTimeout(resolve, seconds * 1000));
                    if (run !== state.run) {
                        return;
                    }
                    continue;
                }
                section(id, 'error', explain(error));
                return;
            }
        }
    }

    /** Attempts of a section whose service answers 503 before the error is shown (about half a minute). */
    const RETRIES = 8;

    // ---- the reports ---------------------------------------------------------------------------------

    function kpi(name, label, text, raw, tone, detail) {
        return h('div', { class: 'kpi', 'data-kpi': name, 'data-value': raw == null ? '' : String(raw) },
            h('div', { class: 'label' }, label), h('div', { class: `value ${tone || ''}` }, text),
            detail ? h('div', { class: 'detail' }, detail) : []);
    }

    /** A share that is at most 100% by definition (converting people over engaged people), shown as such. */
    function share(fmt, value) {
        return value == null ? '–' : fmt.percent(Math.min(1, Math.max(0, value)));
    }

    /** Real engagement, with the bought and bot engagement the API reports beside it. */
    function flaggedNote(fmt, row) {
        return row.flaggedEngagements ? `+ ${fmt.integer(row.flaggedEngagements)} flagged (bot or bought), not counted`
            : 'none flagged';
    }

    function loadRoi(ws, q, fmt) {
        return guarded('roi', async get => {
            const report = await get('reporting', `/workspaces/${ws.id}/reports/roi?${q}&groupBy=campaign`);
            const t = report.totals;
            const money = (name, label, m) => kpi(name, label, fmt.money(amount(m)), m == null ? null : m.amount);
            $('roi-totals').replaceChildren(
                money('spend', 'Spend', t.spend),
                money('revenue', 'Attributed revenue', t.revenue),
                kpi('profit', 'Profit', fmt.money(amount(t.profit)), t.profit && t.profit.amount,
                    amount(t.profit) >= 0 ? 'positive' : 'negative'),
                kpi('roi', 'ROI', fmt.percent(t.roi), t.roi, t.roi == null ? '' : (t.roi >= 0 ? 'positive' : 'negative')),
                kpi('roas', 'ROAS', t.roas == null ? '–' : `${fmt.decimal(t.roas)}×`, t.roas),
                kpi('leads', 'Leads', fmt.decimal(t.leads), t.leads),
                kpi('customers', 'New customers', fmt.decimal(t.customers), t.customers),
                money('cac', 'CAC', t.cac),
                money('cpl', 'Cost per lead', t.cpl),
                kpi('engagements', 'Real engagements', fmt.integer(t.engagements), t.engagements, '',
                    flaggedNote(fmt, t)),
                kpi('flaggedEngagements', 'Flagged engagement', fmt.integer(t.flaggedEngagements),
                    t.flaggedEngagements, t.flaggedEngagements ? 'negative' : '', 'bot or bought: never counted as real'),
                kpi('engagementRate', 'Engagement rate (real)', fmt.percent(t.engagementRate), t.engagementRate),
                kpi('conversionRate', 'Conversion rate', share(fmt, t.conversionRate), t.conversionRate, '',
                    'converting people of the people engaged'),
                money('ltv', 'LTV', t.ltv));
            const notes = [];
            if (report.unattributed && amount(report.unattributed.revenue) > 0) {
                notes.push(`${fmt.money(amount(report.unattributed.revenue))} of revenue had no social touchpoint `
                    + 'and is not credited to any campaign.');
            }
            (report.notes || []).forEach(n => notes.push(n));
            $('roi-notes').textContent = notes.join(' ');
        });
    }

    function loadRoiBy(ws, q, fmt, groupBy) {
        return guarded(`roi-${groupBy}`, async get => {
            const report = await get('reporting', `/workspaces/${ws.id}/reports/roi?${q}&groupBy=${groupBy}`);
            const rows = report.rows.map(r => ({ key: r.key, label: r.label || r.key, spend: amount(r.spend) || 0,
                revenue: amount(r.revenue) || 0, roi: r.roi }));
            $(`roi-${groupBy}-chart`).replaceChildren(rows.length === 0 ? empty('No spend or revenue in this period.')
                : window.SuiteCharts.roiBars(rows, fmt));
            $(`roi-${groupBy}-table`).replaceChildren(table([
                { title: groupBy === 'campaign' ? 'Campaign' : 'Platform', cell: r => r.label || r.key },
                { title: 'Spend', field: 'spend', cell: r => fmt.money(amount(r.spend)) },
                { title: 'Revenue', field: 'revenue', cell: r => fmt.money(amount(r.revenue)) },
                { title: 'ROI', field: 'roi', cell: r => fmt.percent(r.roi) },
                { title: 'ROAS', field: 'roas', cell: r => (r.roas == null ? '–' : `${fmt.decimal(r.roas)}×`) },
                { title: 'Leads', field: 'leads', cell: r => fmt.decimal(r.leads) },
                { title: 'Customers', field: 'customers', cell: r => fmt.decimal(r.customers) },
                { title: 'CAC', field: 'cac', cell: r => fmt.money(amount(r.cac)) },
                { title: 'LTV', field: 'ltv', cell: r => fmt.money(amount(r.ltv)) },
                { title: 'Real engagements', field: 'engagements', cell: r => fmt.integer(r.engagements) },
                { title: 'Flagged', field: 'flaggedEngagements', cell: r => fmt.integer(r.flaggedEngagements) },
                { title: 'Engagement', field: 'engagementRate', cell: r => fmt.percent(r.engagementRate) },
                { title: 'Conversion', field: 'conversionRate', cell: r => share(fmt, r.conversionRate) }
            ], report.rows));
        });
    }

    function loadFunnel(ws, q, fmt) {
        return guarded('funnel', async get => {
            const report = await get('reporting', `/workspaces/${ws.id}/reports/funnel?${q}`);
            // Every stage counts people who got at least this far, so rates and drop-offs are within 0..100%.
            const stages = (report.stages || report.rows || []).map(s => ({
                name: s.stage || s.key || s.name,
                count: Number(s.count || 0),
                rate: s.rate != null ? Math.min(1, s.rate) : s.rateFromPrevious,
                dropOff: s.dropOff != null ? Math.max(0, s.dropOff) : s.dropOffRate
            }));
            $('funnel-chart').replaceChildren(stages.length === 0 ? empty('Nobody reached the funnel in this period.')
                : window.SuiteCharts.funnel(stages, fmt));
        });
    }

    function loadEvr(ws, q, fmt) {
        return guarded('evr', async get => {
            const report = await get('reporting', `/workspaces/${ws.id}/reports/engagement-vs-revenue?${q}`);
            const rows = report.rows || report.posts || [];
            const th = report.thresholds || {};
            const points = rows.map(r => ({ label: r.label || r.key, x: Number(r.engagementRate || 0),
                y: amount(r.revenue) || 0, verdict: r.verdict, engagements: r.engagements,
                flagged: r.flaggedEngagements || 0 }));
            const thresholds = { x: th.engagementRate != null ? Number(th.engagementRate) : null,
                y: th.revenue != null ? amount(th.revenue) : null };
            $('evr-chart').replaceChildren(points.length === 0 ? empty('No posts with engagement in this period.')
                : window.SuiteCharts.scatter(points, thresholds, fmt));
            const verdicts = ['VANITY', 'QUIET_CONVERTER', 'PERFORMER', 'UNDERPERFORMER'];
            $('evr-legend').replaceChildren(...verdicts.map(v => h('span', {},
                h('span', { class: `swatch verdict-${v} badge` }, ''), v.replace('_', ' ').toLowerCase())));
            $('evr-table').replaceChildren(table([
                { title: 'Post', cell: r => r.label || r.key },
                { title: 'Stage', field: 'funnelStage', cell: r => r.funnelStage || '–' },
                { title: 'Real engagements', field: 'engagements', cell: r => fmt.integer(r.engagements) },
                { title: 'Flagged', field: 'flaggedEngagements', cell: r => fmt.integer(r.flaggedEngagements) },
                { title: 'Engagement rate (real)', field: 'engagementRate', cell: r => fmt.percent(r.engagementRate) },
                { title: 'Conversion rate', field: 'conversionRate', cell: r => share(fmt, r.conversionRate) },
                { title: 'Revenue', field: 'revenue', cell: r => fmt.money(amount(r.revenue)) },
                { title: 'Verdict', cell: r => h('span', { class: `badge verdict-${r.verdict}` }, r.verdict) }
            ], rows));
        });
    }

    /** Accepts the calendar as days with posts in any of the shapes a day list may take. */
    function calendarDays(body) {
        const list = Array.isArray(body) ? body : (body.days || body.rows || body.items);
        if (Array.isArray(list)) {
            return list.map(d => ({ date: d.date || d.day || d.key, posts: d.posts || d.items || [] }));
        }
        return Object.entries(body).filter(([, v]) => Array.isArray(v)).map(([date, posts]) => ({ date, posts }));
    }

    function loadCalendar(ws, q, fmt) {
        return guarded('calendar', async get => {
            const body = await get('content', `/workspaces/${ws.id}/calendar?from=${q.get('from')}&to=${q.get('to')}`);
            const days = calendarDays(body).filter(d => d.posts.length > 0);
            $('calendar-days').replaceChildren(...(days.length === 0 ? [h('p', { class: 'muted' }, 'No posts in this period.')]
                : days.map(d => h('div', { class: 'day', 'data-date': d.date }, h('h3', {}, fmt.day(d.date)),
                    d.posts.map(p => h('div', { class: 'post', 'data-post': p.id },
                        h('span', { class: `badge status-${p.status}` }, p.status), ' ',
                        p.scheduledAt ? fmt.time(p.scheduledAt) + ' ' : '', `${p.platform} · ${p.funnelStage}`,
                        h('div', { class: 'caption', title: p.caption || '' }, p.caption || '')))))));
        });
    }

    function loadAudiences(ws) {
        return guarded('audiences', async get => {
            const page = await get('conversion', `/workspaces/${ws.id}/audiences?limit=100`);
            $('audiences-table').replaceChildren(page.items.length === 0 ? h('p', { class: 'muted' }, 'No audiences yet.')
                : table([
                    { title: 'Audience', cell: a => a.name },
                    { title: 'Engaged within', field: 'days', cell: a => `${a.engagedWithinDays} days` },
                    { title: 'Stages', field: 'stages', cell: a => (a.funnelStages || []).join(', ') || 'all' },
                    { title: 'Min intent', field: 'minIntent', cell: a => (a.minIntent == null ? '–' : a.minIntent) },
                    { title: 'Excludes converted', field: 'excl', cell: a => (a.excludeConverted ? 'yes' : 'no') },
                    { title: 'Members', cell: a => h('button', { type: 'button', class: 'csv',
                        'data-csv': 'audience', 'data-audience': a.id }, 'Download CSV') }
                ], page.items.map(a => Object.assign({ key: a.id }, a))));
        });
    }

    // ---- CSV downloads: the same reports with Accept: text/csv ---------------------------------------

    async function download(button) {
        const ws = state.workspace;
        const q = query();
        const kind = button.dataset.csv;
        const targets = {
            'roi-campaign': ['reporting', `/workspaces/${ws.id}/reports/roi?${q}&groupBy=campaign`, 'roi-campaign'],
            'roi-platform': ['reporting', `/workspaces/${ws.id}/reports/roi?${q}&groupBy=platform`, 'roi-platform'],
            funnel: ['reporting', `/workspaces/${ws.id}/reports/funnel?${q}`, 'funnel'],
            evr: ['reporting', `/workspaces/${ws.id}/reports/engagement-vs-revenue?${q}`, 'engagement-vs-revenue'],
            audience: ['conversion', `/workspaces/${ws.id}/audiences/${button.dataset.audience}/members`, 'audience']
        };
        const [service, path, name] = targets[kind];
        try {
            const response = await api(service, path, { headers: { Accept: 'text/csv' }, raw: true });
            const disposition = response.headers.get('Content-Disposition') || '';
            const match = /filename="?([^";]+)"?/.exec(disposition);
            const file = match ? match[1] : `${name}-${q.get('from')}-${q.get('to')}.csv`;
            const url = URL.createObjectURL(await response.blob());
            const link = h('a', { href: url, download: file });
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10000);
        } catch (error) {
            showAppError(`CSV download failed: ${explain(error)}`);
        }
    }

    // ---- wiring --------------------------------------------------------------------------------------

    async function init() {
        state.config = await (await fetch('/config.json')).json();
        $('login-form').addEventListener('submit', signIn);
        $('sign-out').addEventListener('click', () => signOut());
        $('filters').addEventListener('submit', event => {
            event.preventDefault();
            if ($('from').value > $('to').value) {
                showAppError('The start date is after the end date.');
                return;
            }
            $('app-error').hidden = true;
            refresh();
        });
        $('workspace').addEventListener('change', () => choose($('workspace').value, $('from').value,
            $('to').value, $('model').value));
        $('model').addEventListener('change', () => refresh());
        document.addEventListener('click', event => {
            const button = event.target.closest('button[data-csv]');
            if (button) {
                download(button);
            }
        });
        window.addEventListener('hashchange', () => {
            const params = new URLSearchParams(location.hash.slice(1));
            if (state.token && params.get('ws') && (!state.workspace || params.get('ws') !== state.workspace.id)) {
                choose(params.get('ws'), params.get('from'), params.get('to'), params.get('model'));
            }
        });
        const saved = sessionStorage.getItem(TOKEN_KEY);
        if (saved) {
            start(saved).catch(error => showAppError(explain(error)));
        }
    }

    document.addEventListener('DOMContentLoaded', init);
}());
