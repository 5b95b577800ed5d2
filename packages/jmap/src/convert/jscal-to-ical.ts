import { escapeText, serializeICal, type ICalComponent, type ICalProperty } from './ical-model.js';
import { toICalTime } from './datetime.js';
import { guarded } from './guard.js';
import type { Alert, JSCalendarEvent, Participant, RecurrenceRule } from '../types/jscalendar.js';

/**
 * JSCalendar → iCalendar (RFC 8984, draft-ietf-calext-jscalendar-icalendar). Properties without an
 * iCalendar equivalent are written as `JSPROP;JSPTR=<name>:<json>`; `iCalComponent` content (iCalendar
 * properties kept from an earlier conversion) is written back verbatim.
 * @packageDocumentation
 */

/** JSCalendar/JMAP properties handled here or meaningless in iCalendar (JMAP object metadata). */
const HANDLED = new Set([
  '@type', 'uid', 'title', 'description', 'start', 'timeZone', 'duration', 'showWithoutTime', 'locations',
  'participants', 'replyTo', 'recurrenceRules', 'excludedRecurrenceRules', 'recurrenceOverrides', 'status',
  'freeBusyStatus', 'privacy', 'priority', 'sequence', 'keywords', 'color', 'created', 'updated', 'alerts',
  'iCalComponent', 'recurrenceId', 'recurrenceIdTimeZone', 'excluded',
  // JMAP CalendarEvent metadata (draft-ietf-jmap-calendars §5) and Cyrus additions: not event content
  'id', 'calendarIds', 'isDraft', 'isOrigin', 'utcStart', 'utcEnd', 'blobId', 'x-href', 'baseEventId',
  'useDefaultAlerts', 'mayInviteSelf', 'mayInviteOthers', 'hideAttendees', 'descriptionContentType', 'method',
  'prodId',
]);

const STATUS: Record<string, string> = { confirmed: 'CONFIRMED', cancelled: 'CANCELLED', tentative: 'TENTATIVE' };
const CLASS: Record<string, string> = { public: 'PUBLIC', private: 'PRIVATE', secret: 'CONFIDENTIAL' };
const CUTYPE: Record<string, string> = { individual: 'INDIVIDUAL', group: 'GROUP', resource: 'RESOURCE', location: 'ROOM' };

function p(name: string, value: string, params: Record<string, string | string[] | undefined> = {}): ICalProperty {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  return { name, params: out, value };
}

/** A LocalDateTime of the event as DTSTART-like property. */
function timeProp(name: string, local: string, ev: JSCalendarEvent): ICalProperty {
  if (ev.showWithoutTime) return p(name, toICalTime(local, true), { VALUE: 'DATE' });
  const tz = ev.timeZone ?? undefined;
  if (tz === 'Etc/UTC' || tz === 'UTC') return p(name, toICalTime(local, false, true));
  return p(name, toICalTime(local), { TZID: tz ?? undefined });
}

