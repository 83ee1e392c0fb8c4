/** Small DOM helpers: elements, forms with labels, and the loading / empty / error states of a panel. */

import { explain } from './api.js';

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
        if (v == null || v === false) {
            return;
        }
        if (k === 'class') {
            node.className = v;
        } else if (k.startsWith('on') && typeof v === 'function') {
            node.addEventListener(k.slice(2), v);
        } else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'for'
            || k === 'draggable' || k === 'list') {
            node.setAttribute(k, v === true ? '' : v);
        } else {
            /** @type {any} */ (node)[k] = v;
        }
    });
    children.flat(3).forEach(c => {
        if (c != null && c !== false) {
            node.append(c instanceof Node ? c : document.createTextNode(String(c)));
        }
    });
    return node;
}

let ids = 0;

/**
 * A labelled control: the label's for= points at the control.
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string} [hint]
 */
export function field(label, control, hint) {
    const id = control.id || `f${++ids}`;
    control.id = id;
    const hintNode = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
    if (hintNode) {
        control.setAttribute('aria-describedby', hintNode.id);
    }
    return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintNode);
}

/**
 * @param {string} name
 * @param {Array<string | {value: string, label: string}>} options
 * @param {string} [value]
 */
export function select(name, options, value) {
    const node = /** @type {HTMLSelectElement} */ (h('select', { name }));
    options.forEach(o => {
        const opt = typeof o === 'string' ? { value: o, label: o } : o;
        node.append(h('option', { value: opt.value }, opt.label));
    });
    if (value != null) {
        node.value = value;
    }
    return node;
}

/**
 * A panel's states: never blank.
 * @param {HTMLElement} container
 * @param {string} what
 */
export function loading(container, what) {
    container.replaceChildren(h('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`));
    container.dataset.state = 'loading';
}

/**
 * @param {HTMLElement} container
 * @param {string} message
 */
export function empty(container, message) {
    container.replaceChildren(h('p', { class: 'state empty' }, message));
    container.dataset.state = 'empty';
}

/**
 * @param {HTMLElement} container
 * @param {any} error
 */
export function failed(container, error) {
    container.replaceChildren(h('p', { class: 'state error', role: 'alert' }, explain(error)));
    container.dataset.state = 'error';
}

/**
 * Runs a load into a container with its loading, empty and error states.
 * @param {HTMLElement} container
 * @param {string} what
 * @param {() => Promise<Node | null>} work the content, or null when there is nothing to show
 * @param {string} emptyMessage
 */
export async function panel(container, what, work, emptyMessage) {
    loading(container, what);
    try {
        const content = await work();
        if (content == null) {
            empty(container, emptyMessage);
        } else {
            container.replaceChildren(content);
            container.dataset.state = 'ready';
        }
    } catch (error) {
        failed(container, error);
    }
}

/**
 * A status line for a form: role=status for success, role=alert for errors.
 * @param {HTMLElement} node
 * @param {string} message
 * @param {boolean} [isError]
 */
export function notice(node, message, isError) {
    node.textContent = message;
    node.className = isError ? 'notice error' : 'notice ok';
    node.setAttribute('role', isError ? 'alert' : 'status');
    node.hidden = !message;
}

/**
 * @param {Array<{title: string, cell: (row: any) => any}>} columns
 * @param {any[]} rows
 * @param {string} [caption]
 */
export function table(columns, rows, caption) {
    // Focusable, so a keyboard can scroll a wide table on a small screen.
    return h('div', { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': caption || 'Table' }, h('table', {},
        caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
        h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.title)))),
        h('tbody', {}, rows.map(r => h('tr', { 'data-key': r.id || r.key || r.clientId || '' },
            columns.map(c => h('td', {}, c.cell(r))))))));
}

/**
 * Copies text and says so in the given status node.
 * @param {string} text
 * @param {HTMLElement} statusNode
 */
export async function copy(text, statusNode) {
    try {
        await navigator.clipboard.writeText(text);
        notice(statusNode, 'Copied to the clipboard.', false);
    } catch (e) {
        notice(statusNode, 'Copy failed: select the text and copy it by hand.', true);
    }
}
