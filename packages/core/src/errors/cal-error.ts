import type { ErrorCodeValue } from './codes.js';
import { redactBody, redactHeaders, redactText, redactUrl } from './redact.js';

/**
 * A brand that survives duplicated bundles: `instanceof` fails when an app loads two copies of
 * `@cal/core`, `Symbol.for` keys do not.
 */
const BRAND = Symbol.for('@cal/core/CalError');

/** What every {@link CalError} can be constructed with. Everything is redacted on the way in. @public */
export interface CalErrorOptions {
  /** The underlying error (a `TypeError` from fetch, an `AbortError`, an oauth4webapi error…). */
  cause?: unknown;
  /** Stable machine-readable code; each subclass has a default. */
  code?: ErrorCodeValue;
  /** Provider that raised it: `caldav`, `jmap`, `graph`, `cronofy`, `mobiscroll`, `syncserver`. */
  provider?: string;
  /** HTTP status, when the error comes from a response. */
  status?: number;
  /** HTTP request method. */
  method?: string;
  /** Request URL; userinfo and secret query parameters are removed. */
  url?: string | URL;
  /** Response headers; credential headers are removed. */
  headers?: Headers | Record<string, string>;
  /** Parsed (JSON) or raw (text) response body; secret-named fields are removed. */
  body?: unknown;
  /** Provider-specific error code from the body (Graph `error.code`, JMAP `type`, …). */
  providerCode?: string;
  /** Literal secret values to scrub from the message and body, e.g. the token that was sent. */
  secrets?: readonly (string | undefined)[];
}

/**
 * Base of every error thrown by the `@cal/*` packages.
 *
 * All public fields are already redacted: no message, property, `toString()` or `JSON.stringify()`
 * of a `CalError` contains a token, password, client secret or `Authorization` value.
 *
 * @example
 * ```ts
 * try { await cal.events({ start, end }) }
 * catch (e) { if (isCalError(e) && e.code === 'CAL_RATE_LIMIT') … }
 * ```
 * @public
 */
export class CalError extends Error {
  declare readonly [BRAND]: true;
  /** Stable code, see {@link ErrorCode}. */
  readonly code: ErrorCodeValue;
  /** Provider that raised it, when known. */
  readonly provider: string | undefined;
  /** HTTP status, when the error comes from a response. */
  readonly status: number | undefined;
  /** Request method, when the error comes from a request. */
  readonly method: string | undefined;
  /** Redacted request URL. */
  readonly url: string | undefined;
  /** Redacted response headers. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Redacted response body. */
  readonly body: unknown;
  /** Provider-specific code (Graph `error.code`, JMAP error `type`, Cronofy field key…). */
  readonly providerCode: string | undefined;

  constructor(message: string, options: CalErrorOptions = {}) {
    const secrets = options.secrets ?? [];
    super(redactText(message, secrets), options.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, BRAND, { value: true });
    // Subclasses set `name` as a string literal: minifiers rename classes, so `new.target.name`
    // would print `e: …` in a production log.
    this.name = 'CalError';
    this.code = options.code ?? 'CAL_UNKNOWN';
    this.provider = options.provider;
    this.status = options.status;
    this.method = options.method?.toUpperCase();
    this.url = redactUrl(options.url);
    this.headers = options.headers ? redactHeaders(options.headers) : undefined;
    this.body = redactBody(options.body, secrets);
    this.providerCode = options.providerCode;
    // The cause may be an oauth4webapi error holding the raw token response: keep it reachable
    // but out of JSON.stringify / enumerations.
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true });
    }
  }

  /** A log-safe plain object (every field is already redacted). `JSON.stringify(err)` uses it. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ message: this.message }, this) as unknown as Record<string, unknown>;
  }
}

/**
 * True for any `CalError`, also one thrown by another copy of `@cal/core` in the same process.
 * @public
 */
export function isCalError(value: unknown): value is CalError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
