import { ProtocolError, type CalError } from '@cal/core';
import { PROVIDER } from './constants.js';
import { methodError } from './errors.js';
import type { Invocation } from './types/core.js';
import type { MethodCall } from './method-call.js';

/** The outcome of one call inside a batch: its response, or the error it produced. @public */
export type CallResult<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: CalError };

/**
 * The response to a batched request (RFC 8620 §3.4). Nothing throws for a failed call until you ask
 * for that call's result: other calls in the same batch may well have succeeded.
 * @public
 */
export class JMAPResponse {
  /** Raw `methodResponses`. */
  readonly methodResponses: readonly Invocation[];
  /** Session state the server reported with this response. */
  readonly sessionState: string;
  /** Creation id → server id map, when the request sent `createdIds`. */
  readonly createdIds: Readonly<Record<string, string>> | undefined;

  constructor(methodResponses: readonly Invocation[], sessionState: string, createdIds?: Record<string, string>) {
    this.methodResponses = methodResponses;
    this.sessionState = sessionState;
    this.createdIds = createdIds;
  }

  /** The result of a call, or its error, without throwing. */
  result<R>(c: MethodCall<string, R> | string, name?: string): CallResult<R> {
    const id = typeof c === 'string' ? c : c.id;
    const wanted = typeof c === 'string' ? name : c.name;
    const found = this.methodResponses.find(([n, , cid]) => cid === id && (n === 'error' || wanted === undefined || n === wanted));
    if (!found) {
      return { ok: false, error: new ProtocolError(`The JMAP response has no result for call "${id}"`, { provider: PROVIDER }) };
    }
    const [n, args] = found;
    if (n === 'error') return { ok: false, error: methodError(wanted ?? 'unknown', id, args) };
    return { ok: true, value: args as R };
  }

  /** The result of a call; throws its `JMAPMethodError` (or `ConflictError` for `stateMismatch`). */
  get<R>(c: MethodCall<string, R> | string, name?: string): R {
    const r = this.result(c, name);
    if (!r.ok) throw r.error;
    return r.value;
  }
}

/** Validates the response envelope (RFC 8620 §3.4). @internal */
export function parseResponse(body: unknown): JMAPResponse {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as Record<string, unknown>)['methodResponses'])) {
    throw new ProtocolError('Invalid JMAP response: methodResponses missing', { provider: PROVIDER, body });
  }
  const b = body as { methodResponses: unknown[]; sessionState?: unknown; createdIds?: unknown };
  for (const inv of b.methodResponses) {
    if (!Array.isArray(inv) || typeof inv[0] !== 'string' || typeof inv[1] !== 'object' || inv[1] === null || typeof inv[2] !== 'string') {
      throw new ProtocolError('Invalid JMAP response: malformed invocation', { provider: PROVIDER, body });
    }
  }
  return new JMAPResponse(
    b.methodResponses as Invocation[],
    typeof b.sessionState === 'string' ? b.sessionState : '',
    typeof b.createdIds === 'object' && b.createdIds !== null ? (b.createdIds as Record<string, string>) : undefined,
  );
}
