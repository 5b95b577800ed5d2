import type { HttpClient, HttpClientOptions, TokenSet } from '@cal/core';
import type { CronofyHosts } from './data-centers.js';
import type { CronofyClientOptions } from './types.js';

/**
 * What a `CronofyClient` holds, shared with the endpoints module it loads on demand.
 * A plain object rather than private fields because those modules are separate chunks.
 * @internal
 */
export interface ClientState {
  readonly options: CronofyClientOptions;
  readonly hosts: CronofyHosts;
  /** Options every `HttpClient` of this client shares (provider, base URL, timeout, retry, hooks). */
  readonly base: HttpClientOptions;
  /** The user-token client. */
  readonly http: HttpClient;
  /** The current tokens; the lazily loaded modules update them after a refresh or exchange. */
  tokens: TokenSet | undefined;
  /** Every secret this client may hold, scrubbed from errors whichever credential a call used. */
  readonly secrets: () => string[];
}
