import type { EventFieldsInput } from '../resources/events.js';
import type { Provider } from '../models.js';
import type { Kit } from './kit.js';

/** Input checks only the on-demand operations need; every failure is a `ValidationError` before any request. @internal */
export interface InputChecks {
  requireProvider(operation: string, provider: unknown): asserts provider is Provider;
  requireMode(operation: string, field: string, mode: unknown): void;
  /** The writable fields of an event input as the wire wants them (Dates as ISO strings). */
  writeFields(operation: string, input: EventFieldsInput): Record<string, unknown>;
}

/** Builds the {@link InputChecks} on the kit's `ValidationError`. @internal */
export function createInputChecks({ PROVIDER, PROVIDERS, ValidationError, isoTime }: Kit): InputChecks {
  const invalid = (operation: string, field: string, message: string, description: string) =>
    new ValidationError(`${operation}: ${message}`, {
      provider: PROVIDER,
      operation,
      details: [{ field, key: 'invalid', description }],
    });

  const WRITABLE = [
    'title', 'description', 'location', 'allDay', 'attendees', 'recurrence', 'custom',
    'conference', 'conferenceData', 'availability', 'privacy', 'status',
  ] as const;

  return {
    requireProvider(operation, provider) {
      if (!PROVIDERS.includes(provider as Provider)) {
        throw invalid(operation, 'provider', `provider must be one of ${PROVIDERS.join(', ')}`, `one of ${PROVIDERS.join(', ')}`);
      }
    },

    requireMode(operation, field, mode) {
      if (mode !== undefined && mode !== 'this' && mode !== 'following' && mode !== 'all') {
        throw invalid(operation, field, `${field} must be this, following or all`, 'this | following | all');
      }
    },

    writeFields(operation, input) {
      const out: Record<string, unknown> = {};
      for (const k of WRITABLE) if (input[k] !== undefined) out[k] = input[k];
      const start = isoTime(operation, 'start', input.start);
      const end = isoTime(operation, 'end', input.end);
      if (start !== undefined) out.start = start;
      if (end !== undefined) out.end = end;
      return out;
    },
  };
}
