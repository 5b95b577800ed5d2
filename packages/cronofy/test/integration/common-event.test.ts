import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommonEvent } from '@cal/core';
import { CronofyClient, toCommonEvent, type CronofyEvent } from '@cal/cronofy';
import { startCronofySimulator, type CronofySimulator } from '@cal/testkit/cronofy';

const SECRET = 'sim-secret';
let sim: CronofySimulator;
let cronofy: CronofyClient;
let calendarId: string;

beforeAll(async () => {
  sim = await startCronofySimulator({ clients: [{ clientId: 'sim-client', clientSecret: SECRET }] });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  calendarId = sim.addUser('user-1').calendarId;
  const { accessToken, refreshToken } = sim.issueToken('user-1', 'sim-client');
  cronofy = new CronofyClient({ clientId: 'sim-client', clientSecret: SECRET, accessToken, refreshToken, hosts: sim.hosts, retry: false });
});

describe('toCommonEvent on events read from the Cronofy simulator', () => {
  it('converts external, managed, all-day, localized and deleted events', async () => {
    const [externalUid] = sim.seedEvents('user-1', calendarId, [
      {
        summary: 'Design review',
        description: 'Q2 plans',
        start: '2026-05-04T09:00:00Z',
        end: '2026-05-04T10:00:00Z',
        recurring: true,
        location: { description: 'Room 4' },
        organizer: { email: 'ada@example.com', display_name: 'Ada' },
        attendees: [
          { email: 'ada@example.com', display_name: 'Ada', status: 'accepted' },
          { email: 'bob@example.com', status: 'tentative' },
        ],
      },
    ]);
    await cronofy.upsertEvent(calendarId, { event_id: 'offsite', summary: 'Offsite', start: '2026-05-05', end: '2026-05-07' });
    await cronofy.upsertEvent(calendarId, { event_id: 'gone', summary: 'Gone', start: '2026-05-06T12:00:00Z', end: '2026-05-06T13:00:00Z' });
    await cronofy.deleteEvent(calendarId, 'gone');

    const window = { fromDate: '2026-05-01', toDate: '2026-05-10', tzid: 'Europe/London', includeManaged: true, includeDeleted: true };
    const seen: CommonEvent<CronofyEvent>[] = [];
    for await (const e of cronofy.readEvents(window)) seen.push(toCommonEvent(e));
    expect(seen.map((e) => e.title)).toEqual(['Design review', 'Offsite', 'Gone']);
    const [review, offsite, gone] = seen;
    expect(review).toMatchObject({
      provider: 'cronofy',
      id: externalUid,
      calendarId,
      title: 'Design review',
      description: 'Q2 plans',
      location: 'Room 4',
      start: { dateTime: '2026-05-04T09:00:00Z' },
      end: { dateTime: '2026-05-04T10:00:00Z' },
      allDay: false,
      status: 'confirmed',
      recurring: true,
      organizer: { email: 'ada@example.com', name: 'Ada' },
      attendees: [
        { email: 'ada@example.com', name: 'Ada', status: 'accepted' },
        { email: 'bob@example.com', status: 'tentative' },
      ],
    });
    expect(review!.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(review!.raw.event_uid).toBe(externalUid);
    expect(offsite).toMatchObject({ id: expect.stringMatching(/^evt_/), allDay: true, start: { dateTime: '2026-05-05' }, end: { dateTime: '2026-05-07' } });
    expect(gone).toMatchObject({ status: 'cancelled', allDay: false });

    // localized_times: {time, tzid} stays the same instant
    const localized = (await cronofy.readEvents({ ...window, includeDeleted: false, localizedTimes: true }).all()).map(toCommonEvent);
    expect(localized[0]!.raw.start).toEqual({ time: '2026-05-04T09:00:00Z', tzid: 'Europe/London' });
    expect(localized[0]).toMatchObject({ allDay: false, start: { dateTime: '2026-05-04T09:00:00Z' }, end: { dateTime: '2026-05-04T10:00:00Z' } });
    expect(localized[0]!.start.timeZone).toBeUndefined();
  });
});
