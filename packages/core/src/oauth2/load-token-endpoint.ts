import { AuthenticationError } from '../errors/classes.js';
import type { TokenEndpoint, TokenEndpointContext } from './token-endpoint.js';

// One import per process, shared by every OAuth 2 client. The token-endpoint module (and with it
// oauth4webapi, ~8 KB min+gzip) is only needed for token requests: an app that restores stored
// tokens and calls the API never loads it, and bundlers split it into its own chunk behind this
// `import()`. Importing our own module rather than `import('oauth4webapi')` directly lets bundlers
// tree-shake oauth4webapi inside that chunk (a namespace from `import()` keeps every export).
let loading: Promise<typeof import('./token-endpoint.js')> | undefined;

/**
 * Creates the {@link TokenEndpoint} of one client, loading its code on first use. A failed load
 * (the optional peer dependency oauth4webapi is not installed, a chunk failed to download) is not
 * cached, so a later call tries again.
 * @internal
 */
export async function loadTokenEndpoint(ctx: TokenEndpointContext): Promise<TokenEndpoint> {
  loading ??= import('./token-endpoint.js').catch((cause: unknown) => {
    loading = undefined;
    // A typed error instead of the loader's raw Error/TypeError, which a caller would otherwise
    // mistake for an unreachable token endpoint.
    throw new AuthenticationError('OAuth 2 token requests need the oauth4webapi package, which could not be loaded', {
      cause,
      provider: ctx.provider,
    });
  });
  return (await loading).createTokenEndpoint(ctx);
}
