/**
 * `@cal/ical`: a lean RFC 5545 parser/serialiser (hot path, no dependency), typed value helpers,
 * event/todo builders, and recurrence expansion that loads ical.js lazily. Shared by
 * `@cal/caldav` and `@cal/jmap`.
 * @packageDocumentation
 */
export type { ICalComponent, ICalProperty } from './model.js';
export { parseICalendar, parseICalendarComponents } from './parse.js';
export { foldLine, serializeICalendar, serializeProperty } from './serialize.js';
export { escapeText, readText, splitTextList, unescapeText } from './text.js';
export {
  dateTimeProperty,
  formatDateTime,
  fromDate,
  ianaZone,
  parseDateTime,
  readDateTime,
  toDate,
  zonedToEpoch,
  type ICalDateTime,
} from './datetime.js';
export { durationToSeconds, formatDuration, parseDuration, type ICalDuration } from './duration.js';
export {
  cloneComponent,
  getComponents,
  getProperties,
  getProperty,
  mainComponent,
  removeProperty,
  setProperty,
} from './component.js';
export { buildEvent, buildTodo, type AttendeeInput, type DateInput, type EventInput, type TodoInput } from './event-builder.js';
export { expandRecurrences, nextRecurrence, type ExpandOptions, type Occurrence } from './recurrence.js';
export { icalToCommonEvent, type CommonEventSource } from './common-event.js';
