import { ProtocolError } from '@cal/core';
import { child, childText, children } from '@cal/core/xml';
import { durationToSeconds, formatDateTime, fromDate, parseDateTime, parseDuration, parseICalendar, serializeICalendar, toDate, type ICalComponent } from '@cal/ical';
import type { BusyPeriod } from './calendar.js';
import { parseDavXml } from './dav/multistatus.js';
import { CALDAV, DAV } from './dav/namespaces.js';
import type { DavTransport } from './transport.js';

/** `alice@example.com` → `mailto:alice@example.com`; other URIs unchanged. */
export function mailto(a: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(a) ? a : `mailto:${a}`;
}

/** FREEBUSY periods of VFREEBUSY components (RFC 5545 §3.8.2.6), FREE periods left out. */
export function busyPeriods(cal: ICalComponent): BusyPeriod[] {
  const out: BusyPeriod[] = [];
  for (const fb of cal.components.filter((c) => c.name === 'VFREEBUSY')) {
    for (const p of fb.properties.filter((x) => x.name === 'FREEBUSY')) {
      const type = (p.params['FBTYPE'] ?? 'BUSY').toUpperCase();
      if (type === 'FREE') continue;
      for (const period of p.value.split(',')) {
        const [a, b] = period.split('/');
        if (!a || !b) continue;
        const s = toDate(parseDateTime(a));
        const e = /^[+-]?P/.test(b) ? new Date(s.getTime() + durationToSeconds(parseDuration(b)) * 1000) : toDate(parseDateTime(b));
        out.push({ start: s, end: e, type });
      }
    }
  }
  return out.sort((x, y) => x.start.getTime() - y.start.getTime());
}

/** POST a VFREEBUSY REQUEST to the outbox and read the schedule-response (RFC 6638 §5, §10.1). */
export async function outboxFreeBusy(dav: DavTransport, outbox: string, organizer: string, attendees: string[], start: Date, end: Date): Promise<Record<string, BusyPeriod[]>> {
  const utc = (d: Date): string => formatDateTime(fromDate(d));
  const req: ICalComponent = {
    name: 'VCALENDAR',
    properties: [
      { name: 'VERSION', params: {}, value: '2.0' },
      { name: 'PRODID', params: {}, value: '-//cal-sdk//@cal/caldav//EN' },
      { name: 'METHOD', params: {}, value: 'REQUEST' },
    ],
    components: [
      {
        name: 'VFREEBUSY',
        properties: [
          { name: 'UID', params: {}, value: globalThis.crypto.randomUUID() },
          { name: 'DTSTAMP', params: {}, value: utc(new Date()) },
          { name: 'DTSTART', params: {}, value: utc(start) },
          { name: 'DTEND', params: {}, value: utc(end) },
          { name: 'ORGANIZER', params: {}, value: organizer },
          ...attendees.map((a) => ({ name: 'ATTENDEE', params: {}, value: a })),
        ],
        components: [],
      },
    ],
  };
  const reply = await dav.send('POST', outbox, { body: serializeICalendar(req), contentType: 'text/calendar; charset=utf-8', idempotent: true });
  if (reply.status < 200 || reply.status > 299) throw dav.error(reply, 'POST');
  const ctx = { provider: 'caldav', method: 'POST', url: outbox, status: reply.status };
  const root = parseDavXml(reply.text, ctx);
  if (root.ns !== CALDAV || root.local !== 'schedule-response') throw new ProtocolError('Expected a CALDAV:schedule-response', ctx);
  const out: Record<string, BusyPeriod[]> = {};
  for (const r of children(root, CALDAV, 'response')) {
    const who = childText(child(r, CALDAV, 'recipient'), DAV, 'href') ?? childText(r, CALDAV, 'recipient') ?? '';
    const status = childText(r, CALDAV, 'request-status') ?? '';
    const data = child(r, CALDAV, 'calendar-data')?.text;
    // request-status 2.x = success (RFC 5545 §3.8.8.3); 3.7 = invalid user, 5.x = no scheduling.
    if (!status.startsWith('2') || !data) {
      out[who] = [];
      Object.defineProperty(out[who], 'requestStatus', { value: status, enumerable: false });
      continue;
    }
    try {
      out[who] = busyPeriods(parseICalendar(data));
    } catch (cause) {
      throw new ProtocolError('schedule-response calendar-data is not iCalendar', { ...ctx, cause });
    }
  }
  return out;
}
