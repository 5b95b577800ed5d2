import type { ValidationError } from '../errors/classes.js';
import type { AuthorizationRequest, OAuth2Auth } from './oauth2-auth.js';
import type { OAuth2Options } from './options.js';
import { randomToken, s256Challenge } from './pkce.js';

// `OAuth2Auth.authorizationUrl()`, loaded with `import()` on first use: only a login page needs it,
// so it stays out of the initial bundle of an app that runs on stored tokens. It builds the URL
// with URLSearchParams and WebCrypto, never oauth4webapi, so a login page does not load that either.

/**
 * Builds the RFC 6749 §4.1.1 authorization request URL, with `state` and PKCE S256 (RFC 7636).
 * `ValidationErrorClass` is core's class handed over by the caller, not imported, so this module
 * shares no code with the initial bundle (a shared chunk would be loaded up front).
 * @internal
 */
export async function buildAuthorizationUrl(
  options: OAuth2Options,
  opts: NonNullable<Parameters<OAuth2Auth['authorizationUrl']>[0]>,
  provider: string,
  ValidationErrorClass: typeof ValidationError,
): Promise<AuthorizationRequest> {
  if (!options.authorizationEndpoint) {
    throw new ValidationErrorClass('authorizationEndpoint is not configured', { provider, operation: 'authorizationUrl' });
  }
  const redirectUri = opts.redirectUri ?? options.redirectUri;
  if (!redirectUri) {
    throw new ValidationErrorClass('redirectUri is required', {
      provider,
      operation: 'authorizationUrl',
      details: [{ field: 'redirectUri', description: 'required' }],
    });
  }
  const url = new URL(options.authorizationEndpoint);
  const state = opts.state ?? randomToken();
  const p = url.searchParams;
  p.set('client_id', options.clientId);
  p.set('redirect_uri', redirectUri);
  p.set('response_type', 'code');
  const scope = (opts.scopes ?? options.scopes ?? []).join(' ');
  if (scope) p.set('scope', scope);
  p.set('state', state);
  let codeVerifier: string | undefined;
  if (opts.pkce ?? true) {
    codeVerifier = randomToken();
    p.set('code_challenge', await s256Challenge(codeVerifier));
    p.set('code_challenge_method', 'S256');
  }
  for (const [k, v] of Object.entries(opts.params ?? {})) p.set(k, v);
  return { url: url.toString(), state, ...(codeVerifier ? { codeVerifier } : {}) };
}
