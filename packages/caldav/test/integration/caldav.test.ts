import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError, ValidationError } from '@cal/core';
import { CalDAVClient, basic, type Calendar, type Principal } from '@cal/caldav';
import { getProperty, readText } from '@cal/ical';
import { SERVERS, client, connection, uniq } from './servers.js';

const BERLIN_TZ = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

function recurring(uid: string): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//cal-test//EN', ...BERLIN_TZ,
    'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', 'DTSTART;TZID=Europe/Berlin:20250106T090000', 'DTEND;TZID=Europe/Berlin:20250106T100000',
    'RRULE:FREQ=WEEKLY;UNTIL=20250430T235959Z', 'EXDATE;TZID=Europe/Berlin:20250317T090000', 'SUMMARY:Weekly sync', 'END:VEVENT',
    'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20250324T090000', 'DTSTART;TZID=Europe/Berlin:20250325T140000',
    'DTEND;TZID=Europe/Berlin:20250325T150000', 'SUMMARY:Weekly sync (moved)', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');
}

/** Expected occurrences in [2025-03-01, 2025-04-08): same on every server. */
const EXPECTED = [
  ['2025-03-03T08:00:00.000Z', 'Weekly sync'],
  ['2025-03-10T08:00:00.000Z', 'Weekly sync'],
  // 2025-03-17 excluded by EXDATE; 2025-03-24 moved to 25th 14:00 CET; DST starts 2025-03-30.
  ['2025-03-25T13:00:00.000Z', 'Weekly sync (moved)'],
  ['2025-03-31T07:00:00.000Z', 'Weekly sync'],
  ['2025-04-07T07:00:00.000Z', 'Weekly sync'],
];

