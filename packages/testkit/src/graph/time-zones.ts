/**
 * Date-time helpers of the Graph simulator: Graph's `dateTimeTimeZone` (`dateTime` without offset +
 * `timeZone` name, resources/datetimetimezone.md) ⇄ epoch ms. Graph accepts Windows zone names and a
 * documented list of IANA names; the simulator knows the common ones of each.
 */

/** Windows → IANA for the zones the simulator understands (CLDR windowsZones.xml, territory "001"). */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Mountain Standard Time': 'America/Denver',
  'Central Standard Time': 'America/Chicago',
  'Eastern Standard Time': 'America/New_York',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'FLE Standard Time': 'Europe/Kiev',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const known = new Set<string>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** IANA zone for a Graph zone name, or `undefined` when unknown. */
export function ianaZone(name: string | undefined | null): string | undefined {
  if (!name) return 'UTC';
  const trimmed = name.trim();
  if (WINDOWS_TO_IANA[trimmed]) return WINDOWS_TO_IANA[trimmed];
  if (formatters.has(trimmed) || known.has(trimmed)) return trimmed;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
    known.add(trimmed);
    return trimmed;
  } catch {
    return undefined;
  }
}

/** Whether `name` is a Windows zone name (as opposed to an IANA one). */
export function isWindowsZone(name: string): boolean {
  return name in WINDOWS_TO_IANA;
}

function offsetMs(utcMs: number, zone: string): number {
  if (zone === 'UTC') return 0;
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, fmt);
  }
  const parts = fmt.formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** `dateTime` (no offset, local to `zone`) → epoch ms. An explicit offset/Z in the value wins. */
export function toEpoch(dateTime: string, zoneName?: string | null): number {
  if (/[zZ]$|[+-]\d\d:\d\d$/.test(dateTime)) return Date.parse(dateTime);
  const zone = ianaZone(zoneName) ?? 'UTC';
  const naive = Date.parse(`${dateTime.slice(0, 23)}Z`);
  if (Number.isNaN(naive)) return NaN;
  // two passes handle DST edges well enough for a simulator
  const first = naive - offsetMs(naive, zone);
  return naive - offsetMs(first, zone);
}

/** Epoch ms → Graph `dateTimeTimeZone` in `zoneName` (7 fractional digits like Graph). */
export function fromEpoch(ms: number, zoneName = 'UTC'): { dateTime: string; timeZone: string } {
  const zone = ianaZone(zoneName) ?? 'UTC';
  const local = new Date(ms + offsetMs(ms, zone));
  return { dateTime: `${local.toISOString().slice(0, 19)}.0000000`, timeZone: zoneName };
}

/** Query parameter (`startDateTime`) → epoch ms; no offset means UTC (user-list-calendarview.md). */
export function parseWindowBound(value: string | null): number {
  if (!value) return NaN;
  return /[zZ]$|[+-]\d\d:\d\d$/.test(value) ? Date.parse(value) : Date.parse(`${value}Z`);
}
