import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ProtocolError, ValidationError } from '@cal/core';
import type { GraphSimulator } from '@cal/testkit/graph';
import { createGraphCalendar, isRemoved, recurrence, utcDateTime, type GraphCalendar } from '@cal/graph';
import { signedIn, startSim } from './helpers.js';

const sim: GraphSimulator = await startSim();
afterAll(() => sim.close());
let cal: GraphCalendar;
beforeEach(async () => {
  sim.reset();
  cal = createGraphCalendar(await signedIn(sim));
});

const JAN = { start: '2026-01-01T00:00:00Z', end: '2026-02-01T00:00:00Z' };
const lastRequest = (pred: (r: GraphSimulator['sim']['log'][number]) => boolean) => sim.sim.log.filter(pred).at(-1);

describe('typed calendar API against the Graph simulator', () => {
  it('me and users', async () => {
    expect((await cal.getMe()).id).toBe('user-1');
    expect((await cal.getUser('user-1')).displayName).toBe('Adele Vance');
  });

  it('calendars CRUD and calendar groups', async () => {
    const created = await cal.createCalendar({ name: 'Work', color: 'lightBlue' });
    expect(created.name).toBe('Work');
    expect((await cal.listCalendars()).map((c) => c.name)).toEqual(['Calendar', 'Work']);
    expect((await cal.updateCalendar(created.id!, { name: 'Work 2' })).name).toBe('Work 2');
    expect((await cal.getCalendar()).isDefaultCalendar).toBe(true);
    await expect(cal.deleteCalendar(created.id!, { etag: 'W/"stale"' })).rejects.toBeInstanceOf(ConflictError);
    await cal.deleteCalendar(created.id!);
    await expect(cal.getCalendar(created.id!)).rejects.toBeInstanceOf(NotFoundError);
    const group = await cal.createCalendarGroup('Projects');
    expect((await cal.listCalendarGroups()).map((g) => g.name)).toContain('Projects');
    expect(await cal.listGroupCalendars(group.id!)).toEqual([]);
    await cal.deleteCalendarGroup(group.id!);
    await expect(cal.createCalendar({ name: '' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('events CRUD; saveEvent PATCHes only the changed fields; ids are percent-encoded', async () => {
    const ev = await cal.createEvent({ subject: 'Standup', start: utcDateTime('2026-01-05T09:00:00Z'), end: utcDateTime('2026-01-05T09:15:00Z'), body: { contentType: 'text', content: 'daily' } });
    expect(ev.id).toMatch(/=$/);
    expect(lastRequest((r) => r.method === 'POST')?.path).toBe('/v1.0/me/events');
    const updated = await cal.saveEvent(ev, { ...ev, subject: 'Standup (moved)', location: { displayName: 'Room 1' } });
    expect(updated.subject).toBe('Standup (moved)');
    const patch = lastRequest((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe(`/v1.0/me/events/${encodeURIComponent(ev.id!)}`);
    expect(Object.keys(JSON.parse(patch.body)).sort()).toEqual(['location', 'subject']);
    const before = sim.sim.log.length;
    expect(await cal.saveEvent(updated, { ...updated })).toBe(updated);
    expect(sim.sim.log.length).toBe(before);
    expect((await cal.getEvent(ev.id!, { select: ['subject'] })).subject).toBe('Standup (moved)');
    expect(lastRequest((r) => r.method === 'GET')?.query.get('$select')).toBe('subject');
    expect((await cal.listEvents({ orderBy: ['start/dateTime desc'], select: ['subject', 'start'] })).length).toBe(1);
    expect(lastRequest((r) => r.method === 'GET')?.url).toContain('$select=subject,start');
    await cal.deleteEvent(ev.id!);
    await expect(cal.getEvent(ev.id!)).rejects.toMatchObject({ providerCode: 'ErrorItemNotFound' });
    await expect(cal.createEvent({ event: {} } as never)).rejects.toBeInstanceOf(ValidationError);
  });

  it('calendarView follows @odata.nextLink with Prefer: odata.maxpagesize on every page', async () => {
    sim.seedEvents('user-1', 25);
    const pages = [];
    for await (const page of cal.calendarViewPages({ ...JAN, pageSize: 10, select: ['subject', 'start', 'end'] })) pages.push(page.items.length);
    expect(pages).toEqual([10, 10, 5]);
    const views = sim.sim.log.filter((r) => r.path === '/v1.0/me/calendarView');
    expect(views).toHaveLength(3);
    expect(views.every((r) => r.headers['prefer'] === 'odata.maxpagesize=10')).toBe(true);
    expect(views[0]!.query.get('$select')).toBe('subject,start,end');
    // lazy: breaking out stops fetching
    const n = sim.sim.log.length;
    for await (const _ of cal.calendarView({ ...JAN, pageSize: 5 })) break;
    expect(sim.sim.log.length).toBe(n + 1);
    expect(await cal.listCalendarView({ ...JAN, limit: 7 })).toHaveLength(7);
    await expect(cal.listCalendarView({ start: 'nope', end: JAN.end })).rejects.toBeInstanceOf(ValidationError);
  });

  it('a nextLink to a foreign origin is refused before the token leaves', async () => {
    sim.sim.faults.add({ path: '/v1.0/me/calendarView', kind: 'status', status: 200, body: { value: [], '@odata.nextLink': 'https://evil.example/v1.0/me/calendarView?$skip=10' } });
    await expect(cal.listCalendarView(JAN)).rejects.toBeInstanceOf(ProtocolError);
  });

  it('Prefer: outlook.timezone takes IANA names and sends Windows names', async () => {
    const tzCal = createGraphCalendar(await signedIn(sim), { timeZone: 'America/Los_Angeles' });
    await tzCal.createEvent({ subject: 'x', start: utcDateTime('2026-01-05T17:00:00Z'), end: utcDateTime('2026-01-05T18:00:00Z') });
    const [ev] = await tzCal.listCalendarView(JAN);
    expect(lastRequest((r) => r.path === '/v1.0/me/calendarView')?.headers['prefer']).toBe('outlook.timezone="Pacific Standard Time"');
    expect(ev!.start).toEqual({ dateTime: '2026-01-05T09:00:00.0000000', timeZone: 'Pacific Standard Time' });
  });

  it('recurrence builder + instances', async () => {
    const rec = recurrence().weekly(['monday', 'wednesday']).from('2026-01-05').count(4).build();
    const master = await cal.createEvent({ subject: 'Sync', start: utcDateTime('2026-01-05T10:00:00Z'), end: utcDateTime('2026-01-05T10:30:00Z'), recurrence: rec });
    expect(master.type).toBe('seriesMaster');
    const inst = await cal.listInstances(master.id!, JAN);
    expect(inst.map((i) => i.start?.dateTime?.slice(0, 10))).toEqual(['2026-01-05', '2026-01-07', '2026-01-12', '2026-01-14']);
    expect(inst.every((i) => i.seriesMasterId === master.id)).toBe(true);
    expect(() => recurrence().weekly([]).from('2026-01-05').build()).toThrow(ValidationError);
  });

  it('accept / decline / tentativelyAccept / cancel / forward', async () => {
    const invite = sim.addEvent('user-1', { subject: 'Invite', isOrganizer: false, responseStatus: { response: 'notResponded' }, start: utcDateTime('2026-01-06T10:00:00Z'), end: utcDateTime('2026-01-06T11:00:00Z') });
    const id = invite.data.id;
    await cal.acceptEvent(id, { comment: 'yes', sendResponse: true });
    expect((await cal.getEvent(id)).responseStatus?.response).toBe('accepted');
    await cal.tentativelyAcceptEvent(id);
    expect((await cal.getEvent(id)).responseStatus?.response).toBe('tentativelyAccepted');
    await cal.declineEvent(id, { sendResponse: false });
    expect((await cal.getEvent(id)).responseStatus?.response).toBe('declined');
    await cal.forwardEvent(id, { toRecipients: ['bob@contoso.example'], comment: 'fyi' });
    expect(sim.mailbox('user-1').outbox.at(-1)).toMatchObject({ kind: 'forward', body: { toRecipients: [{ emailAddress: { address: 'bob@contoso.example' } }] } });
    await expect(cal.cancelEvent(id)).rejects.toMatchObject({ providerCode: 'ErrorAccessDenied' });
    const own = await cal.createEvent({ subject: 'Mine', start: utcDateTime('2026-01-07T10:00:00Z'), end: utcDateTime('2026-01-07T11:00:00Z') });
    await cal.cancelEvent(own.id!, { comment: 'sorry' });
    await expect(cal.getEvent(own.id!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cal.forwardEvent(id, { toRecipients: [] })).rejects.toBeInstanceOf(ValidationError);
  });

  it('attachments: small via POST, > 3 MB via an upload session without the token', async () => {
    const ev = await cal.createEvent({ subject: 'Files', start: utcDateTime('2026-01-08T10:00:00Z'), end: utcDateTime('2026-01-08T11:00:00Z') });
    const small = await cal.addAttachment(ev.id!, { name: 'a.txt', content: 'hello', contentType: 'text/plain' });
    expect(small.uploadSession).toBe(false);
    expect((await cal.getAttachment(ev.id!, small.id!)).contentBytes).toBe(btoa('hello'));
    const big = 'x'.repeat(3.5 * 1024 * 1024);
    const large = await cal.addAttachment(ev.id!, { name: 'big.txt', content: big });
    expect(large.uploadSession).toBe(true);
    const puts = sim.sim.log.filter((r) => r.method === 'PUT' && r.path.startsWith('/upload/'));
    expect(puts).toHaveLength(2);
    expect(puts.every((r) => r.headers['authorization'] === undefined)).toBe(true);
    expect(puts[0]!.headers['content-range']).toBe(`bytes 0-${10 * 320 * 1024 - 1}/${big.length}`);
    const list = await cal.listAttachments(ev.id!);
    expect(list.map((a) => [a.name, a.size])).toEqual([['a.txt', 5], ['big.txt', big.length]]);
    expect(list.find((a) => a.name === 'big.txt')?.id).toBe(large.id);
    await cal.deleteAttachment(ev.id!, small.id!);
    expect(await cal.listAttachments(ev.id!)).toHaveLength(1);
  });

  it('getSchedule decodes availabilityView; findMeetingTimes works with the mapped zone', async () => {
    sim.addEvent('user-2', { subject: 'Busy', showAs: 'busy', start: utcDateTime('2026-01-05T09:00:00Z'), end: utcDateTime('2026-01-05T10:00:00Z') });
    sim.addEvent('user-2', { subject: 'Maybe', showAs: 'tentative', start: utcDateTime('2026-01-05T10:00:00Z'), end: utcDateTime('2026-01-05T10:30:00Z') });
    const [s] = await cal.getSchedule({ schedules: ['user-2@contoso.example'], start: '2026-01-05T08:00:00Z', end: '2026-01-05T11:00:00Z', interval: 30 });
    expect(s!.availabilityView).toBe('002210');
    expect(s!.slots.map((x) => x.availability)).toEqual(['free', 'free', 'busy', 'busy', 'tentative', 'free']);
    expect(s!.slots[2]!.start.toISOString()).toBe('2026-01-05T09:00:00.000Z');
    await expect(cal.getSchedule({ schedules: [], start: 0, end: 1 })).rejects.toBeInstanceOf(ValidationError);

    const tzCal = createGraphCalendar(await signedIn(sim), { timeZone: 'Europe/Berlin' });
    const res = await tzCal.findMeetingTimes({
      attendees: [{ emailAddress: { address: 'user-2@contoso.example' }, type: 'required' }],
      timeConstraint: { timeSlots: [{ start: utcDateTime('2026-01-05T09:00:00Z'), end: utcDateTime('2026-01-05T12:00:00Z') }] },
      meetingDuration: 'PT1H',
      maxCandidates: 2,
    });
    expect(lastRequest((r) => r.path.endsWith('/findMeetingTimes'))?.headers['prefer']).toBe('outlook.timezone="W. Europe Standard Time"');
    expect(res.meetingTimeSuggestions?.[0]?.meetingTimeSlot?.start?.dateTime).toBe('2026-01-05T11:30:00.0000000');
  });

  it('delta: full round, then changes with @removed, then an expired token → flagged full resync', async () => {
    sim.seedEvents('user-1', 12);
    const first = await cal.syncCalendarView({ ...JAN, pageSize: 5 }).result();
    expect(first.changed).toHaveLength(12);
    expect(first.removed).toHaveLength(0);
    expect(first.fullResync).toBe(false);
    expect(new URL(first.deltaLink).searchParams.get('$deltatoken')).toBeTruthy();
    const [a, b] = first.changed;
    await cal.updateEvent(a!.id!, { subject: 'changed' });
    await cal.deleteEvent(b!.id!);
    const run = cal.syncCalendarView({ ...JAN, deltaLink: first.deltaLink });
    const items = [];
    for await (const item of run) items.push(item);
    expect(items.filter(isRemoved).map((r) => r.id)).toEqual([b!.id]);
    expect(items.filter((i) => !isRemoved(i)).map((e) => (e as { subject?: string }).subject)).toEqual(['changed']);
    expect(new URL(run.deltaLink!).searchParams.get('$deltatoken')).toBeTruthy();
    sim.expireDeltaTokens();
    const resync = await cal.syncCalendarView({ ...JAN, deltaLink: run.deltaLink! }).result();
    expect(resync.fullResync).toBe(true);
    expect(resync.changed).toHaveLength(11);
    expect(sim.sim.log.some((r) => r.status === 410)).toBe(true);
  });

  it('$batch: splits into ≤ 20, keeps dependsOn chains together, retries inner 429s by their Retry-After', async () => {
    const requests = Array.from({ length: 45 }, (_, i) => ({ id: String(i + 1), method: 'GET' as const, url: '/me/calendar' }));
    requests[21] = { ...requests[21]!, dependsOn: ['20'] } as never;
    sim.throttleInBatch({ times: 2, retryAfter: 1 });
    const t0 = Date.now();
    const out = await cal.batch(requests);
    expect(out).toHaveLength(45);
    expect(out.every((r) => r.status === 200)).toBe(true);
    expect(out.map((r) => r.id)).toEqual(requests.map((r) => r.id));
    const bodies = sim.sim.log.filter((r) => r.path === '/v1.0/$batch').map((r) => JSON.parse(r.body).requests as { id: string }[]);
    expect(bodies.every((b) => b.length <= 20)).toBe(true);
    expect(bodies[0]!.length).toBe(19); // the 20→22 chain moved to the next batch as a whole
    expect(bodies[1]!.map((r) => r.id)).toEqual(['1', '2']); // the throttled two, re-sent alone
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    const chain = bodies.find((b) => b.some((r) => r.id === '22'))!;
    expect(chain.map((r) => r.id)).toContain('20');
    await expect(cal.batch([{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }])).rejects.toBeInstanceOf(ValidationError);
  });

  it('$batch: a failed dependency gives 424; bodies get Content-Type', async () => {
    const out = await cal.batch([
      { id: '1', method: 'POST', url: '/me/events', body: { subject: 'b', start: utcDateTime('2026-01-09T10:00:00Z'), end: utcDateTime('2026-01-09T11:00:00Z') } },
      { id: '2', method: 'GET', url: '/me/events/missing', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/me/calendar', dependsOn: ['2'] },
    ]);
    expect(out.map((r) => r.status)).toEqual([201, 404, 424]);
    expect(out[1]!.body).toMatchObject({ error: { code: 'ErrorItemNotFound' } });
  });
});
