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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const RRULE_RE = /^(?:[A-Z-]+=[A-Za-z0-9,+\-:]+;)*[A-Z-]+=[A-Za-z0-9,+\-:]+$/;

type Details = ValidationDetail[];

/** A property without parameters (or with the given ones). */
const line = (name: string, value: string, params: Record<string, string> = {}): ICalProperty => ({ name, params, value });

/** Records a problem; all problems are reported together in one ValidationError. */
function problem(details: Details, field: string, key: string, description: string): void {
  details.push({ field, key, description });
}

function check(details: Details, what: string, operation: string): void {
  if (details.length) throw new ValidationError(`Invalid ${what}: ${details.map((d) => d.description).join('; ')}`, { details, operation });
}

function toICal(input: DateInput | undefined, field: string, allDay: boolean, details: Details): ICalDateTime | undefined {
  if (input === undefined) return undefined;
  try {
    if (input instanceof Date) return fromDate(input, { allDay }); // throws for an invalid Date
    if (typeof input === 'string') {
      if (ISO_DATE.test(input)) return parseDateTime(input.replace(/-/g, ''));
      if (ISO_DT.test(input)) return fromDate(new Date(input), { allDay });
      if (/^\d{8}(T\d{6}Z?)?$/.test(input)) return parseDateTime(input);
    } else if (typeof input === 'object' && input && typeof input.year === 'number') {
      return parseDateTime(formatDateTime(input), input.tzid) && { ...input };
    }
  } catch {
    /* reported below */
  }
  problem(details, field, 'invalid', `${field} must be a Date, an ISO 8601 date(-time) with offset, or YYYY-MM-DD`);
  return undefined;
}

function mailto(v: string): string {
  return /^mailto:/i.test(v) ? v : `mailto:${v}`;
}

function checkText(v: unknown, field: string, details: Details, required = false): void {
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || (required && !v.trim())) problem(details, field, required ? 'required' : 'invalid', `${field} must be a ${required ? 'non-empty ' : ''}string`);
}

function checkInput(input: unknown, what: string, operation: string): void {
  if (!input || typeof input !== 'object') throw new ValidationError(`${what} input must be an object`, { operation, details: [{ field: what.toLowerCase(), key: 'invalid', description: 'not an object' }] });
}

/** UID, DTSTAMP and SUMMARY: the properties every built component starts with. */
function common(input: { uid?: string; summary: string; dtstamp?: Date }): ICalProperty[] {
  return [
    line('UID', input.uid ?? globalThis.crypto.randomUUID()),
    line('DTSTAMP', formatDateTime(fromDate(input.dtstamp ?? new Date()))),
    line('SUMMARY', escapeText(input.summary)),
  ];
}

/** Optional TEXT properties (escaped) and CATEGORIES. */
function texts(props: ICalProperty[], input: { description?: string; location?: string }, names: ('description' | 'location')[]): void {
  for (const n of names) {
    const v = input[n];
    if (v !== undefined) props.push(line(n.toUpperCase(), escapeText(v)));
  }
}

