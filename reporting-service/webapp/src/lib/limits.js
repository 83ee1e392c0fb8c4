/**
 * What the platforms and funnel stages are, in one place.
 *
 * Caption limits: the same numbers content-service enforces (content-service Platform.captionLimit(), which
 * refuses a longer caption with 422 so a post never fails only when it is published). They follow the
 * platforms' published limits: X 280 characters, Pinterest pin description 500, Instagram and TikTok captions
 * 2,200, LinkedIn posts 3,000, SMS 1,600 (ten concatenated segments); the other platforms get the API's generic
 * 10,000. The API counts Unicode code points (see text.js for what that means for emoji).
 */

/** @type {readonly string[]} */
export const PLATFORMS = Object.freeze(['INSTAGRAM', 'TIKTOK', 'YOUTUBE', 'FACEBOOK', 'LINKEDIN', 'PINTEREST',
    'REDDIT', 'QUORA', 'X', 'TELEGRAM', 'WHATSAPP', 'DISCORD', 'EMAIL', 'SMS']);

/** @type {Readonly<Record<string, number>>} */
export const CAPTION_LIMITS = Object.freeze({
    X: 280,
    PINTEREST: 500,
    INSTAGRAM: 2200,
    TIKTOK: 2200,
    LINKEDIN: 3000,
    SMS: 1600
});

/** The API's limit for any platform not listed above. */
export const DEFAULT_CAPTION_LIMIT = 10000;

/** @param {string} platform */
export function captionLimit(platform) {
    return CAPTION_LIMITS[platform] || DEFAULT_CAPTION_LIMIT;
}

/** Funnel stages and the job of each (PRODUCT.md, "Post"). */
export const STAGES = Object.freeze([
    { id: 'ATTENTION', label: 'Attention', purpose: 'Stop the scroll: a hook that makes new people look.' },
    { id: 'INTEREST', label: 'Interest', purpose: 'Keep them watching: show what it is and why it matters.' },
    { id: 'TRUST', label: 'Trust', purpose: 'Proof: reviews, case studies, behind the scenes.' },
    { id: 'ACTION', label: 'Action', purpose: 'A clear next step: buy, book, sign up, send a message.' }
]);

/** @param {string} id */
export function stagePurpose(id) {
    const stage = STAGES.find(s => s.id === id);
    return stage ? stage.purpose : '';
}

export const STATUSES = Object.freeze(['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHING', 'AWAITING_HANDOFF',
    'PUBLISHED', 'FAILED']);

/** Statuses in which a post may still be edited (content-service PostStatus.EDITABLE: before publishing). */
export const EDITABLE = Object.freeze(['DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'FAILED']);

export const COST_CATEGORIES = Object.freeze(['AD_SPEND', 'PRODUCTION', 'TOOLS', 'AGENCY_FEE',
    'COMMUNITY_MANAGEMENT']);

export const EVENT_TYPES = Object.freeze(['IMPRESSION', 'VIEW', 'LIKE', 'COMMENT', 'SHARE', 'SAVE', 'CLICK',
    'FOLLOW', 'DM', 'MENTION']);

export const ROLES = Object.freeze(['ADMIN', 'MANAGER', 'CLIENT_VIEWER']);

export const SCOPES = Object.freeze(['content:read', 'content:write', 'engagement:read', 'engagement:write',
    'conversions:read', 'conversions:write', 'reports:read', 'costs:write']);

/**
 * A readable name for an enum constant: IN_REVIEW -> "In review".
 * @param {string} value
 */
export function humanize(value) {
    const text = String(value || '').toLowerCase().replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
}
