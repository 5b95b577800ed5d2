/**
 * OCSS's exception names on top of `@cal/core`'s error classes.
 *
 * JavaScript has single inheritance, yet a 404 must be both OCSS `NotFoundError` (and therefore
 * `ClientError` and `OCSSAPIError`) and core's `NotFoundError`. So every concrete error extends the
 * matching CORE class (so `instanceof` core classes, `code` and `isCalError` keep working), and
 * carries a set of OCSS kinds; the OCSS classes answer `instanceof` from that set through
 * `Symbol.hasInstance`. The mapping (reference §5.2, adapted):
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
 * | unparsable or hostile XML | (OCSSAPIError only) | ProtocolError |
 */
import * as core from '@cal/core';

const KINDS = Symbol.for('@cal/syncserver/kinds');
type Kind = 'OCSSAPIError' | 'ConnectionError' | 'ServerError' | 'ClientError' | 'NotFoundError' | 'NotAllowedError';

function has(value: unknown, kind: Kind): boolean {
  const kinds = (value as { [KINDS]?: readonly Kind[] } | null)?.[KINDS];
  return Array.isArray(kinds) && kinds.includes(kind);
}
function mark<T extends object>(err: T, kinds: Kind[]): T {
  Object.defineProperty(err, KINDS, { value: ['OCSSAPIError', ...kinds] });
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

/** The connection to the API server failed (no response); also a core `NetworkError`. @public */
export class ConnectionError extends core.NetworkError {
  constructor(message: string, options: core.CalErrorOptions = {}) {
    super(message, { provider: 'syncserver', ...options });
    mark(this, ['ConnectionError']);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return has(value, 'ConnectionError');
  }
}

/** The server failed (5xx); also a core `ServerError` (`statusCode`). @public */
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

/** No such resource (404/410, or a missing collection key); also a core `NotFoundError`. @public */
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
 * Access denied: bad credentials (401/403, then also a core `AuthenticationError`) or an operation
 * the resource does not support, e.g. writing to the read-only phones API (405/403).
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

/** Re-creates a core error as its OCSS counterpart (same message, status, redacted context). */
export function toOCSSError(err: unknown): unknown {
  if (!core.isCalError(err) || has(err, 'OCSSAPIError')) return err;
  const e = err;
  const opts: core.CalErrorOptions & { status: number } = {
    cause: e,
    code: e.code,
    provider: 'syncserver',
    status: e.status ?? 0,
    ...(e.method ? { method: e.method } : {}),
    ...(e.url ? { url: e.url } : {}),
    ...(e.headers ? { headers: { ...e.headers } } : {}),
    ...(e.body === undefined ? {} : { body: e.body }),
    ...(e.providerCode ? { providerCode: e.providerCode } : {}),
  };
  const s = e.status;
  let out: core.CalError;
  if (e instanceof core.NetworkError) out = new ConnectionError(e.message, opts);
  else if (e instanceof core.TimeoutError) out = mark(new core.TimeoutError(e.message, opts), ['ConnectionError']);
  else if (e instanceof core.ServerError) out = new ServerError(e.message, opts);
  else if (e instanceof core.NotFoundError) out = new NotFoundError(e.message, opts);
  else if (s === 405) out = new NotAllowedError(e.message, opts);
  else if (e instanceof core.AuthenticationError) out = mark(new core.AuthenticationError(e.message, opts), ['ClientError', 'NotAllowedError']);
  else if (e instanceof core.ValidationError) out = mark(new core.ValidationError(e.message, { ...opts, details: e.details, ...(e.operation ? { operation: e.operation } : {}) }), ['ClientError']);
  else if (e instanceof core.ConflictError) out = mark(new core.ConflictError(e.message, opts), ['ClientError']);
  else if (e instanceof core.RateLimitError) out = mark(new core.RateLimitError(e.message, { ...opts, ...(e.retryAfter === undefined ? {} : { retryAfter: e.retryAfter }) }), ['ClientError']);
  else if (e instanceof core.HttpError && s !== undefined && s >= 400 && s < 500) out = new ClientError(e.message, opts);
  else out = mark(e, []);
  return out;
}

/** Client-side input check: a core `ValidationError` that is also an OCSS `ClientError`. */
export function invalid(operation: string, field: string, description: string): core.ValidationError {
  return mark(new core.ValidationError(`Invalid ${field}: ${description}`, { provider: 'syncserver', operation, details: [{ field, description }] }), ['ClientError']);
}

/** A parse failure: a core `ProtocolError` marked as an `OCSSAPIError`. */
export function protocolError(message: string, cause?: unknown): core.ProtocolError {
  return mark(new core.ProtocolError(message, { provider: 'syncserver', ...(cause === undefined ? {} : { cause }) }), []);
}

/** A missing key in a collection (OCSS: `No Vendor with ID 'x'`). */
export function notFound(kind: string, id: string): NotFoundError {
  return new NotFoundError(`No ${kind} with ID '${id}'`);
}
