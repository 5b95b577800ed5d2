// Request bodies as template strings. They are a handful of fixed shapes with conventional
// prefixes, so a generic XML serialiser (and its bytes in every app bundle) buys nothing; every
// interpolated value goes through esc().
import { formatDateTime, fromDate } from '@cal/ical';
import { APPLE, CALDAV, CS, DAV, PREFIXES } from './namespaces.js';

/** Every prefix we use, declared once on the root (RFC 4918 §14: prefixes are arbitrary; unused declarations are harmless). */
const NS = ` xmlns:d="${DAV}" xmlns:c="${CALDAV}" xmlns:cs="${CS}" xmlns:a="${APPLE}"`;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text and attribute values (XML 1.0 §2.4, §3.3.3). */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** A request body: the XML declaration and `root` (`prefix:name`) around `inner`. */
export function body(root: string, inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}${NS}>${inner}</${root}>`;
}

type PropName = readonly [string, string];

/** PROPFIND for the given properties (RFC 4918 §9.1). */
export function propfind(props: readonly PropName[]): string {
  return body('d:propfind', `<d:prop>${props.map(([ns, l]) => `<${PREFIXES[ns]}:${l}/>`).join('')}</d:prop>`);
}

/** Properties read for every calendar collection. */
export const CALENDAR_PROPS: readonly PropName[] = [
  [DAV, 'resourcetype'],
  [DAV, 'displayname'],
  [DAV, 'sync-token'],
  [APPLE, 'calendar-color'],
  [CALDAV, 'calendar-description'],
  [CALDAV, 'supported-calendar-component-set'],
  [CS, 'getctag'],
];

/** UTC `YYYYMMDDTHHMMSSZ` as time-range attributes require (RFC 4791 §9.9). */
export function utc(d: Date): string {
  return formatDateTime(fromDate(d));
}

/** `<c:time-range>` (RFC 4791 §9.9), either bound optional. */
export function timeRange(start?: Date, end?: Date): string {
  return `<c:time-range${start ? ` start="${utc(start)}"` : ''}${end ? ` end="${utc(end)}"` : ''}/>`;
}

/** Options of {@link calendarQuery}. */
export interface QueryOptions {
  component: 'VEVENT' | 'VTODO' | 'VJOURNAL';
  start?: Date;
  end?: Date;
  /** prop-filter on a property that must be present (e.g. RRULE). */
  hasProperty?: string;
  /** prop-filter text-match (i;octet, equals-ish substring) on a property. */
  textMatch?: { prop: string; text: string };
}

/** The prop every object REPORT asks for: ETag and data. */
const OBJECT_PROPS = '<d:prop><d:getetag/><c:calendar-data/></d:prop>';

/** calendar-query REPORT (RFC 4791 §7.8). */
export function calendarQuery(o: QueryOptions): string {
  let filters = o.start || o.end ? timeRange(o.start, o.end) : '';
  if (o.hasProperty) filters += `<c:prop-filter name="${esc(o.hasProperty)}"/>`;
  if (o.textMatch) filters += `<c:prop-filter name="${esc(o.textMatch.prop)}"><c:text-match collation="i;octet">${esc(o.textMatch.text)}</c:text-match></c:prop-filter>`;
  return body('c:calendar-query', `${OBJECT_PROPS}<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="${o.component}">${filters}</c:comp-filter></c:comp-filter></c:filter>`);
}

/** calendar-multiget REPORT (RFC 4791 §7.9). Hrefs are sent as absolute paths. */
export function multiget(hrefs: readonly string[]): string {
  return body('c:calendar-multiget', OBJECT_PROPS + hrefs.map((h) => `<d:href>${esc(new URL(h).pathname)}</d:href>`).join(''));
}

/** sync-collection REPORT (RFC 6578 §3.2). An empty token asks for the initial listing. */
export function syncCollection(token: string): string {
  return body('d:sync-collection', `<d:sync-token>${esc(token)}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>`);
}
