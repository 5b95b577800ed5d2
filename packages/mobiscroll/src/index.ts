/** @packageDocumentation placeholder */
export const name = '@cal/mobiscroll';
