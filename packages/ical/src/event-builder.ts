import { ValidationError, type ValidationDetail } from '@cal/core';
import { dateTimeProperty, formatDateTime, fromDate, parseDateTime, toDate, type ICalDateTime } from './datetime.js';
import type { ICalComponent, ICalProperty } from './model.js';
import { escapeText } from './text.js';

/** A date input: a `Date`, an ISO 8601 string (`2025-03-10T09:00:00Z`, or `2025-03-10` for all-day), or an {@link ICalDateTime}. @public */
export type DateInput = Date | string | ICalDateTime;

/** An attendee for {@link buildEvent}. @public */
export interface AttendeeInput {
  email: string;
  name?: string;
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';
  role?: 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT';
  rsvp?: boolean;
}

/** Fields for {@link buildEvent}. @public */
export interface EventInput {
  /** Defaults to a random UUID. */
  uid?: string;
  summary: string;
  start: DateInput;
  /** Exclusive end. Defaults to start + `duration`, or start + 1 day (all-day) / + 1 hour. */
  end?: DateInput;
  /** Seconds or a DURATION string; used when `end` is absent. */
  duration?: number | string;
  /** DATE values (whole days). Implied when `start` is a `YYYY-MM-DD` string. */
  allDay?: boolean;
  description?: string;
  location?: string;
  /** RRULE value, e.g. `FREQ=WEEKLY;COUNT=10`. */
  rrule?: string;
  exdates?: DateInput[];
  rdates?: DateInput[];
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  transparency?: 'OPAQUE' | 'TRANSPARENT';
  categories?: string[];
  url?: string;
  /** `mailto:` address or plain email. */
  organizer?: string;
  attendees?: (string | AttendeeInput)[];
  /** Display alarms; `trigger` is a DURATION before start such as `-PT15M`. */
  alarms?: { trigger: string; description?: string }[];
  sequence?: number;
  /** Extra properties appended to the VEVENT as given. */
  properties?: ICalProperty[];
  /** DTSTAMP; defaults to now. */
  dtstamp?: Date;
}

/** Fields for {@link buildTodo}. @public */
export interface TodoInput {
  uid?: string;
  summary: string;
  start?: DateInput;
  due?: DateInput;
  allDay?: boolean;
  description?: string;
  status?: 'NEEDS-ACTION' | 'COMPLETED' | 'IN-PROCESS' | 'CANCELLED';
  priority?: number;
  rrule?: string;
  completed?: Date;
  categories?: string[];
  properties?: ICalProperty[];
  dtstamp?: Date;
}

const PRODID = '-//cal-sdk//@cal/ical//EN';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const RRULE_RE = /^(?:[A-Z-]+=[A-Za-z0-9,+\-:]+;)*[A-Z-]+=[A-Za-z0-9,+\-:]+$/;

type Details = ValidationDetail[];

function toICal(input: DateInput | undefined, field: string, allDay: boolean, details: Details): ICalDateTime | undefined {
  if (input === undefined) return undefined;
  try {
    if (input instanceof Date) {
      if (Number.isNaN(input.getTime())) throw new Error('invalid');
      return fromDate(input, { allDay });
    }
    if (typeof input === 'string') {
      if (ISO_DATE.test(input)) return parseDateTime(input.replace(/-/g, ''));
      if (ISO_DT.test(input)) {
        const d = new Date(input);
        if (Number.isNaN(d.getTime())) throw new Error('invalid');
        return fromDate(d, { allDay });
      }
      if (/^\d{8}(T\d{6}Z?)?$/.test(input)) return parseDateTime(input);
      throw new Error('invalid');
    }
    if (typeof input === 'object' && input && typeof (input as ICalDateTime).year === 'number') {
      return parseDateTime(formatDateTime(input), input.tzid) && { ...input };
    }
  } catch {
    /* reported below */
  }
  details.push({ field, key: 'invalid', description: `${field} must be a Date, an ISO 8601 date(-time) with offset, or YYYY-MM-DD` });
  return undefined;
}

function mailto(v: string): string {
  return /^mailto:/i.test(v) ? v : `mailto:${v}`;
}

function checkText(v: unknown, field: string, details: Details, required = false): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || (required && !v.trim())) details.push({ field, key: required ? 'required' : 'invalid', description: `${field} must be a ${required ? 'non-empty ' : ''}string` });
}

