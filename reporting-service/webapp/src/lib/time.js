/**
 * Dates and times in a workspace's time zone, with no library: Intl.DateTimeFormat knows the zone rules.
 *
 * Local date-times are strings "2026-03-29T02:30" (what a person picks); instants are epoch milliseconds or
 * ISO strings with an offset. resolveLocal() applies content-service's rule (Schedules.resolve, API.md):
 * a local time that does not exist (the spring-forward gap) moves forward by the length of the gap, so 02:30
 * on 2026-03-29 in Europe/Rome is 03:30; a local time that exists twice (the autumn overlap) is its first,
 * earlier occurrence. The page sends local date-times and the API resolves them by the same rule; the page
 * only explains beforehand what will happen.
 */

const HOUR = 3600 * 1000;

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/** @param {string} zone */
function partsFormat(zone) {
    let format = formats.get(zone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
            month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
        formats.set(zone, format);
    }
    return format;
}

/**
 * The wall clock in a zone at an instant.
 * @param {string} zone
 * @param {number | string | Date} instant
 */
export function wallClock(zone, instant) {
    const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
    /** @type {Record<string, number>} */
    const p = {};
    for (const part of partsFormat(zone).formatToParts(new Date(ms))) {
        if (part.type !== 'literal') {
            p[part.type] = Number(part.value);
        }
    }
    return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
}

/** @param {number} n */
const two = n => String(n).padStart(2, '0');

/**
 * "yyyy-mm-dd" of an instant in a zone.
 * @param {string} zone
 * @param {Date | number} instant
 */
export function localDate(zone, instant) {
    const w = wallClock(zone, instant);
    return `${w.year}-${two(w.month)}-${two(w.day)}`;
}

/**
 * "yyyy-mm-ddThh:mm" of an instant in a zone.
 * @param {string} zone
 * @param {Date | number} instant
 */
export function localDateTime(zone, instant) {
    const w = wallClock(zone, instant);
    return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/**
 * The zone's offset from UTC in minutes at an instant (Europe/Rome in summer: 120).
 * @param {string} zone
 * @param {Date | number} instant
 */
export function offsetMinutes(zone, instant) {
    const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
    const w = wallClock(zone, ms);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * "+01:00" for 60 minutes.
 * @param {number} minutes
 */
export function formatOffset(minutes) {
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** @param {string} local "yyyy-mm-ddThh:mm[:ss]" */
function parseLocal(local) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
    if (!m) {
        throw new RangeError(`not a local date-time: ${local}`);
    }
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0));
}

/**
 * Where a local date-time falls in a zone, by content-service's rule.
 * @param {string} zone
 * @param {string} local
 * @returns {{kind: 'normal' | 'gap' | 'overlap', instant: number, offset: number, note: string}}
 */
export function resolveLocal(zone, local) {
    const asUtc = parseLocal(local);
    const offsets = [...new Set([offsetMinutes(zone, asUtc - 36 * HOUR), offsetMinutes(zone, asUtc),
        offsetMinutes(zone, asUtc + 36 * HOUR)])];
    const wanted = local.length === 16 ? local : local.slice(0, 16);
    const matches = offsets.map(o => asUtc - o * 60000)
        .filter(t => localDateTime(zone, t) === wanted && offsetMinutes(zone, t) === (asUtc - t) / 60000)
        .sort((a, b) => a - b);
    const unique = [...new Set(matches)];
    if (unique.length === 1) {
        return { kind: 'normal', instant: unique[0], offset: offsetMinutes(zone, unique[0]), note: '' };
    }
    if (unique.length > 1) {
        const first = unique[0];
        const offset = offsetMinutes(zone, first);
        const later = offsetMinutes(zone, unique[unique.length - 1]);
        return { kind: 'overlap', instant: first, offset,
            note: `${local.replace('T', ' ')} happens twice in ${zone} (the clocks go back): the post is scheduled `
                + `for the first, earlier occurrence (${formatOffset(offset)}), not the one at ${formatOffset(later)}.` };
    }
    // A gap: the offset before the change applies, which moves the time forward by the length of the gap.
    const before = Math.max(...offsets);
    const after = Math.min(...offsets);
    const earlierOffset = offsetMinutes(zone, asUtc - 36 * HOUR);
    const instant = asUtc - earlierOffset * 60000;
    const gap = Math.abs(before - after);
    return { kind: 'gap', instant, offset: offsetMinutes(zone, instant),
        note: `${local.replace('T', ' ')} does not exist in ${zone} (the clocks jump forward ${gap} minutes): `
            + `the post is scheduled ${gap} minutes later, at ${localDateTime(zone, instant).replace('T', ' ')}.` };
}

/**
 * The ISO string with the zone's offset for an instant: "2026-03-29T03:30:00+02:00".
 * @param {string} zone
 * @param {Date | number} instant
 */
export function isoWithOffset(zone, instant) {
    return `${localDateTime(zone, instant)}:00${formatOffset(offsetMinutes(zone, instant))}`;
}

/**
 * "yyyy-mm-dd" plus n days (calendar arithmetic, no zone).
 * @param {string} date
 * @param {number} days
 */
export function addDays(date, days) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

/**
 * ISO weekday of a date, Monday 1 .. Sunday 7.
 * @param {string} date
 */
export function isoWeekday(date) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day === 0 ? 7 : day;
}

/**
 * The Monday of the week holding the date.
 * @param {string} date
 */
export function weekStart(date) {
    return addDays(date, 1 - isoWeekday(date));
}

/**
 * The seven dates of the week holding the date, Monday first.
 * @param {string} date
 */
export function weekDays(date) {
    const monday = weekStart(date);
    return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/**
 * The month as whole weeks, Monday first: rows of seven {date, inMonth}.
 * @param {number} year
 * @param {number} month 1..12
 */
export function monthGrid(year, month) {
    const first = `${year}-${two(month)}-01`;
    const last = addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${two(month + 1)}-01`, -1);
    const rows = [];
    for (let start = weekStart(first); start <= last; start = addDays(start, 7)) {
        rows.push(Array.from({ length: 7 }, (_, i) => {
            const date = addDays(start, i);
            return { date, inMonth: date.slice(0, 7) === first.slice(0, 7) };
        }));
    }
    return rows;
}

/**
 * The local date-time with its date replaced, keeping the time of day: moving a post to another day.
 * @param {string} localDateTimeValue
 * @param {string} date
 */
export function onDay(localDateTimeValue, date) {
    return `${date}${localDateTimeValue.slice(10)}`;
}
