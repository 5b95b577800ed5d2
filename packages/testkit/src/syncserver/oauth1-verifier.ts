/**
 * Server-side OAuth 1.0 check (RFC 5849 §3.2), written independently of the client's signer on
 * `node:crypto`: the simulator must not trust the code it tests.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SimHttpError } from '../sim/sim-http-error.js';
import type { SimContext } from '../sim/types.js';

/** Portal-issued credentials of one simulated user. @public */
export interface SyncServerCredential {
  /** Portal user that owns the clients created with it. */
  user: string;
  consumerKey: string;
  consumerSecret: string;
  accessKey: string;
  accessSecret: string;
}

// RFC 3986 unreserved only, uppercase hex (RFC 5849 §3.6).
const enc = (s: string): string =>
  Buffer.from(s, 'utf8')
    .toString('binary')
    .split('')
    .map((ch) => (/[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

function formPairs(text: string): [string, string][] {
  if (!text) return [];
  return text.split('&').filter(Boolean).map((part) => {
    const i = part.indexOf('=');
    const dec = (x: string): string => decodeURIComponent(x.replace(/\+/g, ' '));
    return i < 0 ? [dec(part), ''] : [dec(part.slice(0, i)), dec(part.slice(i + 1))];
  });
}

function unauthorized(problem: string): SimHttpError {
  return new SimHttpError(401, `oauth_problem=${problem}`, { 'WWW-Authenticate': 'OAuth realm=""', 'Content-Type': 'text/plain' });
}
function bad(problem: string): SimHttpError {
  return new SimHttpError(400, `oauth_problem=${problem}`, { 'Content-Type': 'text/plain' });
}

/** Verifier state: known credentials and the nonces already seen. */
export class OAuth1Verifier {
  private readonly seen = new Set<string>();
  /** Accepted clock skew of `oauth_timestamp`, in seconds. */
  windowSeconds = 600;
  /** Number of requests rejected for a replayed nonce (tests read it). */
  replays = 0;

  constructor(readonly credentials: SyncServerCredential[]) {}

  reset(): void {
    this.seen.clear();
    this.replays = 0;
  }

  /** True when the request carries OAuth parameters (header or query). */
  present(ctx: SimContext): boolean {
    return /^OAuth\s/i.test(ctx.headers['authorization'] ?? '') || ctx.query.has('oauth_consumer_key');
  }

  /** Verifies the request; returns the portal user or throws 400/401 as RFC 5849 §3.2 says. */
  verify(ctx: SimContext): string {
    const header = ctx.headers['authorization'] ?? '';
    const protocol = new Map<string, string>();
    const put = (k: string, v: string): void => {
      if (protocol.has(k)) throw bad('parameter_rejected'); // §3.1: each oauth param at most once
      protocol.set(k, v);
    };
    if (/^OAuth\s/i.test(header)) {
      for (const m of header.slice(6).matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) {
        if (m[1] !== 'realm') put(m[1]!, decodeURIComponent(m[2]!));
      }
    }
    const query = formPairs(ctx.url.search.slice(1));
    for (const [k, v] of query) if (k.startsWith('oauth_')) put(k, v);
    if (!protocol.has('oauth_consumer_key')) throw unauthorized('parameter_absent');
    for (const k of ['oauth_token', 'oauth_signature_method', 'oauth_signature']) if (!protocol.has(k)) throw bad('parameter_absent');
    const method = protocol.get('oauth_signature_method')!;
    if (method !== 'HMAC-SHA1' && method !== 'PLAINTEXT') throw bad('signature_method_rejected');
    if (protocol.has('oauth_version') && protocol.get('oauth_version') !== '1.0') throw bad('version_rejected');
    const cred = this.credentials.find((c) => c.consumerKey === protocol.get('oauth_consumer_key'));
    if (!cred) throw unauthorized('consumer_key_unknown');
    if (cred.accessKey !== protocol.get('oauth_token')) throw unauthorized('token_rejected');
    const ts = protocol.get('oauth_timestamp');
    const nonce = protocol.get('oauth_nonce');
    if (method === 'HMAC-SHA1' && (ts === undefined || nonce === undefined)) throw bad('parameter_absent');
    if (ts !== undefined) {
      if (!/^\d+$/.test(ts)) throw bad('timestamp_refused');
      if (Math.abs(Number(ts) - Date.now() / 1000) > this.windowSeconds) throw unauthorized('timestamp_refused');
    }
    const key = `${enc(cred.consumerSecret)}&${enc(cred.accessSecret)}`;
    let expected: string;
    if (method === 'PLAINTEXT') {
      expected = key;
    } else {
      const params: [string, string][] = [...query, ...[...protocol].filter(([k]) => !query.some(([q]) => q === k))];
      if (/^application\/x-www-form-urlencoded/i.test(ctx.headers['content-type'] ?? '')) params.push(...formPairs(ctx.body));
      const normalized = params
        .filter(([k]) => k !== 'oauth_signature')
        .map(([k, v]) => [enc(k), enc(v)] as const)
        .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
      // Base string URI (§3.4.1.2): the Host the client sent; the sim speaks plain http.
      const uri = `http://${(ctx.headers['host'] ?? '').toLowerCase()}${ctx.path}`;
      const base = `${ctx.method}&${enc(uri)}&${enc(normalized)}`;
      expected = createHmac('sha1', key).update(base).digest('base64');
    }
    const got = Buffer.from(protocol.get('oauth_signature')!);
    const want = Buffer.from(expected);
    if (got.length !== want.length || !timingSafeEqual(got, want)) throw unauthorized('signature_invalid');
    if (nonce !== undefined) {
      const id = `${cred.consumerKey}|${cred.accessKey}|${ts}|${nonce}`;
      if (this.seen.has(id)) {
        this.replays++;
        throw unauthorized('nonce_used');
      }
      this.seen.add(id);
    }
    return cred.user;
  }
}
