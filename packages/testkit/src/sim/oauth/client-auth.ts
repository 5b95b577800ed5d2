import { SimHttpError } from '../sim-http-error.js';
import type { SimContext } from '../types.js';
import type { OAuthClient } from './types.js';

/** RFC 6749 §5.1: token responses (and errors) must not be cached. @internal */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/** RFC 6749 §5.2 error response. @internal */
export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): SimHttpError {
  return new SimHttpError(status, { error, error_description: description }, { ...NO_STORE, ...headers });
}

function invalidClient(description: string): SimHttpError {
  // RFC 6749 §5.2: 401 + WWW-Authenticate naming the scheme the client may use.
  return oauthError(401, 'invalid_client', description, { 'WWW-Authenticate': 'Basic realm="sim-oauth"' });
}

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * Parameters of a token / revocation request. RFC 6749 §3.2 mandates form encoding; JSON is accepted too
 * because Cronofy's documentation shows JSON token requests and Mobiscroll's revocation takes `{token}`.
 * @internal
 */
export function requestParams(ctx: SimContext): URLSearchParams {
  const type = ctx.headers['content-type'] ?? '';
  if (type.includes('json')) {
    let obj: Record<string, unknown>;
    try {
      obj = ctx.json<Record<string, unknown>>();
    } catch {
      throw oauthError(400, 'invalid_request', 'request body is not valid JSON');
    }
    const params = new URLSearchParams();
    if (obj && typeof obj === 'object') {
      for (const [k, v] of Object.entries(obj)) if (v !== undefined && v !== null) params.set(k, String(v));
    }
    return params;
  }
  return ctx.form();
}

/** Whether the request carries any client identification. @internal */
export function hasClientCredentials(ctx: SimContext, params: URLSearchParams): boolean {
  return ctx.basicAuth() !== undefined || params.has('client_id') || params.has('client_secret');
}

/**
 * Authenticates the client of a token / revocation request (RFC 6749 §2.3, §3.2.1). A public client only
 * identifies itself with `client_id`; a confidential one must present its secret by an allowed method.
 * @internal
 */
export function authenticateClient(
  ctx: SimContext,
  params: URLSearchParams,
  clients: readonly OAuthClient[],
  mode: 'basic' | 'body' | 'both',
): OAuthClient {
  const find = (id: string | null): OAuthClient | undefined => clients.find((c) => c.clientId === id);
  const basic = ctx.basicAuth();
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  if (basic && bodySecret !== null) {
    // RFC 6749 §2.3: "MUST NOT use more than one authentication method in each request".
    throw oauthError(400, 'invalid_request', 'client credentials sent both in the Authorization header and in the body');
  }
  if (basic) {
    if (mode === 'body') throw invalidClient('client_secret_basic is not accepted; send client_secret in the body');
    const id = formDecode(basic.user);
    if (bodyId !== null && bodyId !== id) throw oauthError(400, 'invalid_request', 'client_id in body differs from Basic');
    const client = find(id);
    if (!client || client.clientSecret === undefined || client.clientSecret !== formDecode(basic.pass)) {
      throw invalidClient('client authentication failed');
    }
    return client;
  }
  if (bodySecret !== null) {
    if (mode === 'basic') throw invalidClient('client_secret_post is not accepted; use HTTP Basic');
    const client = find(bodyId);
    if (!client || client.clientSecret === undefined || client.clientSecret !== bodySecret) {
      throw invalidClient('client authentication failed');
    }
    return client;
  }
  if (bodyId === null) throw invalidClient('client authentication required');
  const client = find(bodyId);
  if (!client) throw invalidClient('unknown client');
  if (client.clientSecret !== undefined) throw invalidClient('confidential client must authenticate');
  return client;
}
