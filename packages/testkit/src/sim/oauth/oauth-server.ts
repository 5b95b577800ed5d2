import { SimHttpError } from '../sim-http-error.js';
import type { SimContext, SimResult, SimServer } from '../types.js';
import { NO_STORE, authenticateClient, hasClientCredentials, oauthError, requestParams } from './client-auth.js';
import { isValidVerifier, verifyPkce, type PkceMethod } from './pkce.js';
import { TokenStore, randomToken, type GrantRecord } from './token-store.js';
import type { OAuthClient, OAuthGrant, OAuthServer, OAuthServerOptions } from './types.js';

interface CodeRecord {
  clientId: string;
  /** As sent on the authorize request; RFC 6749 §4.1.3 requires the same value at the token endpoint. */
  redirectUri: string | null;
  userId: string;
  scope: string;
  challenge: string | null;
  method: PkceMethod;
  expiresAt: number;
  used: boolean;
  grantId: string | undefined;
}

interface EndpointPaths {
  authorizePath: string;
  tokenPath: string;
  revokePath: string;
}

function resolvePaths(
  o: { prefix?: string; authorizePath?: string; tokenPath?: string; revokePath?: string },
  fallback?: EndpointPaths,
): EndpointPaths {
  if (o.prefix === undefined && fallback) {
    return {
      authorizePath: o.authorizePath ?? fallback.authorizePath,
      tokenPath: o.tokenPath ?? fallback.tokenPath,
      revokePath: o.revokePath ?? fallback.revokePath,
    };
  }
  const prefix = (o.prefix ?? '/oauth').replace(/\/+$/, '');
  return {
    authorizePath: o.authorizePath ?? `${prefix}/authorize`,
    tokenPath: o.tokenPath ?? `${prefix}/token`,
    revokePath: o.revokePath ?? `${prefix}/revoke`,
  };
}

/** RFC 6749 §4.1.2 recommends a code lifetime of at most 10 minutes. */
const CODE_TTL_MS = 10 * 60 * 1000;

/**
 * Mounts an OAuth 2 authorization server (RFC 6749 code / refresh / client-credentials grants, PKCE per
 * RFC 7636, revocation per RFC 7009) on `sim`. Authorization auto-approves: the user is `login_hint`,
 * else `user_id`, else `'user-1'`. State is cleared by `sim.reset()`.
 * @public
 */
