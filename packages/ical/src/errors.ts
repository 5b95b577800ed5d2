import { ValidationError } from '@cal/core';

/** Builds the ValidationError thrown for unusable iCalendar input. */
export function invalid(description: string, field = 'icalendar', operation = 'parseICalendar'): ValidationError {
  return new ValidationError(`Invalid iCalendar: ${description}`, {
    details: [{ field, key: 'invalid', description }],
    operation,
    provider: 'ical',
  });
}
