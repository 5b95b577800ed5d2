/**
 * `@cal/caldav`: a CalDAV client (RFC 4791, 6578, 6638, 6764) on `@cal/core`, tested on
 * Radicale, Xandikos and Cyrus.
 * @packageDocumentation
 */
export { CalDAVClient, VERSION, basic, bearer, type CalDAVClientOptions } from './client.js';
export { digest } from './digest-auth.js';
export { Principal, type MakeCalendarOptions, type PrincipalInfo } from './principal.js';
export {
  Calendar,
  type BusyPeriod,
  type ChangesOptions,
  type EventsOptions,
  type SyncResult,
  type TimeRange,
} from './calendar.js';
export { CalendarObject, type OccurrenceInfo } from './calendar-object.js';
export { toCommonEvent } from './common-event.js';
export type { DavPropstat, DavResponse, Multistatus } from './dav/multistatus.js';
export { parseMultistatus } from './dav/multistatus.js';
