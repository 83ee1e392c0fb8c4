import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captionCount, codePoints, graphemes } from '../src/lib/text.js';
import { captionLimit, CAPTION_LIMITS, DEFAULT_CAPTION_LIMIT, stagePurpose } from '../src/lib/limits.js';

test('plain text counts one per character', () => {
    assert.equal(codePoints('Cornetti 20% off'), 16);
    assert.equal(graphemes('Cornetti 20% off'), 16);
});

test('emoji count as the API counts them: code points, not what the eye sees', () => {
    assert.equal(codePoints('😀'), 1);
    assert.equal(codePoints('👍🏽'), 2);
    assert.equal(graphemes('👍🏽'), 1);
    assert.equal(codePoints('🇮🇹'), 2);
    assert.equal(codePoints('👨‍👩‍👧'), 5);
    assert.equal(graphemes('👨‍👩‍👧'), 1);
    assert.equal(codePoints('e\u0301'), 2);
    assert.equal(graphemes('e\u0301'), 1);
});

test('the counter says when a caption is over the platform limit', () => {
    const x = captionLimit('X');
    assert.equal(x, 280);
    const ok = captionCount('a'.repeat(280), x);
    assert.equal(ok.over, false);
    assert.equal(ok.remaining, 0);
    assert.equal(ok.message, '280 / 280');
    const over = captionCount('a'.repeat(279) + '👍🏽', x);
    assert.equal(over.used, 281);
    assert.equal(over.over, true);
    assert.match(over.message, /1 over the limit/);
    assert.match(over.message, /280 as you see them/);
});

test('limits match content-service and unknown platforms get the generic limit', () => {
    assert.deepEqual(CAPTION_LIMITS, { X: 280, PINTEREST: 500, INSTAGRAM: 2200, TIKTOK: 2200, LINKEDIN: 3000, SMS: 1600 });
    assert.equal(captionLimit('YOUTUBE'), DEFAULT_CAPTION_LIMIT);
    assert.match(stagePurpose('TRUST'), /Proof/);
    assert.equal(stagePurpose('NOPE'), '');
});
