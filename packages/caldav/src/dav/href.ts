/**
 * Resolves an href from a multistatus against the request URL. Hrefs come relative
 * (`/test/cal/x.ics`), absolute, or — in Xandikos error bodies — as a URL-encoded absolute URL
 * (`http%3A//127.0.0.1/…`, servers.md §B.2), which we decode once before resolving.
 */
export function resolveHref(href: string, base: string | URL): string {
  let h = href.trim();
  if (/^https?%3A/i.test(h)) {
    try {
      h = decodeURIComponent(h);
    } catch {
      /* keep as is */
    }
  }
  return new URL(h, base).href;
}

/** Path identity for comparing hrefs: percent-decoding and a trailing slash are ignored. */
export function pathKey(url: string | URL): string {
  const u = new URL(url);
  let p = u.pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    /* malformed escape: compare raw */
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
