/**
 * OCSS's exception names on top of `@cal/core`'s error classes.
 *
 * JavaScript has single inheritance, yet a 404 must be both OCSS `NotFoundError` (so also
 * `ClientError` and `OCSSAPIError`) and core's `NotFoundError`. So errors stay instances of the
 * matching CORE class (`instanceof` core classes, `code`, `isCalError` keep working) and carry a
 * list of OCSS kinds; the OCSS classes answer `instanceof` from that list (`Symbol.hasInstance`).
 * Errors from core's HTTP client are marked in place. The mapping (reference §5.2, adapted):
 *
 * | cause | OCSS kinds | core class |
 * |---|---|---|
 * | fetch failed / timeout | ConnectionError | NetworkError / TimeoutError |
 * | 5xx | ServerError | ServerError |
 * | 404, 410, missing collection key | NotFoundError, ClientError | NotFoundError |
 * | 401, 403 (credentials, read-only) | NotAllowedError, ClientError | AuthenticationError |
 * | 405 (unsupported method) | NotAllowedError, ClientError | HttpError |
 * | 400/422, bad input before sending | ClientError | ValidationError |
 * | 409/412, 429, other 4xx | ClientError | ConflictError, RateLimitError, HttpError |
 * | unparsable or hostile XML, aborts | (OCSSAPIError only) | ProtocolError, AbortedError |
 */
import * as core from '@cal/core';

const KINDS = Symbol.for('@cal/syncserver/kinds');
type Kind = 'OCSSAPIError' | 'ConnectionError' | 'ServerError' | 'ClientError' | 'NotFoundError' | 'NotAllowedError';

function has(value: unknown, kind: Kind): boolean {
  return ((value as { [KINDS]?: Kind[] } | null)?.[KINDS] ?? []).includes(kind);
}
function mark<T extends object>(err: T, kinds: Kind[]): T {
  Object.defineProperty(err, KINDS, { value: ['OCSSAPIError', ...kinds], configurable: true });
  return err;
}

/** Base of every error this package throws; `instanceof OCSSAPIError` holds for all of them. @public */
export class OCSSAPIError extends core.CalError {
  constructor(message: string, options: core.CalErrorOptions = {}) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, []);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'OCSSAPIError');
  }
}

/** The connection to the API server failed (no response); a core `NetworkError` or `TimeoutError`. @public */
export class ConnectionError extends core.NetworkError {
  constructor(message: string, options: core.CalErrorOptions = {}) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, ['ConnectionError']);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'ConnectionError');
  }
}

/** The server failed (5xx); a core `ServerError` (`statusCode`). @public */
export class ServerError extends core.ServerError {
  constructor(message: string, options: core.CalErrorOptions & { status: number }) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, ['ServerError']);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'ServerError');
  }
}

/** The server refused what the library sent (4xx), or the input was invalid before sending. @public */
export class ClientError extends core.HttpError {
  constructor(message: string, options: core.CalErrorOptions & { status: number }) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, ['ClientError']);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'ClientError');
  }
}

/** No such resource (404/410, or a missing collection key); a core `NotFoundError`. @public */
export class NotFoundError extends core.NotFoundError {
  constructor(message: string, options: core.CalErrorOptions = {}) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, ['ClientError', 'NotFoundError']);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'NotFoundError');
  }
}

/**
 * Access denied: bad credentials (401/403, then a core `AuthenticationError`) or an operation the
 * resource does not support, e.g. writing to the read-only phones API (405 → core `HttpError`).
 * @public
 */
export class NotAllowedError extends core.HttpError {
  constructor(message: string, options: core.CalErrorOptions & { status: number }) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, ['ClientError', 'NotAllowedError']);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'NotAllowedError');
  }
}

/** Marks an error from core's HTTP client with its OCSS kinds (in place; see the table above). @internal */
export function toOCSSError(e: unknown): unknown {
  if (!core.isCalError(e) || has(e, 'OCSSAPIError')) return e;
  const s = e.status ?? 0;
  return mark(
    e,
    e instanceof core.NetworkError || e instanceof core.TimeoutError
      ? ['ConnectionError']
      : s >= 500
        ? ['ServerError']
        : s === 404 || s === 410
          ? ['ClientError', 'NotFoundError']
          : s === 401 || s === 403 || s === 405
            ? ['ClientError', 'NotAllowedError']
            : s >= 400
              ? ['ClientError']
              : [],
  );
}

/** Client-side input check: a core `ValidationError` that is also an OCSS `ClientError`. @internal */
export function invalid(operation: string, field: string, description: string): core.ValidationError {
  return mark(new core.ValidationError(`Invalid ${field}: ${description}`, { provider: 'syncserver', operation, details: [{ field, description }] }), ['ClientError']);
}

/** A parse failure: a core `ProtocolError` marked as an `OCSSAPIError`. @internal */
export function protocolError(message: string, cause?: unknown): core.ProtocolError {
  return mark(new core.ProtocolError(message, { provider: 'syncserver', cause }), []);
}

/** A missing key in a collection (OCSS: `No Vendor with ID 'x'`). @internal */
export function notFound(kind: string, id: string): NotFoundError {
  return new NotFoundError(`No ${kind} with ID '${id}'`);
}
