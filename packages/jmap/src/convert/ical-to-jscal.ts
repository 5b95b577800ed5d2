import { ValidationError } from '@cal/core';
import { ianaZone, parseDateTime, zonedToEpoch } from '@cal/ical';
import { param, parseICal, prop, unescapeText, type ICalComponent, type ICalProperty } from './ical-model.js';
import { diffSeconds, formatDuration, parseICalTime, utcToZone } from './datetime.js';
import { stableId } from './ids.js';
import { guarded } from './guard.js';
import type { Alert, JSCalendarEvent, Location, NDay, Participant, RecurrenceRule } from '../types/jscalendar.js';

/**
 * iCalendar → JSCalendar, following RFC 8984 and draft-ietf-calext-jscalendar-icalendar. iCalendar
 * properties without a mapping are kept in `iCalComponent` (jCal-style `[name, params, "unknown", value]`,
 * RFC 7265), and `JSPROP;JSPTR=…` lines carry JSCalendar properties that iCalendar cannot express, so
 * both directions survive a round trip.
 * @packageDocumentation
 */

/** Properties this converter maps; anything else goes to `iCalComponent`. */
const MAPPED = new Set([
  'UID', 'SUMMARY', 'DESCRIPTION', 'DTSTART', 'DTEND', 'DURATION', 'LOCATION', 'ORGANIZER', 'ATTENDEE', 'RRULE',
  'EXRULE', 'EXDATE', 'RDATE', 'RECURRENCE-ID', 'STATUS', 'TRANSP', 'CLASS', 'PRIORITY', 'SEQUENCE', 'CATEGORIES',
  'COLOR', 'CREATED', 'LAST-MODIFIED', 'DTSTAMP', 'JSPROP', 'X-JMAP-PRIVACY',
]);
const ALARM_MAPPED = new Set(['TRIGGER', 'ACTION', 'ACKNOWLEDGED', 'X-JMAP-ID', 'JSID']);

const STATUS: Record<string, string> = { CONFIRMED: 'confirmed', CANCELLED: 'cancelled', TENTATIVE: 'tentative' };
const PRIVACY: Record<string, string> = { PUBLIC: 'public', PRIVATE: 'private', CONFIDENTIAL: 'secret' };
const KIND: Record<string, string> = { INDIVIDUAL: 'individual', GROUP: 'group', RESOURCE: 'resource', ROOM: 'location' };

function text(c: ICalComponent, name: string): string | undefined {
  const p = prop(c, name);
  return p ? unescapeText(p.value) : undefined;
}

/** A jCal-style entry for an unmapped property (RFC 7265 §3.4). */
function jcal(p: ICalProperty): unknown[] {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params)) params[k.toLowerCase()] = v;
  return [p.name.toLowerCase(), params, 'unknown', p.value];
}

function componentToJcal(c: ICalComponent): Record<string, unknown> {
  return { '@type': 'ICalComponent', name: c.name.toLowerCase(), properties: c.properties.map(jcal), components: c.components.map(componentToJcal) };
}

/** Id given by the producer (`JSID`, draft mapping; Cyrus writes `X-JMAP-ID`). */
function givenId(p: ICalProperty): string | undefined {
  return param(p, 'JSID') ?? param(p, 'X-JMAP-ID');
}

function parseRule(value: string, tz: string | undefined): RecurrenceRule {
  const parts = Object.fromEntries(value.split(';').filter(Boolean).map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i).toUpperCase(), kv.slice(i + 1)];
  })) as Record<string, string>;
  const freq = parts['FREQ']?.toLowerCase();
  if (!freq) throw new ValidationError('RRULE without FREQ', { provider: 'jmap', details: [{ field: 'ical', key: 'invalid', description: 'RRULE without FREQ' }] });
  const rule: RecurrenceRule = { '@type': 'RecurrenceRule', frequency: freq as RecurrenceRule['frequency'] };
  const nums = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map(Number));
  if (parts['INTERVAL']) rule.interval = Number(parts['INTERVAL']);
  if (parts['COUNT']) rule.count = Number(parts['COUNT']);
  if (parts['UNTIL']) {
    const u = parseICalTime(parts['UNTIL']);
    // RFC 8984 §4.3.3: `until` is a LocalDateTime in the event's zone; a UTC UNTIL is converted.
    rule.until = u.utc && tz ? utcToZone(u.local, tz) : u.local;
  }
  if (parts['RSCALE']) rule.rscale = parts['RSCALE'].toLowerCase();
  if (parts['SKIP']) rule.skip = parts['SKIP'].toLowerCase() as NonNullable<RecurrenceRule['skip']>;
  if (parts['WKST']) rule.firstDayOfWeek = parts['WKST'].toLowerCase() as NDay['day'];
  if (parts['BYDAY']) {
    rule.byDay = parts['BYDAY'].split(',').map((d) => {
      const m = /^([+-]?\d+)?([A-Za-z]{2})$/.exec(d);
      const nday: NDay = { '@type': 'NDay', day: (m?.[2] ?? d).toLowerCase() as NDay['day'] };
      if (m?.[1]) nday.nthOfPeriod = Number(m[1]);
      return nday;
    });
  }
  const map: [string, keyof RecurrenceRule][] = [
    ['BYMONTHDAY', 'byMonthDay'], ['BYYEARDAY', 'byYearDay'], ['BYWEEKNO', 'byWeekNo'], ['BYHOUR', 'byHour'],
    ['BYMINUTE', 'byMinute'], ['BYSECOND', 'bySecond'], ['BYSETPOS', 'bySetPosition'],
  ];
  for (const [k, key] of map) {
    const v = nums(parts[k]);
    if (v) (rule as unknown as Record<string, unknown>)[key] = v;
  }
  if (parts['BYMONTH']) rule.byMonth = parts['BYMONTH'].split(',');
  return rule;
}

