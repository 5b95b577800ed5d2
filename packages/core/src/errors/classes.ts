import { CalError, type CalErrorOptions } from './cal-error.js';

/** 401/403 from a server, a failed or revoked token refresh, or missing credentials. @public */
export class AuthenticationError extends CalError {
  override readonly name: string = 'AuthenticationError';
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_AUTHENTICATION', ...options });
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
  override readonly name: string = 'ValidationError';
  /** Invalid fields. */
  readonly details: readonly ValidationDetail[];
  /** The client method whose input was rejected, for client-side checks. */
  readonly operation: string | undefined;
  constructor(message: string, options: ValidationErrorOptions = {}) {
    super(message, { code: 'CAL_VALIDATION', ...options });
    this.details = options.details ?? [];
    this.operation = options.operation;
  }
}

/** 404/410, or a lookup by id that found nothing. @public */
export class NotFoundError extends CalError {
  override readonly name: string = 'NotFoundError';
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_NOT_FOUND', ...options });
  }
}

/** 409/412: an ETag, `If-Match`, `ifInState` or other precondition failed. Nothing was overwritten. @public */
export class ConflictError extends CalError {
  override readonly name: string = 'ConflictError';
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_CONFLICT', ...options });
  }
}

/** Options of {@link RateLimitError}. @public */
export interface RateLimitErrorOptions extends CalErrorOptions {
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  retryAfter?: number;
}

/** 429 (after retries, if any, were spent). @public */
export class RateLimitError extends CalError {
  override readonly name: string = 'RateLimitError';
  /** Seconds the server asked us to wait, when it said. */
  readonly retryAfter: number | undefined;
  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super(message, { code: 'CAL_RATE_LIMIT', ...options });
    this.retryAfter = options.retryAfter;
  }
}

/** 5xx (after retries, if any, were spent). @public */
export class ServerError extends CalError {
  override readonly name: string = 'ServerError';
  /** The 5xx status; same as `status`, named like the Mobiscroll and OCSS SDKs. */
  readonly statusCode: number;
  constructor(message: string, options: CalErrorOptions & { status: number }) {
    super(message, { code: 'CAL_SERVER', ...options });
    this.statusCode = options.status;
  }
}

/** DNS failure, refused or reset connection: no (complete) response arrived. @public */
export class NetworkError extends CalError {
  override readonly name: string = 'NetworkError';
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_NETWORK', ...options });
  }
}

/** The request did not finish within its `timeout`. @public */
export class TimeoutError extends CalError {
  override readonly name: string = 'TimeoutError';
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_TIMEOUT', ...options });
  }
}

/**
 * A response that cannot be parsed or breaks the protocol (HTML where XML was due, a hostile
 * XML body, a pagination link to a foreign origin, a JMAP method error…).
 * @public
 */
export class ProtocolError extends CalError {
  override readonly name: string = 'ProtocolError';
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_PROTOCOL', ...options });
  }
}

/** Any other non-2xx response (e.g. 402, 405, 423), with its status. @public */
export class HttpError extends CalError {
  override readonly name: string = 'HttpError';
  constructor(message: string, options: CalErrorOptions & { status: number }) {
    super(message, { code: 'CAL_HTTP', ...options });
  }
}

/** The caller's `AbortSignal` fired. @public */
export class AbortedError extends CalError {
  override readonly name: string = 'AbortedError';
  constructor(message = 'The request was aborted', options: CalErrorOptions = {}) {
    super(message, { code: 'CAL_ABORTED', ...options });
  }
}
