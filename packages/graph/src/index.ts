/** @packageDocumentation placeholder */
export const name = '@cal/graph';
