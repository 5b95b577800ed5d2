// Request bodies only the on-demand features send (calendar management, free/busy). Loaded with
// them; esc/body/timeRange come from the eager code through the kit (see on-demand-kit.ts).
import type { Kit } from '../on-demand.js';

/** The `set` props for MKCALENDAR / extended MKCOL / PROPPATCH. */
export function calendarSetProps(k: Kit, o: { displayName?: string | undefined; color?: string | undefined; description?: string | undefined; components?: readonly string[] }): string[] {
  const props: string[] = [];
  if (o.displayName !== undefined) props.push(`<d:displayname>${k.esc(o.displayName)}</d:displayname>`);
  if (o.color !== undefined) props.push(`<a:calendar-color>${k.esc(o.color)}</a:calendar-color>`);
  if (o.description !== undefined) props.push(`<c:calendar-description>${k.esc(o.description)}</c:calendar-description>`);
  if (o.components?.length)
    props.push(`<c:supported-calendar-component-set>${o.components.map((c) => `<c:comp name="${k.esc(c)}"/>`).join('')}</c:supported-calendar-component-set>`);
  return props;
}

/** `<d:set><d:prop>…</d:prop></d:set>` in `root`: MKCALENDAR (RFC 4791 §5.3.1), extended MKCOL (RFC 5689), PROPPATCH (RFC 4918 §9.2). */
export function setBody(k: Kit, root: string, props: string[]): string {
  return k.body(root, `<d:set><d:prop>${props.join('')}</d:prop></d:set>`);
}

/** Extended MKCOL (RFC 5689) props: a calendar collection plus the given properties. */
export function mkcolProps(props: string[]): string[] {
  return ['<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>', ...props];
}

/** free-busy-query REPORT (RFC 4791 §7.10). */
export function freeBusyQuery(k: Kit, start: Date, end: Date): string {
  return k.body('c:free-busy-query', k.timeRange(start, end));
}
