/** @packageDocumentation placeholder */
export const name = '@cal/testkit';
