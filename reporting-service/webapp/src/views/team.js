/**
 * Team: the agency's users (invite with a role and the clients they may see, change the role, make a one-time password
 * reset link, deactivate) and the current
 * client's API credentials (list, create with the secret shown once, revoke). Admin only; the API refuses the rest.
 */
import { all, api, explain, idempotencyKey } from '../lib/api.js';
import { copy, field, h, notice, panel, select, table } from '../lib/dom.js';
import { formatter } from '../lib/format.js';
import { humanize, ROLES, SCOPES } from '../lib/limits.js';

export const title = 'Team';

/**
 * @param {HTMLElement} node
 * @param {any} ctx
 */
export async function render(node, ctx) {
    const ws = ctx.workspace;
    const fmt = formatter(ws);
    node.append(h('h2', {}, 'Team and API access'));
    if (ctx.claims.role) {
        node.append(passwordForm(ctx));
    }
    if (!ctx.isAdmin) {
        node.append(h('p', { class: 'state empty' }, 'Only an agency admin manages the team and API credentials.'));
        return;
    }
    const users = h('div', { id: 'user-list' });
    const result = h('p', { class: 'notice', hidden: true, id: 'team-result' });
    const resetBox = h('div', { id: 'reset-box' });
    const loadUsers = () => panel(users, 'users', async () => {
        const items = await all('content', '/users');
        if (items.length === 0) {
            return null;
        }
        return table([
            { title: 'Name', cell: u => u.name },
            { title: 'Email', cell: u => u.email },
            { title: 'Role', cell: u => humanize(u.role) },
            { title: 'Change role', cell: u => (u.active && u.id !== ctx.claims.sub ? roleForm(u) : '–') },
            { title: 'Clients', cell: u => (u.role === 'ADMIN' ? 'all' : (u.workspaceIds || [])
                .map((/** @type {string} */ id) => (ctx.workspaces.find((/** @type {any} */ w) => w.id === id) || { name: id }).name).join(', ')) },
            { title: 'Status', cell: u => (u.active ? 'active' : `deactivated ${fmt.dateTime(u.deactivatedAt)}`) },
            { title: 'Password', cell: u => (u.active && u.id !== ctx.claims.sub ? h('button', { type: 'button',
                class: 'secondary', 'data-reset': u.id, 'aria-label': `Reset the password of ${u.email}`,
                onclick: () => resetLink(u) }, 'Reset password') : '–') },
            { title: 'Change', cell: u => (u.active && u.id !== ctx.claims.sub ? h('button', { type: 'button', class: 'secondary',
                'aria-label': `Deactivate ${u.email}`, onclick: async () => {
                    if (!window.confirm(`Deactivate ${u.email}? Their sessions end at once.`)) {
                        return;
                    }
                    try {
                        await api('content', `/users/${u.id}/deactivate`, { method: 'POST' });
                        notice(result, `${u.email} deactivated.`, false);
                        await loadUsers();
                    } catch (error) {
                        notice(result, explain(error), true);
                    }
                } }, 'Deactivate') : '–') }
        ], items.map(u => Object.assign({ key: u.id }, u)), 'Users');
    }, 'No users yet.');

    /**
     * A one-time reset link for the user (POST /users/{id}/password-reset): shown once, with a copy button; the
     * admin hands it over (no e-mail is sent). Their password and sessions stay until the link is used.
     */
    const resetLink = async (/** @type {any} */ u) => {
        try {
            const link = await api('content', `/users/${u.id}/password-reset`, { method: 'POST',
                headers: { 'Idempotency-Key': idempotencyKey() } });
            const copied = h('p', { class: 'notice', hidden: true, id: 'reset-copied' });
            resetBox.replaceChildren(h('div', { class: 'secret', role: 'status' },
                h('p', {}, h('strong', {}, `One-time link for ${link.email}: copy it now, it will not be shown again.`)),
                h('p', { class: 'hint' }, `It works once, until ${fmt.dateTime(link.expiresAt)}; a newer link ends it. `
                    + 'Hand it over yourself: no e-mail is sent.'),
                field('Reset link', h('input', { type: 'text', readOnly: true, value: link.url, id: 'reset-link' })),
                h('button', { type: 'button', id: 'copy-reset-link', onclick: () => copy(link.url, copied) }, 'Copy link'),
                copied));
            resetBox.scrollIntoView({ block: 'nearest' });
        } catch (error) {
            resetBox.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, explain(error)));
        }
    };

    /** A role picker per user: PUT /users/{id}/access with the role and the user's clients (the current one when none). */
    const roleForm = (/** @type {any} */ u) => {
        const picker = select('role', ROLES.map(r => ({ value: r, label: humanize(r) })), u.role);
        picker.setAttribute('aria-label', `Role of ${u.email}`);
        picker.dataset.user = u.id;
        picker.addEventListener('change', async () => {
            const ids = u.workspaceIds && u.workspaceIds.length ? u.workspaceIds : [ws.id];
            try {
                const saved = await api('content', `/users/${u.id}/access`, { method: 'PUT',
                    body: { role: picker.value, workspaceIds: ids } });
                notice(result, `${saved.email} is now ${humanize(saved.role)}; they sign in again to use it.`, false);
                await loadUsers();
            } catch (error) {
                picker.value = u.role;
                notice(result, explain(error), true);
            }
        });
        return picker;
    };

    const email = /** @type {HTMLInputElement} */ (h('input', { name: 'email', type: 'email', required: true }));
    const name = /** @type {HTMLInputElement} */ (h('input', { name: 'name', required: true }));
    const password = /** @type {HTMLInputElement} */ (h('input', { name: 'password', type: 'password', minLength: 10,
        autocomplete: 'new-password', required: true }));
    const role = select('role', ROLES.map(r => ({ value: r, label: humanize(r) })), 'MANAGER');
    const clients = h('fieldset', {}, h('legend', {}, 'Clients they may see (ignored for admins)'),
        ctx.workspaces.map((/** @type {any} */ w) => h('label', { class: 'choice' },
            h('input', { type: 'checkbox', name: 'workspaceIds', value: w.id, checked: w.id === ws.id }), w.name)));
    let key = idempotencyKey();
    const invite = h('form', { class: 'card', id: 'invite-form' }, h('h3', {}, 'Invite a user'),
        h('div', { class: 'grid' }, field('Email', email), field('Name', name),
            field('First password (at least 10 characters; share it with them)', password), field('Role', role)),
        clients, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Invite')));
    invite.addEventListener('input', () => { key = idempotencyKey(); });
    invite.addEventListener('submit', async event => {
        event.preventDefault();
        const ids = [...invite.querySelectorAll('input[name=workspaceIds]:checked')]
            .map(i => /** @type {HTMLInputElement} */ (i).value);
        try {
            const user = await api('content', '/users', { method: 'POST', headers: { 'Idempotency-Key': key },
                body: { email: email.value.trim(), name: name.value.trim(), password: password.value, role: role.value,
                    workspaceIds: ids } });
            notice(result, `${user.email} invited as ${humanize(user.role)}.`, false);
            /** @type {HTMLFormElement} */ (invite).reset();
            key = idempotencyKey();
            await loadUsers();
        } catch (error) {
            notice(result, explain(error), true);
        }
    });

    // Credentials of the current client: listed (GET .../credentials, never a secret), created, revoked.
    const credList = h('div', { id: 'credential-list' });
    const loadCredentials = () => panel(credList, 'credentials', async () => {
        const items = await all('content', `/workspaces/${ws.id}/credentials`);
        if (items.length === 0) {
            return null;
        }
        return table([
            { title: 'Name', cell: c => c.name },
            { title: 'Client id', cell: c => h('code', {}, c.clientId) },
            { title: 'Scopes', cell: c => c.scopes.join(' ') },
            { title: 'Created', cell: c => fmt.dateTime(c.createdAt) },
            { title: 'Status', cell: c => (c.active ? 'active' : `revoked ${fmt.dateTime(c.revokedAt)}`) },
            { title: 'Change', cell: c => (c.active ? h('button', { type: 'button', class: 'danger', 'data-revoke': c.clientId,
                'aria-label': `Revoke ${c.name}`, onclick: () => revokeCredential(c.clientId) }, 'Revoke') : '–') }
        ], items, 'Credentials');
    }, 'No API credentials for this client yet.');
    const credName = /** @type {HTMLInputElement} */ (h('input', { name: 'credentialName', required: true, maxLength: 200 }));
    const scopes = h('fieldset', {}, h('legend', {}, 'Scopes'),
        SCOPES.map(s => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'scopes', value: s }), s)));
    const secretBox = h('div', { id: 'secret-box' });
    const revokeId = /** @type {HTMLInputElement} */ (h('input', { name: 'clientId', required: true }));
    const credResult = h('p', { class: 'notice', hidden: true, id: 'credential-result' });
    let credKey = idempotencyKey();
    const credForm = h('form', { class: 'card', id: 'credential-form' },
        h('h3', {}, `API credentials of ${ws.name}`),
        h('p', { class: 'hint' }, 'For integrations (a shop, a CRM). The secret is shown once and stored hashed.'),
        field('Name', credName), scopes, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create credential')),
        secretBox);
    credForm.addEventListener('input', () => { credKey = idempotencyKey(); });
    credForm.addEventListener('submit', async event => {
        event.preventDefault();
        const chosen = [...credForm.querySelectorAll('input[name=scopes]:checked')]
            .map(i => /** @type {HTMLInputElement} */ (i).value);
        try {
            const cred = await api('content', `/workspaces/${ws.id}/credentials`, { method: 'POST',
                headers: { 'Idempotency-Key': credKey }, body: { name: credName.value.trim(), scopes: chosen } });
            credKey = idempotencyKey();
            const copied = h('p', { class: 'notice', hidden: true });
            secretBox.replaceChildren(h('div', { class: 'secret', role: 'status' },
                h('p', {}, h('strong', {}, 'Copy the secret now: it will not be shown again.')),
                field('Client id', h('input', { type: 'text', readOnly: true, value: cred.clientId, id: 'new-client-id' })),
                field('Client secret', h('input', { type: 'text', readOnly: true, value: cred.clientSecret, id: 'new-client-secret' })),
                h('button', { type: 'button', onclick: () => copy(cred.clientSecret, copied) }, 'Copy secret'), copied));
            revokeId.value = cred.clientId;
            await loadCredentials();
        } catch (error) {
            secretBox.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, explain(error)));
        }
    });
    const revoke = h('form', { class: 'card', id: 'revoke-form' }, h('h3', {}, 'Revoke a credential'),
        field('Client id', revokeId), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Revoke')),
        credResult);
    const revokeCredential = async (/** @type {string} */ clientId) => {
        try {
            await api('content', `/workspaces/${ws.id}/credentials/${encodeURIComponent(clientId)}`, { method: 'DELETE' });
            notice(credResult, `Credential ${clientId} revoked: its tokens stop working.`, false);
            secretBox.replaceChildren();
            await loadCredentials();
        } catch (error) {
            notice(credResult, explain(error), true);
        }
    };
    revoke.addEventListener('submit', event => {
        event.preventDefault();
        if (!revokeId.value.trim()) {
            notice(credResult, 'Client id: paste the id of the credential to revoke.', true);
            return;
        }
        revokeCredential(revokeId.value.trim());
    });

    node.append(invite, result, h('section', { class: 'card', 'aria-labelledby': 'users-title' },
        h('h3', { id: 'users-title' }, 'Users'), resetBox, users), credForm,
    h('section', { class: 'card', 'aria-labelledby': 'creds-title' }, h('h3', { id: 'creds-title' }, `Credentials of ${ws.name}`),
        credList), revoke);
    await Promise.all([loadUsers(), loadCredentials()]);
}

/**
 * The signed-in user's own password (POST /auth/password); every session ends, so they sign in again.
 * @param {any} ctx
 */
function passwordForm(ctx) {
    const current = /** @type {HTMLInputElement} */ (h('input', { name: 'currentPassword', type: 'password',
        autocomplete: 'current-password', required: true }));
    const next = /** @type {HTMLInputElement} */ (h('input', { name: 'newPassword', type: 'password', minLength: 10,
        autocomplete: 'new-password', required: true }));
    const result = h('p', { class: 'notice', hidden: true, id: 'password-result' });
    const form = h('form', { class: 'card', id: 'password-form' }, h('h3', {}, 'Your password'),
        h('div', { class: 'grid' }, field('Current password', current), field('New password (at least 10 characters)', next)),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change password')), result);
    form.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            await api('content', '/auth/password', { method: 'POST',
                body: { currentPassword: current.value, newPassword: next.value } });
            ctx.signOut('Password changed: sign in with the new one.');
        } catch (error) {
            notice(result, explain(error), true);
        }
    });
    return form;
}
