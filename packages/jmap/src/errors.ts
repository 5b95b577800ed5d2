import { ConflictError, NotFoundError, ProtocolError, type CalError, type CalErrorOptions } from '@cal/core';
import { PROVIDER } from './constants.js';
import type { SetError } from './types/core.js';

/** Options of {@link JMAPMethodError}. @public */
export interface JMAPMethodErrorOptions extends CalErrorOptions {
  /** RFC 8620 §3.6.2 error `type`, e.g. `invalidArguments`, `stateMismatch`. */
  type: string;
  /** Server-supplied `description`, when present. */
  description?: string | undefined;
  /** JMAP method whose call failed, e.g. `CalendarEvent/set`. */
  method: string;
  /** Method call id inside the request. */
  callId?: string | undefined;
}

/**
 * A method-level error response (`["error", {type, description}, callId]`, RFC 8620 §3.6.2). The HTTP
 * request itself succeeded, so this is a protocol-level failure of one call, not an HTTP error.
 * @public
 */
export class JMAPMethodError extends ProtocolError {
  /** RFC 8620 error type (`serverFail`, `invalidArguments`, `unknownMethod`, …). */
  readonly type: string;
  /** Server description, when it gave one. */
  readonly description: string | undefined;
  /** Call id of the failed call. */
  readonly callId: string | undefined;
  constructor(message: string, options: JMAPMethodErrorOptions) {
    const { type, description, method, callId, ...rest } = options;
    super(message, { provider: PROVIDER, providerCode: type, ...rest });
    this.type = type;
    this.description = description;
    // `method` is the JMAP method name here (the HTTP method of a JMAP API call is always POST).
    // CalError upper-cases HTTP methods, so it is set after construction.
    (this as { method: string | undefined }).method = method;
    this.callId = callId;
  }
  // No toJSON override: CalError.toJSON serializes every own field (type, description, callId).
}

/** One rejected item of a `/set` call. @public */
export interface SetErrorEntry {
  /** The creation id (for `create`) or the object id (for `update`/`destroy`). */
  readonly id: string;
  /** Which part of the `/set` call rejected it. */
  readonly operation: 'create' | 'update' | 'destroy';
  /** The SetError as the server sent it (`type`, `description`, `properties`, …). */
  readonly error: SetError;
}

/**
 * A `/set` call in which at least one item was rejected (`notCreated`/`notUpdated`/`notDestroyed`).
 * Every rejected item is listed in {@link JMAPSetError.setErrors}; `type` is the first item's SetError type.
 * @public
 */
export class JMAPSetError extends JMAPMethodError {
  /** Every rejected item, none dropped. */
  readonly setErrors: readonly SetErrorEntry[];
  constructor(message: string, options: JMAPMethodErrorOptions & { setErrors: readonly SetErrorEntry[] }) {
    const { setErrors, ...rest } = options;
    super(message, rest);
    this.setErrors = setErrors;
  }
}

/**
 * Maps a method-level error to the error the convenience methods throw: `stateMismatch` (a stale
 * `ifInState`, RFC 8620 §5.3) is a {@link ConflictError}; everything else a {@link JMAPMethodError}.
 * @internal
 */
export function methodError(method: string, callId: string | undefined, args: Record<string, unknown>): CalError {
  const type = typeof args['type'] === 'string' ? args['type'] : 'unknown';
  const description = typeof args['description'] === 'string' ? args['description'] : undefined;
  const message = `JMAP ${method} failed: ${type}${description ? ` (${description})` : ''}`;
  if (type === 'stateMismatch') {
    return new ConflictError(`${message}: the state given in ifInState is stale`, {
      provider: PROVIDER,
      providerCode: type,
      method: 'POST',
      body: args,
    });
  }
  return new JMAPMethodError(message, { type, description, method, callId, body: args });
}

/**
 * The error for rejected `/set` items. A single `notFound` item is a {@link NotFoundError} (the object is
 * gone); anything else a {@link JMAPSetError} listing every item.
 * @internal
 */
export function setError(method: string, callId: string | undefined, entries: readonly SetErrorEntry[]): CalError {
  const first = entries[0];
  const type = first?.error.type ?? 'unknown';
  const what = entries
    .map((e) => `${e.operation} ${e.id}: ${e.error.type}${e.error.description ? ` (${e.error.description})` : ''}${
      e.error.properties ? ` [${e.error.properties.join(', ')}]` : ''}`)
    .join('; ');
  const message = `JMAP ${method} rejected ${entries.length} item(s): ${what}`;
  if (entries.length === 1 && type === 'notFound') {
    return new NotFoundError(message, { provider: PROVIDER, providerCode: type, method: 'POST', body: first?.error });
  }
  return new JMAPSetError(message, { type, description: first?.error.description, method, callId, setErrors: entries, body: { setErrors: entries } });
}