/** A TZID as the IANA name JSCalendar wants (`/mozilla.org/…/Europe/Berlin` → `Europe/Berlin`). */
function zoneOf(tzid: string | undefined): string | undefined {
  return tzid === undefined ? undefined : (ianaZone(tzid) ?? tzid);
}

/**
 * A recurrence id / EXDATE / RDATE instant as a LocalDateTime in the event's zone (RFC 8984 §4.3.5:
 * override keys are in the master's zone). UTC values and values with another TZID are converted.
 */
function instantIn(p: ICalProperty, v: string, tz: string | undefined): string {
  const t = parseICalTime(v);
  if (t.utc && tz) return utcToZone(t.local, tz);
  const own = zoneOf(param(p, 'TZID'));
  if (own && tz && own !== tz && !t.dateOnly) {
    const epoch = zonedToEpoch(parseDateTime(v), own);
    if (epoch !== undefined) return utcToZone(new Date(epoch).toISOString().slice(0, 19), tz);
  }
  return t.local;
}

function participants(c: ICalComponent, event: JSCalendarEvent): void {
  const out: Record<string, Participant> = {};
  const keyOf = (p: ICalProperty) => givenId(p) ?? stableId('p', p.value.toLowerCase());
  for (const p of c.properties.filter((x) => x.name === 'ATTENDEE')) {
    const part: Participant = { '@type': 'Participant' };
    const cn = param(p, 'CN');
    if (cn !== undefined) part.name = cn;
    const email = param(p, 'EMAIL') ?? (/^mailto:/i.test(p.value) ? p.value.slice(7) : undefined);
    if (email !== undefined) part.email = email;
    part.sendTo = { imip: p.value };
    const cutype = param(p, 'CUTYPE');
    if (cutype) part.kind = KIND[cutype.toUpperCase()] ?? cutype.toLowerCase();
    const role = (param(p, 'ROLE') ?? 'REQ-PARTICIPANT').toUpperCase();
    part.roles =
      role === 'CHAIR' ? { attendee: true, chair: true }
      : role === 'OPT-PARTICIPANT' ? { attendee: true, optional: true }
      : role === 'NON-PARTICIPANT' ? { informational: true }
      : { attendee: true };
    const ps = param(p, 'PARTSTAT');
    if (ps) part.participationStatus = ps.toLowerCase();
    if (param(p, 'RSVP')?.toUpperCase() === 'TRUE') part.expectReply = true;
    out[keyOf(p)] = part;
  }
  const org = prop(c, 'ORGANIZER');
  if (org) {
    // RFC 8984 §4.4.4: the organizer is `replyTo` plus a participant with the `owner` role.
    event.replyTo = { imip: org.value };
    const key = keyOf(org);
    const existing = out[key];
    if (existing) existing.roles = { ...existing.roles, owner: true };
    else {
      const part: Participant = { '@type': 'Participant', roles: { owner: true }, sendTo: { imip: org.value } };
      const cn = param(org, 'CN');
      if (cn !== undefined) part.name = cn;
      const email = param(org, 'EMAIL') ?? (/^mailto:/i.test(org.value) ? org.value.slice(7) : undefined);
      if (email !== undefined) part.email = email;
      out[key] = part;
    }
  }
  if (Object.keys(out).length) event.participants = out;
}

