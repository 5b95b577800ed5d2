import { ValidationError } from '@cal/core';
import { PROVIDER } from './errors.js';
import { PROVIDERS, type Provider } from './models.js';

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

/** @internal */
export function requireProvider(operation: string, provider: unknown): asserts provider is Provider {
  if (!PROVIDERS.includes(provider as Provider)) {
    throw new ValidationError(`${operation}: provider must be one of ${PROVIDERS.join(', ')}`, {
      provider: PROVIDER,
      operation,
      details: [{ field: 'provider', key: 'invalid', description: `one of ${PROVIDERS.join(', ')}` }],
    });
  }
}

/** @internal */
export function requireMode(operation: string, field: string, mode: unknown): void {
  if (mode !== undefined && mode !== 'this' && mode !== 'following' && mode !== 'all') {
    throw new ValidationError(`${operation}: ${field} must be this, following or all`, {
      provider: PROVIDER,
      operation,
      details: [{ field, key: 'invalid', description: 'this | following | all' }],
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
