import { ValidationError } from '@cal/core';
import { percentEncode } from './percent-encode.js';
import { signatureBaseString, type OAuthParam } from './base-string.js';

/** OAuth 1.0 signature methods SyncServer accepts. @public */
export type SignatureMethod = 'HMAC-SHA1' | 'PLAINTEXT';

/** RFC 5849 §3.4.2/§3.4.4 key: `enc(consumer secret)&enc(token secret)`; the `&` is always there. @public */
export function signingKey(consumerSecret: string, tokenSecret = ''): string {
  return `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
}

/** Base64 HMAC-SHA1 of `text` under `key`, on WebCrypto (no dependency, works in browsers). @public */
export async function hmacSha1(key: string, text: string): Promise<string> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(text)));
  let bin = '';
  for (const b of mac) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** What {@link signRequest} needs besides the request itself. @public */
export interface SignInput {
  /** HTTP method. */
  method: string;
  /** Full request URL; its query takes part in the signature. */
  url: string | URL;
  /** The oauth_* protocol parameters (without `oauth_signature`). */
  oauth: Readonly<Record<string, string>>;
  /** Consumer secret. */
  consumerSecret: string;
  /** Token (access) secret; empty when there is none. */
  tokenSecret?: string;
  /** Decoded form-body parameters, only for `application/x-www-form-urlencoded` bodies. */
  bodyParams?: readonly OAuthParam[];
}

/**
 * Computes `oauth_signature` (RFC 5849 §3.4) for the method named in `oauth.oauth_signature_method`.
 * @public
 */
export async function signRequest(input: SignInput): Promise<string> {
  const method = checkSignatureMethod(input.oauth['oauth_signature_method']);
  return signature(method, signingKey(input.consumerSecret, input.tokenSecret), input.method, input.url, [...Object.entries(input.oauth), ...(input.bodyParams ?? [])]);
}

/** `method` if SyncServer accepts it, else a `ValidationError` (RSA-SHA1 is not offered). @internal */
export function checkSignatureMethod(method: unknown): SignatureMethod {
  if (method === 'HMAC-SHA1' || method === 'PLAINTEXT') return method;
  throw new ValidationError('Unsupported OAuth signature method', { provider: 'syncserver', details: [{ field: 'signatureMethod', description: 'HMAC-SHA1 or PLAINTEXT' }] });
}

/** `oauth_signature` for a checked method and a ready signing key (RFC 5849 §3.4.2, §3.4.4). @internal */
export async function signature(method: SignatureMethod, key: string, httpMethod: string, url: string | URL, params: readonly OAuthParam[]): Promise<string> {
  return method === 'PLAINTEXT' ? key : hmacSha1(key, signatureBaseString(httpMethod, url, params));
}

/** RFC 5849 §3.5.1 `Authorization: OAuth realm="", name="enc(value)", …`. @public */
export function authorizationHeader(params: Readonly<Record<string, string>>, realm = ''): string {
  const pairs = Object.entries(params).map(([k, v]) => `${percentEncode(k)}="${percentEncode(v)}"`);
  return `OAuth realm="${realm}", ${pairs.join(', ')}`;
}

/** A 128-bit hex nonce from `crypto.getRandomValues` (RFC 5849 §3.3: unique per timestamp). @public */
export function createNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