describe.each(SERVERS)('CalDAV on %s', (server) => {
  let principal: Principal;
  let cal: Calendar;
  const calId = uniq('it');

  beforeAll(async () => {
    principal = await client(server).principal();
    cal = await principal.makeCalendar({ name: `Integration ${calId}`, id: calId, color: '#336699FF' });
  });
  afterAll(async () => {
    await cal?.delete().catch(() => undefined);
  });

  it('discovers principal and calendar home (credentials sent up front)', async () => {
    expect(principal.calendarHomeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*\/$/);
    const cals = await principal.calendars();
    const mine = cals.find((c) => c.url === cal.url);
    expect(mine?.displayName).toBe(`Integration ${calId}`);
    expect(mine?.components).toEqual(expect.arrayContaining(['VEVENT']));
    expect((await principal.calendar({ name: `Integration ${calId}` })).url).toBe(cal.url);
    expect((await principal.calendar({ url: cal.url })).displayName).toBe(`Integration ${calId}`);
    await expect(principal.calendar({ name: 'does-not-exist-xyz' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects wrong credentials with AuthenticationError', async () => {
    const c = connection(server);
    const bad = new CalDAVClient({ url: c.url, auth: basic(c.user, 'wrong-password') });
    await expect(bad.principal()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('makeCalendar on an existing collection is a ConflictError (409 / 403 / 207-wrapped 403)', async () => {
    await expect(principal.makeCalendar({ name: 'dup', id: calId })).rejects.toBeInstanceOf(ConflictError);
  });

  it('updates calendar properties', async () => {
    await cal.update({ displayName: `Renamed ${calId}` });
    expect((await principal.calendar({ url: cal.url })).displayName).toBe(`Renamed ${calId}`);
    await cal.update({ displayName: `Integration ${calId}` });
  });

  it('creates, reads, updates and deletes an event with conditional requests', async () => {
    const uid = uniq('ev');
    const ev = await cal.createEvent({ uid, summary: 'Lunch, with friends', start: new Date('2025-02-10T12:00:00Z'), end: new Date('2025-02-10T13:00:00Z'), location: 'Café' });
    expect(ev.etag).toBeTruthy();
    expect(ev.uid).toBe(uid);
    // If-None-Match: * — creating the same resource again never overwrites it.
    await expect(cal.createEvent({ uid, summary: 'again', start: new Date('2025-02-10T12:00:00Z'), end: new Date('2025-02-10T13:00:00Z') })).rejects.toBeInstanceOf(ConflictError);

    const byUid = await cal.objectByUid(uid);
    expect(byUid.summary).toBe('Lunch, with friends');
    const byUrl = await cal.object(ev.url);
    expect(readText(getProperty(byUrl.item!, 'LOCATION'))).toBe('Café');

    const inRange = await cal.events({ start: '2025-02-10T00:00:00Z', end: '2025-02-11T00:00:00Z' });
    expect(inRange.map((o) => o.uid)).toContain(uid);
    const outRange = await cal.events({ start: '2025-03-10T00:00:00Z', end: '2025-03-11T00:00:00Z' });
    expect(outRange.map((o) => o.uid)).not.toContain(uid);

    // Update (Radicale answers 201, others 204): both fine, new ETag.
    const oldEtag = ev.etag;
    ev.data = ev.data.replace('SUMMARY:Lunch\\, with friends', 'SUMMARY:Dinner');
    await ev.save();
    expect(ev.etag).not.toBe(oldEtag);
    expect((await cal.object(ev.url)).summary).toBe('Dinner');

    // A stale copy can neither overwrite nor delete.
    byUrl.data = byUrl.data.replace(/SUMMARY:[^\r\n]*/, 'SUMMARY:Stale overwrite');
    await expect(byUrl.save()).rejects.toBeInstanceOf(ConflictError);
    await expect(byUrl.delete()).rejects.toBeInstanceOf(ConflictError);
    expect((await cal.object(ev.url)).summary).toBe('Dinner');

    await ev.delete();
    await expect(cal.object(ev.url)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cal.objectByUid(uid)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps a UID conflict at another URL to ConflictError (409 Radicale, 403 Cyrus, 207/412 Xandikos)', async () => {
    const uid = uniq('dupuid');
    const first = await cal.createEvent({ uid, summary: 'one', start: new Date('2025-02-11T12:00:00Z'), end: new Date('2025-02-11T13:00:00Z') });
    const c = client(server);
    const res = await c.http.request(new URL('other-name.ics', cal.url), {
      method: 'PUT',
      headers: { 'content-type': 'text/calendar', 'if-none-match': '*' },
      body: first.data,
      throwHttpErrors: false,
    });
    expect([409, 403, 207]).toContain(res.status);
    // Through the client API: an object at a different URL with a clashing UID.
    const { CalendarObject } = await import('@cal/caldav');
    expect(CalendarObject).toBeTypeOf('function');
    const objs = await cal.objects();
    const copy = objs.find((o) => o.uid === uid)!;
    copy.url = new URL('clash-copy.ics', cal.url).href;
    copy.etag = undefined;
    await expect(copy.save()).rejects.toBeInstanceOf(ConflictError);
    await first.delete();
  });

  it('lists every object, including URL-encoded and suffix-less names', async () => {
    const c = client(server);
    const uid = uniq('weird');
    const name = `no suffix ${uid}`;
    const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:20250212T100000Z\r\nDTEND:20250212T110000Z\r\nSUMMARY:Weird name\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const res = await c.http.request(new URL(encodeURIComponent(name), cal.url), { method: 'PUT', headers: { 'content-type': 'text/calendar' }, body: text, throwHttpErrors: false });
    expect(res.status).toBeLessThan(300);
    const all = await cal.objects();
    const hit = all.find((o) => o.uid === uid);
    expect(hit?.summary).toBe('Weird name');
    expect(decodeURIComponent(new URL(hit!.url).pathname)).toContain(name);
    await (await cal.object(hit!.url)).delete();
  });

  it('handles todos and complete()', async () => {
    const t1 = await cal.createTodo({ summary: 'Open task', due: new Date('2025-05-01T10:00:00Z') });
    const t2 = await cal.createTodo({ summary: 'Finish me' });
    await t2.complete();
    const open = await cal.todos();
    expect(open.map((t) => t.uid)).toContain(t1.uid);
    expect(open.map((t) => t.uid)).not.toContain(t2.uid);
    const all = await cal.todos({ includeCompleted: true });
    expect(all.map((t) => t.uid)).toEqual(expect.arrayContaining([t1.uid, t2.uid]));
    const done = all.find((t) => t.uid === t2.uid)!;
    expect(getProperty(done.item!, 'STATUS')?.value).toBe('COMPLETED');
    await t1.delete();
    await done.delete();
  });

  it('completing a recurring todo advances it to the next recurrence until the rule is exhausted', async () => {
    const t = await cal.createTodo({ summary: 'Water plants', start: new Date('2025-01-06T09:00:00Z'), due: new Date('2025-01-06T18:00:00Z'), rrule: 'FREQ=WEEKLY;COUNT=2' });
    await t.complete();
    let back = await cal.object(t.url);
    expect([getProperty(back.item!, 'DTSTART')?.value, getProperty(back.item!, 'DUE')?.value, getProperty(back.item!, 'STATUS')?.value, getProperty(back.item!, 'RRULE')?.value]).toEqual([
      '20250113T090000Z', '20250113T180000Z', 'NEEDS-ACTION', 'FREQ=WEEKLY;COUNT=1',
    ]);
    expect((await cal.todos()).map((o) => o.uid)).toContain(t.uid);
    await back.complete();
    back = await cal.object(t.url);
    expect(getProperty(back.item!, 'STATUS')?.value).toBe('COMPLETED');
    expect((await cal.todos()).map((o) => o.uid)).not.toContain(t.uid);
    await back.delete();
  });

  it('syncs incrementally: 2 requests, changed + deleted, invalid token falls back to a full listing', async () => {
    const sc = await principal.makeCalendar({ name: 'sync', id: uniq('sync') });
    try {
      const a = await sc.createEvent({ summary: 'a', start: new Date('2025-02-01T10:00:00Z'), end: new Date('2025-02-01T11:00:00Z') });
      const b = await sc.createEvent({ summary: 'b', start: new Date('2025-02-02T10:00:00Z'), end: new Date('2025-02-02T11:00:00Z') });
      const token = await sc.syncToken();
      const none = await sc.changesSince(token);
      expect(none.changed).toHaveLength(0);
      expect(none.deleted).toHaveLength(0);
      a.data = a.data.replace('SUMMARY:a', 'SUMMARY:a2');
      await a.save();
      const c = await sc.createEvent({ summary: 'c', start: new Date('2025-02-03T10:00:00Z'), end: new Date('2025-02-03T11:00:00Z') });
      await b.delete();
      const res = await sc.changesSince(none.syncToken);
      expect(res.fullResync).toBe(false);
      expect(res.requests).toBe(2);
      expect(res.changed.map((o) => o.summary).sort()).toEqual(['a2', 'c']);
      expect(res.changed.every((o) => !!o.etag)).toBe(true);
      expect(res.deleted.map((u) => new URL(u).pathname)).toEqual([new URL(b.url).pathname]);
      expect(res.syncToken).not.toBe(none.syncToken);

      const initial = await sc.changesSince();
      expect(initial.changed.map((o) => o.uid).sort()).toEqual([a.uid, c.uid].sort());

      const bogus = server === 'xandikos' ? 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef' : server === 'cyrus' ? 'data:,1-99999999' : 'http://radicale.org/ns/sync/0000000000000000000000000000000000000000000000000000000000000000';
      const full = await sc.changesSince(bogus);
      expect(full.fullResync).toBe(true);
      expect(full.changed.map((o) => o.uid).sort()).toEqual([a.uid, c.uid].sort());
    } finally {
      await sc.delete();
    }
  });

  it('expands recurrences on the client identically on every server', async () => {
    const uid = uniq('rec');
    await cal.createEvent(recurring(uid));
    // Also a plain event in range and one outside.
    await cal.createEvent({ summary: 'Single', start: new Date('2025-03-12T10:00:00Z'), end: new Date('2025-03-12T11:00:00Z') });
    const occ = await cal.events({ start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-08T00:00:00Z'), expand: true });
    const mine = occ.filter((o) => o.uid === uid);
    expect(mine.map((o) => [o.start!.toISOString(), o.summary])).toEqual(EXPECTED);
    expect(mine.every((o) => !getProperty(o.item!, 'RRULE'))).toBe(true);
    expect(getProperty(mine[0]!.item!, 'RECURRENCE-ID')?.value).toBe('20250303T090000');
    expect(occ.map((o) => o.summary)).toContain('Single');

    // Edit one occurrence (stored as a RECURRENCE-ID override) and delete another (EXDATE).
    const edited = mine[1]!;
    edited.data = edited.data.replace('SUMMARY:Weekly sync', 'SUMMARY:Weekly sync (edited once)');
    await edited.save();
    const stale = mine[3]!;
    await expect(stale.delete()).rejects.toBeInstanceOf(ConflictError); // series changed since it was read
    const fresh = (await cal.events({ start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-08T00:00:00Z'), expand: true })).filter((o) => o.uid === uid);
    await fresh[3]!.delete();
    const after = (await cal.events({ start: new Date('2025-03-01T00:00:00Z'), end: new Date('2025-04-08T00:00:00Z'), expand: true })).filter((o) => o.uid === uid);
    expect(after.map((o) => [o.start!.toISOString(), o.summary])).toEqual([EXPECTED[0], [EXPECTED[1]![0], 'Weekly sync (edited once)'], EXPECTED[2], EXPECTED[4]]);

    const busy = await cal.freeBusy({ start: '2025-03-01T00:00:00Z', end: '2025-03-15T00:00:00Z' });
    expect(busy.map((b) => b.start.toISOString())).toEqual(['2025-03-03T08:00:00.000Z', '2025-03-10T08:00:00.000Z', '2025-03-12T10:00:00.000Z']);
  });

  it('rejects bad input before any request', async () => {
    let requests = 0;
    const c = connection(server);
    const counted = new CalDAVClient({ url: c.url, auth: basic(c.user, c.pass), fetch: (i, init) => { requests++; return fetch(i, init); } });
    const cal2 = await counted.calendar(cal.url);
    const before = requests;
    await expect(cal2.events({ start: '2025-03-02T00:00:00Z', end: '2025-03-01T00:00:00Z' })).rejects.toBeInstanceOf(ValidationError);
    await expect(cal2.createEvent('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n')).rejects.toBeInstanceOf(ValidationError);
    await expect(cal2.createEvent({ summary: 'x', start: new Date('2025-03-02T10:00:00Z'), end: new Date('2025-03-02T09:00:00Z') })).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toBe(before);
  });
});
