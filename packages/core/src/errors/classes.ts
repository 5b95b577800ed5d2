import { CalError, type CalErrorOptions } from './cal-error.js';
import { ErrorCode } from './codes.js';

/** 401/403 from a server, a failed or revoked token refresh, or missing credentials. @public */
export class AuthenticationError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.Authentication, ...options });
  }
}

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
  details?: readonly ValidationDetail[];
  /** The client method whose input was rejected, for client-side checks. */
  operation?: string;
}

/**
 * 400/422 from a server, or input the client rejected before sending anything
 * (then `status` is undefined and no request was made).
 * @public
 */
export class ValidationError extends CalError {
  /** Invalid fields. */
  readonly details: readonly ValidationDetail[];
  /** The client method whose input was rejected, for client-side checks. */
  readonly operation: string | undefined;
  constructor(message: string, options: ValidationErrorOptions = {}) {
    super(message, { code: ErrorCode.Validation, ...options });
    this.details = options.details ?? [];
    this.operation = options.operation;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), details: this.details, operation: this.operation };
  }
}

/** 404/410, or a lookup by id that found nothing. @public */
export class NotFoundError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.NotFound, ...options });
  }
}

/** 409/412: an ETag, `If-Match`, `ifInState` or other precondition failed. Nothing was overwritten. @public */
export class ConflictError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.Conflict, ...options });
  }
}

/** Options of {@link RateLimitError}. @public */
export interface RateLimitErrorOptions extends CalErrorOptions {
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  retryAfter?: number;
}

/** 429 (after retries, if any, were spent). @public */
export class RateLimitError extends CalError {
  /** Seconds the server asked us to wait, when it said. */
  readonly retryAfter: number | undefined;
  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super(message, { code: ErrorCode.RateLimit, ...options });
    this.retryAfter = options.retryAfter;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

/** 5xx (after retries, if any, were spent). @public */
export class ServerError extends CalError {
  /** The 5xx status; same as `status`, named like the Mobiscroll and OCSS SDKs. */
  readonly statusCode: number;
  constructor(message: string, options: CalErrorOptions & { status: number }) {
    super(message, { code: ErrorCode.Server, ...options });
    this.statusCode = options.status;
  }
}

/** DNS failure, refused or reset connection: no (complete) response arrived. @public */
export class NetworkError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.Network, ...options });
  }
}

/** The request did not finish within its `timeout`. @public */
export class TimeoutError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.Timeout, ...options });
  }
}

/**
 * A response that cannot be parsed or breaks the protocol (HTML where XML was due, a hostile
 * XML body, a pagination link to a foreign origin, a JMAP method error…).
 * @public
 */
export class ProtocolError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.Protocol, ...options });
  }
}

/** Any other non-2xx response (e.g. 402, 405, 423), with its status. @public */
export class HttpError extends CalError {
  constructor(message: string, options: CalErrorOptions & { status: number }) {
    super(message, { code: ErrorCode.Http, ...options });
  }
}

/** The caller's `AbortSignal` fired. @public */
export class AbortedError extends CalError {
  constructor(message = 'The request was aborted', options: CalErrorOptions = {}) {
    super(message, { code: ErrorCode.Aborted, ...options });
  }
}
