import { invalid, protocolError } from '../errors.js';

// RFC 3339 (`2009-09-09T09:09:09Z`, fractions and offsets allowed) and OCSS's compact form
// (`2009-12-09T130500Z`, also fully compact `20091209T130500Z`).
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/;
const COMPACT = /^(\d{4})-?(\d\d)-?(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;

/** Parses either date form; `undefined` when it is neither. @internal */
export function parseDate(text: string): Date | undefined {
  const s = text.trim();
  const m = RFC3339.exec(s) ?? COMPACT.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, frac = '', tz = 'Z'] = m.length === 9 ? m : [...m, '', 'Z'];
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${se}${frac}${tz.toUpperCase()}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || Number(mo) > 12 || Number(d) > 31 ? undefined : date;
}

/** A server timestamp: empty (the datastore feed sends `<updated />`) → undefined; garbage → ProtocolError. @internal */
export function parseServerDate(text: string | undefined): Date | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const date = parseDate(text);
  if (!date) throw protocolError(`Invalid date in SyncServer response: ${text.slice(0, 40)}`);
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
