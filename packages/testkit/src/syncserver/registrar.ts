import type { SimContext, SimHandler, SimServer } from '../sim/types.js';
import type { OAuth1Verifier } from './oauth1-verifier.js';
import type { Presenter } from './present.js';
import type { SyncServerState } from './state.js';
import { fail } from './atom.js';

/** What each route module gets. */
export interface Registrar {
  sim: SimServer;
  state: SyncServerState;
  present: Presenter;
  /** The portal user of a signed request; 401 without OAuth (reference §6). */
  auth(ctx: SimContext): string;
  /** As `auth`, but anonymous is allowed (phone database). */
  optionalAuth(ctx: SimContext): string | undefined;
  /** Registers a handler for a path with and without its trailing slash (the docs mix both, reference §1). */
  on(method: string, path: string, handler: SimHandler): void;
}

export function makeRegistrar(sim: SimServer, state: SyncServerState, present: Presenter, verifier: OAuth1Verifier): Registrar {
  const auth = (ctx: SimContext): string => {
    if (!verifier.present(ctx)) throw fail(401, 'oauth_problem=parameter_absent', { 'WWW-Authenticate': 'OAuth realm=""' });
    return verifier.verify(ctx);
  };
  return {
    sim,
    state,
    present,
    auth,
    optionalAuth: (ctx) => (verifier.present(ctx) ? verifier.verify(ctx) : undefined),
    on(method, path, handler) {
      sim.route(method, path, handler);
      sim.route(method, path.endsWith('/') ? path.slice(0, -1) : `${path}/`, handler);
    },
  };
}
