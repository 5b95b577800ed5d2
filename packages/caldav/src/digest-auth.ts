import type { AuthStrategy } from '@cal/core';
import { bad } from './errors.js';
import { md5 } from './md5.js';

interface Challenge {
  realm: string;
  nonce: string;
  qop?: string;
  opaque?: string;
  algorithm: string;
}

function parseChallenge(header: string): Challenge | undefined {
  const m = /Digest\s+(.*)$/i.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /([a-z0-9_-]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/gi;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m[1]!))) params[x[1]!.toLowerCase()] = x[2] !== undefined ? x[2].replace(/\\(.)/g, '$1') : x[3]!;
  if (!params['nonce']) return undefined;
  return {
    realm: params['realm'] ?? '',
    nonce: params['nonce'],
    ...(params['qop'] ? { qop: params['qop'] } : {}),
    ...(params['opaque'] ? { opaque: params['opaque'] } : {}),
    algorithm: (params['algorithm'] ?? 'MD5').toUpperCase(),
  };
}

async function hash(alg: string, s: string): Promise<string> {
  if (alg.startsWith('SHA-256')) {
    const d = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
    return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return md5(s);
}

/**
 * HTTP Digest (RFC 7616: MD5, MD5-sess, SHA-256, qop=auth) as a real challenge/response, unlike
 * tsdav's precomputed header. The first request goes out without credentials; the 401 challenge
 * is answered and the nonce reused (with an increasing nonce count) for later requests.
 * Note: Cyrus answers an anonymous PROPFIND on `/dav/` with 207 instead of 401 (servers.md §C.4),
 * so with Digest point the client at the principal or calendar home there, or use `basic`.
 * @public
 */
export function digest(username: string, password: string): AuthStrategy {
  if (typeof username !== 'string' || typeof password !== 'string')
    throw bad('digest', 'username', 'required', 'digest() needs a username and a password');
  let challenge: Challenge | undefined;
  let nc = 0;
  const last: string[] = [];
  return {
    kind: 'digest',
    async authorize(request) {
      if (!challenge) return request;
      const c = challenge;
      const url = new URL(request.url);
      const uri = url.pathname + url.search;
      const cnonce = [...globalThis.crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const ncHex = (++nc).toString(16).padStart(8, '0');
      let ha1 = await hash(c.algorithm, `${username}:${c.realm}:${password}`);
      if (c.algorithm.endsWith('-SESS')) ha1 = await hash(c.algorithm, `${ha1}:${c.nonce}:${cnonce}`);
      const ha2 = await hash(c.algorithm, `${request.method}:${uri}`);
      const qop = c.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
      const response = await hash(c.algorithm, qop ? `${ha1}:${c.nonce}:${ncHex}:${cnonce}:${qop}:${ha2}` : `${ha1}:${c.nonce}:${ha2}`);
      last.length = 0;
      last.push(response);
      const parts = [
        `username="${username.replace(/(["\\])/g, '\\$1')}"`,
        `realm="${c.realm}"`,
        `nonce="${c.nonce}"`,
        `uri="${uri}"`,
        `algorithm=${c.algorithm}`,
        `response="${response}"`,
        ...(qop ? [`qop=${qop}`, `nc=${ncHex}`, `cnonce="${cnonce}"`] : []),
        ...(c.opaque ? [`opaque="${c.opaque}"`] : []),
      ];
      const headers = new Headers(request.headers);
      headers.set('authorization', `Digest ${parts.join(', ')}`);
      return new Request(request, { headers });
    },
    onUnauthorized(_request, response) {
      const header = response.headers.get('www-authenticate') ?? '';
      const next = parseChallenge(header);
      if (!next) return false;
      // A second 401 for the same nonce (and not stale) means the password is wrong: give up.
      const stale = /stale\s*=\s*"?true/i.test(header);
      if (challenge && challenge.nonce === next.nonce && !stale) return false;
      challenge = next;
      nc = 0;
      return true;
    },
    secrets: () => [password, ...last],
  };
}
