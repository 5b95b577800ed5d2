/**
 * One iCalendar property (RFC 5545 §3.1 content line), after unfolding.
 *
 * `value` is the raw value text exactly as on the wire (still escaped for TEXT values: read it
 * with {@link readText}). Names are upper-case.
 * @public
 */
export interface ICalProperty {
  /** Upper-case property name, e.g. `DTSTART`, `X-WR-CALNAME`. */
  name: string;
  /** Parameters by upper-case name, unquoted (a multi-valued parameter keeps its values joined by `,`). */
  params: Record<string, string>;
  /** Raw value text (unfolded, not unescaped). */
  value: string;
}

/**
 * An iCalendar component (`VCALENDAR`, `VEVENT`, `VTODO`, `VTIMEZONE`, `VALARM`…).
 * @public
 */
export interface ICalComponent {
  /** Upper-case component name. */
  name: string;
  /** Properties in document order. */
  properties: ICalProperty[];
  /** Nested components in document order. */
  components: ICalComponent[];
}
