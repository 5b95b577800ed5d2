/**
 * The iCalendar component model the converter works on: `@cal/ical`'s (shared with `@cal/caldav`),
 * plus two lookup helpers.
 * @packageDocumentation
 */
import type { ICalComponent, ICalProperty } from '@cal/ical';

export type { ICalComponent, ICalProperty } from '@cal/ical';
export { escapeText, parseICalendar as parseICal, serializeICalendar as serializeICal, unescapeText } from '@cal/ical';

/** First property of a name. @internal */
export function prop(c: ICalComponent, name: string): ICalProperty | undefined {
  return c.properties.find((p) => p.name === name);
}

/** A parameter value (multi-valued parameters are joined by `,` in `@cal/ical`'s model). @internal */
export function param(p: ICalProperty, name: string): string | undefined {
  return p.params[name];
}
