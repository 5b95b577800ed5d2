/**
 * `@cal/testkit`: test servers for the `@cal/*` clients — real CalDAV/JMAP/Redis servers on loopback
 * (`@cal/testkit/servers`) and a simulator harness (below) on which the stateful simulators of Graph,
 * Cronofy, Mobiscroll and SyncServer are built.
 * @packageDocumentation
 */

/** Package name. @public */
export const name = '@cal/testkit';

export { createSimServer } from './sim/sim-server.js';
export { SimHttpError } from './sim/sim-http-error.js';
export type {
  Fault,
  FaultInjector,
  FaultMatch,
  RecordedRequest,
  SimContext,
  SimHandler,
  SimResult,
  SimServer,
  SimServerOptions,
} from './sim/types.js';

export { createOAuthServer } from './sim/oauth/oauth-server.js';
export type { OAuthClient, OAuthGrant, OAuthServer, OAuthServerOptions } from './sim/oauth/types.js';

export { settleAfter, silentFetch, silentServer, type SettleResult } from './sim/silent-server.js';
