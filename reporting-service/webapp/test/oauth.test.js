import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remember, returned, take } from '../src/lib/oauth.js';

function storage() {
    const map = new Map();
    return {
        getItem: (/** @type {string} */ k) => (map.has(k) ? map.get(k) : null),
        setItem: (/** @type {string} */ k, /** @type {string} */ v) => map.set(k, v),
        removeItem: (/** @type {string} */ k) => map.delete(k),
        size: () => map.size
    };
}

test('a state is taken once, with its client and platform', () => {
    const s = storage();
    remember(s, 'st-1', 'ws-1', 'X');
    assert.deepEqual(take(s, 'st-1'), { workspaceId: 'ws-1', platform: 'X' });
    assert.equal(take(s, 'st-1'), null);
    assert.equal(s.size(), 0);
});

test('a state this tab did not start, or a tampered entry, completes nothing', () => {
    const s = storage();
    assert.equal(take(s, 'someone-elses'), null);
    assert.equal(take(s, ''), null);
    s.setItem('suite.oauth.st-2', '{"workspaceId":"ws","platform":"MYSPACE"}');
    assert.equal(take(s, 'st-2'), null);
    s.setItem('suite.oauth.st-3', 'not json');
    assert.equal(take(s, 'st-3'), null);
});

test('the callback parameters say what came back', () => {
    assert.deepEqual(returned(new URLSearchParams('state=a&code=AQD%2Bx')), { kind: 'code', state: 'a', code: 'AQD+x' });
    assert.deepEqual(returned(new URLSearchParams('state=a&error=access_denied&error_description=The+user+denied')),
        { kind: 'error', state: 'a', message: 'access_denied: The user denied' });
    assert.deepEqual(returned(new URLSearchParams('error=server_error')), { kind: 'error', state: '', message: 'server_error' });
    assert.equal(returned(new URLSearchParams('state=a')), null);
    assert.equal(returned(new URLSearchParams('')), null);
});