function ruleText(r: RecurrenceRule, ev: JSCalendarEvent): string {
  const parts = [`FREQ=${r.frequency.toUpperCase()}`];
  if (r.rscale && r.rscale !== 'gregorian') parts.push(`RSCALE=${r.rscale.toUpperCase()}`);
  if (r.skip && r.skip !== 'omit') parts.push(`SKIP=${r.skip.toUpperCase()}`);
  if (r.interval !== undefined && r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
  if (r.until !== undefined) {
    const utc = ev.timeZone === 'Etc/UTC' || ev.timeZone === 'UTC';
    parts.push(`UNTIL=${toICalTime(r.until, !!ev.showWithoutTime, utc)}`);
  }
  if (r.byDay?.length) parts.push(`BYDAY=${r.byDay.map((d) => `${d.nthOfPeriod ?? ''}${d.day.toUpperCase()}`).join(',')}`);
  const lists: [keyof RecurrenceRule, string][] = [
    ['byMonth', 'BYMONTH'], ['byMonthDay', 'BYMONTHDAY'], ['byYearDay', 'BYYEARDAY'], ['byWeekNo', 'BYWEEKNO'],
    ['byHour', 'BYHOUR'], ['byMinute', 'BYMINUTE'], ['bySecond', 'BYSECOND'], ['bySetPosition', 'BYSETPOS'],
  ];
  for (const [key, name] of lists) {
    const v = r[key] as unknown[] | undefined;
    if (v?.length) parts.push(`${name}=${v.join(',')}`);
  }
  if (r.firstDayOfWeek && r.firstDayOfWeek !== 'mo') parts.push(`WKST=${r.firstDayOfWeek.toUpperCase()}`);
  return parts.join(';');
}

/** `JSPROP;JSPTR=<pointer>` for a value iCalendar has no property for (draft mapping). */
function jsprop(pointer: string, value: unknown): ICalProperty {
  return p('JSPROP', escapeText(JSON.stringify(value)), { JSPTR: pointer });
}

/** A JSON Pointer segment (RFC 6901). */
const seg = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

function participantProps(ev: JSCalendarEvent): ICalProperty[] {
  const out: ICalProperty[] = [];
  const entries = Object.entries(ev.participants ?? {}) as [string, Participant][];
  const organizerUri = ev.replyTo?.['imip'] ?? entries.find(([, x]) => x.roles?.owner)?.[1].sendTo?.['imip'];
  const owner = entries.find(([, x]) => x.sendTo?.['imip'] === organizerUri) ?? entries.find(([, x]) => x.roles?.owner);
  if (organizerUri) {
    out.push(p('ORGANIZER', organizerUri, { CN: owner?.[1].name, JSID: owner?.[0] }));
  }
  for (const [id, part] of entries) {
    const roles = part.roles ?? {};
    // An owner that is not also an attendee is the organizer only.
    if (roles.owner && !roles.attendee && !roles.chair && !roles.optional && !roles.informational) continue;
    const uri = part.sendTo?.['imip'] ?? (part.email ? `mailto:${part.email}` : Object.values(part.sendTo ?? {})[0]);
    if (!uri) {
      out.push(jsprop(`participants/${seg(id)}`, part)); // no calendar address: no ATTENDEE possible
      continue;
    }
    const role = roles.chair ? 'CHAIR' : roles.optional ? 'OPT-PARTICIPANT' : roles.informational && !roles.attendee ? 'NON-PARTICIPANT' : 'REQ-PARTICIPANT';
    out.push(p('ATTENDEE', uri, {
      CN: part.name,
      JSID: id,
      ROLE: role,
      PARTSTAT: part.participationStatus?.toUpperCase(),
      RSVP: part.expectReply ? 'TRUE' : undefined,
      CUTYPE: part.kind ? (CUTYPE[part.kind] ?? part.kind.toUpperCase()) : undefined,
      EMAIL: part.email && `mailto:${part.email}`.toLowerCase() !== uri.toLowerCase() ? part.email : undefined,
    }));
  }
  return out;
}

function alarm(id: string, a: Alert): ICalComponent {
  const props: ICalProperty[] = [];
  const t = a.trigger as Record<string, unknown>;
  if (t['@type'] === 'AbsoluteTrigger' && typeof t['when'] === 'string') {
    props.push(p('TRIGGER', toICalTime(t['when'], false, true), { VALUE: 'DATE-TIME' }));
  } else if (typeof t['offset'] === 'string') {
    props.push(p('TRIGGER', t['offset'], { RELATED: t['relativeTo'] === 'end' ? 'END' : undefined }));
  }
  props.push(p('ACTION', (a.action ?? 'display').toUpperCase()));
  if (a.acknowledged) props.push(p('ACKNOWLEDGED', toICalTime(a.acknowledged, false, true)));
  props.push(p('X-JMAP-ID', id));
  const kept = unknownProps(a['iCalComponent']);
  // RFC 5545 §3.6.6: DISPLAY alarms need a DESCRIPTION.
  if (!kept.some((x) => x.name === 'DESCRIPTION') && (a.action ?? 'display') === 'display') props.push(p('DESCRIPTION', 'Reminder'));
  return { name: 'VALARM', properties: [...props, ...kept], components: [] };
}

/** Properties kept in an `iCalComponent` (jCal-style entries). */
function unknownProps(comp: unknown): ICalProperty[] {
  const props = (comp as { properties?: unknown[] } | undefined)?.properties;
  if (!Array.isArray(props)) return [];
  return props.filter(Array.isArray).map((entry) => {
    const [name, params, , value] = entry as [string, Record<string, string | string[]>, string, string];
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(params ?? {})) out[k.toUpperCase()] = Array.isArray(v) ? v.join(',') : String(v);
    return { name: String(name).toUpperCase(), params: out, value: String(value) };
  });
}

function unknownComponents(comp: unknown): ICalComponent[] {
  const comps = (comp as { components?: unknown[] } | undefined)?.components;
  if (!Array.isArray(comps)) return [];
  return comps.map((c) => ({
    name: String((c as { name?: string }).name ?? 'X-UNKNOWN').toUpperCase(),
    properties: unknownProps(c),
    components: unknownComponents(c),
  }));
}

