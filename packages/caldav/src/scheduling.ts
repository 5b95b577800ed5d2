// RFC 6638 scheduling and free/busy, loaded on demand (see on-demand.ts): only type imports of
// eager modules, the helpers arrive as `k`.
import type { ICalComponent } from '@cal/ical';
import type { BusyPeriod, TimeRange } from './calendar.js';
import type { CalendarObject } from './calendar-object.js';
import type { Kit } from './on-demand.js';
import type { Principal } from './principal.js';
import type { DavTransport } from './transport.js';

/** `alice@example.com` → `mailto:alice@example.com`; other URIs unchanged. */
export function mailto(a: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(a) ? a : `mailto:${a}`;
}

/** FREEBUSY periods of VFREEBUSY components (RFC 5545 §3.8.2.6), FREE periods left out. */
export function busyPeriods(k: Kit, cal: ICalComponent): BusyPeriod[] {
  const out: BusyPeriod[] = [];
  for (const fb of cal.components.filter((c) => c.name === 'VFREEBUSY')) {
    for (const p of fb.properties.filter((x) => x.name === 'FREEBUSY')) {
      const type = (p.params['FBTYPE'] ?? 'BUSY').toUpperCase();
      if (type === 'FREE') continue;
      for (const period of p.value.split(',')) {
        const [a, b] = period.split('/');
        if (!a || !b) continue;
        const s = k.toDate(k.parseDateTime(a));
        const e = /^[+-]?P/.test(b) ? new Date(s.getTime() + k.durationToSeconds(k.parseDuration(b)) * 1000) : k.toDate(k.parseDateTime(b));
        out.push({ start: s, end: e, type });
      }
    }
  }
  return out.sort((x, y) => x.start.getTime() - y.start.getTime());
}

/**
 * `Principal.freeBusy`: POST a VFREEBUSY REQUEST to the scheduling outbox and read the
 * schedule-response (RFC 6638 §5, §10.1).
 */
export async function outboxFreeBusy(k: Kit, p: Principal, dav: DavTransport, options: TimeRange & { attendees: string[] }): Promise<Record<string, BusyPeriod[]>> {
  const { start, end } = k.checkRange(options, 'freeBusy');
  if (!Array.isArray(options.attendees) || !options.attendees.length || options.attendees.some((a) => typeof a !== 'string' || !a))
    throw k.bad('freeBusy', 'attendees', 'required', 'attendees must be a non-empty list of addresses');
  const outbox = p.scheduleOutboxUrl;
  if (!outbox) throw k.unsupported('scheduling (RFC 6638 outbox)', p.url);
  const organizer = p.addresses[0];
  if (!organizer) throw k.unsupported('scheduling (no calendar-user-address-set)', p.url);
  const utc = k.utc;
  const line = (name: string, value: string) => ({ name, params: {}, value });
  const req: ICalComponent = {
    name: 'VCALENDAR',
    properties: [line('VERSION', '2.0'), line('PRODID', '-//cal-sdk//@cal/caldav//EN'), line('METHOD', 'REQUEST')],
    components: [
      {
        name: 'VFREEBUSY',
        properties: [
          line('UID', globalThis.crypto.randomUUID()),
          line('DTSTAMP', utc(new Date())),
          line('DTSTART', utc(start)),
          line('DTEND', utc(end)),
          line('ORGANIZER', organizer),
          ...options.attendees.map((a) => line('ATTENDEE', mailto(a))),
        ],
        components: [],
      },
    ],
  };
  const reply = await dav.send('POST', outbox, { body: k.serializeICalendar(req), contentType: 'text/calendar; charset=utf-8', idempotent: true });
  if (reply.status < 200 || reply.status > 299) throw await dav.error(reply, 'POST');
  const ctx = { provider: 'caldav', method: 'POST', url: outbox, status: reply.status };
  const root = k.parseDavXml(reply.text, ctx);
  if (root.ns !== k.CALDAV || root.local !== 'schedule-response') throw new k.ProtocolError('Expected a CALDAV:schedule-response', ctx);
  const out: Record<string, BusyPeriod[]> = {};
  for (const r of k.children(root, k.CALDAV, 'response')) {
    const who = k.childText(k.child(r, k.CALDAV, 'recipient'), k.DAV, 'href') ?? k.childText(r, k.CALDAV, 'recipient') ?? '';
    const status = k.childText(r, k.CALDAV, 'request-status') ?? '';
    const data = k.child(r, k.CALDAV, 'calendar-data')?.text;
    // request-status 2.x = success (RFC 5545 §3.8.8.3); 3.7 = invalid user, 5.x = no scheduling.
    if (!status.startsWith('2') || !data) {
      out[who] = [];
      Object.defineProperty(out[who], 'requestStatus', { value: status, enumerable: false });
      continue;
    }
    try {
      out[who] = busyPeriods(k, k.parseICalendar(data));
    } catch (cause) {
      throw new k.ProtocolError('schedule-response calendar-data is not iCalendar', { ...ctx, cause });
    }
  }
  return out;
}

/** `Principal.inbox`: the scheduling inbox's members (RFC 6638 §2.2). */
export async function inbox(k: Kit, p: Principal, dav: DavTransport): Promise<CalendarObject[]> {
  if (!p.scheduleInboxUrl) throw k.unsupported('scheduling (RFC 6638 inbox)', p.url);
  return new k.Calendar(dav, p.scheduleInboxUrl).objects();
}