function alerts(c: ICalComponent): Record<string, Alert> | undefined {
  const out: Record<string, Alert> = {};
  c.components.filter((x) => x.name === 'VALARM').forEach((a, i) => {
    const trig = prop(a, 'TRIGGER');
    if (!trig) return;
    let trigger: Alert['trigger'];
    if ((param(trig, 'VALUE') ?? '').toUpperCase() === 'DATE-TIME') {
      const t = parseICalTime(trig.value);
      trigger = { '@type': 'AbsoluteTrigger', when: `${t.local}Z` };
    } else {
      trigger = { '@type': 'OffsetTrigger', offset: trig.value.trim() };
      if ((param(trig, 'RELATED') ?? '').toUpperCase() === 'END') trigger.relativeTo = 'end';
    }
    const alert: Alert = { '@type': 'Alert', trigger };
    const action = prop(a, 'ACTION')?.value.toLowerCase();
    if (action) alert.action = action;
    const ack = prop(a, 'ACKNOWLEDGED');
    if (ack) alert.acknowledged = `${parseICalTime(ack.value).local}Z`;
    // DESCRIPTION:Reminder is the filler the reverse mapping adds (RFC 5545 §3.6.6 requires one for
    // DISPLAY alarms); it carries nothing, so it is not kept.
    const rest = a.properties.filter((p) => !ALARM_MAPPED.has(p.name) && !(p.name === 'DESCRIPTION' && p.value === 'Reminder'));
    if (rest.length) alert['iCalComponent'] = { '@type': 'ICalComponent', name: 'valarm', properties: rest.map(jcal), components: [] };
    const id = prop(a, 'X-JMAP-ID')?.value ?? prop(a, 'JSID')?.value ?? stableId('a', `${i}:${JSON.stringify(trigger)}`);
    out[id] = alert;
  });
  return Object.keys(out).length ? out : undefined;
}

/** One VEVENT → JSCalendar (without overrides). */
function convertEvent(c: ICalComponent): JSCalendarEvent {
  const event: JSCalendarEvent = { '@type': 'Event' };
  const uid = text(c, 'UID');
  if (uid !== undefined) event.uid = uid;
  const title = text(c, 'SUMMARY');
  if (title !== undefined) event.title = title;
  const description = text(c, 'DESCRIPTION');
  if (description !== undefined) event.description = description;
  const dtstart = prop(c, 'DTSTART');
  let tz: string | undefined;
  if (dtstart) {
    const s = parseICalTime(dtstart.value);
    event.start = s.local;
    tz = zoneOf(param(dtstart, 'TZID')) ?? (s.utc ? 'Etc/UTC' : undefined);
    if (tz) event.timeZone = tz;
    if (s.dateOnly || (param(dtstart, 'VALUE') ?? '').toUpperCase() === 'DATE') event.showWithoutTime = true;
    const dur = prop(c, 'DURATION');
    const dtend = prop(c, 'DTEND');
    if (dur) event.duration = dur.value.trim();
    else if (dtend) {
      const e = parseICalTime(dtend.value);
      // DTEND in UTC or in another zone: express it in the start's zone first (RFC 8984 §5.1.2: the
      // duration is wall-clock time in the event's zone).
      const endLocal = dtend.params['TZID'] || e.utc ? instantIn(dtend, dtend.value, tz) : e.local;
      event.duration = formatDuration(diffSeconds(s.local, endLocal));
    } else if (s.dateOnly) event.duration = 'P1D'; // RFC 5545 §3.6.1: a DATE start without end lasts one day
  }
  const loc = prop(c, 'LOCATION');
  if (loc && loc.value !== '') {
    const name = unescapeText(loc.value);
    const location: Location = { '@type': 'Location', name };
    event.locations = { [givenId(loc) ?? stableId('l', name)]: location };
  }
  participants(c, event);
  const rrules = c.properties.filter((p) => p.name === 'RRULE').map((p) => parseRule(p.value, tz));
  if (rrules.length) event.recurrenceRules = rrules;
  const exrules = c.properties.filter((p) => p.name === 'EXRULE').map((p) => parseRule(p.value, tz));
  if (exrules.length) event.excludedRecurrenceRules = exrules;
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const p of c.properties.filter((x) => x.name === 'RDATE')) for (const v of p.value.split(',')) overrides[instantIn(p, v, tz)] = {};
  for (const p of c.properties.filter((x) => x.name === 'EXDATE')) for (const v of p.value.split(',')) overrides[instantIn(p, v, tz)] = { excluded: true };
  if (Object.keys(overrides).length) event.recurrenceOverrides = overrides;
  const status = prop(c, 'STATUS')?.value.toUpperCase();
  if (status) event.status = STATUS[status] ?? status.toLowerCase();
  const transp = prop(c, 'TRANSP')?.value.toUpperCase();
  if (transp) event.freeBusyStatus = transp === 'TRANSPARENT' ? 'free' : 'busy';
  // Cyrus 3.10 writes JMAP `privacy` as X-JMAP-PRIVACY instead of CLASS (seen over CalDAV).
  const cls = (prop(c, 'CLASS') ?? prop(c, 'X-JMAP-PRIVACY'))?.value.toUpperCase();
  if (cls) event.privacy = PRIVACY[cls] ?? cls.toLowerCase();
  const prio = prop(c, 'PRIORITY');
  if (prio) event.priority = Number(prio.value);
  const seq = prop(c, 'SEQUENCE');
  if (seq) event.sequence = Number(seq.value);
  const cats = c.properties.filter((p) => p.name === 'CATEGORIES').flatMap((p) => p.value.split(/(?<!\\),/).map(unescapeText));
  if (cats.length) event.keywords = Object.fromEntries(cats.map((k) => [k, true as const]));
  const color = text(c, 'COLOR');
  if (color !== undefined) event.color = color;
  const created = prop(c, 'CREATED');
  if (created) event.created = `${parseICalTime(created.value).local}Z`;
  const updated = prop(c, 'LAST-MODIFIED');
  if (updated) event.updated = `${parseICalTime(updated.value).local}Z`;
  const al = alerts(c);
  if (al) event.alerts = al;
  // JSPROP (draft mapping): a JSCalendar property iCalendar has no name for, value as JSON.
  for (const p of c.properties.filter((x) => x.name === 'JSPROP')) {
    const ptr = param(p, 'JSPTR');
    if (!ptr) continue;
    let value: unknown;
    try {
      value = JSON.parse(unescapeText(p.value));
    } catch {
      continue; // not JSON: nothing to restore
    }
    // JSPTR is a JSON Pointer (RFC 6901) relative to the object: `locale`, `locations/l2`.
    const path = ptr.replace(/^\//, '').split('/').map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    let target: Record<string, unknown> = event;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<string, unknown>;
    }
    target[path[path.length - 1] as string] = value;
  }
  const unknown = c.properties.filter((p) => !MAPPED.has(p.name));
  const subs = c.components.filter((x) => x.name !== 'VALARM');
  if (unknown.length || subs.length) {
    event['iCalComponent'] = { '@type': 'ICalComponent', name: c.name.toLowerCase(), properties: unknown.map(jcal), components: subs.map(componentToJcal) };
  }
  return event;
}

