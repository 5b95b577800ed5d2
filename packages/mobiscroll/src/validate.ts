import { ValidationError } from '@cal/core';
import { PROVIDER } from './errors.js';

/** Throws `ValidationError` (before any request) when a required string field is missing. @internal */
export function requireFields(operation: string, input: object | undefined, fields: readonly string[]): void {
  const o = (input ?? {}) as Record<string, unknown>;
  const missing = fields.filter((f) => typeof o[f] !== 'string' || o[f] === '');
  if (missing.length) {
    throw new ValidationError(`${operation}: missing ${missing.join(', ')}`, {
      provider: PROVIDER,
      operation,
      details: missing.map((field) => ({ field, key: 'required', description: `${field} is required` })),
    });
  }
}

/** A `Date` or ISO string as the wire wants it; Dates are sent as `toISOString()` like the Node SDK. @internal */
export function isoTime(operation: string, field: string, value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new ValidationError(`${operation}: ${field} is an invalid Date`, {
        provider: PROVIDER,
        operation,
        details: [{ field, key: 'invalid', description: 'invalid Date' }],
      });
    }
    return value.toISOString();
  }
  return String(value);
}