function vevent(ev: JSCalendarEvent, dtstamp: string, recurrenceId?: string, master?: JSCalendarEvent): ICalComponent {
  const props: ICalProperty[] = [];
  if (ev.uid !== undefined) props.push(p('UID', ev.uid));
  props.push(p('DTSTAMP', dtstamp));
  if (recurrenceId && master) props.push(timeProp('RECURRENCE-ID', recurrenceId, master));
  if (ev.sequence !== undefined) props.push(p('SEQUENCE', String(ev.sequence)));
  if (ev.created) props.push(p('CREATED', toICalTime(ev.created, false, true)));
  if (ev.updated) props.push(p('LAST-MODIFIED', toICalTime(ev.updated, false, true)));
  if (ev.title !== undefined && ev.title !== '') props.push(p('SUMMARY', escapeText(ev.title)));
  if (ev.description !== undefined && ev.description !== '') props.push(p('DESCRIPTION', escapeText(ev.description)));
  if (ev.start) props.push(timeProp('DTSTART', ev.start, ev));
  if (ev.duration && !(ev.showWithoutTime && ev.duration === 'P1D')) props.push(p('DURATION', ev.duration));
  const locs = Object.entries(ev.locations ?? {});
  const firstLoc = locs.find(([, l]) => typeof l.name === 'string');
  if (firstLoc) props.push(p('LOCATION', escapeText(firstLoc[1].name as string), { JSID: firstLoc[0] }));
  // iCalendar has one LOCATION: further locations (and the first one's other fields) travel as JSPROP.
  for (const [lid, loc] of locs) {
    const { '@type': _t, name, ...rest } = loc;
    if (lid !== firstLoc?.[0]) props.push(jsprop(`locations/${seg(lid)}`, loc));
    else if (Object.keys(rest).length) for (const [k, v] of Object.entries(rest)) props.push(jsprop(`locations/${seg(lid)}/${seg(k)}`, v));
    void name;
  }
  props.push(...participantProps(ev));
  for (const r of ev.recurrenceRules ?? []) props.push(p('RRULE', ruleText(r, ev)));
  for (const r of ev.excludedRecurrenceRules ?? []) props.push(p('EXRULE', ruleText(r, ev)));
  if (ev.status) props.push(p('STATUS', STATUS[ev.status] ?? ev.status.toUpperCase()));
  if (ev.freeBusyStatus === 'free') props.push(p('TRANSP', 'TRANSPARENT'));
  else if (ev.freeBusyStatus === 'busy') props.push(p('TRANSP', 'OPAQUE'));
  if (ev.privacy) props.push(p('CLASS', CLASS[ev.privacy] ?? ev.privacy.toUpperCase()));
  if (ev.priority !== undefined && ev.priority !== 0) props.push(p('PRIORITY', String(ev.priority)));
  const kw = Object.keys(ev.keywords ?? {});
  if (kw.length) props.push(p('CATEGORIES', kw.map(escapeText).join(',')));
  if (ev.color) props.push(p('COLOR', escapeText(ev.color)));
  // Properties without an iCalendar name: JSPROP (draft-ietf-calext-jscalendar-icalendar).
  for (const [k, v] of Object.entries(ev)) {
    if (HANDLED.has(k) || v === undefined || v === null) continue; // null = the default (RFC 8984 §1.4)
    props.push(jsprop(seg(k), v));
  }
  props.push(...unknownProps(ev['iCalComponent']));
  const comps = [
    ...Object.entries(ev.alerts ?? {}).map(([id, a]) => alarm(id, a)),
    ...unknownComponents(ev['iCalComponent']),
  ];
  return { name: 'VEVENT', properties: props, components: comps };
}

/**
 * Converts a JSCalendar Event (e.g. a CalendarEvent read over JMAP) to VCALENDAR text. Overrides
 * become EXDATE (`excluded`), RDATE (empty patch) or RECURRENCE-ID children (the master with the
 * patch applied to top-level properties).
 * @public
 */
export function jsCalendarToICal(event: JSCalendarEvent): string {
  return guarded('jsCalendarToICal', () => convert(event));
}

function convert(event: JSCalendarEvent): string {
  if (typeof event !== 'object' || event === null) throw new TypeError('expected a JSCalendar object');
  const dtstamp = toICalTime((event.updated ?? new Date().toISOString()).slice(0, 19), false, true);
  const master = vevent(event, dtstamp);
  const children: ICalComponent[] = [];
  for (const [rid, patch] of Object.entries(event.recurrenceOverrides ?? {})) {
    if (patch === null || patch['excluded'] === true) {
      master.properties.push(timeProp('EXDATE', rid, event));
    } else if (Object.keys(patch).length === 0) {
      master.properties.push(timeProp('RDATE', rid, event));
    } else {
      const { recurrenceRules: _r, excludedRecurrenceRules: _x, recurrenceOverrides: _o, ...base } = event;
      const inst = structuredClone(base) as JSCalendarEvent;
      inst.start = rid;
      // RFC 8984 §4.3.5: the override is a PatchObject; keys are JSON Pointers (Cyrus writes e.g.
      // `participants/p1/participationStatus` for a per-occurrence reply).
      for (const [k, v] of Object.entries(patch)) {
        const path = k.replace(/^\//, '').split('/').map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
        let target: Record<string, unknown> = inst;
        for (const key of path.slice(0, -1)) {
          const next = target[key];
          target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<string, unknown>;
        }
        const last = path[path.length - 1] as string;
        if (v === null) delete target[last];
        else target[last] = structuredClone(v);
      }
      children.push(vevent(inst, dtstamp, rid, event));
    }
  }
  const cal: ICalComponent = {
    name: 'VCALENDAR',
    properties: [p('VERSION', '2.0'), p('PRODID', '-//cal//@cal/jmap//EN')],
    components: [master, ...children],
  };
  return serializeICal(cal);
}
