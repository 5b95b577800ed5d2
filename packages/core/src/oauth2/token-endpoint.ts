import * as oauth from 'oauth4webapi';
import type { TokenSet } from '../auth/tokens.js';
import type { Clock } from '../http/types.js';
import type { AuthenticationError, NetworkError } from '../errors/classes.js';
import type { isCalError } from '../errors/cal-error.js';
import type { OAuth2Options } from './options.js';

// Everything that talks to the token endpoint, on oauth4webapi. `createOAuth2Auth` loads this
// module with `import()` on the first token request (see load-token-endpoint.ts), so oauth4webapi
// (~8 KB min+gzip) stays out of an app's initial bundle until a code exchange, refresh, client
// credentials grant or revoke actually happens.

/** What the token endpoint client needs from its {@link createOAuth2Auth} instance. @internal */
export interface TokenEndpointContext {
  readonly options: OAuth2Options;
  readonly provider: string;
  readonly clock: Clock;
  /** Allow `http:` (computed once at construction). */
  readonly insecure: boolean;
  /** Current secrets, scrubbed from every error. */
  readonly secrets: () => string[];
  /**
   * Core's error classes, handed over rather than imported: this module then shares no code with
   * the initial bundle, so a bundler does not split core's errors into an extra shared chunk that
   * every app (even one that never refreshes) would load up front. They are the same classes, so
   * `instanceof` works as usual.
   */
  readonly errors: {
    readonly AuthenticationError: typeof AuthenticationError;
    readonly NetworkError: typeof NetworkError;
    readonly isCalError: typeof isCalError;
  };
}

/** The grants and revocation of one OAuth 2 client; every failure is a typed `CalError`. @internal */
export interface TokenEndpoint {
  refresh(previous: TokenSet & { refreshToken: string }): Promise<TokenSet>;
  clientCredentials(scopes: readonly string[] | undefined): Promise<TokenSet>;
  exchangeCode(
    input: { code: string } | { callbackUrl: string | URL; expectedState?: string },
    redirectUri: string,
    codeVerifier: string | undefined,
  ): Promise<TokenSet>;
  revoke(token: string, hint: 'refresh_token' | 'access_token'): Promise<void>;
}

/** Builds the {@link TokenEndpoint} of one client. @internal */
export function createTokenEndpoint(ctx: TokenEndpointContext): TokenEndpoint {
  const { options, provider, clock, insecure, secrets } = ctx;
  const { AuthenticationError, NetworkError, isCalError } = ctx.errors;
  const as: oauth.AuthorizationServer = {
    issuer: options.issuer ?? new URL(options.tokenEndpoint).origin,
    token_endpoint: options.tokenEndpoint,
    ...(options.authorizationEndpoint ? { authorization_endpoint: options.authorizationEndpoint } : {}),
    ...(options.revocationEndpoint ? { revocation_endpoint: options.revocationEndpoint } : {}),
  };
  const client: oauth.Client = { client_id: options.clientId };
  const clientAuth = (): oauth.ClientAuth => {
    const mode = options.clientAuth ?? (options.clientSecret ? 'basic' : 'none');
    if (mode === 'none' || !options.clientSecret) return oauth.None();
    return mode === 'post' ? oauth.ClientSecretPost(options.clientSecret) : oauth.ClientSecretBasic(options.clientSecret);
  };
  const requestOptions = () => ({
    // Looked up per call so a fetch installed after construction (tests, proxies) applies.
    [oauth.customFetch]: (url: string, init: RequestInit) => (options.fetch ?? globalThis.fetch)(url, init),
    [oauth.allowInsecureRequests]: insecure,
    ...(options.extraTokenParams ? { additionalParameters: options.extraTokenParams } : {}),
  });

  function toTokenSet(r: oauth.TokenEndpointResponse, previous?: TokenSet): TokenSet {
    const { access_token, refresh_token, expires_in, token_type, scope, id_token, ...extra } = r;
    return {
      accessToken: access_token,
      // RFC 6749 §6: a refresh response may omit refresh_token, meaning "keep the old one".
      ...(refresh_token ?? previous?.refreshToken ? { refreshToken: (refresh_token ?? previous?.refreshToken)! } : {}),
      ...(typeof expires_in === 'number' ? { expiresAt: clock.now() + expires_in * 1000 } : {}),
      tokenType: token_type,
      ...(scope ?? previous?.scope ? { scope: (scope ?? previous?.scope)! } : {}),
      ...(id_token ? { idToken: id_token } : {}),
      ...(Object.keys(extra).length ? { extra } : {}),
    };
  }

  function authFailure(message: string, cause: unknown): InstanceType<typeof AuthenticationError> {
    if (cause instanceof AuthenticationError) return cause;
    const body = cause instanceof oauth.ResponseBodyError ? cause : undefined;
    const desc = body ? `${body.error}${body.error_description ? `: ${body.error_description}` : ''}` : undefined;
    return new AuthenticationError(desc ? `${message} (${desc})` : message, {
      cause,
      provider,
      ...(body ? { status: body.status, providerCode: body.error } : {}),
      secrets: secrets(),
    });
  }

  async function tokenCall<T>(message: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      if (isCalError(cause)) throw cause;
      // fetch itself failed: the token endpoint was unreachable, which is not an auth failure.
      if (cause instanceof TypeError && !(cause as { code?: string }).code?.startsWith('ERR_')) {
        throw new NetworkError(`${message}: token endpoint unreachable`, { cause, provider, url: options.tokenEndpoint });
      }
      throw authFailure(message, cause);
    }
  }

  return {
    refresh: (previous) =>
      tokenCall('Token refresh failed', async () => {
        const res = await oauth.refreshTokenGrantRequest(as, client, clientAuth(), previous.refreshToken, requestOptions());
        return toTokenSet(await oauth.processRefreshTokenResponse(as, client, res), previous);
      }),

    clientCredentials: (scopes) =>
      tokenCall('Client credentials grant failed', async () => {
        const params = new URLSearchParams();
        const scope = (scopes ?? options.scopes ?? []).join(' ');
        if (scope) params.set('scope', scope);
        const res = await oauth.clientCredentialsGrantRequest(as, client, clientAuth(), params, requestOptions());
        return toTokenSet(await oauth.processClientCredentialsResponse(as, client, res));
      }),

    async exchangeCode(input, redirectUri, codeVerifier) {
      const params = await tokenCall('Authorization response rejected', async () =>
        'code' in input
          ? oauth.validateAuthResponse(as, client, new URLSearchParams({ code: input.code }), oauth.skipStateCheck)
          : oauth.validateAuthResponse(as, client, new URL(String(input.callbackUrl)), input.expectedState ?? oauth.skipStateCheck),
      );
      return tokenCall('Authorization code exchange failed', async () => {
        const res = await oauth.authorizationCodeGrantRequest(
          as, client, clientAuth(), params, redirectUri, codeVerifier ?? oauth.nopkce, requestOptions(),
        );
        return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, res));
      });
    },

    revoke: (token, hint) =>
      tokenCall('Token revocation failed', async () => {
        const res = await oauth.revocationRequest(as, client, clientAuth(), token, {
          ...requestOptions(),
          additionalParameters: { token_type_hint: hint },
        });
        await oauth.processRevocationResponse(res);
      }),
  };
}
