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
import {
  AuthenticationError,
  CalError,
  isCalError,
  type CalErrorOptions,
  type ErrorContext,
  type ValidationDetail,
} from '@cal/core';

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

/** Any of the three error body shapes of reference §5.1 plus the OAuth one. */
interface WireErrorBody {
  error?: unknown;
  error_description?: unknown;
  message?: unknown;
  code?: unknown;
  details?: unknown;
  accounts?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Parses the body shapes of §5.1 — `{error}`, `{error, message}`, `{message, code?, details?}` and
 * OAuth `{error, error_description}` — into core's `ErrorContext`. Message precedence follows the
 * reference's advice: `message ?? error_description ?? error`.
 * @internal
 */
export function parseErrorBody(body: unknown): ErrorContext | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as WireErrorBody;
  const message = str(b.message) ?? str(b.error_description) ?? str(b.error);
  const providerCode = str(b.code) ?? (str(b.message) || str(b.error_description) ? str(b.error) : undefined);
  const details = toDetails(b.details);
  return {
    ...(message ? { message } : {}),
    ...(providerCode ? { providerCode } : {}),
    ...(details.length ? { details } : {}),
  };
}

/** `details` is undocumented; the Python tests use `{field: [messages]}`. Arrays of `{field, message}` are also read. */
function toDetails(details: unknown): ValidationDetail[] {
  const out: ValidationDetail[] = [];
  if (Array.isArray(details)) {
    for (const d of details) {
      if (typeof d === 'string') out.push({ field: '', description: d });
      else if (d && typeof d === 'object') {
        const o = d as Record<string, unknown>;
        out.push({ field: str(o.field) ?? str(o.path) ?? '', description: str(o.message) ?? str(o.description) ?? JSON.stringify(o) });
      }
    }
  } else if (details && typeof details === 'object') {
    for (const [field, v] of Object.entries(details as Record<string, unknown>)) {
      for (const m of Array.isArray(v) ? v : [v]) out.push({ field, description: typeof m === 'string' ? m : JSON.stringify(m) });
    }
  }
  return out;
}

/** Reads `accounts` of a `calendar_permission_required` body. @internal */
export function blockedAccounts(body: unknown): BlockedAccount[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as WireErrorBody;
  if (b.code !== 'calendar_permission_required' && b.error !== 'calendar_permission_required') return undefined;
  const list = Array.isArray(b.accounts) ? b.accounts : [];
  return list
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
    .map((a) => ({ provider: String(a.provider ?? ''), account: String(a.account ?? '') }));
}
