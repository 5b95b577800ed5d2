import { toServerEvent } from './server-event.js';
import { lazy } from './lazy.js';
import { invalid, requireId } from './validate.js';
import type { SetErrorEntry } from './errors.js';
import type { Transport } from './transport.js';
import type { JSCalendarEvent } from './types/jscalendar.js';

/** An event to write: VCALENDAR text, or a JSCalendar Event object. @public */
export type EventInput = string | JSCalendarEvent;

/** Options of the event writes. @public */
export interface WriteOptions {
  /** Only write if the CalendarEvent state is still this one; otherwise `ConflictError` (RFC 8620 §5.3). */
  readonly ifInState?: string;
  /** Ask the server to send iTIP messages to participants (draft-ietf-jmap-calendars §5.8). */
  readonly sendSchedulingMessages?: boolean;
  /** Cancels the request. */
  readonly signal?: AbortSignal;
}

/** Result of {@link JMAPClient.createEvents}. @public */
export interface CreateEventsResult {
  /** Server ids, in input order; `undefined` where that item was rejected. */
  readonly ids: (string | undefined)[];
  /** Every rejected item (`id` is `"e<index>"`, the creation id), none dropped. */
  readonly errors: SetErrorEntry[];
  /** CalendarEvent state after the last batch. */
  readonly newState: string | undefined;
}

// iCalendar input is converted by a module loaded on first use: apps that write JSCalendar objects
// never load the converter and @cal/ical (most of this package's code).
const converter = lazy(() => import('./convert/ical-to-jscal.js'));

/** Converts input to a JSCalendar object. @internal */
export async function toEvent(input: EventInput, operation: string): Promise<JSCalendarEvent> {
  if (typeof input === 'string') return (await converter()).icalToJSCalendar(input);
  // A thenable is almost always a forgotten `await` (e.g. of the async `toICal()`): reject it instead
  // of sending an empty event.
  if (typeof input !== 'object' || input === null || Array.isArray(input) || typeof (input as { then?: unknown }).then === 'function') {
    throw invalid('event', operation, 'expected VCALENDAR text or a JSCalendar Event object');
  }
  return input;
}

/** The `/set` arguments of {@link WriteOptions}. @internal */
export function setOptions(opts: WriteOptions): Record<string, unknown> {
  return {
    ...(opts.ifInState === undefined ? {} : { ifInState: opts.ifInState }),
    ...(opts.sendSchedulingMessages === undefined ? {} : { sendSchedulingMessages: opts.sendSchedulingMessages }),
  };
}

/** `CalendarEvent/set` create of one event; returns its id. @internal */
export async function createEvent(t: Transport, calendarId: string, input: EventInput, opts: WriteOptions = {}): Promise<string> {
  requireId(calendarId, 'calendarId', 'createEvent');
  const event = { ...toServerEvent(await toEvent(input, 'createEvent')), calendarIds: { [calendarId]: true } };
  return t.create('CalendarEvent/set', 'new-0', event, setOptions(opts), opts.signal);
}
