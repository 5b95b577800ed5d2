// Error mapping for failed DAV replies, loaded on the first failure (see on-demand.ts): a session
// where every request succeeds never downloads it. Only type imports; helpers arrive as `k`.
import type { CalError } from '@cal/core';
import type { XmlElement } from '@cal/core/xml';
import type { Kit } from './on-demand.js';
import type { DavReply } from './transport.js';

/** Precondition names (RFC 4791 §5.3.2, RFC 6638 §3.2.4.x, RFC 4918 §16) that mean "conflict", not "forbidden". */
const CONFLICT_PRECONDITIONS = new Set([
  'no-uid-conflict',
  'unique-scheduling-object-resource',
  'resource-must-be-null',
  'same-organizer-in-all-components',
  'allowed-organizer-scheduling-object-change',
  'allowed-attendee-scheduling-object-change',
]);

/** First precondition element name inside a `DAV:error` body, if any. */
export function precondition(k: Kit, text: string): string | undefined {
  if (!text || !/<[^>]*error[\s>/]/.test(text)) return undefined;
  try {
    const root = k.parseXml(text);
    const err = root.ns === k.DAV && root.local === 'error' ? root : findError(k, root);
    return err?.children[0]?.local;
  } catch {
    return undefined;
  }
}

function findError(k: Kit, el: XmlElement): XmlElement | undefined {
  for (const c of el.children) {
    if (c.ns === k.DAV && c.local === 'error') return c;
    const d = findError(k, c);
    if (d) return d;
  }
  return undefined;
}

/** `DavTransport.error`: errorFromStatus plus the DAV precondition, with the body for context. */
export function statusError(k: Kit, reply: DavReply, method: string, message?: string): CalError {
  const pre = precondition(k, reply.text);
  return k.errorFromStatus(reply.status, reply.headers, {
    provider: 'caldav',
    method,
    url: reply.url,
    body: reply.text.slice(0, 2048),
    ...(pre ? { providerCode: pre } : {}),
    ...(message ? { message } : {}),
  });
}

/**
 * Maps the answer to a conditional write (PUT/DELETE/MKCALENDAR). Servers report the same
 * conflict differently (servers.md §F): 412 (ETag), 409 (Radicale no-uid-conflict), 403 with a
 * precondition (Cyrus), or a 207 multistatus wrapping 412/403 (Xandikos). All become
 * ConflictError; nothing is retried or overwritten.
 */
export function writeError(k: Kit, reply: DavReply, method: string, what: string): CalError {
  const ctx = { provider: 'caldav', method, url: reply.url, status: reply.status, body: reply.text.slice(0, 2048) };
  const pre = precondition(k, reply.text);
  if (reply.status === 412) return new k.ConflictError(`${what}: the resource changed on the server (precondition failed)`, { ...ctx, ...(pre ? { providerCode: pre } : { providerCode: 'etag-mismatch' }) });
  if (reply.status === 409) return new k.ConflictError(`${what}: conflict${pre ? ` (${pre})` : ''}`, { ...ctx, ...(pre ? { providerCode: pre } : {}) });
  if (reply.status === 403 && pre && CONFLICT_PRECONDITIONS.has(pre)) return new k.ConflictError(`${what}: conflict (${pre})`, { ...ctx, providerCode: pre });
  if (reply.status === 207) {
    let inner = 0;
    try {
      const ms = k.parseMultistatus(reply.text, reply.url, ctx);
      for (const r of ms.responses) {
        const s = r.status ?? r.propstats.find((p) => p.status >= 300)?.status ?? 0;
        if (s >= 300) {
          inner = s;
          break;
        }
      }
    } catch {
      /* fall through */
    }
    if (inner === 412 || inner === 409 || (inner === 403 && (!pre || CONFLICT_PRECONDITIONS.has(pre))))
      return new k.ConflictError(`${what}: conflict (multistatus ${inner}${pre ? ` ${pre}` : ''})`, { ...ctx, ...(pre ? { providerCode: pre } : {}) });
    return new k.ProtocolError(`${what}: unexpected multistatus answer${inner ? ` (inner status ${inner})` : ''}`, ctx);
  }
  return statusError(k, reply, method, `${what} failed`);
}
