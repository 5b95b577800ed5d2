import type { ErrorContext, ValidationDetail } from '@cal/core';

/**
 * Cronofy-specific error codes on top of core's `ErrorCode`, for statuses the docs give their own
 * meaning (reference §4.1). Switch on `err.code`.
 * @public
 */
export const CronofyErrorCode = {
  /** 402: the plan does not include the feature (an `HttpError`). */
  PaymentRequired: 'CRONOFY_PAYMENT_REQUIRED',
  /** 403: valid credentials without the needed scope: re-authorize (an `AuthenticationError`). */
  InsufficientScope: 'CRONOFY_INSUFFICIENT_SCOPE',
  /** 423: no active credentials for the underlying provider, e.g. a disconnected profile (an `HttpError`). */
  AccountLocked: 'CRONOFY_ACCOUNT_LOCKED',
} as const;

/** Statuses the docs give their own meaning: code and message. */
const STATUS: Record<number, [code: string, message: string]> = {
  402: [CronofyErrorCode.PaymentRequired, 'Payment required: the plan lacks this feature'],
  403: [CronofyErrorCode.InsufficientScope, 'Forbidden: missing scope, re-authorize'],
  423: [CronofyErrorCode.AccountLocked, 'Locked: the profile needs relinking'],
};

/**
 * Reads a Cronofy error body: 422 `{errors:{field:[{key,description}]}}` becomes `details`, the
 * first key the `providerCode`; token errors `{error, error_description}` (RFC 6749 §5.2) keep
 * their `error` as `providerCode`.
 * @internal
 */
export function parseCronofyError(status: number, body: unknown): ErrorContext {
  const [code, message] = STATUS[status] ?? [];
  const ctx: ErrorContext = code ? { code, message } : {};
  // Object(): a string or missing body has none of these fields
  const { errors, error, error_description } = Object(body) as { errors?: unknown; error?: unknown; error_description?: unknown };
  if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
    const details: ValidationDetail[] = [];
    for (const [field, list] of Object.entries(errors)) {
      for (const item of Array.isArray(list) ? list : [list]) {
        const { key, description } = Object(item) as { key?: unknown; description?: unknown };
        const k = typeof key === 'string' ? key : undefined;
        details.push({ field, description: typeof description === 'string' ? description : typeof item === 'string' ? item : (k ?? 'invalid'), ...(k ? { key: k } : {}) });
      }
    }
    if (details[0]) {
      ctx.details = details;
      if (details[0].key) ctx.providerCode = details[0].key;
      ctx.message = `Cronofy rejected the request: ${details.map((d) => `${d.field} ${d.description}`).join('; ')}`;
    }
  }
  if (typeof error === 'string') {
    ctx.providerCode = error;
    ctx.message = typeof error_description === 'string' ? `${error}: ${error_description}` : error;
  }
  return ctx;
}
