/** WebDAV (RFC 4918). */
export const DAV = 'DAV:';
/** CalDAV (RFC 4791). */
export const CALDAV = 'urn:ietf:params:xml:ns:caldav';
/** Calendar Server extensions (getctag). */
export const CS = 'http://calendarserver.org/ns/';
/** Apple iCal extensions (calendar-color, calendar-order). */
export const APPLE = 'http://apple.com/ns/ical/';

/** Prefixes used in request bodies; servers must accept any, we pick the conventional ones. */
export const PREFIXES: Record<string, string> = { [DAV]: 'd', [CALDAV]: 'c', [CS]: 'cs', [APPLE]: 'a' };
