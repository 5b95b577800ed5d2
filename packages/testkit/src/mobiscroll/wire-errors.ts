import { SimHttpError } from '../sim/sim-http-error.js';

/**
 * The three error body shapes Connect uses (reference §5.1), so clients must parse all of them:
 * `{error}`, `{error, message}` and `{message, code?, details?}`.
 */

/** Shape 1: `{ "error": "…" }` (overview, free-busy 403, not-found). @internal */
export const plainError = (status: number, error: string): SimHttpError => new SimHttpError(status, { error });

/** Shape 2: `{ "error": "Unauthorized", "message": "…" }` (scope-denied writes → 401). @internal */
export const scopeDenied = (): SimHttpError =>
  new SimHttpError(401, { error: 'Unauthorized', message: 'Write access denied for current scope' });

/** Shape 3: `{ "message", "code", "details" }` (validation; details as `{field: [msgs]}` like the Python tests). @internal */
export const validationError = (message: string, details: Record<string, string[]> = {}): SimHttpError =>
  new SimHttpError(400, { message, code: 'validation_error', details });

/** @internal */
export function requireStrings(body: Record<string, unknown>, fields: readonly string[]): void {
  const missing = fields.filter((f) => typeof body[f] !== 'string' || body[f] === '');
  if (missing.length) {
    throw validationError(`Missing required fields: ${missing.join(', ')}`, Object.fromEntries(missing.map((f) => [f, ['is required']])));
  }
}
