import { ValidationError } from '@cal/core';
import { isDateOnly, isTime, utcSeconds } from './time-values.js';

// The throwing formatters, for input no validator has seen (batch entries) and the lazily loaded
// endpoints; the initial bundle formats validated input with time-values.ts alone.
export { isDateOnly, isTime, utcSeconds };

/** @internal */
export function invalid(field: string, operation: string | undefined, description: string): ValidationError {
  return new ValidationError(`Invalid ${field}: ${description}`, {
    provider: 'cronofy',
    details: [{ field, key: 'invalid', description }],
    ...(operation ? { operation } : {}),
  });
}

/**
 * Formats a Time (`Date` or ISO string with `Z`/offset) as UTC without milliseconds.
 * @throws ValidationError for anything else
 * @internal
 */
export function formatTime(value: Date | string, field: string, operation?: string): string {
  if (!isTime(value)) throw invalid(field, operation, 'expected a Date or an ISO 8601 date-time with Z or an offset');
  return utcSeconds(value instanceof Date ? value : new Date(value));
}

/**
 * Formats a query bound (`from`, `to`): a `YYYY-MM-DD` date stays a date (interpreted in `tzid` by
 * the server); anything else is a Time.
 * @internal
 */
export function formatDateOrTime(value: Date | string, field: string, operation?: string): string {
  if (isDateOnly(value)) return value;
  if (!isTime(value)) throw invalid(field, operation, 'expected a Date, a YYYY-MM-DD date or an ISO 8601 date-time');
  return formatTime(value, field, operation);
}
