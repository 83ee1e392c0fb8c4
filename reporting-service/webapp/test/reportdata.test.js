import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    amountOf, comparisonSeries, comparisonTable, funnelSeries, MODELS, modelName, period, roiSeries, spread, step,
    sumAmounts, tooltipText
} from '../src/lib/reportdata.js';
import { addDays } from '../src/lib/time.js';

const COMPARISON = {
    from: '2026-11-01', to: '2026-11-30', groupBy: 'campaign', currency: 'EUR',
    models: ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'TIME_DECAY', 'POSITION_BASED'],
    rows: [
        { key: 'a', label: 'Spring sale', models: {
            FIRST_TOUCH: { conversions: 1, revenue: { amount: '100.00', currency: 'EUR' } },
            LAST_TOUCH: { conversions: 2, revenue: { amount: '150.10', currency: 'EUR' } },
            LINEAR: { conversions: 1.5, revenue: { amount: '125.05', currency: 'EUR' } },
            TIME_DECAY: { conversions: 1.75, revenue: { amount: '137.58', currency: 'EUR' } },
            POSITION_BASED: { conversions: 1.5, revenue: { amount: '125.05', currency: 'EUR' } } } },
        { key: 'b', label: 'Brand', models: {
            FIRST_TOUCH: { conversions: 1, revenue: { amount: '50.10', currency: 'EUR' } },
            LAST_TOUCH: { conversions: 0, revenue: { amount: '0.00', currency: 'EUR' } },
            LINEAR: { conversions: 0.5, revenue: { amount: '25.05', currency: 'EUR' } },
            TIME_DECAY: { conversions: 0.25, revenue: { amount: '12.52', currency: 'EUR' } } } }
    ],
    unattributed: { conversions: 1, revenue: { amount: '20.00', currency: 'EUR' } }
};

test('every model has a name and a one-line meaning', () => {
    assert.deepEqual(MODELS.map(m => m.id), ['FIRST_TOUCH', 'LAST_TOUCH', 'LINEAR', 'TIME_DECAY', 'POSITION_BASED',
        'DATA_DRIVEN']);
    for (const m of MODELS) {
        assert.ok(m.meaning.length > 20 && !m.meaning.includes('\n'), m.id);
    }
    assert.equal(modelName('POSITION_BASED'), 'Position based (U)');
    assert.equal(modelName('NEW_ONE'), 'NEW_ONE');
});

test('the comparison table has a cell per row and model, missing models as zero, and exact totals', () => {
    const t = comparisonTable(COMPARISON);
    assert.deepEqual(t.models, COMPARISON.models);
    assert.deepEqual(t.rows.map(r => r.label), ['Spring sale', 'Brand']);
    assert.deepEqual(t.rows[0].cells.LINEAR, { conversions: 1.5, revenue: { amount: '125.05', currency: 'EUR' } });
    // Brand has no POSITION_BASED answer: zero, not a gap.
    assert.deepEqual(t.rows[1].cells.POSITION_BASED, { conversions: 0, revenue: { amount: '0', currency: 'EUR' } });
    // 150.10 + 0.00 in decimal, not 150.1 + 0 in floating point; 137.58 + 12.52 = 150.10.
    assert.equal(t.totals.LAST_TOUCH.revenue.amount, '150.10');
    assert.equal(t.totals.TIME_DECAY.revenue.amount, '150.10');
    assert.equal(t.totals.TIME_DECAY.conversions, 2);
    assert.equal(t.totals.FIRST_TOUCH.revenue.amount, '150.10');
});

test('the comparison chart has one series per model over the rows', () => {
    const s = comparisonSeries(comparisonTable(COMPARISON), 'revenue');
    assert.deepEqual(s.labels, ['Spring sale', 'Brand']);
    assert.deepEqual(s.series.map(x => x.name), ['First touch', 'Last touch', 'Linear', 'Time decay', 'Position based (U)']);
    assert.deepEqual(s.series[1].values, [150.1, 0]);
    assert.deepEqual(comparisonSeries(comparisonTable(COMPARISON), 'conversions').series[2].values, [1.5, 0.5]);
});

test('the spread names the model that credits a row most and least', () => {
    const t = comparisonTable(COMPARISON);
    assert.deepEqual(spread(t.rows[0], t.models), { most: { model: 'LAST_TOUCH', value: 150.1 },
        least: { model: 'FIRST_TOUCH', value: 100 } });
    assert.equal(spread(t.rows[1], t.models).most.model, 'FIRST_TOUCH');
});

