// Microsoft Graph demo against the @cal/testkit Graph simulator: O365-style GraphConnection with the
// authorization-code + PKCE flow (tenant in the path), calendars, event CRUD with a patterned
// recurrence, paged calendarView with Prefer headers, delta sync (@removed + deltaLink), free/busy,
// JSON batching, and the refresh after an expired token.
import { GraphConnection, createGraphCalendar, isRemoved, recurrence, utcDateTime } from '@cal/graph';
import { startGraphSimulator } from '@cal/testkit/graph';

export const title = 'Microsoft Graph (simulator)';

/** Runs everywhere: the simulator is in-process on loopback. */
export function skipReason() {
  return undefined;
}

export default async function demo({ step }) {
  const sim = await startGraphSimulator();
  try {
    const con = new GraphConnection({
      clientId: 'graph-app',
      clientSecret: 'graph-secret',
      scopes: ['basic', 'calendar_all'],
      tenantId: 'contoso.example',
      authorityHost: sim.url, // real use: the default https://login.microsoftonline.com
      baseUrl: sim.baseUrl, // real use: the default https://graph.microsoft.com/v1.0/
      redirectUri: 'http://127.0.0.1/callback',
      requestsDelay: 0,
    });
    const cal = createGraphCalendar(con, { timeZone: 'Europe/Berlin' });
    const window = { start: '2030-01-01T00:00:00Z', end: '2030-02-01T00:00:00Z' };

    await step('connect / authorize', async () => {
      const { url, state, codeVerifier } = await con.getAuthorizationUrl({ params: { login_hint: 'user-1' } });
      const res = await fetch(url, { redirect: 'manual' });
      await con.requestToken(res.headers.get('location'), { state, codeVerifier });
      const me = await cal.getMe();
      return `PKCE code flow on /contoso.example/oauth2/v2.0; signed in as ${me.displayName} <${me.mail}>`;
    });
    await step('list calendars', async () => {
      await cal.createCalendar({ name: 'Projects', color: 'lightGreen' });
      const cals = await cal.listCalendars();
      return `${cals.length} calendars: ${cals.map((c) => c.name).join(', ')}`;
    });
    let created;
    await step('create event', async () => {
      created = await cal.createEvent({
        subject: 'Weekly sync',
        start: utcDateTime('2030-01-07T09:00:00Z'),
        end: utcDateTime('2030-01-07T09:30:00Z'),
        recurrence: recurrence().weekly(['monday']).from('2030-01-07').count(4).build(),
      });
      await cal.createEvent({ subject: 'Planning', start: utcDateTime('2030-01-08T13:00:00Z'), end: utcDateTime('2030-01-08T14:00:00Z') });
      return `series master ${created.id} (weekly × 4) + a single event`;
    });
    let deltaLink;
    await step('list events in range', async () => {
      sim.seedEvents('user-1', 30, new Date('2030-01-10T08:00:00Z'), 360);
      const first = await cal.syncCalendarView({ ...window, pageSize: 10 }).result();
      deltaLink = first.deltaLink;
      let pages = 0;
      let n = 0;
      for await (const page of cal.calendarViewPages({ ...window, pageSize: 10 })) {
        pages++;
        n += page.items.length;
      }
      const [ev] = await cal.listCalendarView({ ...window, limit: 1 });
      return `${n} events/occurrences over ${pages} pages (Prefer: odata.maxpagesize=10); first starts ${ev.start.dateTime} ${ev.start.timeZone}`;
    });
    await step('incremental sync', async () => {
      await cal.updateEvent(created.id, { subject: 'Weekly sync (renamed)' });
      const [victim] = await cal.listCalendarView({ start: '2030-01-10T00:00:00Z', end: window.end, limit: 1 });
      await cal.deleteEvent(victim.id);
      const run = cal.syncCalendarView({ ...window, deltaLink });
      let changed = 0;
      let removed = 0;
      for await (const item of run) isRemoved(item) ? removed++ : changed++;
      sim.expireDeltaTokens();
      const again = await cal.syncCalendarView({ ...window, deltaLink: run.deltaLink }).result();
      return `delta: ${changed} changed, ${removed} @removed; expired token → fullResync=${again.fullResync} (${again.changed.length} items)`;
    });
    await step('free/busy + batch', async () => {
      const [s] = await cal.getSchedule({ schedules: ['user-1@contoso.example'], start: '2030-01-08T12:00:00Z', end: '2030-01-08T15:00:00Z', interval: 60 });
      sim.throttleInBatch({ times: 1, retryAfter: 1 });
      const out = await cal.batch(Array.from({ length: 25 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: '/me/calendar' })));
      return `availabilityView ${s.availabilityView} = ${s.slots.map((x) => x.availability).join('/')}; $batch 25 requests → ${sim.batches} POSTs, statuses ${[...new Set(out.map((r) => r.status))].join(",")} (one inner 429 retried after its Retry-After)`;
    });
    await step('delete event', async () => {
      sim.oauth.expireAccessTokens(); // next call gets a 401 → exactly one refresh, rotated token stored
      await cal.deleteEvent(created.id);
      return `${created.id} deleted after a transparent token refresh (${sim.oauth.tokenRequests} token requests in total)`;
    });
  } finally {
    await sim.close();
  }
}
