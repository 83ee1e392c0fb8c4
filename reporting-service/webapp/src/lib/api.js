/**
 * The suite's public APIs, as any integration reads them. The token comes from POST /auth/login and is kept
 * in sessionStorage under the same key as the dashboard's, so one sign-in serves both pages; what a person
 * may see or change is decided by the APIs from the token, never by the page.
 */

export const TOKEN_KEY = 'suite.token';

export class ApiError extends Error {
    /**
     * @param {number} status
     * @param {any} problem
     */
    constructor(status, problem) {
        super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
        this.status = status;
        this.problem = problem;
    }

    /** The field errors of a validation problem, as "field: message" lines. */
    get fieldErrors() {
        const errors = this.problem && Array.isArray(this.problem.errors) ? this.problem.errors : [];
        return errors.map(/** @param {any} e */ e => `${e.field}: ${e.message}`);
    }
}

/** @type {{config: Record<string, string>, token: string | null, onUnauthorized: () => void}} */
export const session = { config: {}, token: null, onUnauthorized: () => undefined };

export async function loadConfig() {
    const response = await fetch('/config.json');
    session.config = await response.json();
    return session.config;
}

/** A fresh Idempotency-Key for one create (a retry of the same click reuses it). */
export function idempotencyKey() {
    return crypto.randomUUID();
}

/**
 * @param {'content'|'engagement'|'conversion'|'reporting'} service
 * @param {string} path
 * @param {{method?: string, body?: any, headers?: Record<string, string>, raw?: boolean}} [options]
 */
export async function api(service, path, options = {}) {
    /** @type {Record<string, string>} */
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (session.token) {
        headers.Authorization = `Bearer ${session.token}`;
    }
    /** @type {RequestInit} */
    const init = { method: options.method || 'GET', headers };
    if (options.body !== undefined) {
        headers['Content-Type'] = headers['Content-Type'] || 'application/json';
        init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch((session.config[service] || '') + path, init);
    if (response.status === 401 && session.token) {
        session.onUnauthorized();
    }
    if (!response.ok) {
        let problem = null;
        try {
            problem = await response.json();
        } catch (e) {
            problem = null;
        }
        throw new ApiError(response.status, problem);
    }
    if (options.raw) {
        return response;
    }
    return response.status === 204 ? null : response.json();
}

/**
 * Every item of a paged list (follows nextCursor, at most `max` items).
 * @param {'content'|'engagement'|'conversion'|'reporting'} service
 * @param {string} path
 * @param {number} [max]
 */
export async function all(service, path, max = 2000) {
    const items = [];
    let cursor = null;
    do {
        const sep = path.includes('?') ? '&' : '?';
        const page = await api(service, `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        items.push(...page.items);
        cursor = page.nextCursor;
    } while (cursor && items.length < max);
    return items;
}

/**
 * A sentence for a person about what went wrong.
 * @param {any} error
 */
export function explain(error) {
    if (error instanceof ApiError) {
        if (error.status === 404) {
            return 'Not found, or not shared with your account.';
        }
        if (error.status === 403) {
            return 'Your account may not do this (read-only or missing permission).';
        }
        const fields = error.fieldErrors;
        return fields.length ? `${error.message} ${fields.join('; ')}` : error.message;
    }
    return `Could not reach the service (${error && error.message}).`;
}

/**
 * The claims of a JWT, for display only (the services verify it).
 * @param {string} token
 */
export function claims(token) {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(atob(payload).split('')
        .map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
}
