/** Edits as merge patches: only what a person changed is sent, so an unchanged field is never rewritten. */

/**
 * The fields of `after` that differ from `before` (compared as JSON), or null when nothing changed.
 * @param {Record<string, any>} before
 * @param {Record<string, any>} after
 * @returns {Record<string, any> | null}
 */
export function mergePatch(before, after) {
    /** @type {Record<string, any>} */
    const patch = {};
    Object.keys(after).forEach(key => {
        if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
            patch[key] = after[key] ?? null;
        }
    });
    return Object.keys(patch).length ? patch : null;
}

/**
 * A workspace form's values, normalised as the API stores them (trimmed name and zone, upper-case currency).
 * @param {{name: string, timeZone: string, currency: string}} values
 */
export function workspaceValues(values) {
    return { name: values.name.trim(), timeZone: values.timeZone.trim(), currency: values.currency.trim().toUpperCase() };
}
