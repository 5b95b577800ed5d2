import { ValidationError } from '@cal/core';

/** Client-side input rejection, thrown before any request. One helper keeps the bundle small. */
export function bad(operation: string, field: string, key: string, message: string): ValidationError {
  return new ValidationError(message, { operation, provider: 'caldav', details: [{ field, key, description: message }] });
}
