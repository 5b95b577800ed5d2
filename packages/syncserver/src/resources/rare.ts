import { lazy } from '../lazy.js';
import { buildEntry } from '../atom/build.js';
import { parseEntry } from '../atom/parse.js';
import { invalid, protocolError } from '../errors.js';

/**
 * The on-demand module with the operations a typical app never calls: registering phones and
 * accounts, bindings, model detection, GData datastores (class methods cannot be tree-shaken, so
 * the public classes keep one-line delegates to it). @internal
 */
export const rareOps = lazy(() => import('./rare-ops.js'));

/**
 * What `rare-ops.ts` uses from the rest of the package, handed over instead of imported: a
 * runtime import from the on-demand module would make bundlers move all the code both need into
 * a second up-front chunk, and gzipping the up-front code as two files costs more than the
 * on-demand module saves. @internal
 */
export const kit = { buildEntry, parseEntry, invalid, protocolError };

/** Type of {@link kit}. @internal */
export type Kit = typeof kit;
