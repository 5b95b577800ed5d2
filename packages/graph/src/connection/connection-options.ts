import type { Clock, FetchLike, RequestHook, TokenSet, TokenStore } from '@cal/core';
import type { Protocol } from '../protocol/protocol.js';

/** O365 `auth_flow_type`. @public */
export type AuthFlowType = 'authorization' | 'public' | 'credentials';

/**
 * Options of {@link GraphConnection}; names and defaults follow O365's `Connection` (snake_case →
 * camelCase). Proxy and `verify_ssl` are a `fetch` concern: build one with `createNodeFetch` from
 * `@cal/core/node`.
 * @public
 */
export interface GraphConnectionOptions {
  /** Application (client) id. */
  clientId: string;
  /** Client secret; required for `authorization` and `credentials`, forbidden for `public`. */
  clientSecret?: string;
  /** Raw scopes or O365 helpers (`basic`, `calendar`, `calendar_all`, `calendar_shared`, …). @default ['basic', 'calendar_all'] */
  scopes?: readonly string[];
  /** @default 'authorization' */
  authFlowType?: AuthFlowType;
  /** Entra tenant (`common`, `organizations`, `consumers`, a GUID or a domain). `credentials` needs a real tenant. @default 'common' */
  tenantId?: string;
  /** Where tokens persist; implement `lock` to share one token between processes. @default MemoryTokenStore */
  tokenStore?: TokenStore;
  /** Key of this connection's tokens in the store. @default `graph:${tenantId}:${clientId}` */
  storeKey?: string;
  /** Start with these tokens (e.g. loaded elsewhere). */
  tokens?: TokenSet;
  /** Milliseconds between two requests (O365 `requests_delay`). @default 200 */
  requestsDelay?: number;
  /** Retries on 429/500/502/503/504, honouring `Retry-After` (O365 `request_retries`). @default 3 */
  requestRetries?: number;
  /** When false, `get/post/…` return non-2xx responses instead of throwing. @default true */
  raiseHttpErrors?: boolean;
  /** Per-request timeout in ms. @default 30000 */
  timeout?: number;
  /** Headers on every request; a caller's `Prefer` is comma-joined with the default one. */
  defaultHeaders?: Record<string, string>;
  /** Service protocol. @default new MSGraphProtocol() */
  protocol?: Protocol;
  /** `fetch` to use (proxy / custom CA: `createNodeFetch` from `@cal/core/node`). */
  fetch?: FetchLike;
  /** Redirect URI registered for the app. @default O365's nativeclient URI */
  redirectUri?: string;
  /** Identity platform host (sovereign clouds, tests). @default https://login.microsoftonline.com */
  authorityHost?: string;
  /** API base override (tests, proxies); its origin gets the token too. @default protocol.serviceUrl */
  baseUrl?: string;
  /** Called with every new token set, before it is used. */
  onTokensRefreshed?: (tokens: TokenSet) => void | Promise<void>;
  /** Observer of every request (redacted). */
  onRequest?: RequestHook;
  /** Injectable clock (tests). */
  clock?: Clock;
}

/** Per-call options of {@link GraphConnection.get} and friends. @public */
export interface GraphRequestOptions {
  /** Query parameters; arrays are comma-joined (OData `$select=a,b`). */
  params?: Record<string, string | number | boolean | undefined | readonly (string | number)[]>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeout?: number;
  /** Mark a POST/PATCH as safe to retry. */
  idempotent?: boolean;
}
