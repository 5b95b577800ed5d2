import { serializeXml, xml, type XmlNode } from '@cal/core/xml';
import { formatDateTime, fromDate } from '@cal/ical';
import { APPLE, CALDAV, CS, DAV, PREFIXES } from './namespaces.js';

/** Serialises a request body with our conventional prefixes. */
export function body(node: XmlNode): string {
  return serializeXml(node, { prefixes: PREFIXES });
}

type PropName = readonly [string, string];

/** PROPFIND for the given properties (RFC 4918 §9.1). */
export function propfind(props: readonly PropName[]): string {
  return body(xml(DAV, 'propfind', {}, [xml(DAV, 'prop', {}, props.map(([ns, l]) => xml(ns, l)))]));
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

/** calendar-query REPORT (RFC 4791 §7.8). */
export function calendarQuery(o: QueryOptions): string {
  const compChildren: XmlNode[] = [];
  if (o.start || o.end) {
    const attrs: Record<string, string> = {};
    if (o.start) attrs['start'] = utc(o.start);
    if (o.end) attrs['end'] = utc(o.end);
    compChildren.push(xml(CALDAV, 'time-range', attrs));
  }
  if (o.hasProperty) compChildren.push(xml(CALDAV, 'prop-filter', { name: o.hasProperty }));
  if (o.textMatch)
    compChildren.push(xml(CALDAV, 'prop-filter', { name: o.textMatch.prop }, [xml(CALDAV, 'text-match', { collation: 'i;octet' }, [o.textMatch.text])]));
  return body(
    xml(CALDAV, 'calendar-query', {}, [
      xml(DAV, 'prop', {}, [xml(DAV, 'getetag'), xml(CALDAV, 'calendar-data')]),
      xml(CALDAV, 'filter', {}, [xml(CALDAV, 'comp-filter', { name: 'VCALENDAR' }, [xml(CALDAV, 'comp-filter', { name: o.component }, compChildren)])]),
    ]),
  );
}

/** calendar-multiget REPORT (RFC 4791 §7.9). Hrefs are sent as absolute paths. */
export function multiget(hrefs: readonly string[]): string {
  return body(
    xml(CALDAV, 'calendar-multiget', {}, [
      xml(DAV, 'prop', {}, [xml(DAV, 'getetag'), xml(CALDAV, 'calendar-data')]),
      ...hrefs.map((h) => xml(DAV, 'href', {}, [new URL(h).pathname])),
    ]),
  );
}

/** sync-collection REPORT (RFC 6578 §3.2). An empty token asks for the initial listing. */
export function syncCollection(token: string): string {
  return body(
    xml(DAV, 'sync-collection', {}, [
      xml(DAV, 'sync-token', {}, token ? [token] : []),
      xml(DAV, 'sync-level', {}, ['1']),
      xml(DAV, 'prop', {}, [xml(DAV, 'getetag')]),
    ]),
  );
}
