// Smoke test of the built CommonJS output: the lazily loaded chunks (@cal/ical's series.ts with
// ical.js, @cal/caldav's on-demand features) must load through require() builds too.
// Run after `pnpm --filter @cal/ical build && pnpm --filter @cal/caldav build`:
//   node bench/caldav-cjs-lazy-check.mjs
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { CalDAVClient, basic } = require('../packages/caldav/dist/index.cjs');
const { expandRecurrences, nextRecurrence, parseICalendar, parseDateTime } = require('../packages/ical/dist/index.cjs');

const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:s', 'DTSTAMP:20250101T000000Z', 'DTSTART:20250106T090000Z', 'DTEND:20250106T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:S', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

(async () => {
  const occ = await expandRecurrences(parseICalendar(ics), { start: new Date('2025-01-01Z'), end: new Date('2025-02-01Z') });
  assert.equal(occ.length, 3);
  const next = await nextRecurrence(parseICalendar(ics).components[0], parseDateTime('20250106T090000Z'));
  assert.equal(next.day, 13);
  // PROPFIND finds a calendar; the free-busy-query REPORT gets a plain 207 (as from Radicale), so
  // the on-demand chunk must load and map it to CAL_CALDAV_UNSUPPORTED.
  const calXml = '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>';
  const fetch = async (input, init) => new Response((init?.method ?? input.method) === 'PROPFIND' ? calXml : '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"/>', { status: 207, headers: { 'content-type': 'application/xml' } });
  const client = new CalDAVClient({ url: 'http://127.0.0.1:1/cal/', auth: basic('u', 'p'), fetch, retry: false });
  const cal = await client.calendar('http://127.0.0.1:1/cal/');
  await assert.rejects(cal.freeBusy({ start: '2025-01-01T00:00:00Z', end: '2025-01-02T00:00:00Z', source: 'server' }), { code: 'CAL_CALDAV_UNSUPPORTED' });
  assert.deepEqual(await cal.todos(), []);
  // A failed write: the error mapping (also on demand) turns a 412 into a ConflictError.
  const { ConflictError } = require('@cal/core');
  const c412 = new CalDAVClient({ url: 'http://127.0.0.1:1/cal/', auth: basic('u', 'p'), retry: false, fetch: async (input, init) => ((init?.method ?? input.method) === 'PUT' ? new Response('', { status: 412 }) : fetch(input, init)) });
  const cal412 = await c412.calendar('http://127.0.0.1:1/cal/');
  await assert.rejects(cal412.createEvent({ summary: 'x', start: new Date('2025-01-01T10:00:00Z'), end: new Date('2025-01-01T11:00:00Z') }), (e) => e instanceof ConflictError);
  console.log('CJS lazy chunks OK: series expansion', occ.length, 'occurrences, nextRecurrence', next.day, 'and caldav on-demand features (freeBusy, todos, 412 -> ConflictError)');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
