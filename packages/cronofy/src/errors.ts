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

const STATUS_CODES: Record<number, { code: string; message: string }> = {
  402: { code: CronofyErrorCode.PaymentRequired, message: 'Payment required: the Cronofy plan does not include this feature' },
  403: { code: CronofyErrorCode.InsufficientScope, message: 'Forbidden: the authorization lacks the scope this call needs' },
  423: { code: CronofyErrorCode.AccountLocked, message: 'Locked: the calendar profile has no active credentials (relink it)' },
};

/**
 * Reads a Cronofy error body: 422 `{errors:{field:[{key,description}]}}` becomes `details`, the
 * first key the `providerCode`; token errors `{error, error_description}` (RFC 6749 §5.2) keep
 * their `error` as `providerCode`.
 * @internal
 */
export function parseCronofyError(status: number, body: unknown): ErrorContext {
  const ctx: ErrorContext = {};
  const fixed = STATUS_CODES[status];
  if (fixed) Object.assign(ctx, { code: fixed.code, message: fixed.message });
  if (typeof body !== 'object' || body === null) return ctx;
  const errors = (body as { errors?: unknown }).errors;
  if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
    const details: ValidationDetail[] = [];
    for (const [field, list] of Object.entries(errors as Record<string, unknown>)) {
      for (const item of Array.isArray(list) ? list : [list]) {
        const e = (typeof item === 'object' && item !== null ? item : {}) as { key?: unknown; description?: unknown };
        const key = typeof e.key === 'string' ? e.key : undefined;
        const description = typeof e.description === 'string' ? e.description : typeof item === 'string' ? item : (key ?? 'invalid');
        details.push({ field, description, ...(key ? { key } : {}) });
      }
    }
    if (details.length > 0) {
      ctx.details = details;
      if (details[0]?.key) ctx.providerCode = details[0].key;
      ctx.message = `Cronofy rejected the request: ${details.map((d) => `${d.field} ${d.description}`).join('; ')}`;
    }
  }
  const oauth = body as { error?: unknown; error_description?: unknown };
  if (typeof oauth.error === 'string') {
    ctx.providerCode = oauth.error;
    ctx.message = typeof oauth.error_description === 'string' ? `${oauth.error}: ${oauth.error_description}` : oauth.error;
  }
  return ctx;
}
