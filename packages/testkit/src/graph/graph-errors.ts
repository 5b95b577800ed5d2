import { SimHttpError } from '../sim/sim-http-error.js';

/**
 * Graph's error body (concepts/errors.md): `{ error: { code, message, innerError: { date, request-id,
 * client-request-id } } }`.
 */
export function graphErrorBody(code: string, message: string, requestId = crypto.randomUUID()): object {
  return {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId },
    },
  };
}

/** A {@link SimHttpError} carrying Graph's error body. */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): SimHttpError {
  return new SimHttpError(status, graphErrorBody(code, message), headers);
}
