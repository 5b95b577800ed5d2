import { ValidationError, isCalError } from '@cal/core';

/**
 * Runs a conversion and turns anything that is not already a CalError (a `TypeError` from a
 * wrongly-typed JSCalendar value, a `RangeError` from an impossible date) into a ValidationError, so the
 * converters never throw raw errors (docs/HELPER-RULES.md §6).
 * @internal
 */
export function guarded<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    if (isCalError(cause)) throw cause;
    const description = cause instanceof Error ? cause.message : String(cause);
    throw new ValidationError(`Cannot convert: ${description}`, {
      provider: 'jmap',
      operation,
      cause,
      details: [{ field: 'event', key: 'invalid', description }],
    });
  }
}
