/**
 * `@cal/testkit/syncserver`: a stateful simulator of the ObexCode SyncServer API v2 (Atom, OAuth 1.0).
 * @packageDocumentation
 */
export {
  startSyncServerSimulator,
  SYNCSERVER_CREDENTIALS,
  type SyncServerSimulator,
  type SyncServerSimulatorOptions,
} from './syncserver/simulator.js';
export { OAuth1Verifier, type SyncServerCredential } from './syncserver/oauth1-verifier.js';
export { SyncServerState } from './syncserver/state.js';
export type {
  ClientKind,
  ClientRecord,
  ContentRecord,
  ChangeRecord,
  BindingRecord,
  PhoneBindingRecord,
  DetectionRecord,
  SentSms,
} from './syncserver/state.js';
