import { SimHttpError } from '../index.js';
import type { StoredTime } from './types.js';

/** Cronofy data types (docs data-types): Date `YYYY-MM-DD`, Time UTC with seconds and no fraction. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** 422 body in Cronofy's shape: `{errors:{field:[{key,description}]}}` (reference §4.1). */
export function unprocessable(errors: Record<string, { key: string; description: string }[]>): SimHttpError {
  return new SimHttpError(422, { errors });
}

/** One-field 422. */
export function fieldError(field: string, key: string, description: string): SimHttpError {
  return unprocessable({ [field]: [{ key, description }] });
}

/** UTC Time, seconds precision. */
export function timeString(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a query/body Date or Time; `undefined` when malformed (non-zero milliseconds are rejected like the API does). */
export function parseDateOrTime(value: unknown): StoredTime | undefined {
  if (typeof value === 'string') {
    if (DATE.test(value)) {
      const ms = Date.parse(`${value}T00:00:00Z`);
      return Number.isNaN(ms) ? undefined : { wire: value, ms, allDay: true };
    }
    if (TIME.test(value)) {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : { wire: value, ms, allDay: false };
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const { time, tzid } = value as { time?: unknown; tzid?: unknown };
    const inner = parseDateOrTime(time);
    if (!inner || typeof tzid !== 'string') return undefined;
    return { wire: { time: time as string, tzid }, ms: inner.ms, allDay: inner.allDay };
  }
  return undefined;
}

/** Instant of a stored wire time. */
export function instant(value: string | { time: string }): number {
  const raw = typeof value === 'string' ? value : value.time;
  return Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw);
}

/** Query boolean: `true`/`false` (node, PHP) and Python's `True`/`False` (pycronofy, reference §5). */
export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw fieldError(name, 'errors.invalid', `${name} must be true or false`);
}

/** Array query parameter: `calendar_ids[]=a&calendar_ids[]=b` (all SDKs). */
export function queryArray(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query.getAll(`${name}[]`), ...query.getAll(name)];
  return values.length ? values : undefined;
}

let counter = 0;
/** Short unique id with a Cronofy-looking prefix. */
export function id(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}`;
}
