import { DEFAULT_TIMEOUT, createHttpClient, type FetchLike, type HttpClientOptions } from '@cal/core';
import { Transport } from './transport.js';
import { Phones } from './resources/phones.js';
import { Clients } from './resources/clients.js';
import type { SyncServerAuth } from './oauth1/syncserver-auth.js';
import type { SignatureMethod } from './oauth1/sign.js';
import type { Context } from './context.js';

/** Options of {@link SyncServerAPI}. @public */
export interface SyncServerOptions {
  /** Service root; `/v2/` is appended when the URL has no path. @default 'https://api.obexcode.com' */
  baseUrl?: string;
  /** OAuth 1.0 signature method. @default 'HMAC-SHA1' */
  signatureMethod?: SignatureMethod;
  /** `fetch` to use (tests, proxies). */
  fetch?: FetchLike;
  /** Per-request timeout in ms. @default 30000 */
  timeout?: number;
  /** Retry policy of core's HTTP client (idempotent requests only). */
  retry?: HttpClientOptions['retry'];
  /** Redacted request observer. */
  onRequest?: HttpClientOptions['onRequest'];
}

/**
 * The ObexCode SyncServer API (OCSS `SyncServerAPI`). Without `auth` only the phone database works.
 * @example
 * ```ts
 * const api = new SyncServerAPI(new SyncServerAuth(ck, cs, ak, as));
 * for await (const vendor of api.phones.vendors) console.log(vendor.name, await vendor.models.size());
 * ```
 * @public
 */
export class SyncServerAPI {
  /** The phone model database (vendors and models; read-only). */
  readonly phones: Phones;
  /** Clients of all kinds, their sub-collections and bindings. */
  readonly clients: Clients;

  constructor(auth?: SyncServerAuth, options: SyncServerOptions = {}) {
    const base = new URL(options.baseUrl ?? 'https://api.obexcode.com');
    const root = new URL(base.pathname === '/' ? '/v2/' : base.pathname.replace(/\/?$/, '/'), base).href;
    const http = createHttpClient({
      provider: 'syncserver',
      baseUrl: root,
      userAgent: '@cal/syncserver/0.1.0',
      ...(auth ? { auth: auth.strategy(options.signatureMethod) } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeout: options.timeout ?? DEFAULT_TIMEOUT,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    const ctx: Context = { transport: new Transport(http, root), root };
    this.phones = new Phones(ctx);
    this.clients = new Clients(ctx);
  }
}
