/**
 * The web app's half of connecting a platform account (content-service account/Accounts): before leaving for the
 * platform's consent page it remembers which client and platform a state belongs to (this tab's sessionStorage,
 * the state is random and usable once); back on #accounts?state=&code= it takes that entry (once) and completes
 * the authorization with the signed-in person's token.
 */

/** The platforms connected with OAuth (content-service account/OAuthProvider). */
export const OAUTH_PLATFORMS = ['FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'X', 'TIKTOK', 'YOUTUBE', 'PINTEREST', 'REDDIT'];

const PREFIX = 'suite.oauth.';

/**
 * @param {Pick<Storage, 'setItem'>} storage
 * @param {string} state
 * @param {string} workspaceId
 * @param {string} platform
 */
export function remember(storage, state, workspaceId, platform) {
    storage.setItem(PREFIX + state, JSON.stringify({ workspaceId, platform }));
}

/**
 * The client and platform a returning state belongs to, forgotten as it is read; null for a state this tab did not
 * start (then nothing is completed).
 * @param {Pick<Storage, 'getItem' | 'removeItem'>} storage
 * @param {string} state
 * @returns {{workspaceId: string, platform: string} | null}
 */
export function take(storage, state) {
    if (!state) {
        return null;
    }
    const raw = storage.getItem(PREFIX + state);
    storage.removeItem(PREFIX + state);
    if (!raw) {
        return null;
    }
    try {
        const entry = JSON.parse(raw);
        return typeof entry.workspaceId === 'string' && OAUTH_PLATFORMS.includes(entry.platform) ? entry : null;
    } catch {
        return null;
    }
}

/**
 * What the platform sent back: a code to complete, an error to show, or nothing.
 * @param {URLSearchParams} params
 * @returns {{kind: 'code', state: string, code: string} | {kind: 'error', state: string, message: string} | null}
 */
export function returned(params) {
    const state = params.get('state') || '';
    if (params.get('error')) {
        const description = params.get('error_description');
        return { kind: 'error', state, message: description ? `${params.get('error')}: ${description}` : String(params.get('error')) };
    }
    if (state && params.get('code')) {
        return { kind: 'code', state, code: String(params.get('code')) };
    }
    return null;
}
