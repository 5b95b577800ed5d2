import type { AuthStrategy } from '@cal/core';
import { authorizationHeader, checkSignatureMethod, createNonce, signature, signingKey, type SignatureMethod } from './sign.js';
import type { OAuthParam } from './base-string.js';
import { percentEncode } from './percent-encode.js';

/**
 * The four portal-issued OAuth 1.0 credentials (OCSS `SyncServerAuth`). SyncServer has no token
 * dance: consumer and access tokens are made ahead of time on the portal's "OAuth Tokens" page and
 * never expire (reference §2).
 * @public
 */
export class SyncServerAuth {
  constructor(
    /** Consumer key. */
    readonly consumerKey: string,
    /** Consumer secret. */
    readonly consumerSecret: string,
    /** Access token ("access key" in OCSS). */
    readonly accessKey: string,
    /** Access token secret. */
    readonly accessSecret: string,
  ) {}

  /**
   * An {@link AuthStrategy} for `createHttpClient` that signs every attempt afresh (new nonce and
   * timestamp, so a retry is never a replayed nonce) and puts the parameters in the
   * `Authorization` header, the placement SyncServer's docs recommend.
   */
  strategy(signatureMethod: SignatureMethod = 'HMAC-SHA1', now: () => number = Date.now): AuthStrategy {
    // An unsupported method fails here, when the API object is built, not on the first request.
    const method = checkSignatureMethod(signatureMethod);
    const key = signingKey(this.consumerSecret, this.accessSecret);
    return {
      kind: 'oauth1',
      // Also the encoded forms: a PLAINTEXT signature travels as enc(enc(cs)&enc(ts)) (RFC 5849 §3.4.4).
      secrets: () =>
        [...new Set([this.consumerSecret, this.accessSecret].flatMap((s) => [s, percentEncode(s), percentEncode(percentEncode(s))]))].filter(Boolean),
      authorize: async (request) => {
        const oauth: Record<string, string> = {
          oauth_consumer_key: this.consumerKey,
          oauth_nonce: createNonce(),
          oauth_signature_method: signatureMethod,
          oauth_timestamp: String(Math.floor(now() / 1000)),
          oauth_token: this.accessKey,
          oauth_version: '1.0',
        };
        const params: OAuthParam[] = Object.entries(oauth);
        // Only single-part form bodies are signed (RFC 5849 §3.4.1.3.1); Atom XML never is.
        if (/^application\/x-www-form-urlencoded/i.test(request.headers.get('content-type') ?? '')) {
          params.push(...new URLSearchParams(await request.clone().text()));
        }
        oauth['oauth_signature'] = await signature(method, key, request.method, request.url, params);
        const headers = new Headers(request.headers);
        headers.set('authorization', authorizationHeader(oauth));
        return new Request(request, { headers });
      },
    };
  }
}
