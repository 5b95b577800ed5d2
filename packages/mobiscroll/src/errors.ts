/**
 * The Python SDK's error hierarchy (reference §5.2) built from `@cal/core`'s classes.
 *
 * Design: the status classes ARE core's classes (re-exported by name), so `instanceof
 * AuthenticationError` from `@cal/core` and from `@cal/mobiscroll` are the same check and
 * cross-provider code keeps working. `MobiscrollConnectError` is a real `CalError` subclass
 * (used for the errors only Mobiscroll has: webhook verification, unexpected statuses) whose
 * `instanceof` is widened by a `Symbol.hasInstance` guard to every `CalError` raised by this
 * package (`provider === 'mobiscroll'`). So `err instanceof MobiscrollConnectError` holds for
 * everything the client throws — the Python SDK's catch-all — without a parallel class tree.
 */
import { AuthenticationError, CalError, isCalError, type CalErrorOptions } from '@cal/core';

/** Provider name stamped on every error this package raises. @public */
export const PROVIDER = 'mobiscroll';

/**
 * Catch-all base of the Mobiscroll errors (Python `MobiscrollConnectError`). `instanceof` is true
 * for every `CalError` thrown by `@cal/mobiscroll`, including core's `AuthenticationError`,
 * `ValidationError`, `NotFoundError`, `RateLimitError`, `ServerError`, `NetworkError`, …
 * @public
 */
export class MobiscrollConnectError extends CalError {
  constructor(message: string, options: CalErrorOptions = {}) {
    super(message, { provider: PROVIDER, ...options });
  }
  /** Widened `instanceof`: see the module comment. Subclasses keep the ordinary prototype check. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== MobiscrollConnectError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return isCalError(value) && value.provider === PROVIDER;
  }
}

/** A connected account that did not grant calendar access (403 `calendar_permission_required`). @public */
export interface BlockedAccount {
  readonly provider: string;
  readonly account: string;
}

/**
 * 403 `calendar_permission_required` (API 1.2+): no connected account granted calendar access.
 * An `AuthenticationError` (so 401/403 handling catches it) that keeps `accounts`.
 * @public
 */
export class CalendarPermissionError extends AuthenticationError {
  /** Accounts whose calendar permission is missing. */
  readonly accounts: readonly BlockedAccount[];
  constructor(message: string, options: CalErrorOptions & { accounts?: readonly BlockedAccount[] }) {
    const { accounts, ...rest } = options;
    super(message, { code: 'MOBISCROLL_CALENDAR_PERMISSION_REQUIRED', provider: PROVIDER, ...rest });
    this.accounts = accounts ?? [];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), accounts: this.accounts };
  }
}

/** Why a webhook was rejected; the same reasons as the official SDKs (reference §4.5). @public */
export type WebhookVerificationReason =
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'no_public_keys'
  | 'no_matching_signature'
  | 'invalid_payload';

/**
 * A webhook delivery failed verification. Answer 503 for `no_public_keys` (Connect retries), 401
 * otherwise (final), as the SDK READMEs recommend.
 * @public
 */
export class WebhookVerificationError extends MobiscrollConnectError {
  /** Machine-readable reason. */
  readonly reason: WebhookVerificationReason;
  constructor(reason: WebhookVerificationReason, message: string, options: CalErrorOptions = {}) {
    super(message, { code: 'MOBISCROLL_WEBHOOK_VERIFICATION_ERROR', ...options });
    this.reason = reason;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason };
  }
}
