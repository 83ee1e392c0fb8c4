/** Numbers, money and times for people, in a workspace's currency and time zone. */

/**
 * @param {{currency: string, timeZone: string}} ws
 * @param {string} [locale]
 */
export function formatter(ws, locale) {
    const lang = locale || (typeof navigator !== 'undefined' && navigator.language) || 'en';
    const money = new Intl.NumberFormat(lang, { style: 'currency', currency: ws.currency });
    const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const dateTime = new Intl.DateTimeFormat(lang, { timeZone: ws.timeZone, dateStyle: 'medium', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(lang, { timeZone: ws.timeZone, hour: '2-digit', minute: '2-digit' });
    const day = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
    return {
        /** @param {{amount: string|number, currency?: string} | null | undefined} m */
        money: m => (m == null ? '–' : new Intl.NumberFormat(lang, { style: 'currency',
            currency: m.currency || ws.currency }).format(Number(m.amount))),
        /** @param {number | null | undefined} v */
        amount: v => (v == null ? '–' : money.format(v)),
        /** @param {number | null | undefined} v a count */
        number: v => (v == null ? '–' : count.format(v)),
        /** @param {string | null | undefined} iso */
        dateTime: iso => (iso ? dateTime.format(new Date(iso)) : '–'),
        /** @param {string} iso */
        time: iso => time.format(new Date(iso)),
        /** @param {string} date yyyy-mm-dd */
        day: date => day.format(new Date(`${date}T00:00:00Z`))
    };
}

/**
 * A decimal money amount as the API wants it: digits with at most the currency's minor digits.
 * @param {string} value
 * @returns {string | null} the normalised amount, or null when it is not a non-negative decimal
 */
export function moneyAmount(value) {
    const text = String(value || '').trim().replace(',', '.');
    return /^\d{1,12}(\.\d{1,4})?$/.test(text) ? text : null;
}