export function createOAuthServer(sim: SimServer, opts: OAuthServerOptions): OAuthServer {
  const paths = resolvePaths(opts);
  const clientAuth = opts.clientAuth ?? 'both';
  const ttl = opts.accessTokenTtlSeconds ?? 3600;
  const rotate = opts.rotateRefreshTokens ?? true;
  const defaultScope = (opts.scopes ?? []).join(' ');
  const store = new TokenStore();
  const codes = new Map<string, CodeRecord>();
  let now = opts.now ?? Date.now;
  let tokenRequests = 0;

  sim.onReset(() => {
    store.clear();
    codes.clear();
    tokenRequests = 0;
  });

  const findClient = (id: string | null): OAuthClient | undefined => opts.clients.find((c) => c.clientId === id);

  function toGrant(grant: GrantRecord, accessToken: string, scope: string = grant.scope): OAuthGrant {
    const out: OAuthGrant = { userId: grant.userId, clientId: grant.clientId, scope, accessToken, grantId: grant.id };
    if (grant.currentRefresh !== undefined) out.refreshToken = grant.currentRefresh;
    return out;
  }

  function tokenResponse(grant: GrantRecord, scope: string = grant.scope): SimResult {
    const accessToken = store.issueAccess(grant, now() + ttl * 1000, scope);
    const oauthGrant = toGrant(grant, accessToken, scope);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: ttl };
    if (grant.currentRefresh !== undefined) body['refresh_token'] = grant.currentRefresh;
    body['scope'] = scope;
    Object.assign(body, opts.tokenResponseExtras?.(oauthGrant));
    return { status: 200, headers: { ...NO_STORE }, body };
  }

  const authorizeHandler = (ctx: SimContext): SimResult => {
    const q = ctx.query;
    const client = findClient(q.get('client_id'));
    // RFC 6749 §4.1.2.1: with a bad client or redirect URI the server must NOT redirect.
    if (!client) throw oauthError(400, 'invalid_request', 'unknown or missing client_id');
    let redirectUri = q.get('redirect_uri');
    if (redirectUri !== null) {
      if (client.redirectUris && !client.redirectUris.includes(redirectUri)) {
        throw oauthError(400, 'invalid_request', 'redirect_uri is not registered for this client');
      }
    } else if (client.redirectUris?.length === 1) {
      redirectUri = client.redirectUris[0] as string;
    } else {
      throw oauthError(400, 'invalid_request', 'redirect_uri is required');
    }
    const target = new URL(redirectUri);
    const state = q.get('state');
    const redirect = (params: Record<string, string>): SimResult => {
      // RFC 6749 §3.1.2: keep the redirect URI's own query, add ours.
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      if (state !== null) target.searchParams.set('state', state);
      return { status: 302, headers: { Location: target.href } };
    };
    if (q.get('response_type') !== 'code') {
      return redirect({ error: 'unsupported_response_type', error_description: 'only response_type=code is supported' });
    }
    const challenge = q.get('code_challenge');
    // RFC 7636 §4.3: the method defaults to "plain".
    const method = q.get('code_challenge_method') ?? 'plain';
    if (method !== 'S256' && method !== 'plain') {
      return redirect({ error: 'invalid_request', error_description: 'transform algorithm not supported' });
    }
    if (challenge === null && client.clientSecret === undefined) {
      return redirect({ error: 'invalid_request', error_description: 'code_challenge required for public clients' });
    }
    if (challenge !== null && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)) {
      return redirect({ error: 'invalid_request', error_description: 'malformed code_challenge' });
    }
    const code = randomToken('code_');
    codes.set(code, {
      clientId: client.clientId,
      redirectUri: q.get('redirect_uri'),
      userId: q.get('login_hint') ?? q.get('user_id') ?? 'user-1',
      scope: q.get('scope') ?? defaultScope,
      challenge,
      method,
      expiresAt: now() + CODE_TTL_MS,
      used: false,
      grantId: undefined,
    });
    return redirect({ code });
  };

  const tokenHandler = (ctx: SimContext): SimResult => {
    tokenRequests += 1;
    const params = requestParams(ctx);
    const client = authenticateClient(ctx, params, opts.clients, clientAuth);
    const grantType = params.get('grant_type');
    if (grantType === null) throw oauthError(400, 'invalid_request', 'grant_type is required');
    switch (grantType) {
      case 'authorization_code':
        return exchangeCode(params, client);
      case 'refresh_token':
        return refresh(params, client);
      case 'client_credentials': {
        // RFC 6749 §4.4: confidential clients only; §4.4.3: no refresh token.
        if (client.clientSecret === undefined) {
          throw oauthError(400, 'unauthorized_client', 'public clients cannot use client_credentials');
        }
        const grant = store.createGrant(`app:${client.clientId}`, client.clientId, params.get('scope') ?? defaultScope, false);
        return tokenResponse(grant);
      }
      default:
        throw oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
    }
  };

  function exchangeCode(params: URLSearchParams, client: OAuthClient): SimResult {
    const code = params.get('code');
    if (code === null) throw oauthError(400, 'invalid_request', 'code is required');
    const rec = codes.get(code);
    if (!rec || rec.expiresAt <= now() || rec.clientId !== client.clientId) {
      throw oauthError(400, 'invalid_grant', 'authorization code is invalid or expired');
    }
    if (rec.used) {
      // RFC 6749 §4.1.2: a code used twice SHOULD revoke the tokens issued from it.
      if (rec.grantId !== undefined) store.revokeGrant(rec.grantId);
      throw oauthError(400, 'invalid_grant', 'authorization code was already used');
    }
    if (rec.redirectUri !== null && params.get('redirect_uri') !== rec.redirectUri) {
      throw oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
    }
    const verifier = params.get('code_verifier');
    if (rec.challenge !== null) {
      if (verifier === null || !isValidVerifier(verifier) || !verifyPkce(verifier, rec.challenge, rec.method)) {
        throw oauthError(400, 'invalid_grant', 'PKCE verification failed');
      }
    } else if (verifier !== null) {
      throw oauthError(400, 'invalid_grant', 'code_verifier sent but no code_challenge was');
    }
    rec.used = true;
    const grant = store.createGrant(rec.userId, rec.clientId, rec.scope, true);
    rec.grantId = grant.id;
    return tokenResponse(grant);
  }

  function refresh(params: URLSearchParams, client: OAuthClient): SimResult {
    const token = params.get('refresh_token');
    if (token === null) throw oauthError(400, 'invalid_request', 'refresh_token is required');
    const found = store.lookupRefresh(token);
    if (!('grant' in found) || found.grant.clientId !== client.clientId) {
      throw oauthError(400, 'invalid_grant', 'refresh token is invalid, expired or revoked');
    }
    if (found.state === 'rotated') {
      // RFC 9700 §4.14.2: reuse of a rotated refresh token signals theft; optionally kill the family.
      if (opts.revokeFamilyOnReuse) store.revokeGrant(found.grant.id);
      throw oauthError(400, 'invalid_grant', 'refresh token was already used');
    }
    const grant = found.grant;
    let scope = grant.scope;
    const requested = params.get('scope');
    if (requested !== null) {
      // RFC 6749 §6: the new scope must not exceed the original grant.
      const granted = new Set(grant.scope.split(' ').filter(Boolean));
      const wanted = requested.split(' ').filter(Boolean);
      if (wanted.some((s) => !granted.has(s))) throw oauthError(400, 'invalid_scope', 'scope exceeds the original grant');
      scope = wanted.join(' ');
    }
    if (rotate) store.rotateRefresh(grant);
    return tokenResponse(grant, scope);
  }

  const revokeHandler = (ctx: SimContext): SimResult => {
    const params = requestParams(ctx);
    const required = (opts.revokeClientAuth ?? 'required') === 'required';
    const client =
      required || hasClientCredentials(ctx, params) ? authenticateClient(ctx, params, opts.clients, clientAuth) : undefined;
    const token = params.get('token');
    if (token === null) throw oauthError(400, 'invalid_request', 'token is required');
    const grant = store.grantOf(token);
    if (grant && client && grant.clientId !== client.clientId) {
      // RFC 7009 §2.1: a token issued to another client is refused.
      throw oauthError(400, 'unauthorized_client', 'token was issued to another client');
    }
    // RFC 7009 §2.2: unknown or already-invalid tokens still get 200; `token_type_hint` is only a hint.
    store.revokeToken(token);
    if (grant && opts.revokeAllForUser) {
      for (const g of store.grants.values()) if (g.userId === grant.userId && g.clientId === grant.clientId) g.revoked = true;
    }
    return { status: 200, headers: { ...NO_STORE } };
  };

  function mount(target: SimServer, p: EndpointPaths): { authorizeUrl: string; tokenUrl: string; revokeUrl: string } {
    target.route('GET', p.authorizePath, authorizeHandler);
    target.route('POST', p.tokenPath, tokenHandler);
    target.route('POST', p.revokePath, revokeHandler);
    return {
      authorizeUrl: `${target.url}${p.authorizePath}`,
      tokenUrl: `${target.url}${p.tokenPath}`,
      revokeUrl: `${target.url}${p.revokePath}`,
    };
  }
  const urls = mount(sim, paths);

  function authenticate(ctx: SimContext): OAuthGrant | undefined {
    const token = ctx.bearer();
    if (token === undefined) return undefined;
    const found = store.lookupAccess(token, now());
    return found ? toGrant(found.grant, token, found.scope) : undefined;
  }

  return {
    ...urls,
    mount(other, overrides = {}) {
      return mount(other, resolvePaths(overrides, paths));
    },
    get tokenRequests() {
      return tokenRequests;
    },
    authenticate,
    requireAuth(ctx: SimContext): OAuthGrant {
      const grant = authenticate(ctx);
      if (grant) return grant;
      // RFC 6750 §3.1: no error code when the request carried no token at all.
      const challenge =
        ctx.bearer() === undefined
          ? 'Bearer realm="sim"'
          : 'Bearer realm="sim", error="invalid_token", error_description="The access token is invalid or expired"';
      throw new SimHttpError(401, { error: 'invalid_token' }, { 'WWW-Authenticate': challenge });
    },
    expireAccessTokens(): void {
      store.expireAllAccess(now());
    },
    issue({ userId, clientId, scope }) {
      if (!findClient(clientId)) throw new Error(`sim oauth: unknown client ${clientId}`);
      const grant = store.createGrant(userId, clientId, scope ?? defaultScope, true);
      const accessToken = store.issueAccess(grant, now() + ttl * 1000);
      return { accessToken, refreshToken: grant.currentRefresh as string, expiresIn: ttl };
    },
    revokeUser(userId: string): void {
      for (const g of store.grants.values()) if (g.userId === userId) g.revoked = true;
    },
    setNow(fn: () => number): void {
      now = fn;
    },
  };
}
