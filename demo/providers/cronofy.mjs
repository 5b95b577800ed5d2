// Cronofy demo against the @cal/testkit simulator (app + API hosts on two loopback origins): OAuth
// code flow, calendars, event upsert/read/decline/delete, paging, a notification channel whose signed
// push is verified and drives an incremental read (last_modified), availability with the client secret.
import { CronofyClient, verifyCronofyNotification } from '@cal/cronofy';
import { createSimServer } from '@cal/testkit';
import { startCronofySimulator } from '@cal/testkit/cronofy';

export const title = 'Cronofy (simulator)';

/** Runs everywhere: the simulator is in-process on loopback. */
export function skipReason() {
  return undefined;
}

export default async function demo({ step }) {
  const receiver = await createSimServer({ name: 'cronofy-push-receiver' });
  const pushes = [];
  receiver.route('POST', '/cronofy/push', (ctx) => {
    pushes.push({ body: ctx.body, hmac: ctx.headers['cronofy-hmac-sha256'] });
    return { status: 200 };
  });
  const secret = 'demo-client-secret';
  const sim = await startCronofySimulator({ dataCenter: 'uk', clients: [{ clientId: 'demo-app', clientSecret: secret }], pageSize: 2 });
  try {
    const cronofy = new CronofyClient({ clientId: 'demo-app', clientSecret: secret, dataCenter: 'uk', hosts: sim.hosts });
    const redirect = 'https://app.example.test/cronofy/callback';
    let calendarId;

    await step('connect / authorize', async () => {
      const link = cronofy.userAuthLink(redirect, { state: 'demo' });
      const res = await fetch(link, { redirect: 'manual' });
      const code = new URL(res.headers.get('location')).searchParams.get('code');
      const auth = await cronofy.getAuthorizationFromCode(code, redirect);
      return `consent (app host) → code exchange (API host): ${auth.accountId}, expires ${auth.tokenExpiration.toISOString().slice(11, 19)}Z`;
    });
    await step('list calendars', async () => {
      const calendars = await cronofy.listCalendars();
      calendarId = calendars[0].calendar_id;
      return `${calendars.length} calendar(s): ${calendars.map((c) => `${c.calendar_name} (${c.provider_name})`).join(', ')}`;
    });
    await step('notification channel', async () => {
      const channel = await cronofy.createNotificationChannel(`${receiver.url}/cronofy/push`, { calendarIds: [calendarId] });
      return `channel ${channel.channel_id}`;
    });
    await step('create event', async () => {
      const start = new Date(Date.UTC(2030, 0, 7, 9, 0, 0, 250)); // milliseconds are stripped on the wire
      for (let i = 0; i < 4; i++) {
        await cronofy.upsertEvent(calendarId, { event_id: `demo-${i}`, summary: `Demo meeting ${i}`, start: new Date(+start + i * 864e5), end: new Date(+start + i * 864e5 + 36e5), tzid: 'Europe/London' });
      }
      await cronofy.upsertEvent(calendarId, { event_id: 'demo-offsite', summary: 'Offsite (all day)', start: '2030-01-20', end: '2030-01-21' });
      return '5 events upserted (4 timed from Date objects, 1 all-day from a date)';
    });
    await step('list events in range', async () => {
      sim.oauth.expireAccessTokens(); // the next call gets a 401 and refreshes once
      const events = cronofy.readEvents({ fromDate: '2030-01-01', toDate: '2030-02-01', tzid: 'Europe/London', includeManaged: true });
      const summaries = [];
      for await (const e of events) summaries.push(`${e.summary} @ ${e.start}`);
      return `${summaries.length} events over ${events.pagesLoaded} pages (next_page followed); first: ${summaries[0]}`;
    });
    await step('incremental sync', async () => {
      await sim.flushPushes();
      const change = pushes.find((p) => JSON.parse(p.body).notification.type === 'change');
      const valid = await verifyCronofyNotification(change.body, change.hmac, secret);
      const since = JSON.parse(change.body).notification.changes_since;
      const changed = await cronofy.readEvents({ lastModified: since, onlyManaged: true }).all();
      return `${pushes.length} signed pushes (HMAC valid: ${valid}); ${changed.length} events changed since ${since}`;
    });
    await step('availability (client-secret auth)', async () => {
      const sub = (await cronofy.account()).account_id;
      const res = await cronofy.availability({ participants: [sub], requiredDuration: 60, queryPeriods: [{ start: '2030-01-07T08:00:00Z', end: '2030-01-07T12:00:00Z' }] });
      return res.available_periods.map((p) => `${p.start.slice(11, 16)}–${p.end.slice(11, 16)}`).join(', ');
    });
    await step('delete event', async () => {
      const [first] = await cronofy.readEvents({ onlyManaged: true }).all();
      await cronofy.changeParticipationStatus(calendarId, first.event_uid, 'declined');
      await cronofy.deleteEvent(calendarId, 'demo-0');
      await cronofy.deleteAllEvents({ calendarIds: [calendarId] });
      return `declined then deleted ${first.event_id}; bulk-deleted the rest: ${(await cronofy.readEvents({ onlyManaged: true }).all()).length} left`;
    });
    await step('revoke', async () => {
      await cronofy.revokeAuthorization();
      return `refresh token revoked; expired: ${cronofy.isAuthorizationExpired()}`;
    });
  } finally {
    await sim.close();
    await receiver.close();
  }
}
