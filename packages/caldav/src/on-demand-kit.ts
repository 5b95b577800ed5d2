// Everything the lazily loaded on-demand.ts uses from the eager code, handed to it as one object.
// Static imports from on-demand.ts would make bundlers move these shared helpers into an extra
// shared chunk, and two gzip streams cost more than the code moved out saves.
export { ConflictError, NotFoundError, ProtocolError } from '@cal/core';
export { child, childText, children, xml } from '@cal/core/xml';
export {
  durationToSeconds,
  formatDateTime,
  getProperty,
  nextRecurrence,
  parseDateTime,
  parseDuration,
  parseICalendar,
  readDateTime,
  removeProperty,
  serializeICalendar,
  setProperty,
  toDate,
} from '@cal/ical';
export { Calendar, checkRange, multiget, query, unsupported } from './calendar.js';
export { CALENDAR_PROPS, body, calendarQuery, propfind, utc } from './dav/bodies.js';
export { asCollection, pathKey } from './dav/href.js';
export { APPLE, CALDAV, DAV } from './dav/namespaces.js';
export { parseDavXml, prop, propText } from './dav/multistatus.js';
export { bad } from './errors.js';
