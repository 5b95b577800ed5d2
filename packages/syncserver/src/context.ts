import type { Transport } from './transport.js';

/** Shared by every collection and resource of one API instance. @internal */
export interface Context {
  readonly transport: Transport;
  /** Absolute URL of the API root, e.g. `https://api.obexcode.com/v2/`. */
  readonly root: string;
}
