/** @packageDocumentation placeholder */
export const name = '@cal/cronofy';
