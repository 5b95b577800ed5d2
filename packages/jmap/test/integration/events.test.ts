import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConflictError, NotFoundError } from '@cal/core';
import { JMAPSetError, call, createJMAPClient, toCommonEvent } from '@cal/jmap';
import { icalToJSCalendar } from '@cal/jmap/ical';
import { cyrusEnv, indexNow, jmapClient, marker } from './cyrus-env.js';

const ical = (uid: string, title: string) => [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
  'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20250203T100000', 'DTEND;TZID=Europe/Berlin:20250203T113000',
  `SUMMARY:${title}`, 'DESCRIPTION:Line one\\nline two\\, with comma', 'LOCATION:Room 1',
  'STATUS:TENTATIVE', 'TRANSP:TRANSPARENT', 'CLASS:PRIVATE',
  'RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO', 'EXDATE;TZID=Europe/Berlin:20250210T100000',
  'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Ping', 'TRIGGER;RELATED=END:-PT15M', 'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z', 'RECURRENCE-ID;TZID=Europe/Berlin:20250217T100000',
  'DTSTART;TZID=Europe/Berlin:20250217T120000', 'DURATION:PT1H30M', `SUMMARY:${title} (moved)`,
  'DESCRIPTION:Line one\\nline two\\, with comma', 'LOCATION:Room 1', 'STATUS:TENTATIVE', 'TRANSP:TRANSPARENT', 'CLASS:PRIVATE',
  'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Ping', 'TRIGGER;RELATED=END:-PT15M', 'END:VALARM',
  'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

describe('Cyrus 3.10 JMAP: session, calendars, events', () => {
  it('reads the session through /.well-known/jmap (301) and resolves Cyrus\'s relative apiUrl', async () => {
    const env = cyrusEnv();
    const client = createJMAPClient({ url: `${env.baseUrl}/.well-known/jmap`, username: env.user, password: env.pass });
    const session = await client.getSession();
    expect(session.capabilities['urn:ietf:params:jmap:calendars']).toBeDefined();
    expect(session.apiUrl).toBe(`${env.baseUrl}/jmap/`);
    const cals = await client.getCalendars();
    expect(cals.some((c) => c.id === 'Default')).toBe(true);
    expect(cals[0]?.myRights?.mayWriteAll).toBe(true);
  });

  it('a wrong password is a hard AuthenticationError', async () => {
    const env = cyrusEnv();
    const client = createJMAPClient({ url: env.jmapUrl, username: env.user, password: 'wrong' });
    await expect(client.getCalendars()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('creates from iCalendar, reads back JSCalendar with every mapped field, converts back, deletes', async () => {
    const client = jmapClient();
    const uid = marker('ical-');
    const id = await client.createEvent('Default', ical(uid, 'Planning'));
    const ev = await client.getEvent(id);
    expect(ev.id).toBe(id);
    expect(ev.data).toMatchObject({
      uid, title: 'Planning', description: 'Line one\nline two, with comma', start: '2025-02-03T10:00:00', timeZone: 'Europe/Berlin',
      duration: 'PT1H30M', status: 'tentative', freeBusyStatus: 'free', privacy: 'private', calendarIds: { Default: true },
      recurrenceRules: [{ frequency: 'weekly', count: 5, byDay: [{ day: 'mo' }] }],
    });
    expect(Object.values(ev.data.locations ?? {}).map((l) => l.name)).toEqual(['Room 1']);
    const alerts = Object.values(ev.data.alerts ?? {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.trigger).toMatchObject({ '@type': 'OffsetTrigger', offset: '-PT15M', relativeTo: 'end' });
    expect(ev.data.recurrenceOverrides?.['2025-02-10T10:00:00']).toEqual({ excluded: true });
    expect(ev.data.recurrenceOverrides?.['2025-02-17T10:00:00']).toMatchObject({ start: '2025-02-17T12:00:00', title: 'Planning (moved)' });
    expect(toCommonEvent(ev)).toMatchObject({
      provider: 'jmap', id, calendarId: 'Default', uid, title: 'Planning', location: 'Room 1', allDay: false, status: 'tentative', recurring: true,
      start: { dateTime: '2025-02-03T10:00:00', timeZone: 'Europe/Berlin' }, end: { dateTime: '2025-02-03T11:30:00', timeZone: 'Europe/Berlin' },
    });

    // toICal() on a server object with object triggers (python-caldav crashes here) and back again
    const back = icalToJSCalendar(await ev.toICal());
    expect(back).toMatchObject({ uid, title: 'Planning', start: '2025-02-03T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H30M', status: 'tentative' });
    expect(Object.values(back.alerts ?? {})[0]?.trigger).toEqual({ '@type': 'OffsetTrigger', offset: '-PT15M', relativeTo: 'end' });
    expect(back.recurrenceOverrides?.['2025-02-10T10:00:00']).toEqual({ excluded: true });
    expect(back.recurrenceOverrides?.['2025-02-17T10:00:00']).toMatchObject({ start: '2025-02-17T12:00:00', title: 'Planning (moved)' });

    await client.deleteEvent(id);
    await expect(client.getEvent(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.deleteEvent(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('participants keep roles and participation status; all-day events use showWithoutTime', async () => {
    const client = jmapClient();
    const uid = marker('part-');
    const text = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20250101T000000Z',
      'DTSTART;VALUE=DATE:20250310', 'DTEND;VALUE=DATE:20250311', 'SUMMARY:Offsite',
      'ORGANIZER;CN=Test:mailto:test@internal',
      'ATTENDEE;CN=Alice;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:alice@example.com',
      'ATTENDEE;CN=Bob;ROLE=OPT-PARTICIPANT;PARTSTAT=TENTATIVE;RSVP=TRUE:mailto:bob@example.com',
      'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    const id = await client.createEvent('Default', text);
    const ev = await client.getEvent(id);
    expect(ev.data).toMatchObject({ start: '2025-03-10T00:00:00', showWithoutTime: true, duration: 'P1D' });
    const parts = Object.values(ev.data.participants ?? {});
    const alice = parts.find((p) => p.email === 'alice@example.com' || p.sendTo?.['imip'] === 'mailto:alice@example.com');
    const bob = parts.find((p) => p.sendTo?.['imip'] === 'mailto:bob@example.com');
    expect(alice).toMatchObject({ name: 'Alice', participationStatus: 'accepted', roles: { attendee: true, chair: true } });
    expect(bob).toMatchObject({ name: 'Bob', participationStatus: 'tentative', roles: { attendee: true, optional: true } });
    expect(parts.some((p) => p.roles?.owner)).toBe(true);
    const common = toCommonEvent(ev);
    expect(common).toMatchObject({ allDay: true, start: { dateTime: '2025-03-10' }, end: { dateTime: '2025-03-11' }, organizer: { email: 'test@internal' } });
    expect(common.attendees).toEqual(expect.arrayContaining([
      expect.objectContaining({ email: 'alice@example.com', name: 'Alice', status: 'accepted' }),
      expect.objectContaining({ email: 'bob@example.com', name: 'Bob', status: 'tentative' }),
    ]));
    const round = await ev.toICal();
    expect(round).toContain('DTSTART;VALUE=DATE:20250310');
    expect(round).toMatch(/ATTENDEE;CN=Alice;[^\r\n]*ROLE=CHAIR;PARTSTAT=ACCEPTED/);
    await client.deleteEvent(id);
  });

  it('creates and updates from JSCalendar objects; a whole-event update removes what the new version lacks', async () => {
    const client = jmapClient();
    const id = await client.createEvent('Default', {
      title: 'Obj', start: '2025-04-01T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
      locations: { l1: { name: 'Desk' } }, alerts: { a1: { trigger: { '@type': 'AbsoluteTrigger', when: '2025-04-01T06:00:00Z' } } },
    });
    const before = await client.getEvent(id);
    expect(Object.values(before.data.alerts ?? {})[0]?.trigger).toEqual({ '@type': 'AbsoluteTrigger', when: '2025-04-01T06:00:00Z' });
    await client.updateEvent(id, { title: 'Obj 2', start: '2025-04-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT2H' });
    const after = await client.getEvent(id);
    expect(after.data).toMatchObject({ title: 'Obj 2', start: '2025-04-01T10:00:00', duration: 'PT2H', uid: before.uid });
    expect(after.data.locations ?? null).toBeNull();
    expect(after.data.alerts ?? null).toBeNull();
    await client.patchEvent(id, { title: 'Obj 3' });
    expect((await client.getEvent(id)).title).toBe('Obj 3');
    await client.deleteEvent(id);
  });

  it('updateEvent accepts the server\'s own object and its toICal() text back (read-modify-write)', async () => {
    const client = jmapClient();
    const id = await client.createEvent('Default', {
      title: 'rmw', start: '2030-03-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
      alerts: { a: { trigger: { '@type': 'OffsetTrigger', offset: '-PT5M' } } },
    });
    const ev = await client.getEvent(id);
    await client.updateEvent(id, { ...ev.data, title: 'rmw 2' });
    expect((await client.getEvent(id)).title).toBe('rmw 2');
    await client.updateEvent(id, (await ev.toICal()).replace('SUMMARY:rmw', 'SUMMARY:rmw 3'));
    const after = await client.getEvent(id);
    expect(after.title).toBe('rmw 3');
    expect(Object.keys(after.data.alerts ?? {})).toEqual(Object.keys(ev.data.alerts ?? {})); // alert id kept
    await client.deleteEvent(id);
  });

  it('a stale ifInState is a ConflictError and nothing is written', async () => {
    const client = jmapClient();
    const stale = await client.getSyncToken();
    const id = await client.createEvent('Default', { title: 'cas', start: '2025-05-01T09:00:00', duration: 'PT1H' });
    await expect(client.patchEvent(id, { title: 'lost' }, { ifInState: stale })).rejects.toBeInstanceOf(ConflictError);
    expect((await client.getEvent(id)).title).toBe('cas');
    await client.updateEvent(id, { title: 'won', start: '2025-05-01T09:00:00', duration: 'PT1H' }, { ifInState: await client.getSyncToken() });
    expect((await client.getEvent(id)).title).toBe('won');
    await client.deleteEvent(id);
  });

  it('reports every rejected item of a batch, and a single rejected create as JMAPSetError', async () => {
    const client = jmapClient();
    const res = await client.createEvents('Default', [
      { title: 'ok 1', start: '2025-06-01T09:00:00', duration: 'PT1H' },
      { title: 'bad', start: '2025-06-01T09:00:00', duration: 'PT1H', 'example.com:unknown': 1 },
      { title: 'ok 2', start: '2025-06-02T09:00:00', duration: 'PT1H' },
    ]);
    expect(res.ids[0]).toMatch(/^E-/);
    expect(res.ids[1]).toBeUndefined();
    expect(res.ids[2]).toMatch(/^E-/);
    expect(res.errors).toEqual([{ id: 'e1', operation: 'create', error: expect.objectContaining({ type: 'invalidProperties' }) }]);
    const err = await client.createEvent('NoSuchCalendar', { title: 'x', start: '2025-06-01T09:00:00' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JMAPSetError);
    expect((err as JMAPSetError).setErrors[0]?.error.type).toBe('invalidProperties');
    for (const id of res.ids) if (id) await client.deleteEvent(id);
  });

  it('creates and deletes calendars (onDestroyRemoveEvents)', async () => {
    const client = jmapClient();
    const calId = await client.createCalendar({ name: marker('Cal ') , color: '#336699' });
    expect((await client.getCalendars()).find((c) => c.id === calId)?.name).toMatch(/^Cal /);
    const evId = await client.createEvent(calId, { title: 'in new cal', start: '2025-07-01T09:00:00', duration: 'PT1H' });
    await client.deleteCalendar(calId, { removeEvents: true });
    expect((await client.getCalendars()).some((c) => c.id === calId)).toBe(false);
    await expect(client.getEvent(evId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('searchEvents: ONE HTTP request (query + #ids get), by text after indexing and by time range', async () => {
    let posts = 0;
    const client = jmapClient({ onRequest: (e) => void (e.method === 'POST' && posts++) });
    const word = marker('zq');
    const ids = (await client.createEvents('Default', [
      { title: `Kickoff ${word}`, start: '2031-01-05T09:00:00', timeZone: 'Etc/UTC', duration: 'PT1H' },
      { title: 'Other', description: `about ${word}`, start: '2031-01-06T09:00:00', timeZone: 'Etc/UTC', duration: 'PT1H' },
      { title: 'Unrelated', start: '2031-02-01T09:00:00', timeZone: 'Etc/UTC', duration: 'PT1H' },
    ])).ids as string[];
    await indexNow();
    posts = 0;
    const byText = await client.searchEvents({ text: word });
    expect(posts).toBe(1);
    expect(byText.map((e) => e.id).sort()).toEqual([ids[0], ids[1]].sort());
    const byRange = await client.searchEvents({ calendarId: 'Default', start: new Date('2031-01-01T00:00:00Z'), end: new Date('2031-01-31T00:00:00Z') });
    expect(byRange.map((e) => e.id)).toEqual([ids[0], ids[1]]);
    const byUid = await client.searchEvents({ uid: (await client.getEvent(ids[2]!)).uid! });
    expect(byUid.map((e) => e.id)).toEqual([ids[2]]);
    for (const id of ids) await client.deleteEvent(id);
  });

  it('searchEvents with expandRecurrences returns one object per occurrence (Cyrus ids ER-…)', async () => {
    const client = jmapClient();
    const id = await client.createEvent('Default', {
      title: 'Weekly', start: '2033-03-07T09:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 4 }],
      recurrenceOverrides: { '2033-03-14T09:00:00': { excluded: true } },
    });
    const found = await client.searchEvents({ calendarId: 'Default', start: '2033-03-01T00:00:00', end: '2033-04-01T00:00:00', timeZone: 'Europe/Berlin', expandRecurrences: true });
    expect(found.map((e) => e.data.start)).toEqual(['2033-03-07T09:00:00', '2033-03-21T09:00:00', '2033-03-28T09:00:00']);
    expect(found.every((e) => e.data.baseEventId === id || e.id === id)).toBe(true);
    await client.deleteEvent(id);
  });

  it('request(): custom batch with a result reference from a create into a get', async () => {
    const client = jmapClient();
    const s = call('CalendarEvent/set', { create: { k: { calendarIds: { Default: true }, title: 'batched', start: '2025-08-01T09:00:00', duration: 'PT1H' } } });
    const g = call('CalendarEvent/get', { ids: ['#k'], properties: ['title', 'uid'] });
    const res = await client.request([s, g]);
    const created = res.get(s).created?.['k'];
    expect(created?.id).toMatch(/^E-/);
    expect(res.get(g).list[0]?.title).toBe('batched');
    await client.deleteEvent(created!.id);
  });

  it('tasks: Cyrus 3.10 has no urn:ietf:params:jmap:tasks, so task calls fail before any request', async () => {
    const client = jmapClient();
    const err = await client.createTask('tasks', 'x').catch((e: unknown) => e);
    expect(err).toMatchObject({ providerCode: 'unknownCapability' });
  });
});