function uuid(): string {
  return globalThis.crypto.randomUUID();
}

function vcalendar(child: ICalComponent): ICalComponent {
  return {
    name: 'VCALENDAR',
    properties: [
      { name: 'VERSION', params: {}, value: '2.0' },
      { name: 'PRODID', params: {}, value: PRODID },
    ],
    components: [child],
  };
}

function common(input: { uid?: string; summary: string; dtstamp?: Date }, props: ICalProperty[]): void {
  props.push({ name: 'UID', params: {}, value: input.uid ?? uuid() });
  props.push({ name: 'DTSTAMP', params: {}, value: formatDateTime(fromDate(input.dtstamp ?? new Date())) });
  props.push({ name: 'SUMMARY', params: {}, value: escapeText(input.summary) });
}

/**
 * Builds a `VCALENDAR` holding one `VEVENT`. All-day events use DATE values with an exclusive
 * end; timed events are written in UTC. Throws `ValidationError` (before anything is sent) for a
 * missing summary, an invalid date, an end not after the start, or a malformed RRULE.
 * @example
 * ```ts
 * serializeICalendar(buildEvent({ summary: 'Standup', start: new Date('2025-03-10T09:00:00Z'), duration: 900, rrule: 'FREQ=DAILY;COUNT=5' }))
 * ```
 * @public
 */
export function buildEvent(input: EventInput): ICalComponent {
  const details: Details = [];
  if (!input || typeof input !== 'object') throw new ValidationError('Event input must be an object', { operation: 'buildEvent', details: [{ field: 'event', key: 'invalid', description: 'not an object' }] });
  checkText(input.summary, 'summary', details, true);
  checkText(input.description, 'description', details);
  checkText(input.location, 'location', details);
  checkText(input.uid, 'uid', details);
  const allDay = input.allDay ?? (typeof input.start === 'string' && ISO_DATE.test(input.start));
  const start = toICal(input.start, 'start', allDay, details);
  if (input.start === undefined) details.push({ field: 'start', key: 'required', description: 'start is required' });
  let end = toICal(input.end, 'end', allDay, details);
  let durationSec: number | undefined;
  if (input.duration !== undefined) {
    if (typeof input.duration === 'number' && Number.isFinite(input.duration) && input.duration > 0) durationSec = input.duration;
    else if (typeof input.duration === 'string' && /^P/.test(input.duration)) durationSec = undefined;
    else details.push({ field: 'duration', key: 'invalid', description: 'duration must be positive seconds or a DURATION string' });
  }
  if (input.rrule !== undefined && (typeof input.rrule !== 'string' || !RRULE_RE.test(input.rrule.replace(/^RRULE:/i, '')) || !/(^|;)FREQ=/.test(input.rrule)))
    details.push({ field: 'rrule', key: 'invalid', description: 'rrule must be an RRULE value such as FREQ=WEEKLY;COUNT=3' });
  if (start && end) {
    if (start.isDate !== end.isDate) details.push({ field: 'end', key: 'invalid', description: 'start and end must both be dates or both date-times' });
    else if (toDate(end).getTime() <= toDate(start).getTime())
      details.push({ field: 'end', key: 'end_before_start', description: 'end must be after start' });
  }
  if (details.length) throw new ValidationError(`Invalid event: ${details.map((d) => d.description).join('; ')}`, { details, operation: 'buildEvent' });
  const props: ICalProperty[] = [];
  common(input, props);
  props.push(dateTimeProperty('DTSTART', start!));
  if (!end && typeof input.duration === 'string') props.push({ name: 'DURATION', params: {}, value: input.duration });
  else {
    if (!end) {
      const sec = durationSec ?? (start!.isDate ? 86400 : 3600);
      end = start!.isDate ? fromDate(new Date(toDate(start!).getTime() + sec * 1000), { allDay: true }) : fromDate(new Date(toDate(start!).getTime() + sec * 1000));
    }
    props.push(dateTimeProperty('DTEND', end));
  }
  if (input.description !== undefined) props.push({ name: 'DESCRIPTION', params: {}, value: escapeText(input.description) });
  if (input.location !== undefined) props.push({ name: 'LOCATION', params: {}, value: escapeText(input.location) });
  if (input.rrule) props.push({ name: 'RRULE', params: {}, value: input.rrule.replace(/^RRULE:/i, '') });
  for (const [key, list] of [['EXDATE', input.exdates], ['RDATE', input.rdates]] as const) {
    for (const d of list ?? []) {
      const dt = toICal(d, key.toLowerCase(), start!.isDate, details);
      if (dt) props.push(dateTimeProperty(key, dt));
    }
  }
  if (input.status) props.push({ name: 'STATUS', params: {}, value: input.status });
  if (input.transparency) props.push({ name: 'TRANSP', params: {}, value: input.transparency });
  if (input.categories?.length) props.push({ name: 'CATEGORIES', params: {}, value: input.categories.map(escapeText).join(',') });
  if (input.url) props.push({ name: 'URL', params: {}, value: input.url });
  if (input.sequence !== undefined) props.push({ name: 'SEQUENCE', params: {}, value: String(input.sequence) });
  if (input.organizer) props.push({ name: 'ORGANIZER', params: {}, value: mailto(input.organizer) });
  for (const a of input.attendees ?? []) {
    const att = typeof a === 'string' ? { email: a } : a;
    const params: Record<string, string> = {};
    if (att.name) params['CN'] = att.name;
    params['PARTSTAT'] = att.partstat ?? 'NEEDS-ACTION';
    if (att.role) params['ROLE'] = att.role;
    if (att.rsvp !== undefined) params['RSVP'] = att.rsvp ? 'TRUE' : 'FALSE';
    props.push({ name: 'ATTENDEE', params, value: mailto(att.email) });
  }
  if (input.properties) props.push(...input.properties);
  if (details.length) throw new ValidationError(`Invalid event: ${details.map((d) => d.description).join('; ')}`, { details, operation: 'buildEvent' });
  const alarms: ICalComponent[] = (input.alarms ?? []).map((a) => ({
    name: 'VALARM',
    properties: [
      { name: 'ACTION', params: {}, value: 'DISPLAY' },
      { name: 'TRIGGER', params: {}, value: a.trigger },
      { name: 'DESCRIPTION', params: {}, value: escapeText(a.description ?? input.summary) },
    ],
    components: [],
  }));
  return vcalendar({ name: 'VEVENT', properties: props, components: alarms });
}

