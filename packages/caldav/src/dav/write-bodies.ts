// Request bodies only the on-demand features send (calendar management, free/busy). Loaded with
// them; the XML helpers come from the eager code through the kit (see on-demand-kit.ts).
import type { XmlNode } from '@cal/core/xml';
import type { Kit } from '../on-demand.js';

/** The `set` props for MKCALENDAR / extended MKCOL / PROPPATCH. */
export function calendarSetProps(k: Kit, o: { displayName?: string | undefined; color?: string | undefined; description?: string | undefined; components?: readonly string[] }): XmlNode[] {
  const props: XmlNode[] = [];
  if (o.displayName !== undefined) props.push(k.xml(k.DAV, 'displayname', {}, [o.displayName]));
  if (o.color !== undefined) props.push(k.xml(k.APPLE, 'calendar-color', {}, [o.color]));
  if (o.description !== undefined) props.push(k.xml(k.CALDAV, 'calendar-description', {}, [o.description]));
  if (o.components?.length)
    props.push(k.xml(k.CALDAV, 'supported-calendar-component-set', {}, o.components.map((c) => k.xml(k.CALDAV, 'comp', { name: c }))));
  return props;
}

/** `<set><prop>…</prop></set>` wrapped in `{ns}root`: MKCALENDAR (RFC 4791 §5.3.1), extended MKCOL (RFC 5689), PROPPATCH (RFC 4918 §9.2). */
export function setBody(k: Kit, ns: string, root: string, props: XmlNode[]): string {
  return k.body(k.xml(ns, root, {}, [k.xml(k.DAV, 'set', {}, [k.xml(k.DAV, 'prop', {}, props)])]));
}

/** Extended MKCOL (RFC 5689) props: a calendar collection plus the given properties. */
export function mkcolProps(k: Kit, props: XmlNode[]): XmlNode[] {
  return [k.xml(k.DAV, 'resourcetype', {}, [k.xml(k.DAV, 'collection'), k.xml(k.CALDAV, 'calendar')]), ...props];
}

/** free-busy-query REPORT (RFC 4791 §7.10). */
export function freeBusyQuery(k: Kit, start: Date, end: Date): string {
  return k.body(k.xml(k.CALDAV, 'free-busy-query', {}, [k.xml(k.CALDAV, 'time-range', { start: k.utc(start), end: k.utc(end) })]));
}
