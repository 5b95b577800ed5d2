/** @packageDocumentation placeholder */
export const name = '@cal/caldav';
