import { setError, type SetErrorEntry } from './errors.js';
import type { SetResponse } from './types/core.js';

/** Every rejected item of a `/set` response, none dropped. @internal */
export function setErrors(res: SetResponse<unknown>): SetErrorEntry[] {
  const out: SetErrorEntry[] = [];
  for (const [id, error] of Object.entries(res.notCreated ?? {})) out.push({ id, operation: 'create', error });
  for (const [id, error] of Object.entries(res.notUpdated ?? {})) out.push({ id, operation: 'update', error });
  for (const [id, error] of Object.entries(res.notDestroyed ?? {})) out.push({ id, operation: 'destroy', error });
  return out;
}

/** Throws the matching error when any item of a `/set` was rejected. @internal */
export function assertSetOk(method: string, callId: string, res: SetResponse<unknown>): void {
  const errors = setErrors(res);
  if (errors.length > 0) throw setError(method, callId, errors);
}
