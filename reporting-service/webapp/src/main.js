/**
 * The agency web app: one page, one module per view (views/*.js), the view named by the URL's hash
 * (#calendar, #compose?post=<id>, #reports?campaign=<id>, #paths?by=funnelStage). The older dashboard page (/) shares the sign-in.
 */
import { api, ApiError, claims, explain, loadConfig, session, TOKEN_KEY } from './lib/api.js';
import { h } from './lib/dom.js';
import { humanize } from './lib/limits.js';
import * as compose from './views/compose.js';
import * as calendar from './views/calendar.js';
import * as approvals from './views/approvals.js';
import * as costs from './views/costs.js';
import * as audiences from './views/audiences.js';
import * as clients from './views/clients.js';
import * as team from './views/team.js';
import * as publishing from './views/publishing.js';
import * as reports from './views/reports.js';
import * as paths from './views/paths.js';
import * as accounts from './views/accounts.js';
import * as exports from './views/exports.js';

/** @type {Record<string, {title: string, render: (node: HTMLElement, ctx: any, params: URLSearchParams) => any}>} */
const VIEWS = { reports, paths, compose, calendar, approvals, costs, audiences, clients, team, publishing, accounts, exports };

/** @param {string} id */
const $ = id => /** @type {HTMLElement} */ (document.getElementById(id));

/** What the rest of the app knows about the person and the chosen client. */
const ctx = {
    /** @type {any} */ claims: null,
    /** @type {any[]} */ workspaces: [],
    /** @type {any} */ workspace: null,
    canWrite: false,
    isAdmin: false,
    go: navigate,
    reloadWorkspaces,
    /** @type {(message?: string) => void} */ signOut: () => undefined
};

/** @param {string} view @param {Record<string, string>} [params] */
function navigate(view, params) {
    const query = new URLSearchParams(params || {}).toString();
    location.hash = query ? `${view}?${query}` : view;
}

function route() {
    const hash = location.hash.slice(1);
    const [name, query] = hash.split('?');
    return { name: VIEWS[name] ? name : 'calendar', params: new URLSearchParams(query || '') };
}

async function show() {
    if (!session.token || !ctx.workspace) {
        return;
    }
    const { name, params } = route();
    document.querySelectorAll('#nav a[data-view]').forEach(a => {
        if (/** @type {HTMLElement} */ (a).dataset.view === name) {
            a.setAttribute('aria-current', 'page');
        } else {
            a.removeAttribute('aria-current');
        }
    });
    // Each render gets a fresh container: a render still awaiting an answer for the view the person left
    // writes into a detached node, never beside the current one.
    const view = $('view');
    const node = h('div', { class: 'view-body' });
    view.replaceChildren(node);
    view.dataset.view = name;
    document.title = `${VIEWS[name].title} · ${ctx.workspace.name} · Social ROI`;
    try {
        await VIEWS[name].render(node, ctx, params);
    } catch (error) {
        node.replaceChildren(h('p', { class: 'state error', role: 'alert' }, explain(error)));
    }
}

/** @param {string} [selectId] */
async function reloadWorkspaces(selectId) {
    const page = await api('content', '/workspaces?limit=500');
    ctx.workspaces = page.items.slice().sort((/** @type {any} */ a, /** @type {any} */ b) => a.name.localeCompare(b.name));
    const picker = /** @type {HTMLSelectElement} */ ($('workspace'));
    picker.replaceChildren(...ctx.workspaces.map(w => h('option', { value: w.id }, w.name)));
    const wanted = selectId || (ctx.workspace && ctx.workspace.id) || sessionStorage.getItem('suite.app.ws');
    ctx.workspace = ctx.workspaces.find(w => w.id === wanted) || ctx.workspaces[0] || null;
    if (ctx.workspace) {
        picker.value = ctx.workspace.id;
    }
}

/** @param {string} token */
async function start(token) {
    session.token = token;
    ctx.claims = claims(token);
    if (ctx.claims.exp && ctx.claims.exp * 1000 < Date.now()) {
        signOut('Your session has ended; please sign in again.');
        return;
    }
    const scopes = String(ctx.claims.scope || '').split(' ');
    ctx.isAdmin = scopes.includes('admin');
    ctx.canWrite = ctx.claims.role !== 'CLIENT_VIEWER' && (ctx.isAdmin || scopes.includes('content:write'));
    document.body.dataset.role = ctx.claims.role || 'API_CLIENT';
    document.body.classList.toggle('read-only', !ctx.canWrite);
    $('who').textContent = `Signed in as ${humanize(ctx.claims.role || 'API client')}`;
    $('sign-in').hidden = true;
    $('session').hidden = false;
    $('nav').hidden = false;
    $('view').hidden = false;
    await reloadWorkspaces();
    if (!ctx.workspace) {
        $('view').replaceChildren(h('p', { class: 'state empty' }, ctx.isAdmin
            ? 'No client yet: create the first one under Clients.' : 'No client is shared with your account yet.'));
        if (ctx.isAdmin) {
            await clients.render($('view'), ctx);
        }
        return;
    }
    await show();
}

