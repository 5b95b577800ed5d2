/**
 * `@cal/jmap/ical`: the iCalendar (RFC 5545) ↔ JSCalendar (RFC 8984) converters, following
 * draft-ietf-calext-jscalendar-icalendar. A separate entry point because they (and `@cal/ical`'s
 * parser and serializer) are most of the package's code and an app that only speaks JSCalendar never
 * needs them. Both run synchronously; the client's own iCalendar paths (`createEvent` with VCALENDAR
 * text, `JMAPCalendarObject.toICal()`) load them on first use instead.
 * @packageDocumentation
 */
export { icalToJSCalendar } from './convert/ical-to-jscal.js';
export { jsCalendarToICal } from './convert/jscal-to-ical.js';
