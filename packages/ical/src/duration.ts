import { invalid } from './errors.js';

/** A DURATION value (RFC 5545 §3.3.6). @public */
export interface ICalDuration {
  negative: boolean;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DUR_RE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses a DURATION value such as `PT1H30M`, `-P1D`, `P2W`. Throws `ValidationError` otherwise. @public */
export function parseDuration(value: string): ICalDuration {
  const m = DUR_RE.exec(value.trim());
  if (!m || value.trim().endsWith('T') || /^[+-]?P$/.test(value.trim()))
    throw invalid(`"${value.slice(0, 40)}" is not a DURATION`, 'duration', 'parseDuration');
  return {
    negative: m[1] === '-',
    weeks: +(m[2] ?? 0),
    days: +(m[3] ?? 0),
    hours: +(m[4] ?? 0),
    minutes: +(m[5] ?? 0),
    seconds: +(m[6] ?? 0),
  };
}

/** Total seconds of a duration (days as 86,400 s: nominal-day subtleties across DST are ignored). @public */
export function durationToSeconds(d: ICalDuration): number {
  const s = d.weeks * 604800 + d.days * 86400 + d.hours * 3600 + d.minutes * 60 + d.seconds;
  return d.negative ? -s : s;
}

/** Formats seconds (or a duration object) as a DURATION value, e.g. 5400 → `PT1H30M`. @public */
export function formatDuration(input: number | ICalDuration): string {
  let total = typeof input === 'number' ? input : durationToSeconds(input);
  if (!Number.isFinite(total)) throw invalid('duration is not a finite number', 'duration', 'formatDuration');
  const neg = total < 0;
  total = Math.abs(Math.round(total));
  const days = Math.floor(total / 86400);
  let rest = total % 86400;
  const h = Math.floor(rest / 3600);
  rest %= 3600;
  const min = Math.floor(rest / 60);
  const s = rest % 60;
  let out = `${neg ? '-' : ''}P`;
  if (days) out += `${days}D`;
  if (h || min || s || !days) {
    out += 'T';
    if (h) out += `${h}H`;
    if (min) out += `${min}M`;
    if (s || (!h && !min)) out += `${s}S`;
  }
  return out;
}
