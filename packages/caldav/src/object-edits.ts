// CalendarObject edits a typical app does not make (one occurrence of a series, todo completion,
// invitation replies), loaded on demand (see on-demand.ts). Only type imports of eager modules.
import type { ICalComponent, ICalDateTime } from '@cal/ical';
import type { CalendarObject } from './calendar-object.js';
import type { Kit } from './on-demand.js';
import type { DavTransport } from './transport.js';

/** Writes the object's data (or `data`) back; `useScheduleTag` for attendee replies. */
export type Put = (data: string, useScheduleTag?: boolean) => Promise<CalendarObject>;

/**
 * Edits one occurrence of a series (RFC 5545 §3.8.4.4): `save` stores this instance as a
 * RECURRENCE-ID override, `delete` removes the override and adds an EXDATE to the master. The
 * series is re-read first; if it changed since this occurrence was read (ETag differs), that is
 * a ConflictError — the series is written back with If-Match, never over someone else's change.
 */
export async function editSeries(k: Kit, obj: CalendarObject, dav: DavTransport, mode: 'save' | 'delete', put: Put): Promise<CalendarObject> {
  const reply = await dav.send('GET', obj.url, { headers: { accept: 'text/calendar, */*;q=0.5' } });
  if (reply.status < 200 || reply.status > 299) throw await dav.error(reply, 'GET');
  const etag = reply.headers.get('etag') ?? undefined;
  if (obj.etag && etag && etag !== obj.etag)
    throw new k.ConflictError('The recurring event changed on the server since this occurrence was read', { provider: 'caldav', url: obj.url, providerCode: 'etag-mismatch' });
  let series: ICalComponent;
  try {
    series = k.parseICalendar(reply.text);
  } catch (cause) {
    throw new k.ProtocolError('The server returned calendar data that is not valid iCalendar', { provider: 'caldav', url: obj.url, cause });
  }
  const inst = obj.item!;
  const ridProp = k.getProperty(inst, 'RECURRENCE-ID')!;
  const rid = k.toDate(k.readDateTime(ridProp)!).getTime();
  const sameRid = (c: ICalComponent): boolean => {
    const p = k.getProperty(c, 'RECURRENCE-ID');
    if (!p) return false;
    try {
      return k.toDate(k.readDateTime(p)!).getTime() === rid;
    } catch {
      return p.value === ridProp.value;
    }
  };
  series.components = series.components.filter((c) => !sameRid(c));
  if (mode === 'save') {
    bumpSequence(k, inst);
    series.components.push(inst);
  } else {
    const master = series.components.find((c) => c.name === inst.name && !k.getProperty(c, 'RECURRENCE-ID'));
    if (master) master.properties.push({ name: 'EXDATE', params: { ...ridProp.params }, value: ridProp.value });
  }
  obj.etag = etag;
  return put(k.serializeICalendar(series));
}

/** `CalendarObject.complete` (see there). */
export async function complete(k: Kit, obj: CalendarObject, at: Date): Promise<CalendarObject> {
  const it = obj.item;
  if (!it || it.name !== 'VTODO') throw k.bad('complete', 'kind', 'invalid', 'complete() is only for todos');
  const set = (name: string, value: string): void => k.setProperty(it, { name, params: {}, value });
  const rrule = k.getProperty(it, 'RRULE');
  if (rrule) {
    const count = /(?:^|;)COUNT=(\d+)/i.exec(rrule.value);
    const startP = k.getProperty(it, 'DTSTART');
    const dueP = k.getProperty(it, 'DUE');
    const anchor = k.readDateTime(startP ?? dueP);
    const next = anchor && (!count || Number(count[1]) > 1) ? await k.nextRecurrence(it, anchor) : undefined;
    if (anchor && next) {
      const shift = wallSeconds(next) - wallSeconds(anchor);
      for (const p of [startP, dueP]) {
        if (!p) continue;
        const moved = shiftWall(k.readDateTime(p)!, shift);
        k.setProperty(it, { name: p.name, params: { ...p.params }, value: k.formatDateTime(moved) });
      }
      if (count) k.setProperty(it, { ...rrule, value: rrule.value.replace(/COUNT=\d+/i, `COUNT=${Number(count[1]) - 1}`) });
      set('STATUS', 'NEEDS-ACTION');
      k.removeProperty(it, 'COMPLETED');
      k.removeProperty(it, 'PERCENT-COMPLETE');
      bumpSequence(k, it);
      obj.setComponent(obj.component);
      return obj.save();
    }
  }
  set('STATUS', 'COMPLETED');
  set('COMPLETED', k.utc(at));
  set('PERCENT-COMPLETE', '100');
  bumpSequence(k, it);
  obj.setComponent(obj.component);
  return obj.save();
}

/** `CalendarObject.respond` (see there). */
export async function respond(k: Kit, obj: CalendarObject, dav: DavTransport, partstat: string, as: string | undefined, put: Put): Promise<CalendarObject> {
  const mine = (as ? [as] : dav.addresses).map((a) => (/^[a-z][a-z0-9+.-]*:/i.test(a) || !a.includes('@') ? a : `mailto:${a}`).toLowerCase());
  if (!mine.length) throw k.bad('respond', 'as', 'required', 'Pass { as: "mailto:you@example.com" } or call client.principal() first');
  if (obj.occurrence) throw k.bad('respond', 'occurrence', 'read_only', 'Answer the series: load it with cal.object(url)');
  let found = false;
  for (const c of obj.component.components) {
    for (const p of c.properties) {
      if (p.name === 'ATTENDEE' && mine.includes(p.value.toLowerCase())) {
        p.params['PARTSTAT'] = partstat;
        delete p.params['RSVP'];
        found = true;
      }
    }
  }
  if (!found) throw k.bad('respond', 'as', 'invalid', 'You are not an attendee of this event');
  obj.setComponent(obj.component);
  return put(obj.data, true);
}

/** Wall-clock seconds of a DATE/DATE-TIME (zone ignored: recurrence steps are in local time). */
function wallSeconds(d: ICalDateTime): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second) / 1000;
}

function shiftWall(d: ICalDateTime, seconds: number): ICalDateTime {
  const t = new Date((wallSeconds(d) + seconds) * 1000);
  return { ...d, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: t.getUTCSeconds() };
}

/** RFC 5545 §3.8.7.4: a significant change increments SEQUENCE; DTSTAMP records the edit. */
function bumpSequence(k: Kit, it: ICalComponent): void {
  const seq = Number(k.getProperty(it, 'SEQUENCE')?.value ?? 0);
  k.setProperty(it, { name: 'SEQUENCE', params: {}, value: String(Number.isFinite(seq) ? seq + 1 : 1) });
  k.setProperty(it, { name: 'DTSTAMP', params: {}, value: k.utc(new Date()) });
}
