/**
 * Counting a caption the way the API does.
 *
 * content-service measures a caption in Unicode code points (Java String.codePointCount), so that is what the
 * limit is checked against here too: a letter or a simple emoji (😀) is 1, an emoji with a skin tone (👍🏽) is 2
 * (the emoji plus the modifier), a flag (🇮🇹) is 2 (two regional indicators), a family (👨‍👩‍👧) is 5 (three
 * people and two zero-width joiners), an accented letter typed as e + combining accent is 2. What a person sees
 * as one character is a grapheme cluster (Intl.Segmenter); the counter shows that number beside the one the
 * limit applies to when they differ, so nobody is surprised by a 422.
 */

/** @param {string} text */
export function codePoints(text) {
    let count = 0;
    for (const _ of String(text || '')) {
        count += 1;
    }
    return count;
}

/** @param {string} text */
export function graphemes(text) {
    const value = String(text || '');
    if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
        let count = 0;
        for (const _ of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(value)) {
            count += 1;
        }
        return count;
    }
    return codePoints(value);
}

/**
 * The live counter of a caption against a limit.
 * @param {string} text
 * @param {number} limit
 */
export function captionCount(text, limit) {
    const used = codePoints(text);
    const seen = graphemes(text);
    const remaining = limit - used;
    let message = `${used} / ${limit}`;
    if (seen !== used) {
        message += ` (${seen} as you see them: emoji with modifiers count more)`;
    }
    if (remaining < 0) {
        message += ` · ${-remaining} over the limit`;
    }
    return { used, graphemes: seen, limit, remaining, over: remaining < 0, message };
}
