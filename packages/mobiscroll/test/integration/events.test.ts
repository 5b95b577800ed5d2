import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMobiscrollSimulator, type MobiscrollSimulator } from '@cal/testkit/mobiscroll';
import { EventsPage, NotFoundError, ValidationError, toCommonEvent, type CalendarEvent } from '@cal/mobiscroll';
import { signedIn, thisMonth } from './helpers.js';

let sim: MobiscrollSimulator;
beforeAll(async () => {
  sim = await startMobiscrollSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const G = { provider: 'google', calendarId: 'alice@gmail.com' } as const;

describe('calendars and events against the simulator', () => {
  it('lists calendars of all four providers, readonly camelCase', async () => {
    const { client } = await signedIn(sim);
    const cals = await client.calendars.list();
    expect(cals.map((c) => c.provider).sort()).toEqual(['apple', 'caldav', 'google', 'microsoft']);
    expect(cals.find((c) => c.provider === 'google')).toMatchObject({ id: 'alice@gmail.com', timeZone: 'America/Los_Angeles', color: '#9fc6e7' });
    expect(Object.isFrozen(cals[0])).toBe(true);
  });

  it('events: Dates for date-times, the string for all-day dates; iterable page', async () => {
    const { client } = await signedIn(sim);
    const page = await client.events.list(thisMonth());
    expect(page).toBeInstanceOf(EventsPage);
    const all = [...page];
    expect(all).toHaveLength(5);
    expect(page.hasMore).toBe(false);
    const timed = all.find((e) => !e.allDay)!;
    expect(timed.start).toBeInstanceOf(Date);
    const allDay = all.find((e) => e.allDay)!;
    expect(allDay.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(timed.lastModified).toBeInstanceOf(Date);
    const req = sim.sim.log.at(-1)!;
    expect(req.query.get('start')).toBe(thisMonth().start.toISOString());
  });

  it('toCommonEvent converts events read from the simulator (provider-qualified ids, upstream provider in raw)', async () => {
    const { client } = await signedIn(sim);
    const events = [...(await client.events.list(thisMonth()))];
    const common = events.map(toCommonEvent);
    expect(common.map((e) => e.provider)).toEqual(events.map(() => 'mobiscroll'));
    expect(common.map((e) => e.raw.provider).sort()).toEqual(['apple', 'caldav', 'google', 'google', 'microsoft']);
    const caldav = common.find((e) => e.raw.provider === 'caldav')!;
    expect(caldav).toMatchObject({
      id: `caldav:${caldav.raw.id}`,
      calendarId: 'caldav:https://dav.example/calendars/alice/work/',
      title: 'caldav meeting',
      allDay: false,
      start: { dateTime: (caldav.raw.start as Date).toISOString() },
      updated: caldav.raw.lastModified!.toISOString(),
    });
    expect(caldav.start.dateTime).toMatch(/Z$/);
    const offsite = common.find((e) => e.title === 'Offsite')!;
    expect(offsite).toMatchObject({ allDay: true, start: { dateTime: offsite.raw.start }, end: { dateTime: offsite.raw.end } });
    expect(offsite.start.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('pages with nextPageToken; iterAll walks every page; calendarIds filter is a JSON object', async () => {
    const { client } = await signedIn(sim);
    sim.seedEvents('user-1', 1234, { ...G, start: new Date('2030-01-01T00:00:00Z') });
    const range = { start: new Date('2030-01-01T00:00:00Z'), end: new Date('2031-01-01T00:00:00Z') };
    const first = await client.events.list({ ...range, pageSize: 500 });
    expect(first.length).toBe(500);
    expect(first.hasMore).toBe(true);
    const second = await client.events.list({ ...range, pageSize: 500, nextPageToken: first.nextPageToken! });
    expect(second.events[0]!.id).not.toBe(first.events[0]!.id);
    let n = 0;
    let last = 0;
    for await (const e of client.events.iterAll({ ...range, pageSize: 100, calendarIds: { google: ['alice@gmail.com'] } })) {
      const t = (e.start as Date).getTime();
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      n++;
    }
    expect(n).toBe(1234);
    const req = sim.sim.log.at(-1)!;
    expect(JSON.parse(req.query.get('calendarIds')!)).toEqual({ google: ['alice@gmail.com'] });
    // pageSize capped at 1000 client-side
    await client.events.list({ ...range, pageSize: 5000 });
    expect(sim.sim.log.at(-1)!.query.get('pageSize')).toBe('1000');
  });

  it('break in iterAll stops fetching', async () => {
    const { client } = await signedIn(sim);
    sim.seedEvents('user-1', 1000, { ...G, start: new Date('2030-01-01T00:00:00Z') });
    const before = sim.sim.log.length;
    for await (const _ of client.events.iterAll({ start: '2030-01-01T00:00:00Z', end: '2031-01-01T00:00:00Z', pageSize: 10 })) break;
    expect(sim.sim.log.length - before).toBe(1);
  });

  it('create / update / delete (delete parameters in the query, like the official SDKs)', async () => {
    const { client } = await signedIn(sim);
    const created = await client.events.create({ ...G, title: 'Team', start: new Date('2030-02-01T10:00:00Z'), end: '2030-02-01T11:00:00Z', attendees: ['bob@x.com'], custom: { ext: '1' } });
    expect(created).toMatchObject({ title: 'Team', calendarId: 'alice@gmail.com', custom: { ext: '1' } });
    expect(created.attendees[0]).toMatchObject({ email: 'bob@x.com' });
    expect(created.start).toEqual(new Date('2030-02-01T10:00:00Z'));
    const updated = await client.events.update({ ...G, eventId: created.id, title: 'Team (moved)' });
    expect(updated.title).toBe('Team (moved)');
    sim.setWriteShape('wrapped'); // older `{success, event}` answer
    const again = await client.events.update({ ...G, eventId: created.id, location: 'Room A' });
    expect(again).toMatchObject({ id: created.id, location: 'Room A' });
    expect(await client.events.delete({ ...G, eventId: created.id })).toMatchObject({ success: true });
    const del = sim.sim.log.at(-1)!;
    expect(del.method).toBe('DELETE');
    expect(Object.fromEntries(del.query)).toEqual({ provider: 'google', calendarId: 'alice@gmail.com', eventId: created.id });
    expect(del.body).toBe('');
    await expect(client.events.delete({ ...G, eventId: created.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('bad input is a ValidationError before any request; server 400 carries details', async () => {
    const { client } = await signedIn(sim);
    const before = sim.sim.log.length;
    await expect(client.events.create({ ...G, title: '', start: 'x', end: 'y' })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.events.update({ ...G, eventId: 'e', updateMode: 'some' as 'all' })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.events.list({ start: new Date('nope') })).rejects.toBeInstanceOf(ValidationError);
    expect(sim.sim.log.length).toBe(before);
    const err = (await client.events.create({ ...G, title: 't', start: 'not a date', end: 'neither' }).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.status).toBe(400);
    expect(err.details).toEqual([{ field: 'start', description: 'must be an ISO 8601 date' }]);
  });

  describe('recurring series', () => {
    const range = { start: new Date('2030-03-01T00:00:00Z'), end: new Date('2030-04-01T00:00:00Z') };
    const titles = async (client: Awaited<ReturnType<typeof signedIn>>['client']) =>
      (await client.events.list(range)).events.map((e: CalendarEvent) => e.title);

    async function series() {
      const s = await signedIn(sim);
      const master = await s.client.events.create({
        ...G, title: 'Daily', start: '2030-03-02T09:00:00Z', end: '2030-03-02T09:30:00Z', recurrence: { frequency: 'DAILY', count: 5 },
      });
      const instances = (await s.client.events.list(range)).events;
      return { ...s, master, instances };
    }

    it('expands instances with recurringEventId; singleEvents=false gives the master', async () => {
      const { client, master, instances } = await series();
      expect(instances).toHaveLength(5);
      expect(instances.every((i) => i.recurringEventId === master.id)).toBe(true);
      const masters = await client.events.list({ ...range, singleEvents: false });
      expect(masters.events).toHaveLength(1);
    });

    it('updateMode this / following / all', async () => {
      const { client, master, instances } = await series();
      await client.events.update({ ...G, eventId: instances[1]!.id, recurringEventId: master.id, updateMode: 'this', title: 'One-off' });
      expect(await titles(client)).toEqual(['Daily', 'One-off', 'Daily', 'Daily', 'Daily']);
      await client.events.update({ ...G, eventId: instances[3]!.id, recurringEventId: master.id, updateMode: 'following', title: 'Later' });
      expect(await titles(client)).toEqual(['Daily', 'One-off', 'Daily', 'Later', 'Later']);
      await client.events.update({ ...G, eventId: instances[0]!.id, recurringEventId: master.id, updateMode: 'all', location: 'HQ' });
      const after = (await client.events.list(range)).events;
      expect(after.slice(0, 3).every((e) => e.location === 'HQ')).toBe(true);
    });

    it('deleteMode this / following / all', async () => {
      const { client, master, instances } = await series();
      await client.events.delete({ ...G, eventId: instances[0]!.id, recurringEventId: master.id, deleteMode: 'this' });
      expect(await titles(client)).toHaveLength(4);
      await client.events.delete({ ...G, eventId: instances[2]!.id, recurringEventId: master.id, deleteMode: 'following' });
      expect(sim.sim.log.at(-1)!.query.get('deleteMode')).toBe('following');
      expect(await titles(client)).toHaveLength(1);
      await client.events.delete({ ...G, eventId: instances[1]!.id, recurringEventId: master.id, deleteMode: 'all' });
      expect(await titles(client)).toHaveLength(0);
    });
  });
});
