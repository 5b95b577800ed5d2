/** @packageDocumentation placeholder */
export const name = '@cal/syncserver';
