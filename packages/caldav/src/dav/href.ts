/**
 * Resolves an href from a multistatus against the request URL. Hrefs come relative
 * (`/test/cal/x.ics`), absolute, or — in Xandikos error bodies — as a URL-encoded absolute URL
 * (`http%3A//127.0.0.1/…`, servers.md §B.2), which we decode once before resolving.
 */
export function resolveHref(href: string, base: string | URL): string {
  let h = href.trim();
  // Fast path for the common absolute-path href made only of URL-safe characters: no URL parse
  // needed (a 5,000-response multistatus spends most of its time in \`new URL\` otherwise).
  if (h.charCodeAt(0) === 47 && h.charCodeAt(1) !== 47 && SAFE_PATH.test(h) && !h.includes('/.')) return originOf(base) + h;
  if (/^https?%3A/i.test(h)) {
    try {
      h = decodeURIComponent(h);
    } catch {
      /* keep as is */
    }
  }
  return new URL(h, base).href;
}

const SAFE_PATH = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/;
let lastBase = '';
let lastOrigin = '';
function originOf(base: string | URL): string {
  const b = typeof base === 'string' ? base : base.href;
  if (b !== lastBase) {
    lastBase = b;
    lastOrigin = new URL(b).origin;
  }
  return lastOrigin;
}

/** Path identity for comparing hrefs: percent-decoding and a trailing slash are ignored. */
export function pathKey(url: string | URL): string {
  const s = typeof url === 'string' ? url : url.href;
  const start = s.indexOf('/', s.indexOf('//') + 2);
  let p = start === -1 ? '/' : s.slice(start);
  const q = p.search(/[?#]/);
  if (q !== -1) p = p.slice(0, q);
  if (p.includes('%')) {
    try {
      p = decodeURIComponent(p);
    } catch {
      /* malformed escape: compare raw */
    }
  }
  return p.endsWith('/') && p.length > 1 ? p.slice(0, -1) : p;
}

/** Ensures a collection URL ends in `/` (RFC 4918 §5.2: collections are addressed with a trailing slash). */
export function asCollection(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

/** A safe resource name for a UID: the UID itself when it is URL-safe, otherwise a random UUID. */
export function resourceName(uid: string): string {
  return /^[A-Za-z0-9._@+-]{1,200}$/.test(uid) ? `${uid}.ics` : `${globalThis.crypto.randomUUID()}.ics`;
}
