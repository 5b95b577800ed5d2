import { ConflictError, ProtocolError, errorFromStatus, readText, type CalError, type HttpClient } from '@cal/core';
import { parseMultistatus, type Multistatus } from './dav/multistatus.js';
import { parseXml, type XmlElement } from '@cal/core/xml';
import { CALDAV, DAV } from './dav/namespaces.js';

/** Options of one DAV request. */
export interface DavRequest {
  body?: string;
  depth?: '0' | '1' | 'infinity';
  headers?: Record<string, string>;
  /** false disables retries (conditional writes, sync with a token). */
  idempotent?: boolean;
  contentType?: string;
  signal?: AbortSignal;
}

/** A response with its body already read. */
export interface DavReply {
  status: number;
  headers: Headers;
  text: string;
  url: string;
}

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
export function precondition(text: string): string | undefined {
  if (!text || !/<[^>]*error[\s>/]/.test(text)) return undefined;
  try {
    const root = parseXml(text);
    const err = root.ns === DAV && root.local === 'error' ? root : findError(root);
    return err?.children[0]?.local;
  } catch {
    return undefined;
  }
}

function findError(el: XmlElement): XmlElement | undefined {
  for (const c of el.children) {
    if (c.ns === DAV && c.local === 'error') return c;
    const d = findError(c);
    if (d) return d;
  }
  return undefined;
}

/** The CalDAV transport on top of core's HTTP client: one place for DAV headers and error mapping. */
export class DavTransport {
  /** The user's calendar addresses (RFC 6638 calendar-user-address-set), set by principal discovery. */
  addresses: string[] = [];
  constructor(readonly http: HttpClient) {}

  async send(method: string, url: string, req: DavRequest = {}): Promise<DavReply> {
    const headers: Record<string, string> = { ...req.headers };
    if (req.depth) headers['depth'] = req.depth;
    if (req.body !== undefined) headers['content-type'] ??= req.contentType ?? 'application/xml; charset=utf-8';
    const res = await this.http.request(url, {
      method,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...(req.idempotent !== undefined ? { idempotent: req.idempotent } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
      throwHttpErrors: false,
    });
    const text = await readText(res, 'caldav');
    return { status: res.status, headers: res.headers, text, url };
  }

  /** Maps a failed reply to the typed error (errorFromStatus), with the body for context. */
  error(reply: DavReply, method: string, message?: string): CalError {
    const pre = precondition(reply.text);
    return errorFromStatus(reply.status, reply.headers, {
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
  writeError(reply: DavReply, method: string, what: string): CalError {
    const ctx = { provider: 'caldav', method, url: reply.url, status: reply.status, body: reply.text.slice(0, 2048) };
    const pre = precondition(reply.text);
    if (reply.status === 412) return new ConflictError(`${what}: the resource changed on the server (precondition failed)`, { ...ctx, ...(pre ? { providerCode: pre } : { providerCode: 'etag-mismatch' }) });
    if (reply.status === 409) return new ConflictError(`${what}: conflict${pre ? ` (${pre})` : ''}`, { ...ctx, ...(pre ? { providerCode: pre } : {}) });
    if (reply.status === 403 && pre && CONFLICT_PRECONDITIONS.has(pre)) return new ConflictError(`${what}: conflict (${pre})`, { ...ctx, providerCode: pre });
    if (reply.status === 207) {
      let inner = 0;
      try {
        const ms = parseMultistatus(reply.text, reply.url, ctx);
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
      const innerPre = pre;
      if (inner === 412 || inner === 409 || (inner === 403 && (!innerPre || CONFLICT_PRECONDITIONS.has(innerPre))))
        return new ConflictError(`${what}: conflict (multistatus ${inner}${innerPre ? ` ${innerPre}` : ''})`, { ...ctx, ...(innerPre ? { providerCode: innerPre } : {}) });
      return new ProtocolError(`${what}: unexpected multistatus answer${inner ? ` (inner status ${inner})` : ''}`, ctx);
    }
    return this.error(reply, method, `${what} failed`);
  }

  /** Sends a PROPFIND/REPORT and parses the 207 multistatus; any other status throws. */
  async multistatus(method: string, url: string, req: DavRequest): Promise<Multistatus> {
    const reply = await this.send(method, url, req);
    if (reply.status !== 207) {
      if (reply.status >= 200 && reply.status < 300)
        throw new ProtocolError(`${method} answered ${reply.status} instead of 207 Multi-Status`, { provider: 'caldav', method, url, status: reply.status, body: reply.text.slice(0, 512) });
      throw this.error(reply, method);
    }
    return parseMultistatus(reply.text, url, { provider: 'caldav', method, url, status: 207 });
  }
}

export { CALDAV };
