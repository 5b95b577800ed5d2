import { NetworkError, ProtocolError, isCalError, type CalError } from '@cal/core';
import { MobiscrollConnectError, PROVIDER } from './errors.js';
import { toHttpError } from './http-errors.js';

/** What openapi-fetch resolves to. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs one openapi-fetch call and returns its data, or throws: non-2xx → the typed status error;
 * a 2xx body that is not JSON → `ProtocolError`; anything else that is not a `CalError` →
 * `NetworkError` (undici's `TypeError: terminated` for a body cut mid-way). Never a raw TypeError.
 * @internal
 */
export async function call<T>(method: string, secrets: () => readonly string[], run: () => Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await run();
  } catch (cause) {
    throw wrap(cause, method, secrets());
  }
  if (!result.response.ok) throw toHttpError(result.response, result.error, method, secrets());
  return result.data as T;
}

/** @internal */
export function wrap(cause: unknown, method: string, secrets: readonly string[]): CalError {
  if (isCalError(cause)) return cause;
  const ctx = { cause, provider: PROVIDER, method, secrets };
  if (cause instanceof SyntaxError) return new ProtocolError('Response is not valid JSON', ctx);
  if (cause instanceof TypeError) return new NetworkError(`Network error: ${cause.message}`, ctx);
  return new MobiscrollConnectError(cause instanceof Error ? cause.message : String(cause), ctx);
}