/**
 * Builds a `VCALENDAR` holding one `VTODO`. Throws `ValidationError` for bad input (missing
 * summary, invalid dates, due before start, priority outside 0–9).
 * @public
 */
export function buildTodo(input: TodoInput): ICalComponent {
  const details: Details = [];
  if (!input || typeof input !== 'object') throw new ValidationError('Todo input must be an object', { operation: 'buildTodo', details: [{ field: 'todo', key: 'invalid', description: 'not an object' }] });
  checkText(input.summary, 'summary', details, true);
  const allDay = input.allDay ?? false;
  const start = toICal(input.start, 'start', allDay, details);
  const due = toICal(input.due, 'due', allDay, details);
  if (start && due && toDate(due).getTime() < toDate(start).getTime()) details.push({ field: 'due', key: 'end_before_start', description: 'due must not be before start' });
  if (input.priority !== undefined && !(Number.isInteger(input.priority) && input.priority >= 0 && input.priority <= 9))
    details.push({ field: 'priority', key: 'invalid', description: 'priority must be an integer 0-9' });
  if (details.length) throw new ValidationError(`Invalid todo: ${details.map((d) => d.description).join('; ')}`, { details, operation: 'buildTodo' });
  const props: ICalProperty[] = [];
  common(input, props);
  if (start) props.push(dateTimeProperty('DTSTART', start));
  if (due) props.push(dateTimeProperty('DUE', due));
  if (input.description !== undefined) props.push({ name: 'DESCRIPTION', params: {}, value: escapeText(input.description) });
  props.push({ name: 'STATUS', params: {}, value: input.status ?? (input.completed ? 'COMPLETED' : 'NEEDS-ACTION') });
  if (input.completed) props.push({ name: 'COMPLETED', params: {}, value: formatDateTime(fromDate(input.completed)) });
  if (input.priority !== undefined) props.push({ name: 'PRIORITY', params: {}, value: String(input.priority) });
  if (input.rrule) props.push({ name: 'RRULE', params: {}, value: input.rrule });
  if (input.categories?.length) props.push({ name: 'CATEGORIES', params: {}, value: input.categories.map(escapeText).join(',') });
  if (input.properties) props.push(...input.properties);
  return vcalendar({ name: 'VTODO', properties: props, components: [] });
}

