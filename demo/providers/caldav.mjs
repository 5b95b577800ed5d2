// CalDAV against three real servers on loopback (Radicale 3.1, Xandikos 0.2, Cyrus 3.10), started by
// the demo runner through @cal/testkit: discover the principal, list calendars, create a calendar
// and a weekly event, list (expanded) occurrences in a range, sync the changes, then clean up.
import { CalDAVClient, basic } from '@cal/caldav';

// A real account instead: CAL_DEMO_CALDAV_URL (server or calendar-home URL), CAL_DEMO_CALDAV_USER,
// CAL_DEMO_CALDAV_PASS. The demo then walks that server only, in a calendar it creates and deletes.
const REAL = process.env.CAL_DEMO_CALDAV_URL ? [['Your server', 'CAL_DEMO_CALDAV_URL', 'CAL_DEMO_CALDAV_USER', 'CAL_DEMO_CALDAV_PASS']] : undefined;

export const title = REAL ? `CalDAV (${process.env.CAL_DEMO_CALDAV_URL})` : 'CalDAV (Radicale, Xandikos, Cyrus on loopback)';

const SERVERS = REAL ?? [
  ['Radicale', 'CAL_RADICALE_URL', 'CAL_RADICALE_USER', 'CAL_RADICALE_PASS'],
  ['Xandikos', 'CAL_XANDIKOS_URL', 'CAL_XANDIKOS_USER', 'CAL_XANDIKOS_PASS'],
  ['Cyrus', 'CAL_CYRUS_DAV_URL', 'CAL_CYRUS_USER', 'CAL_CYRUS_PASS'],
];

/** True when this part talks to a real account, so the runner need not start local servers for it. */
export const usesRealAccount = !!REAL;

export function skipReason(env) {
  const missing = SERVERS.flatMap(([, ...keys]) => keys).filter((k) => !env[k]);
  return missing.length ? `missing ${missing.join(', ')} (the runner starts the servers)` : undefined;
}

export default async function demo({ env, step }) {
  const ctx = SERVERS.map(([name, u, us, p]) => ({ name, client: new CalDAVClient({ url: env[u], auth: basic(env[us], env[p]) }) }));
  const all = (fn) => Promise.all(ctx.map(async (c) => `${c.name}: ${await fn(c)}`)).then((r) => r.join('; '));
  const id = `demo-${Date.now().toString(36)}`;
  try {
    await step('connect / authorize', () =>
      all(async (c) => {
        c.principal = await c.client.principal();
        return new URL(c.principal.calendarHomeUrl).pathname;
      }),
    );
    await step('list calendars', () =>
      all(async (c) => {
        c.cal = await c.principal.makeCalendar({ name: 'Demo', id, color: '#2E86C1FF' });
        const cals = await c.principal.calendars();
        return `${cals.length} (${cals.map((x) => x.displayName ?? '?').join(', ')})`;
      }),
    );
    await step('create event', () =>
      all(async (c) => {
        c.token = await c.cal.syncToken();
        c.event = await c.cal.createEvent({ summary: 'Weekly demo', start: new Date('2025-03-03T09:00:00Z'), duration: 1800, rrule: 'FREQ=WEEKLY;COUNT=10', location: 'Room 1' });
        return `${new URL(c.event.url).pathname.split('/').pop()} etag ${c.event.etag?.slice(0, 10)}…`;
      }),
    );
    await step('list events in range', () =>
      all(async (c) => {
        const occ = await c.cal.events({ start: '2025-03-10T00:00:00Z', end: '2025-04-01T00:00:00Z', expand: true });
        return `${occ.length} occurrences (${occ.map((o) => o.start.toISOString().slice(5, 10)).join(' ')})`;
      }),
    );
    await step('incremental sync', () =>
      all(async (c) => {
        const r = await c.cal.changesSince(c.token);
        return `${r.changed.length} changed, ${r.deleted.length} deleted, ${r.requests} requests`;
      }),
    );
    await step('delete event', () =>
      all(async (c) => {
        await c.event.delete();
        const r = await c.cal.changesSince(c.cal.lastSyncToken);
        return `deleted; sync reports ${r.deleted.length} deletion`;
      }),
    );
  } finally {
    await Promise.all(ctx.map((c) => c.cal?.delete().catch(() => undefined)));
  }
}
