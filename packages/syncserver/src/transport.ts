import { readText, type HttpClient } from '@cal/core';
import { toOCSSError } from './errors.js';
import { parseEntry, parseFeed, type AtomEntry } from './atom/parse.js';

const ATOM = 'application/atom+xml';

/**
 * The one place requests are made: Atom in and out, every failure re-thrown as its OCSS error.
 * @public
 */
export class Transport {
  constructor(
    /** The core HTTP client (retry, timeout, OAuth 1.0 signing, origin guard). */
    readonly http: HttpClient,
    /** API root, e.g. `https://api.obexcode.com/v2/`. */
    readonly root: string,
  ) {}

  /**
   * SyncServer's entries carry absolute `http://api.obexcode.com/…` links even when reached over
   * HTTPS (reference §4). Links to the API's own host are rebased onto the configured scheme and
   * port, so following them neither downgrades to http nor trips the credential origin guard.
   */
  url(href: string): string {
    const u = new URL(href, this.root);
    const r = new URL(this.root);
    if (u.hostname === r.hostname && u.origin !== r.origin) {
      u.protocol = r.protocol;
      u.port = r.port;
    }
    return u.href;
  }

  /** Sends a request; returns the response body text and status. */
  async send(method: string, url: string, body?: string, query?: Record<string, string | undefined>): Promise<{ status: number; text: string }> {
    try {
      const res = await this.http.request(this.url(url), {
        method,
        headers: body === undefined ? { accept: ATOM } : { accept: ATOM, 'content-type': ATOM },
        ...(body === undefined ? {} : { body }),
        ...(query ? { query } : {}),
      });
      return { status: res.status, text: await readText(res, 'syncserver') };
    } catch (err) {
      throw toOCSSError(err);
    }
  }

  /** GET a feed. */
  async feed(url: string, query?: Record<string, string | undefined>): Promise<AtomEntry[]> {
    return parseFeed((await this.send('GET', url, undefined, query)).text);
  }

  /** GET, POST or PUT returning an entry. */
  async entry(method: string, url: string, body?: string): Promise<AtomEntry> {
    return parseEntry((await this.send(method, url, body)).text);
  }
}
