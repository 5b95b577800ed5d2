/** @packageDocumentation placeholder */
export const name = '@cal/ical';
