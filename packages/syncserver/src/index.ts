/**
 * `@cal/syncserver`: a client for the ObexCode SyncServer API v2 (Atom feeds over OAuth 1.0) with
 * the object model of ObexCode's Python client OCSS.
 * @packageDocumentation
 */
export { percentEncode } from './oauth1/percent-encode.js';
export { baseStringUri, normalizeParams, signatureBaseString, type OAuthParam } from './oauth1/base-string.js';
export { authorizationHeader, createNonce, hmacSha1, signRequest, signingKey, type SignInput, type SignatureMethod } from './oauth1/sign.js';
export { SyncServerAuth } from './oauth1/syncserver-auth.js';
