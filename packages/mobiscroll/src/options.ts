import type { FetchLike, RequestHook, RetryOptions, TokenSet, TokenStore } from '@cal/core';

/** Default API base (every official SDK; reference §1). @public */
export const DEFAULT_BASE_URL = 'https://connect.mobiscroll.com/api';

/** Options of {@link MobiscrollConnectClient}. @public */
export interface MobiscrollConnectOptions {
  /** Connect application id. */
  clientId: string;
  /** Connect application secret (server side only). */
  clientSecret: string;
  /** The app's registered redirect URI (one per Connect application). */
  redirectUri: string;
  /** API base URL. @default 'https://connect.mobiscroll.com/api' */
  baseUrl?: string;
  /** Per-request timeout in ms. @default 30000 (as every official SDK) */
  timeout?: number;
  /** Where tokens persist (a database, Redis…). @default in memory */
  tokenStore?: TokenStore;
  /** Key of this user's tokens in `tokenStore`. @default `mobiscroll:<clientId>` */
  storeKey?: string;
  /** `fetch` to use. @default globalThis.fetch */
  fetch?: FetchLike;
  /** Token endpoint client authentication: HTTP Basic (every SDK) or in the form body (Postman). @default 'basic' */
  clientAuth?: 'basic' | 'post';
  /** Retry policy for idempotent requests (429/5xx/network). @default core's (2 retries) */
  retry?: RetryOptions | false;
  /** Redacted per-attempt request observer. */
  onRequest?: RequestHook;
  /** Tokens to start with, same as calling `auth.setCredentials` later. */
  tokens?: TokenSet;
}
