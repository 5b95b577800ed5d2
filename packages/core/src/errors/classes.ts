import { CalError, named, type CalErrorOptions } from './cal-error.js';

// Each class gets its `name` and default `code` from `named` (on the prototype), so most need no
// constructor of their own: the bytes matter, this code ships in every provider's bundle.

/** 401/403 from a server, a failed or revoked token refresh, or missing credentials. @public */
export class AuthenticationError extends CalError {}
named(AuthenticationError, 'AuthenticationError');

/** One invalid field, as reported by a server (422 bodies) or by a client-side check. @public */
export interface ValidationDetail {
  /** Field path, e.g. `event.start` or `end`. */
  readonly field: string;
  /** Machine-readable reason, e.g. `required`, `invalid`, `end_before_start`. */
  readonly key?: string;
  /** Human-readable explanation. */
  readonly description: string;
}

/** Options of {@link ValidationError}. @public */
export interface ValidationErrorOptions extends CalErrorOptions {
  /** Invalid fields. */
  details?: readonly ValidationDetail[] | undefined;
  /** The client method whose input was rejected, for client-side checks. */
  operation?: string | undefined;
}

/**
 * 400/422 from a server, or input the client rejected before sending anything
 * (then `status` is undefined and no request was made).
 * @public
 */
export class ValidationError extends CalError {
  /** Invalid fields. */
  declare readonly details: readonly ValidationDetail[];
  /** The client method whose input was rejected, for client-side checks. */
  declare readonly operation: string | undefined;
  constructor(message: string, options: ValidationErrorOptions = {}) {
    super(message, options);
    this.details = options.details ?? [];
    this.operation = options.operation;
  }
}
named(ValidationError, 'ValidationError');

/** 404/410, or a lookup by id that found nothing. @public */
export class NotFoundError extends CalError {}
named(NotFoundError, 'NotFoundError');

/** 409/412: an ETag, `If-Match`, `ifInState` or other precondition failed. Nothing was overwritten. @public */
export class ConflictError extends CalError {}
named(ConflictError, 'ConflictError');

/** Options of {@link RateLimitError}. @public */
export interface RateLimitErrorOptions extends CalErrorOptions {
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  retryAfter?: number | undefined;
}

/** 429 (after retries, if any, were spent). @public */
export class RateLimitError extends CalError {
  /** Seconds the server asked us to wait, when it said. */
  declare readonly retryAfter: number | undefined;
  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super(message, options);
    this.retryAfter = options.retryAfter;
  }
}
named(RateLimitError, 'RateLimitError');

/** 5xx (after retries, if any, were spent). @public */
export class ServerError extends CalError {
  /** The 5xx status; same as `status`, named like the Mobiscroll and OCSS SDKs. */
  declare readonly statusCode: number;
  constructor(message: string, options: CalErrorOptions & { status: number }) {
    super(message, options);
    this.statusCode = options.status;
  }
}
named(ServerError, 'ServerError');

/** DNS failure, refused or reset connection: no (complete) response arrived. @public */
export class NetworkError extends CalError {}
named(NetworkError, 'NetworkError');

/** The request did not finish within its `timeout`. @public */
export class TimeoutError extends CalError {}
named(TimeoutError, 'TimeoutError');

/**
 * A response that cannot be parsed or breaks the protocol (HTML where XML was due, a hostile
 * XML body, a pagination link to a foreign origin, a JMAP method error…).
 * @public
 */
export class ProtocolError extends CalError {}
named(ProtocolError, 'ProtocolError');

/** Any other non-2xx response (e.g. 402, 405, 423), with its status. @public */
export class HttpError extends CalError {
  /** The HTTP status: always present on this class. */
  declare readonly status: number;
  constructor(message: string, options: CalErrorOptions & { status: number }) {
    super(message, options);
  }
}
named(HttpError, 'HttpError');

/** The caller's `AbortSignal` fired. @public */
export class AbortedError extends CalError {
  constructor(message = 'The request was aborted', options?: CalErrorOptions) {
    super(message, options);
  }
}
named(AbortedError, 'AbortedError');
