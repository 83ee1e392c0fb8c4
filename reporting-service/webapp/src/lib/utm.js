/**
 * The UTM parameters a post's tracked link carries (API.md, POST /posts; content-service TrackedLinks): the
 * landing URL with utm_source (the platform, lower case), utm_medium=social, utm_campaign (the campaign's
 * slug, when the post has a campaign) and utm_content (the post id, assigned when the post is saved). UTM
 * parameters already on the URL are replaced; other parameters and the fragment are kept.
 */

export const POST_ID_PLACEHOLDER = '{post id}';

/**
 * The campaign slug as content-service makes it (Slugs.of): accents dropped, lower case, runs of anything
 * but a-z0-9 become one hyphen, at most 60 characters; "campaign" when nothing is left.
 * @param {string} name
 */
export function slug(name) {
    const ascii = String(name || '').normalize('NFKD').replace(/\p{M}/gu, '');
    let value = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-+|-+$)/g, '');
    if (value.length > 60) {
        value = value.slice(0, 60).replace(/-+$/, '');
    }
    return value || 'campaign';
}

/**
 * Checks a landing URL the way the API wants it: absolute http(s).
 * @param {string} value
 * @returns {string | null} the problem, or null when fine
 */
export function landingUrlProblem(value) {
    if (!value) {
        return null;
    }
    let url;
    try {
        url = new URL(value);
    } catch (e) {
        return 'must be an absolute URL such as https://shop.example/offer';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return 'must start with http:// or https://';
    }
    return null;
}

/**
 * @param {string} landingUrl
 * @param {{platform: string, campaignSlug?: string | null, postId?: string | null}} post
 * @returns {{url: string, params: Array<[string, string]>} | null} null when there is no valid landing URL
 */
export function trackedDestination(landingUrl, post) {
    if (!landingUrl || landingUrlProblem(landingUrl)) {
        return null;
    }
    const hashAt = landingUrl.indexOf('#');
    const fragment = hashAt >= 0 ? landingUrl.slice(hashAt) : '';
    const withoutFragment = hashAt >= 0 ? landingUrl.slice(0, hashAt) : landingUrl;
    const queryAt = withoutFragment.indexOf('?');
    const head = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
    const query = queryAt >= 0 ? withoutFragment.slice(queryAt + 1) : '';
    const utmNames = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content'];
    const kept = query.split('&').filter(p => p !== '' && !utmNames.includes(p.split('=')[0]));
    /** @type {Array<[string, string]>} */
    const params = [['utm_source', String(post.platform || '').toLowerCase()], ['utm_medium', 'social']];
    if (post.campaignSlug) {
        params.push(['utm_campaign', post.campaignSlug]);
    }
    params.push(['utm_content', post.postId || POST_ID_PLACEHOLDER]);
    const all = kept.concat(params.map(([k, v]) => `${k}=${v}`));
    return { url: `${head}?${all.join('&')}${fragment}`, params };
}
