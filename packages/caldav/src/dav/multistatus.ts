import { ProtocolError, type CalErrorOptions } from '@cal/core';
import { child, childText, children, parseXml, type XmlElement } from '@cal/core/xml';
import { resolveHref } from './href.js';
import { DAV } from './namespaces.js';

/** One `propstat` of a response. @public */
export interface DavPropstat {
  /** HTTP status of the propstat (200, 404…). */
  status: number;
  /** The `prop` element. */
  prop: XmlElement | undefined;
}

/** One `response` of a multistatus, href resolved to an absolute URL. @public */
export interface DavResponse {
  href: string;
  /** Response-level status (sync-collection deletions, multiget misses, 507 truncation). */
  status?: number;
  propstats: DavPropstat[];
  /** `DAV:error` body, when present (precondition names). */
  error?: XmlElement;
}

/** A parsed `DAV:multistatus`. @public */
export interface Multistatus {
  responses: DavResponse[];
  /** RFC 6578 `sync-token`, when the body carries one. */
  syncToken?: string;
}

/** Parses `HTTP/1.1 404 Not Found` → 404 (0 when unreadable). */
export function parseStatusLine(line: string | undefined): number {
  const m = line ? /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})/i.exec(line) : null;
  return m ? Number(m[1]) : 0;
}

/**
 * Parses an XML body, mapping every failure to ProtocolError. HTML error pages and other garbage
 * are thus reported as protocol errors, never as empty results.
 */
export function parseDavXml(text: string, ctx: CalErrorOptions): XmlElement {
  try {
    return parseXml(text);
  } catch (cause) {
    throw new ProtocolError(`Expected an XML body from the CalDAV server: ${(cause as Error).message}`, { ...ctx, cause, body: text.slice(0, 512) });
  }
}

/** Parses a `DAV:multistatus` body (RFC 4918 §14.16). */
export function parseMultistatus(text: string, base: string, ctx: CalErrorOptions): Multistatus {
  const root = parseDavXml(text, ctx);
  if (root.ns !== DAV || root.local !== 'multistatus')
    throw new ProtocolError(`Expected a DAV:multistatus body, got {${root.ns}}${root.local}`, { ...ctx, body: text.slice(0, 512) });
  const responses: DavResponse[] = [];
  for (const r of root.children) {
    if (r.ns !== DAV || r.local !== 'response') continue;
    const href = childText(r, DAV, 'href');
    if (!href) continue;
    let resolved: string;
    try {
      resolved = resolveHref(href, base);
    } catch (cause) {
      throw new ProtocolError('Unusable href in multistatus', { ...ctx, cause });
    }
    const status = childText(r, DAV, 'status');
    const error = child(r, DAV, 'error');
    responses.push({
      href: resolved,
      ...(status ? { status: parseStatusLine(status) } : {}),
      propstats: children(r, DAV, 'propstat').map((ps) => ({ status: parseStatusLine(childText(ps, DAV, 'status')), prop: child(ps, DAV, 'prop') })),
      ...(error ? { error } : {}),
    });
  }
  const token = childText(root, DAV, 'sync-token');
  return { responses, ...(token ? { syncToken: token } : {}) };
}

/** The first successful (2xx) value of property `{ns}local` in a response. */
export function prop(resp: DavResponse, ns: string, local: string): XmlElement | undefined {
  for (const ps of resp.propstats) {
    if (ps.status < 200 || ps.status > 299) continue;
    const el = child(ps.prop, ns, local);
    if (el) return el;
  }
  return undefined;
}

/** Trimmed text of a successful property, or undefined. */
export function propText(resp: DavResponse, ns: string, local: string): string | undefined {
  const el = prop(resp, ns, local);
  return el ? el.text.trim() : undefined;
}

/** Href text inside a property such as `current-user-principal` or `calendar-home-set`. */
export function propHref(resp: DavResponse, ns: string, local: string, base: string): string | undefined {
  const h = childText(prop(resp, ns, local), DAV, 'href');
  return h ? resolveHref(h, base) : undefined;
}
