import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stale, vendored } from '../scripts/vendor.mjs';

test('src/vendor holds the chart library package-lock.json pins, with no bare import left', () => {
    assert.deepEqual(stale(), []);
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
    const pinned = lock.packages['node_modules/chart.js'].version;
    const files = vendored();
    assert.ok(files[0].text.startsWith(`// Vendored by scripts/vendor.mjs from the npm package chart.js@${pinned}`));
    for (const f of files.filter(x => x.target.endsWith('.js'))) {
        assert.doesNotMatch(f.text, /from '@|import '@/, f.target);
    }
});
