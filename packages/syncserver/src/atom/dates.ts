import { invalid, protocolError } from '../errors.js';

// RFC 3339 (`2009-09-09T09:09:09Z`, fractions and offsets allowed) and OCSS's compact form
// (`2009-12-09T130500Z`, also fully compact `20091209T130500Z`), in one pattern: the separators
// are optional, the zone is not (a date without one would be read as local time).
const DATE = /^(\d{4})-?(\d\d)-?(\d\d)[T ](\d\d):?(\d\d):?(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** Parses either date form; `undefined` when it is neither. @internal */
export function parseDate(text: string): Date | undefined {
  const t = text.trim().toUpperCase();
  const m = DATE.exec(t);
  // Some engines roll month 13 or day 32 over instead of rejecting them.
  if (!m || +m[2]! > 12 || +m[3]! > 31) return undefined;
  // Feeds send full RFC 3339 (`T` at 10 and `:` at 16 only when every separator is there), which
  // Date reads as is: two dates per entry, rebuilding the string cost more than the rest of the
  // entry. The compact forms get their separators back.
  const date = new Date(t[10] === 'T' && t[16] === ':' ? t : t.replace(DATE, '$1-$2-$3T$4:$5:$6$7$8'));
  return isNaN(+date) ? undefined : date;
}

/** A server timestamp: empty (the datastore feed sends `<updated />`) → undefined; garbage → ProtocolError. @internal */
export function parseServerDate(text: string | undefined): Date | undefined {
  if (!text?.trim()) return undefined;
  const date = parseDate(text);
  if (!date) throw protocolError(`Bad date from SyncServer: ${text.slice(0, 40)}`);
  return date;
}

/** OCSS's compact UTC form `2009-12-09T130500Z`, what the `since` filter puts on the wire. @public */
export function formatCompactDate(date: Date): string {
  return date.toISOString().replace(/:|\.\d{3}/g, '');
}

/** Validates a `since` filter value (Date, RFC 3339 or compact string) before any request. @internal */
export function toSince(value: Date | string, operation: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? parseDate(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw invalid(operation, 'since', 'a Date, an RFC 3339 string or 2009-12-09T130500Z');
  return date;
}
