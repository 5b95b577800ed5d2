import { percentEncode } from './percent-encode.js';

/** A request parameter as a decoded name/value pair; names may repeat (RFC 5849 §3.4.1.3.1). @public */
export type OAuthParam = readonly [name: string, value: string];

/**
 * RFC 5849 §3.4.1.2 base string URI: lowercase scheme and host, default port dropped, empty path
 * becomes `/`, no query or fragment. WHATWG `URL` already lowercases and drops :80/:443.
 * @public
 */
export function baseStringUri(url: string | URL): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname || '/'}`;
}

/**
 * RFC 5849 §3.4.1.3.2: encode each name and value, sort by encoded name then value (byte order),
 * join `name=value` with `&` (the `=` stays for empty values).
 * @public
 */
export function normalizeParams(params: readonly OAuthParam[]): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/**
 * RFC 5849 §3.4.1.1 signature base string. The URL's query is decoded as form data (`+` = space)
 * and joined with `params` (oauth_* and form-body parameters; `oauth_signature` and `realm` are
 * dropped here). Atom bodies are never part of it (§3.4.1.3.1: only form-encoded bodies are).
 * @public
 */
export function signatureBaseString(method: string, url: string | URL, params: readonly OAuthParam[]): string {
  const query = [...new URL(url).searchParams] as OAuthParam[];
  const all = [...query, ...params].filter(([k]) => k !== 'oauth_signature' && k !== 'realm');
  return [method.toUpperCase(), percentEncode(baseStringUri(url)), percentEncode(normalizeParams(all))].join('&');
}
