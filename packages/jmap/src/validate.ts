import { ValidationError } from '@cal/core';
import { PROVIDER } from './constants.js';

/** Throws a ValidationError (before any request) unless `value` is a non-empty string. @internal */
export function requireId(value: unknown, field: string, operation: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(field, operation, `${field} must be a non-empty string`);
  }
}

/** A client-side ValidationError for one field. @internal */
export function invalid(field: string, operation: string, description: string, key = 'invalid'): ValidationError {
  return new ValidationError(`Invalid ${field} for ${operation}: ${description}`, {
    provider: PROVIDER,
    operation,
    details: [{ field, key, description }],
  });
}
