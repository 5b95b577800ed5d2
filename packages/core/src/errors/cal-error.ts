import type { ErrorCodeValue } from './codes.js';
import { redactBody, redactHeaders, redactText, redactUrl } from './redact.js';

/**
 * A brand that survives duplicated bundles: `instanceof` fails when an app loads two copies of
 * `@cal/core`, `Symbol.for` keys do not.
 */
const BRAND = Symbol.for('@cal/core/CalError');

/**
 * What every {@link CalError} can be constructed with. Everything is redacted on the way in.
 * Every field also accepts `undefined`, so callers can pass what they have without spreading.
 * @public
 */
export interface CalErrorOptions {
  /** The underlying error (a `TypeError` from fetch, an `AbortError`, an oauth4webapi error…). */
  cause?: unknown;
  /** Stable machine-readable code; each subclass has a default. */
  code?: ErrorCodeValue | undefined;
  /** Provider that raised it: `caldav`, `jmap`, `graph`, `cronofy`, `mobiscroll`, `syncserver`. */
  provider?: string | undefined;
  /** HTTP status, when the error comes from a response. */
  status?: number | undefined;
  /** HTTP request method. */
  method?: string | undefined;
  /** Request URL; userinfo and secret query parameters are removed. */
  url?: string | URL | undefined;
  /** Response headers; credential headers are removed. */
  headers?: Headers | Record<string, string> | undefined;
  /** Parsed (JSON) or raw (text) response body; secret-named fields are removed. */
  body?: unknown;
  /** Provider-specific error code from the body (Graph `error.code`, JMAP `type`, …). */
  providerCode?: string | undefined;
  /** Literal secret values to scrub from the message and body, e.g. the token that was sent. */
  secrets?: readonly (string | undefined)[] | undefined;
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
  // `declare`: assigned in the constructor, so no class-field definitions are emitted for them.
  /** Stable code, see {@link ErrorCode}. */
  declare readonly code: ErrorCodeValue;
  /** Provider that raised it, when known. */
  declare readonly provider: string | undefined;
  /** HTTP status, when the error comes from a response. */
  declare readonly status: number | undefined;
  /** Request method, when the error comes from a request. */
  declare readonly method: string | undefined;
  /** Redacted request URL. */
  declare readonly url: string | undefined;
  /** Redacted response headers. */
  declare readonly headers: Readonly<Record<string, string>> | undefined;
  /** Redacted response body. */
  declare readonly body: unknown;
  /** Provider-specific code (Graph `error.code`, JMAP error `type`, Cronofy field key…). */
  declare readonly providerCode: string | undefined;

  constructor(message: string, options: CalErrorOptions = {}) {
    const secrets = options.secrets;
    // Error reads only `options.cause`, and installs it non-enumerable (ES2022): an oauth4webapi
    // cause holding a raw token response stays reachable but out of JSON.stringify and spreads.
    super(redactText(message, secrets), options);
    // The prototype holds each class's default code (and `name`, see `named`).
    this.code = options.code ?? this.code;
    this.provider = options.provider;
    this.status = options.status;
    this.method = options.method?.toUpperCase();
    this.url = redactUrl(options.url);
    this.headers = options.headers && redactHeaders(options.headers);
    this.body = redactBody(options.body, secrets);
    this.providerCode = options.providerCode;
  }

  /** Marks every CalError (inherited, so not an own property that would show in spreads). */
  get [BRAND](): true {
    return true;
  }

  /** A log-safe plain object (every field is already redacted). `JSON.stringify(err)` uses it. */
  toJSON(): Record<string, unknown> {
    return Object.assign({ name: this.name, message: this.message }, this) as unknown as Record<string, unknown>;
  }
}

/**
 * Gives an error class its `name` and default `code` on the prototype, where the built-in errors
 * keep `name` too. Explicit names because minifiers rename classes (`new.target.name` would print
 * `e: …` in a production log); one line per class instead of a constructor each. The code follows
 * from the name (`NotFoundError` → `CAL_NOT_FOUND`, as listed in {@link ErrorCode}).
 * @internal
 */
export function named(
  cls: { prototype: CalError },
  name: string,
  code = `CAL_${name.slice(0, -5).replace(/\B[A-Z]/g, '_$&').toUpperCase()}`,
): void {
  Object.assign(cls.prototype, { name, code });
}

named(CalError, 'CalError', 'CAL_UNKNOWN');

/**
 * True for any `CalError`, also one thrown by another copy of `@cal/core` in the same process.
 * @public
 */
export function isCalError(value: unknown): value is CalError {
  return (value as Record<symbol, unknown> | null)?.[BRAND] === true;
}