const NOT_IN_OVERRIDE = new Set(['@type', 'uid', 'recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides', 'sequence', 'created', 'updated']);

/** RECURRENCE-ID child → PatchObject against the master (RFC 8984 §4.3.5). */
function overridePatch(master: JSCalendarEvent, child: JSCalendarEvent): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(master), ...Object.keys(child)]);
  for (const k of keys) {
    if (NOT_IN_OVERRIDE.has(k)) continue;
    const a = JSON.stringify(master[k]);
    const b = JSON.stringify(child[k]);
    if (a !== b) patch[k] = child[k] === undefined ? null : child[k];
  }
  return patch;
}

/**
 * Converts VCALENDAR text (one event, possibly recurring with RECURRENCE-ID children) to a
 * JSCalendar Event. Throws `ValidationError` for malformed data or a calendar without a VEVENT.
 * @public
 */
export function icalToJSCalendar(ical: string): JSCalendarEvent {
  return guarded('icalToJSCalendar', () => convert(ical));
}

function convert(ical: string): JSCalendarEvent {
  const root = parseICal(ical);
  const vevents = root.components.filter((c) => c.name === 'VEVENT');
  const masterComp = vevents.find((c) => !prop(c, 'RECURRENCE-ID')) ?? vevents[0];
  if (!masterComp) {
    throw new ValidationError('The iCalendar data has no VEVENT', { provider: 'jmap', details: [{ field: 'ical', key: 'required', description: 'no VEVENT' }] });
  }
  const master = convertEvent(masterComp);
  const tz = typeof master.timeZone === 'string' ? master.timeZone : undefined;
  for (const child of vevents) {
    if (child === masterComp) continue;
    const rid = prop(child, 'RECURRENCE-ID');
    if (!rid) continue;
    const key = instantIn(rid, rid.value, tz);
    const patch = overridePatch(master, convertEvent(child));
    if (patch['start'] === key) delete patch['start']; // not moved: the recurrence id already says when
    master.recurrenceOverrides = { ...master.recurrenceOverrides, [key]: patch };
  }
  return master;
}
