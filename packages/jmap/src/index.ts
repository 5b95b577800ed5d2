/** @packageDocumentation placeholder */
export const name = '@cal/jmap';
