/**
 * Stable map keys for participants, locations and alerts. RFC 8984 map keys are opaque Ids; deriving
 * them from the content (instead of random UUIDs, as python-caldav does) keeps them stable across
 * updates, so a whole-event update does not churn every participant and alert id.
 * @internal
 */
export function stableId(prefix: string, text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}${h.toString(36)}`;
}