test('an empty comparison has no rows and zero totals', () => {
    const t = comparisonTable({ currency: 'USD', models: ['LINEAR'], rows: [] });
    assert.deepEqual(t.rows, []);
    assert.deepEqual(t.totals.LINEAR, { conversions: 0, revenue: { amount: '0.00', currency: 'USD' } });
});

test('decimal amounts add up exactly', () => {
    assert.equal(sumAmounts(['0.10', '0.20']), '0.30');
    assert.equal(sumAmounts(['10', '-2.5']), '7.50');
    assert.equal(sumAmounts(['0.0001', '0.0002']), '0.0003');
    assert.equal(sumAmounts([]), '0.00');
    assert.equal(sumAmounts(['-3.25']), '-3.25');
});

test('ROI rows become spend and revenue series in the rows\' order', () => {
    const s = roiSeries({ rows: [
        { key: 'a', label: 'Spring sale', spend: { amount: '60.00' }, revenue: { amount: '120.00' } },
        { key: 'unassigned', label: 'Not tied to a campaign', spend: { amount: '30.00' }, revenue: { amount: '0.00' } }] });
    assert.deepEqual(s.keys, ['a', 'unassigned']);
    assert.deepEqual(s.series, [{ name: 'Spend', values: [60, 30] }, { name: 'Attributed revenue', values: [120, 0] }]);
    assert.equal(amountOf(null), 0);
});

test('the funnel keeps its stages in order with rates within 0..1', () => {
    const f = funnelSeries({ stages: [{ stage: 'IMPRESSIONS', count: 100 }, { stage: 'ENGAGED', count: 40, rate: 0.4, dropOff: 0.6 },
        { stage: 'CLICKS', count: 40, rate: 1.2, dropOff: -0.2 }] });
    assert.deepEqual(f.labels, ['Impressions', 'Engaged', 'Clicks']);
    assert.deepEqual(f.series[0].values, [100, 40, 40]);
    assert.deepEqual(f.rates, [null, 0.4, 1]);
    assert.deepEqual(f.dropOffs, [null, 0.6, 0]);
});

test('the period comes from the address, else the 28 days to today; a reversed one is said', () => {
    assert.deepEqual(period(new URLSearchParams(''), '2026-03-29', addDays),
        { from: '2026-03-02', to: '2026-03-29', model: 'LAST_TOUCH', error: null });
    assert.deepEqual(period(new URLSearchParams('from=2026-01-01&to=2026-01-31&model=LINEAR'), '2026-03-29', addDays),
        { from: '2026-01-01', to: '2026-01-31', model: 'LINEAR', error: null });
    assert.equal(period(new URLSearchParams('from=2026-02-01&to=2026-01-31'), '2026-03-29', addDays).error,
        'The start date is after the end date.');
    assert.equal(period(new URLSearchParams('from=yesterday&model=MAGIC'), '2026-03-29', addDays).model, 'LAST_TOUCH');
});

test('a tooltip names the row, the series and the exact value', () => {
    const data = { labels: ['Spring sale'], series: [{ name: 'Spend', values: [60] }, { name: 'Attributed revenue', values: [120.5] }] };
    const fmt = (/** @type {number} */ v) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(v);
    assert.deepEqual(tooltipText(data, 1, 0, fmt), { title: 'Spring sale', line: 'Attributed revenue: €120.50' });
});

test('the keyboard moves along the rows and between the series, never off the ends', () => {
    assert.deepEqual(step(null, 'ArrowRight', 2, 3), { series: 0, index: 0 });
    assert.deepEqual(step({ series: 0, index: 2 }, 'ArrowRight', 2, 3), { series: 0, index: 2 });
    assert.deepEqual(step({ series: 0, index: 1 }, 'ArrowDown', 2, 3), { series: 1, index: 1 });
    assert.deepEqual(step({ series: 1, index: 1 }, 'ArrowDown', 2, 3), { series: 1, index: 1 });
    assert.deepEqual(step({ series: 1, index: 1 }, 'Home', 2, 3), { series: 1, index: 0 });
    assert.deepEqual(step({ series: 1, index: 0 }, 'End', 2, 3), { series: 1, index: 2 });
    assert.equal(step({ series: 0, index: 0 }, 'a', 2, 3), null);
    assert.equal(step(null, 'ArrowRight', 2, 0), null);
});

test('comparison rows take the name given for their key, else their label', () => {
    const t = comparisonTable({ currency: 'EUR', models: ['LINEAR'], rows: [
        { key: 'p-1', label: 'p-1', models: {} }, { key: 'p-2', label: 'p-2', models: {} }, { key: null, models: {} }] },
        { 'p-1': 'Peonies, 20% off' });
    assert.deepEqual(t.rows.map(r => r.label), ['Peonies, 20% off', 'p-2', 'Not tied to a touchpoint']);
});