/** @param {string} [message] */
function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    session.token = null;
    fetch((session.config.content || '') + '/auth/logout', { method: 'POST', credentials: 'include' })
        .catch(() => undefined);
    $('session').hidden = true;
    $('nav').hidden = true;
    $('view').hidden = true;
    $('sign-in').hidden = false;
    if (message) {
        $('login-error').className = 'notice error';
        $('login-error').setAttribute('role', 'alert');
        $('login-error').textContent = message;
        $('login-error').hidden = false;
    }
}

/** @param {SubmitEvent} event */
async function signIn(event) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.target);
    const email = /** @type {HTMLInputElement} */ (form.elements.namedItem('email'));
    const password = /** @type {HTMLInputElement} */ (form.elements.namedItem('password'));
    $('login-error').hidden = true;
    $('login-error').className = 'notice error';
    $('login-error').setAttribute('role', 'alert');
    let answer;
    try {
        answer = await api('content', '/auth/login', { method: 'POST',
            body: { email: email.value, password: password.value } });
    } catch (error) {
        $('login-error').textContent = error instanceof ApiError && error.status === 401
            ? 'Wrong email or password.' : explain(error);
        $('login-error').hidden = false;
        return;
    }
    password.value = '';
    sessionStorage.setItem(TOKEN_KEY, answer.access_token);
    try {
        await start(answer.access_token);
    } catch (error) {
        // Signed in, but what follows failed (a service down, the session refused): say that, not "wrong password".
        signOut(`Signed in, but the app could not load: ${explain(error)}`);
    }
}

/**
 * The page of a password reset link (#reset?token=...), shown instead of the app: the token is read once and
 * taken out of the address bar, the new password is set with POST /auth/password-reset, then the person signs in.
 */
function showReset() {
    const token = new URLSearchParams(location.hash.split('?')[1] || '').get('token') || '';
    history.replaceState(null, '', location.pathname);
    $('sign-in').hidden = true;
    $('reset').hidden = false;
    const form = /** @type {HTMLFormElement} */ ($('reset-form'));
    const error = $('reset-error');
    /** @param {string} message */
    const fail = message => {
        error.textContent = message;
        error.hidden = false;
    };
    if (!token) {
        fail('This link has no reset token: ask an agency admin for a new link.');
    }
    form.addEventListener('submit', async event => {
        event.preventDefault();
        error.hidden = true;
        const next = /** @type {HTMLInputElement} */ (form.elements.namedItem('newPassword'));
        const again = /** @type {HTMLInputElement} */ (form.elements.namedItem('confirmPassword'));
        if (next.value.length < 10) {
            fail('New password: at least 10 characters.');
            return;
        }
        if (next.value !== again.value) {
            fail('The two passwords differ: type the same new password twice.');
            return;
        }
        try {
            const done = await api('content', '/auth/password-reset', { method: 'POST',
                body: { token, newPassword: next.value } });
            form.reset();
            $('reset').hidden = true;
            $('sign-in').hidden = false;
            /** @type {HTMLInputElement} */ ($('login-email')).value = done.email;
            $('login-error').textContent = 'Password set: sign in with your new password.';
            $('login-error').className = 'notice ok';
            $('login-error').setAttribute('role', 'status');
            $('login-error').hidden = false;
            $('login-password').focus();
        } catch (e) {
            // 410 and 400 say why the link no longer works (used, expired, replaced, not a link).
            fail(explain(e));
        }
    });
    $('reset-password').focus();
}

async function init() {
    // The form is taken over before anything is awaited, so an early click never submits it natively.
    const configured = loadConfig();
    $('login-form').addEventListener('submit', event => {
        event.preventDefault();
        configured.then(() => signIn(event));
    });
    await configured;
    ctx.signOut = signOut;
    session.onUnauthorized = () => signOut('Your session has ended; please sign in again.');
    $('sign-out').addEventListener('click', () => signOut());
    $('workspace').addEventListener('change', () => {
        const id = /** @type {HTMLSelectElement} */ ($('workspace')).value;
        ctx.workspace = ctx.workspaces.find(w => w.id === id) || null;
        sessionStorage.setItem('suite.app.ws', id);
        show();
    });
    window.addEventListener('hashchange', () => {
        show();
        $('view').focus();
    });
    document.body.dataset.ready = 'true';
    if (/^#\/?reset(\?|$)/.test(location.hash)) {
        showReset();
        return;
    }
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) {
        start(saved).catch(error => {
            $('app-error').textContent = explain(error);
            $('app-error').hidden = false;
        });
    }
}

init();
