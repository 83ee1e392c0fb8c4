import assert from 'node:assert/strict';
import { test } from 'node:test';
import { landingUrlProblem, POST_ID_PLACEHOLDER, slug, trackedDestination } from '../src/lib/utm.js';

test('slugs are made as content-service makes them', () => {
    assert.equal(slug('Spring Sale 2026!'), 'spring-sale-2026');
    assert.equal(slug('Café Crème — Été'), 'cafe-creme-ete');
    assert.equal(slug('!!!'), 'campaign');
    assert.equal(slug('a'.repeat(59) + ' bcd'), 'a'.repeat(59));
});

test('the destination carries the four UTM parameters and keeps the rest', () => {
    const d = trackedDestination('https://shop.example/cornetti?size=xl&utm_source=old#top',
        { platform: 'INSTAGRAM', campaignSlug: 'cornetti-week', postId: 'p-1' });
    assert.equal(d.url, 'https://shop.example/cornetti?size=xl&utm_source=instagram&utm_medium=social'
        + '&utm_campaign=cornetti-week&utm_content=p-1#top');
    assert.deepEqual(d.params.map(p => p[0]), ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content']);
});

test('without a campaign there is no utm_campaign; before saving the post id is a placeholder', () => {
    const d = trackedDestination('https://shop.example', { platform: 'X' });
    assert.equal(d.url, `https://shop.example?utm_source=x&utm_medium=social&utm_content=${POST_ID_PLACEHOLDER}`);
});

test('only absolute http(s) landing URLs get a link', () => {
    assert.equal(landingUrlProblem(''), null);
    assert.equal(landingUrlProblem('https://a.example/x'), null);
    assert.match(landingUrlProblem('shop.example'), /absolute/);
    assert.match(landingUrlProblem('ftp://a.example'), /http/);
    assert.equal(trackedDestination('nope', { platform: 'X' }), null);
});
