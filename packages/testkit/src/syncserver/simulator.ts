import { createSimServer } from '../sim/sim-server.js';
import type { SimServer } from '../sim/types.js';
import { OAuth1Verifier, type SyncServerCredential } from './oauth1-verifier.js';
import { Presenter } from './present.js';
import { makeRegistrar } from './registrar.js';
import { registerClients } from './routes-clients.js';
import { registerContent } from './routes-content.js';
import { registerPhones } from './routes-phones.js';
import { registerSyncengine } from './routes-syncengine.js';
import { SyncServerState } from './state.js';

/** Options of {@link startSyncServerSimulator}. @public */
export interface SyncServerSimulatorOptions {
  /** Loopback address to bind. @default '127.0.0.1' */
  host?: string;
  /** Portal credentials the service knows; default: users `alice` and `bob`. */
  credentials?: SyncServerCredential[];
}

/** A running SyncServer simulator. @public */
export interface SyncServerSimulator {
  /** Origin, e.g. `http://127.0.0.1:PORT` (pass as `baseUrl`; the client appends `/v2/`). */
  readonly url: string;
  /** The harness server (request log, fault injection). */
  readonly sim: SimServer;
  /** Service state: phone DB, clients, contents + change log, bindings, detections, sent SMS. */
  readonly state: SyncServerState;
  /** Known credentials (index 0 = alice, 1 = bob by default). */
  readonly credentials: SyncServerCredential[];
  /** OAuth 1.0 verifier (replay counter, timestamp window). */
  readonly oauth: OAuth1Verifier;
  /** Simulates the phone visiting the detection page: a model id, or null for "could not identify". */
  visitDetection(code: string, modelId: string | null): void;
  /** Restores the seeded state and forgets nonces, log and faults. */
  reset(): void;
  close(): Promise<void>;
}

/** Default portal credentials of the simulator. @public */
export const SYNCSERVER_CREDENTIALS: readonly SyncServerCredential[] = [
  { user: 'alice', consumerKey: 'ck-alice', consumerSecret: 'cs-alice&secret', accessKey: 'ak-alice', accessSecret: 'as-alice$1' },
  { user: 'bob', consumerKey: 'ck-bob', consumerSecret: 'cs-bob', accessKey: 'ak-bob', accessSecret: 'as-bob' },
];

/**
 * Starts the SyncServer API v2 simulator: the executable form of the contract in
 * `packages/syncserver/README.md` (reference: /work/shared/reference/syncserver.md).
 * @public
 */
export async function startSyncServerSimulator(opts: SyncServerSimulatorOptions = {}): Promise<SyncServerSimulator> {
  const sim = await createSimServer({ name: 'syncserver', ...(opts.host ? { host: opts.host } : {}) });
  const state = new SyncServerState();
  const credentials = (opts.credentials ?? SYNCSERVER_CREDENTIALS).map((c) => ({ ...c }));
  const oauth = new OAuth1Verifier(credentials);
  const present = new Presenter(() => sim.url, state);
  const r = makeRegistrar(sim, state, present, oauth);
  registerPhones(r);
  registerClients(r);
  registerContent(r);
  registerSyncengine(r);
  sim.onReset(() => {
    state.reset();
    oauth.reset();
  });
  return {
    url: sim.url,
    sim,
    state,
    credentials,
    oauth,
    visitDetection(code, modelId) {
      const d = state.detections.get(code);
      if (!d) throw new Error(`syncserver sim: no detection ${code}`);
      d.result = modelId;
    },
    reset: () => sim.reset(),
    close: () => sim.close(),
  };
}
