import { ProtocolError, readText, type CalError, type HttpClient } from '@cal/core';
import { parseMultistatus, type Multistatus } from './dav/multistatus.js';
import { CALDAV } from './dav/namespaces.js';
import { later } from './on-demand.js';

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

  /**
   * Maps a failed reply to its typed error (errorFromStatus plus the DAV precondition), with the
   * body for context. The mapping code (error-mapping.ts) loads on the first failure: a typical
   * session never needs it.
   */
  error(reply: DavReply, method: string, message?: string): Promise<CalError> {
    return later('statusError', reply, method, message);
  }

  /**
   * Maps the answer to a conditional write (PUT/DELETE/MKCALENDAR): servers report the same
   * conflict differently (servers.md §F), all become ConflictError; see error-mapping.ts.
   */
  writeError(reply: DavReply, method: string, what: string): Promise<CalError> {
    return later('writeError', reply, method, what);
  }

  /** Sends a PROPFIND/REPORT and parses the 207 multistatus; any other status throws. */
  async multistatus(method: string, url: string, req: DavRequest): Promise<Multistatus> {
    const reply = await this.send(method, url, req);
    if (reply.status !== 207) {
      if (reply.status >= 200 && reply.status < 300)
        throw new ProtocolError(`${method} answered ${reply.status} instead of 207 Multi-Status`, { provider: 'caldav', method, url, status: reply.status, body: reply.text.slice(0, 512) });
      throw await this.error(reply, method);
    }
    return parseMultistatus(reply.text, url, { provider: 'caldav', method, url, status: 207 });
  }
}

export { CALDAV };
