// The on-demand chunk's entry (see on-demand.ts): features a typical app does not call.
export { calendarAt, deleteCalendar, deleteObject, freeBusy, object, objectByUid, objects, syncToken, todos, update } from './calendar-extras.js';
export { makeCalendar } from './make-calendar.js';
export { complete, editSeries, respond } from './object-edits.js';
export { inbox, outboxFreeBusy } from './scheduling.js';
export { statusError, writeError } from './error-mapping.js';
