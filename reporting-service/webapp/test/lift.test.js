import { test } from 'node:test';
import assert from 'node:assert/strict';
import { holdoutValue, liftSummary, points, pValue, percent } from '../src/lib/lift.js';

/** The answer of AudienceHoldoutTest's scenario as conversion-service gives it. */
const HOLDOUT = {
    audienceId: 'a1', since: '2026-11-04T10:00:00Z', reached: { members: 60, converted: 35, conversionRate: 0.5833 },
    notReached: { members: 140, converted: 13, conversionRate: 0.0929 }, lift: 5.2788, method: 'HOLDOUT',
    holdoutPercent: 50, exposedFrom: '2026-11-24T10:00:00Z', holdoutFrom: '2026-11-25T16:00:00Z',
    exposed: { members: 60, converted: 30, conversionRate: 0.5 }, holdout: { members: 100, converted: 10,
        conversionRate: 0.1 }, holdoutReached: 2, notExposed: 40, absoluteLift: 0.4, relativeLift: 4.0,
    confidenceInterval: { level: 0.95, method: 'NEWCOMBE_WILSON', lower: 0.2566, upper: 0.5306 },
    pValue: 1.542e-8, zScore: 5.6569, verdict: 'LIFT',
    verdictText: 'Retargeting raised conversion: 50.0% of the 60 exposed members converted after their first exposure, '
        + 'against 10.0% of the 100 held-out members (+40.0 points, 95% CI +25.7 points to +53.1 points; '
        + 'p = 0.00000001542).',
    membersNeeded: null
};

test('a holdout lift shows the exposed and held-out groups, the interval, the p-value and the verdict', () => {
    const s = liftSummary(HOLDOUT);
    assert.equal(s.method, 'HOLDOUT');
    assert.equal(s.observational, false);
    assert.equal(s.verdict, 'LIFT');
    assert.equal(s.verdictLabel, 'Lift');
    assert.equal(s.sentence, HOLDOUT.verdictText);
    assert.deepEqual(s.rows, [
        { label: 'Exposed (after first retargeting exposure)', members: 60, converted: 30, rate: '50.0%' },
        { label: 'Holdout (50% kept out of exports)', members: 100, converted: 10, rate: '10.0%' }]);
    assert.deepEqual(s.facts, [
        ['Difference', '+40.0 pts'],
        ['Relative lift', '+400.0%'],
        ['95% confidence interval', '+25.7 pts to +53.1 pts (Newcombe, Wilson score)'],
        ['Two-sided p-value (z-test)', 'p < 0.0001'],
        ['Not reached yet (in neither group)', '40'],
        ['Held-out members reached anyway', '2']]);
});

test('not yet significant says how many members would tell', () => {
    const s = liftSummary({ ...HOLDOUT, verdict: 'NOT_YET_SIGNIFICANT', pValue: 0.4614, absoluteLift: 0.06,
        confidenceInterval: { level: 0.95, method: 'NEWCOMBE_WILSON', lower: -0.1006, upper: 0.2174 },
        membersNeeded: { exposed: 723, holdout: 723 }, holdoutReached: 0 });
    assert.equal(s.verdictLabel, 'Not yet significant');
    assert.deepEqual(s.facts.find(f => f[0] === '95% confidence interval'),
        ['95% confidence interval', '−10.1 pts to +21.7 pts (Newcombe, Wilson score)']);
    assert.deepEqual(s.facts.find(f => f[0] === 'Two-sided p-value (z-test)'), ['Two-sided p-value (z-test)', 'p = 0.461']);
    assert.deepEqual(s.facts.find(f => f[0].startsWith('Members needed')),
        ['Members needed to tell (80% power)', 'about 723 exposed and 723 held out']);
    assert.equal(s.facts.some(f => f[0] === 'Held-out members reached anyway'), false);
});

test('without a holdout the comparison is labelled observational', () => {
    const s = liftSummary({ audienceId: 'a2', since: '2026-11-04T10:00:00Z',
        reached: { members: 2, converted: 1, conversionRate: 0.5 },
        notReached: { members: 1, converted: 1, conversionRate: 1.0 }, lift: -0.5, method: 'OBSERVATIONAL',
        holdoutPercent: 0, verdict: 'NO_HOLDOUT', verdictText: 'No holdout: ...' });
    assert.equal(s.observational, true);
    assert.equal(s.verdictLabel, 'No holdout (observational)');
    assert.deepEqual(s.rows.map(r => [r.label, r.members, r.converted, r.rate]),
        [['Reached by retargeting', 2, 1, '50.0%'], ['Not reached', 1, 1, '100.0%']]);
    assert.deepEqual(s.facts, [['Observational difference (not causal)', '−50.0%']]);
    // An older conversion-service without method or verdict: still the observational comparison.
    assert.equal(liftSummary({ reached: { members: 1, converted: 0, conversionRate: 0 },
        notReached: { members: 1, converted: 0, conversionRate: 0 }, lift: null }).verdict, 'NO_HOLDOUT');
});

test('figures and the holdout share typed in the form', () => {
    assert.equal(percent(0.1234), '12.3%');
    assert.equal(points(0), '±0.0 pts');
    assert.equal(pValue(0.0004), 'p = 0.0004');
    assert.equal(pValue(0.011085), 'p = 0.011');
    assert.equal(holdoutValue(''), 0);
    assert.equal(holdoutValue('10'), 10);
    assert.equal(holdoutValue('12,5'), 12.5);
    assert.equal(holdoutValue('50'), 50);
    assert.equal(holdoutValue('51'), null);
    assert.equal(holdoutValue('-1'), null);
    assert.equal(holdoutValue('2.345'), null);
    assert.equal(holdoutValue('ten'), null);
});