function vcalendar(child: ICalComponent): ICalComponent {
  return { name: 'VCALENDAR', properties: [line('VERSION', '2.0'), line('PRODID', '-//cal-sdk//@cal/ical//EN')], components: [child] };
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
  checkInput(input, 'Event', 'buildEvent');
  checkText(input.summary, 'summary', details, true);
  checkText(input.description, 'description', details);
  checkText(input.location, 'location', details);
  checkText(input.uid, 'uid', details);
  const allDay = input.allDay ?? (typeof input.start === 'string' && ISO_DATE.test(input.start));
  const start = toICal(input.start, 'start', allDay, details);
  if (input.start === undefined) problem(details, 'start', 'required', 'start is required');
  let end = toICal(input.end, 'end', allDay, details);
  const duration = input.duration;
  if (duration !== undefined && !(typeof duration === 'number' ? Number.isFinite(duration) && duration > 0 : typeof duration === 'string' && /^P/.test(duration)))
    problem(details, 'duration', 'invalid', 'duration must be positive seconds or a DURATION string');
  const rrule = typeof input.rrule === 'string' ? input.rrule.replace(/^RRULE:/i, '') : input.rrule;
  if (rrule !== undefined && (typeof rrule !== 'string' || !RRULE_RE.test(rrule) || !/(^|;)FREQ=/.test(rrule)))
    problem(details, 'rrule', 'invalid', 'rrule must be an RRULE value such as FREQ=WEEKLY;COUNT=3');
  if (start && end) {
    if (start.isDate !== end.isDate) problem(details, 'end', 'invalid', 'start and end must both be dates or both date-times');
    else if (toDate(end).getTime() <= toDate(start).getTime()) problem(details, 'end', 'end_before_start', 'end must be after start');
  }
  check(details, 'event', 'buildEvent');
  const props = common(input);
  props.push(dateTimeProperty('DTSTART', start!));
  if (!end && typeof duration === 'string') props.push(line('DURATION', duration));
  else {
    // RFC 5545 §3.6.1: without DTEND an all-day event lasts one day; we also default timed ones to an hour.
    end ??= fromDate(new Date(toDate(start!).getTime() + ((duration as number | undefined) ?? (start!.isDate ? 86400 : 3600)) * 1000), { allDay: start!.isDate });
    props.push(dateTimeProperty('DTEND', end));
  }
  texts(props, input, ['description', 'location']);
  if (rrule) props.push(line('RRULE', rrule));
  for (const [key, list] of [['EXDATE', input.exdates], ['RDATE', input.rdates]] as const) {
    for (const d of list ?? []) {
      const dt = toICal(d, key.toLowerCase(), start!.isDate, details);
      if (dt) props.push(dateTimeProperty(key, dt));
    }
  }
  if (input.status) props.push(line('STATUS', input.status));
  if (input.transparency) props.push(line('TRANSP', input.transparency));
  if (input.categories?.length) props.push(line('CATEGORIES', input.categories.map(escapeText).join(',')));
  if (input.url) props.push(line('URL', input.url));
  if (input.sequence !== undefined) props.push(line('SEQUENCE', String(input.sequence)));
  if (input.organizer) props.push(line('ORGANIZER', mailto(input.organizer)));
  for (const a of input.attendees ?? []) {
    const att = typeof a === 'string' ? { email: a } : a;
    const params: Record<string, string> = {};
    if (att.name) params['CN'] = att.name;
    params['PARTSTAT'] = att.partstat ?? 'NEEDS-ACTION';
    if (att.role) params['ROLE'] = att.role;
    if (att.rsvp !== undefined) params['RSVP'] = att.rsvp ? 'TRUE' : 'FALSE';
    props.push(line('ATTENDEE', mailto(att.email), params));
  }
  if (input.properties) props.push(...input.properties);
  check(details, 'event', 'buildEvent');
  const alarms = (input.alarms ?? []).map((a) => ({
    name: 'VALARM',
    properties: [line('ACTION', 'DISPLAY'), line('TRIGGER', a.trigger), line('DESCRIPTION', escapeText(a.description ?? input.summary))],
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
  checkInput(input, 'Todo', 'buildTodo');
  checkText(input.summary, 'summary', details, true);
  const allDay = input.allDay ?? false;
  const start = toICal(input.start, 'start', allDay, details);
  const due = toICal(input.due, 'due', allDay, details);
  if (start && due && toDate(due).getTime() < toDate(start).getTime()) problem(details, 'due', 'end_before_start', 'due must not be before start');
  if (input.priority !== undefined && !(Number.isInteger(input.priority) && input.priority >= 0 && input.priority <= 9))
    problem(details, 'priority', 'invalid', 'priority must be an integer 0-9');
  check(details, 'todo', 'buildTodo');
  const props = common(input);
  if (start) props.push(dateTimeProperty('DTSTART', start));
  if (due) props.push(dateTimeProperty('DUE', due));
  texts(props, input, ['description']);
  props.push(line('STATUS', input.status ?? (input.completed ? 'COMPLETED' : 'NEEDS-ACTION')));
  if (input.completed) props.push(line('COMPLETED', formatDateTime(fromDate(input.completed))));
  if (input.priority !== undefined) props.push(line('PRIORITY', String(input.priority)));
  if (input.rrule) props.push(line('RRULE', input.rrule));
  if (input.categories?.length) props.push(line('CATEGORIES', input.categories.map(escapeText).join(',')));
  if (input.properties) props.push(...input.properties);
  return vcalendar({ name: 'VTODO', properties: props, components: [] });
}
