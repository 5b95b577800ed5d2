import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalDAVClient, basic, type Calendar, type Principal } from '@cal/caldav';
import { SERVERS, client, connection, uniq } from './servers.js';

describe.each(SERVERS)('scheduling (RFC 6638) on %s', (server) => {
  let principal: Principal;
  let cal: Calendar;
  beforeAll(async () => {
    principal = await client(server).principal();
    cal = await principal.makeCalendar({ name: 'sched', id: uniq('sched') });
  });
  afterAll(async () => {
    await cal?.delete().catch(() => undefined);
  });

  it('answers an invitation: PARTSTAT of my ATTENDEE line is updated and saved', async () => {
    const me = principal.addresses.find((a) => a.startsWith('mailto:')) ?? 'mailto:me@example.com';
    const uid = uniq('invite');
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z',
      'DTSTART:20250602T090000Z', 'DTEND:20250602T100000Z', 'SUMMARY:Invitation', 'ORGANIZER:mailto:boss@example.com',
      `ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${me}`, 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    const obj = await cal.createEvent(text);
    // Cyrus tags scheduling object resources (RFC 6638 §3.2.10); the reply is then conditional on it.
    if (server === 'cyrus') expect(obj.scheduleTag).toBeTruthy();
    await obj.accept({ as: me });
    const back = await cal.object(obj.url);
    expect(back.data.replace(/\r\n /g, '')).toMatch(/ATTENDEE;[^\r\n]*PARTSTAT=ACCEPTED/);
    await expect(back.respond('DECLINED', { as: 'mailto:stranger@example.com' })).rejects.toMatchObject({ name: 'ValidationError' });
    await back.delete();
  });

  if (server === 'cyrus') {
    it('free/busy through the outbox and the inbox listing', async () => {
      expect(principal.scheduleOutboxUrl).toMatch(/Outbox\/$/);
      const ev = await cal.createEvent({ summary: 'Busy', start: new Date('2025-07-01T09:00:00Z'), end: new Date('2025-07-01T10:00:00Z') });
      const me = principal.addresses[0]!;
      const fb = await principal.freeBusy({ start: '2025-07-01T00:00:00Z', end: '2025-07-02T00:00:00Z', attendees: [me] });
      expect(fb[me]?.map((b) => [b.start.toISOString(), b.end.toISOString()])).toContainEqual(['2025-07-01T09:00:00.000Z', '2025-07-01T10:00:00.000Z']);
      expect(Array.isArray(await principal.inbox())).toBe(true);
      await ev.delete();
    });
  } else {
    it('without a scheduling outbox, free/busy is a typed error (never an empty result)', async () => {
      await expect(principal.freeBusy({ start: '2025-07-01T00:00:00Z', end: '2025-07-02T00:00:00Z', attendees: ['a@example.com'] })).rejects.toMatchObject({ code: 'CAL_CALDAV_UNSUPPORTED' });
      // Radicale has no inbox at all; Xandikos advertises an (always empty) schedule-inbox-URL.
      if (principal.scheduleInboxUrl) expect(await principal.inbox()).toEqual([]);
      else await expect(principal.inbox()).rejects.toMatchObject({ code: 'CAL_CALDAV_UNSUPPORTED' });
    });
  }

  // Scheduling between two accounts exists only on Cyrus (RFC 6638); the testkit provisions a
  // second user there (CAL_CYRUS_USER2/CAL_CYRUS_PASS2). Missing credentials fail: never a silent skip.
  if (server === 'cyrus') it('invite → attendee inbox → accept → organizer sees ACCEPTED', async () => {
    expect(process.env['CAL_CYRUS_USER2'], 'testkit must provision a second Cyrus user').toBeTruthy();
    const c = connection('cyrus');
    const other = await new CalDAVClient({ url: c.url, auth: basic(process.env['CAL_CYRUS_USER2']!, process.env['CAL_CYRUS_PASS2']!) }).principal();
    const ev = await cal.createEvent({ summary: 'Planning', start: new Date('2025-06-02T09:00:00Z'), end: new Date('2025-06-02T10:00:00Z'), organizer: principal.addresses[0]!, attendees: [{ email: other.addresses[0]!, rsvp: true }] });
    const inbox = await other.inbox();
    expect(inbox.map((o) => o.uid)).toContain(ev.uid);
    const copy = await (await other.calendars())[0]!.objectByUid(ev.uid!);
    await copy.accept();
    await ev.refresh();
    expect(ev.data.replace(/\r\n /g, '')).toMatch(/PARTSTAT=ACCEPTED[^\r\n]*:mailto:/);
    await ev.delete();
  });
});
