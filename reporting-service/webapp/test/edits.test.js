import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatch, workspaceValues } from '../src/lib/edits.js';

test('only changed fields are patched', () => {
    const before = { name: 'Bakery', timeZone: 'Europe/Rome', currency: 'EUR' };
    assert.deepEqual(mergePatch(before, { name: 'Bakery Rossi', timeZone: 'Europe/Rome', currency: 'EUR' }),
        { name: 'Bakery Rossi' });
    assert.equal(mergePatch(before, { ...before }), null);
});

test('arrays and cleared values compare by content', () => {
    const before = { funnelStages: ['TRUST'], minIntent: 40, campaignId: 'c1' };
    assert.equal(mergePatch(before, { funnelStages: ['TRUST'], minIntent: 40, campaignId: 'c1' }), null);
    assert.deepEqual(mergePatch(before, { funnelStages: ['TRUST', 'ACTION'], minIntent: null, campaignId: 'c1' }),
        { funnelStages: ['TRUST', 'ACTION'], minIntent: null });
    assert.deepEqual(mergePatch({ campaignId: null }, { campaignId: undefined }), null);
});

test('workspace values are trimmed and the currency upper-cased', () => {
    assert.deepEqual(workspaceValues({ name: ' Fiori ', timeZone: ' Europe/Rome ', currency: 'eur ' }),
        { name: 'Fiori', timeZone: 'Europe/Rome', currency: 'EUR' });
});
