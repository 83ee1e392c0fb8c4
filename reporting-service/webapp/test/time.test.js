import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isoWithOffset, localDate, localDateTime, monthGrid, offsetMinutes, onDay, resolveLocal, weekDays,
    weekStart } from '../src/lib/time.js';
import { formatter, moneyAmount } from '../src/lib/format.js';

test('wall clock and offsets follow the zone rules', () => {
    assert.equal(offsetMinutes('Europe/Rome', Date.parse('2026-01-15T12:00:00Z')), 60);
    assert.equal(offsetMinutes('Europe/Rome', Date.parse('2026-07-15T12:00:00Z')), 120);
    assert.equal(offsetMinutes('America/Los_Angeles', Date.parse('2026-07-15T12:00:00Z')), -420);
    assert.equal(localDateTime('Europe/Rome', '2026-03-29T01:30:00Z'), '2026-03-29T03:30');
    assert.equal(localDate('Pacific/Auckland', '2026-06-30T13:00:00Z'), '2026-07-01');
});

test('an ordinary local time is that time', () => {
    const r = resolveLocal('Europe/Rome', '2026-03-02T09:00');
    assert.equal(r.kind, 'normal');
    assert.equal(new Date(r.instant).toISOString(), '2026-03-02T08:00:00.000Z');
    assert.equal(r.note, '');
    assert.equal(isoWithOffset('Europe/Rome', r.instant), '2026-03-02T09:00:00+01:00');
});

test('a local time in the spring-forward gap moves forward by the gap, as the API does', () => {
    const r = resolveLocal('Europe/Rome', '2026-03-29T02:30');
    assert.equal(r.kind, 'gap');
    assert.equal(new Date(r.instant).toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(localDateTime('Europe/Rome', r.instant), '2026-03-29T03:30');
    assert.match(r.note, /does not exist/);
    assert.match(r.note, /60 minutes later, at 2026-03-29 03:30/);
    const ny = resolveLocal('America/New_York', '2026-03-08T02:15');
    assert.equal(ny.kind, 'gap');
    assert.equal(localDateTime('America/New_York', ny.instant), '2026-03-08T03:15');
});

test('a local time that happens twice is its first occurrence', () => {
    const r = resolveLocal('Europe/Rome', '2026-10-25T02:30');
    assert.equal(r.kind, 'overlap');
    assert.equal(new Date(r.instant).toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(r.offset, 120);
    assert.match(r.note, /happens twice/);
    assert.match(r.note, /\+02:00/);
    // Lord Howe moves by 30 minutes.
    const lh = resolveLocal('Australia/Lord_Howe', '2026-04-05T01:45');
    assert.equal(lh.kind, 'overlap');
});

test('zones without daylight saving never report a gap or overlap', () => {
    for (const t of ['2026-03-29T02:30', '2026-10-25T02:30', '2026-03-08T02:15']) {
        assert.equal(resolveLocal('Asia/Tokyo', t).kind, 'normal');
        assert.equal(resolveLocal('UTC', t).kind, 'normal');
    }
});

test('weeks start on Monday and months are whole weeks', () => {
    assert.equal(weekStart('2026-12-02'), '2026-11-30');
    assert.deepEqual(weekDays('2026-12-06'), ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04',
        '2026-12-05', '2026-12-06']);
    // February 2027 starts on a Monday and has 28 days: exactly four weeks.
    const feb = monthGrid(2027, 2);
    assert.equal(feb.length, 4);
    assert.equal(feb[0][0].date, '2027-02-01');
    assert.ok(feb.flat().every(d => d.inMonth));
    // February 2026 starts on a Sunday: the grid starts on Monday 26 January.
    assert.equal(monthGrid(2026, 2)[0][0].date, '2026-01-26');
    assert.equal(monthGrid(2026, 2)[0][6].inMonth, true);
    const dec = monthGrid(2026, 12);
    assert.equal(dec[0][0].date, '2026-11-30');
    assert.equal(dec[0][0].inMonth, false);
    assert.equal(dec[dec.length - 1][6].date, '2027-01-03');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(onDay('2026-12-02T09:15', '2026-12-09'), '2026-12-09T09:15');
});

test('money is shown in the workspace currency and amounts are read as decimals', () => {
    const fmt = formatter({ currency: 'EUR', timeZone: 'Europe/Rome' }, 'en-US');
    assert.equal(fmt.money({ amount: '12.50', currency: 'EUR' }), '€12.50');
    assert.equal(fmt.money(null), '–');
    assert.equal(fmt.dateTime('2026-03-29T01:30:00Z'), 'Mar 29, 2026, 3:30 AM');
    assert.equal(moneyAmount('40'), '40');
    assert.equal(moneyAmount('12,50'), '12.50');
    assert.equal(moneyAmount('-1'), null);
    assert.equal(moneyAmount('1e3'), null);
});
