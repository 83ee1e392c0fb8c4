import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duration, ELISION, pathChoice, pathsUrl, pathTable, stepName, STEP_KINDS } from '../src/lib/pathdata.js';
import { addDays } from '../src/lib/time.js';

/** An answer of GET /attribution/paths as conversion-service gives it (PathAnalysisTest's journeys by platform). */
const ANSWER = {
    from: '2026-10-01', to: '2026-10-31', by: 'platform', lookbackDays: 30, maxLength: 6, limit: 2, currency: 'EUR',
    rows: [
        { key: 'INSTAGRAM > EMAIL', label: 'Instagram > Email', path: ['INSTAGRAM', 'EMAIL'], elided: false,
            conversions: 3, revenue: { amount: '60.00', currency: 'EUR' }, share: 0.5, nonConvertingJourneys: 2,
            journeys: 5, conversionRate: 0.6, medianSecondsToConvert: 129600, meanSecondsToConvert: 133200 },
        { key: 'FACEBOOK > TIKTOK > YOUTUBE > PINTEREST > … > EMAIL', path: ['FACEBOOK', 'TIKTOK', 'YOUTUBE', 'PINTEREST',
            '…', 'EMAIL'], elided: true, conversions: 1, revenue: { amount: '40.00', currency: 'EUR' }, share: 0.166667,
            nonConvertingJourneys: 0, journeys: 1, conversionRate: 1, medianSecondsToConvert: 36000,
            meanSecondsToConvert: 36000 }
    ],
    attributed: { conversions: 5, revenue: { amount: '150.00', currency: 'EUR' }, share: 0.833333, paths: 3,
        nonConvertingJourneys: 4, journeys: 9, conversionRate: 0.555556, medianSecondsToConvert: 86400,
        meanSecondsToConvert: 104400 },
    unattributed: { conversions: 1, revenue: { amount: '25.00', currency: 'EUR' }, share: 0.166667 },
    totals: { conversions: 6, revenue: { amount: '175.00', currency: 'EUR' }, share: 1 },
    note: 'Non-converting journeys are the people with counted touches in the period and no conversion of any type in it.'
};

test('the choice comes from the address: the reports\' period rule, platform unless funnelStage is asked for', () => {
    assert.deepEqual(pathChoice(new URLSearchParams('from=2026-10-01&to=2026-10-31&by=funnelStage'), '2026-12-04',
        addDays), { from: '2026-10-01', to: '2026-10-31', by: 'funnelStage', error: null });
    assert.deepEqual(pathChoice(new URLSearchParams('by=post'), '2026-12-04', addDays),
        { from: '2026-11-07', to: '2026-12-04', by: 'platform', error: null });
    assert.equal(pathChoice(new URLSearchParams('from=2026-11-02&to=2026-11-01'), '2026-12-04', addDays).error,
        'The start date is after the end date.');
    assert.deepEqual(STEP_KINDS.map(k => k.value), ['platform', 'funnelStage']);
});

test('the API path names the period, the grouping and the rows wanted', () => {
    assert.equal(pathsUrl('ws-1', { from: '2026-10-01', to: '2026-10-31', by: 'funnelStage' }),
        '/workspaces/ws-1/attribution/paths?from=2026-10-01&to=2026-10-31&by=funnelStage&limit=20');
    assert.equal(pathsUrl('ws 2', { from: '2026-10-01', to: '2026-10-31', by: 'platform' }, 100),
        '/workspaces/ws%202/attribution/paths?from=2026-10-01&to=2026-10-31&by=platform&limit=100');
});

test('steps are named for people; the elision and a missing platform or stage say what they are', () => {
    assert.equal(stepName('INSTAGRAM', 'platform'), 'Instagram');
    assert.equal(stepName('ATTENTION', 'funnelStage'), 'Attention');
    assert.equal(stepName('none', 'platform'), 'Unknown platform');
    assert.equal(stepName('none', 'funnelStage'), 'No funnel stage');
    assert.equal(stepName(ELISION, 'platform'), '…');
});

test('times to convert read as the two largest units', () => {
    assert.equal(duration(129600), '1 d 12 h');
    assert.equal(duration(86400), '1 d');
    assert.equal(duration(86460), '1 d');
    assert.equal(duration(10800), '3 h');
    assert.equal(duration(3725), '1 h 2 min');
    assert.equal(duration(45), '45 s');
    assert.equal(duration(0), '0 s');
    assert.equal(duration(null), '–');
    assert.equal(duration(undefined), '–');
});

test('the table has the rows in the answer\'s order, chips per step and the totals of every path', () => {
    const t = pathTable(ANSWER);
    assert.deepEqual(t.rows.map(r => r.key), ['INSTAGRAM > EMAIL', 'FACEBOOK > TIKTOK > YOUTUBE > PINTEREST > … > EMAIL']);
    assert.deepEqual(t.rows[0].steps.map(s => s.name), ['Instagram', 'Email']);
    assert.equal(t.rows[0].spoken, 'Instagram, then Email');
    assert.deepEqual(t.rows[1].steps.map(s => s.elided), [false, false, false, false, true, false]);
    assert.equal(t.rows[1].spoken, 'Facebook, then Tiktok, then Youtube, then Pinterest, then other steps, then Email');
    assert.equal(t.rows[0].conversions, 3);
    assert.equal(t.rows[0].share, 0.5);
    assert.equal(t.rows[0].conversionRate, 0.6);
    assert.equal(t.rows[0].journeys, 5);
    assert.equal(t.rows[0].median, 129600);
    assert.deepEqual(t.rows[0].revenue, { amount: '60.00', currency: 'EUR' });
    // Three paths, two shown: one is hidden, and the totals are over all three.
    assert.equal(t.paths, 3);
    assert.equal(t.hidden, 1);
    assert.equal(t.withPath, 5);
    assert.equal(t.firstPurchases, 6);
    assert.equal(t.conversionRate, 0.555556);
    assert.equal(t.median, 86400);
    assert.equal(t.unattributed, 1);
    assert.deepEqual(t.unattributedRevenue, { amount: '25.00', currency: 'EUR' });
    assert.match(t.note, /Non-converting journeys/);
});

test('an open end has no conversion rate, and an empty answer no rows', () => {
    const open = pathTable(Object.assign({}, ANSWER, { to: null,
        rows: [Object.assign({}, ANSWER.rows[0], { conversionRate: null })],
        attributed: Object.assign({}, ANSWER.attributed, { conversionRate: null, paths: 1 }) }));
    assert.equal(open.rows[0].conversionRate, null);
    assert.equal(open.conversionRate, null);
    assert.equal(open.hidden, 0);
    const none = pathTable({ by: 'funnelStage', rows: [], attributed: { conversions: 0, paths: 0,
        medianSecondsToConvert: null }, unattributed: { conversions: 0 }, totals: { conversions: 0 } });
    assert.equal(none.by, 'funnelStage');
    assert.deepEqual(none.rows, []);
    assert.equal(none.median, null);
    assert.equal(none.unattributed, 0);
});
