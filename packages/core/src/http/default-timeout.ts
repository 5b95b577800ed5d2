/**
 * The timeout every `@cal/*` provider client applies unless its caller sets one: 30 s, as the
 * official Mobiscroll, Cronofy and Microsoft SDKs do. Core itself has no default (like `fetch`),
 * because following an AbortSignal is the largest per-request cost in Node 20's undici; the
 * provider packages, where a hung calendar server would otherwise hang the app, pay it.
 * @public
 */
export const DEFAULT_TIMEOUT = 30_000;
