// Typical small app on @cal/caldav: connect with Basic auth, find the calendar, list this week's
// events (expanded occurrences), add one, and keep a local cache in sync with sync-collection.
// Recurrence expansion loads ical.js through a dynamic import, so bundlers with code splitting
// (Vite, Rollup, webpack) put it in a lazily loaded chunk.
import { ConflictError } from '@cal/core';
import { CalDAVClient, basic } from '@cal/caldav';
const ConflictErrorGuard = (e) => e instanceof ConflictError;

const client = new CalDAVClient({ url: localStorage.getItem('dav-url') ?? 'https://dav.example.com/', auth: basic('me', localStorage.getItem('pw') ?? '') });
const principal = await client.principal();
const cal = await principal.calendar({ name: 'Personal' });
const start = new Date();
const end = new Date(start.getTime() + 7 * 86400_000);
for (const ev of await cal.events({ start, end, expand: true })) console.log(ev.start, ev.summary);
try {
  await cal.createEvent({ summary: 'Lunch', start, end: new Date(start.getTime() + 3600_000) });
} catch (e) {
  if (!ConflictErrorGuard(e)) throw e;
}
const sync = await cal.changesSince(localStorage.getItem('sync-token') ?? undefined);
for (const o of sync.changed) localStorage.setItem(o.url, o.data);
for (const url of sync.deleted) localStorage.removeItem(url);
localStorage.setItem('sync-token', sync.syncToken);
