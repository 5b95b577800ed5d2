// @cal/jmap against a real Cyrus 3.10 (started here on loopback through @cal/testkit/servers unless
// CAL_CYRUS_JMAP_URL points at a running one):
//   1. create 500 events: ONE batched CalendarEvent/set vs 500 single createEvent calls
//   2. searchEvents over 500 events (query + #ids get in one request)
//   3. sync after 10 changes (changes + two #ids gets in one request)
// Each compared with raw fetch (hand-written JSON, no validation/retries/origin guard/error mapping) and
// with jmap-jam 0.13.1 (the generic TypeScript JMAP client users would otherwise pick; it speaks Bearer
// only and cannot resolve Cyrus's relative apiUrl, so its session is patched and Basic auth passed via
// fetchInit). Requests and bytes come from one counted pass (fetch wrapper); times are medians of
// RUNS interleaved timed passes.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JamClient } from 'jmap-jam';
import { createJMAPClient } from '@cal/jmap';
import { startServer } from '@cal/testkit/servers';

const N = Number(process.env.BENCH_JMAP_EVENTS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

let server;
let env = process.env;
if (!env.CAL_CYRUS_JMAP_URL) {
  server = await startServer('cyrus', { dataDir: mkdtempSync(join(tmpdir(), 'cal-bench-cyrus-')) });
  env = server.env;
  // Leave no Cyrus behind, whatever happens below (a crash skips the `finally` at the end).
  const bail = async (e) => {
    console.error(e);
    await server.stop({ purge: true }).catch(() => {});
    process.exit(1);
  };
  process.once('uncaughtException', bail);
  process.once('unhandledRejection', bail);
}
const USER = env.CAL_CYRUS_USER;
const PASS = env.CAL_CYRUS_PASS;
const AUTH = `Basic ${Buffer.from(`${USER}:${PASS}`).toString('base64')}`;

// ---- request/byte accounting: a fetch wrapper that is only active during the counted pass ----------
const realFetch = globalThis.fetch;
const meter = { on: false, requests: 0, bytes: 0 };
globalThis.fetch = async (input, init) => {
  if (!meter.on) return realFetch(input, init);
  const req = new Request(input, init);
  const body = req.body ? new Uint8Array(await req.clone().arrayBuffer()).byteLength : 0;
  meter.requests++;
  meter.bytes += body;
  const res = await realFetch(req);
  const buf = await res.arrayBuffer();
  meter.bytes += buf.byteLength;
  return new Response(buf, { status: res.status, statusText: res.statusText, headers: res.headers });
};

const client = createJMAPClient({ url: env.CAL_CYRUS_JMAP_URL, username: USER, password: PASS });
const session = await client.getSession();
const apiUrl = session.apiUrl;
const accountId = Object.keys(session.accounts)[0];
const jam = new JamClient({ sessionUrl: env.CAL_CYRUS_JMAP_URL, bearerToken: 'unused' });
jam.session.catch(() => {}); // its own session fetch sends `Bearer unused`: Cyrus answers 401
jam.session = Promise.resolve({ ...session.raw, apiUrl }); // jmap-jam: relative apiUrl unsupported
const jamInit = { fetchInit: { headers: { Authorization: AUTH, Accept: 'application/json', 'Content-Type': 'application/json' } }, using: ['urn:ietf:params:jmap:calendars'] };
const USING = ['urn:ietf:params:jmap:core', 'urn:ietf:params:jmap:calendars'];
const raw = async (methodCalls) => {
  const res = await fetch(apiUrl, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ using: USING, methodCalls }) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
};

const event = (i, day = 1 + (i % 28)) => ({
  '@type': 'Event', title: `Bench event ${i}`, description: 'load', start: `2032-01-${String(day).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00:00`,
  timeZone: 'Europe/Berlin', duration: 'PT30M', locations: { l: { name: `Room ${i % 7}` } },
});
const newCalendar = () => client.createCalendar({ name: `bench ${Math.random().toString(36).slice(2, 8)}` });
const dropCalendar = (id) => client.deleteCalendar(id, { removeEvents: true });

// ---- scenarios: each variant is { setup() → ctx, run(ctx) → count, teardown(ctx) } ------------------
const scenarios = {
  [`create ${N} events`]: {
    expect: N,
    // Server-bound (Cyrus writes each event to its mailbox, DAV db and search log: 5–30 ms per event,
    // varying run to run), so fewer timed runs keep `pnpm bench` bounded.
    runs: Math.min(RUNS, 1),
    setup: async () => ({ cal: await newCalendar() }),
    teardown: ({ cal }) => dropCalendar(cal),
    variants: {
      '@cal/jmap createEvents (1 batched set)': async ({ cal }) => (await client.createEvents(cal, Array.from({ length: N }, (_, i) => event(i)))).ids.filter(Boolean).length,
      [`@cal/jmap createEvent x${N}`]: async ({ cal }) => {
        let n = 0;
        for (let i = 0; i < N; i++) if (await client.createEvent(cal, event(i))) n++;
        return n;
      },
      'jmap-jam requestMany (1 batched set)': async ({ cal }) => {
        const create = Object.fromEntries(Array.from({ length: N }, (_, i) => [`e${i}`, { ...event(i), calendarIds: { [cal]: true } }]));
        const [res] = await jam.requestMany((b) => ({ s: b.CalendarEvent.set({ accountId, create }) }), jamInit);
        return Object.keys(res.s.created ?? {}).length;
      },
      'raw fetch (1 batched set)': async ({ cal }) => {
        const create = Object.fromEntries(Array.from({ length: N }, (_, i) => [`e${i}`, { ...event(i), calendarIds: { [cal]: true } }]));
        const out = await raw([['CalendarEvent/set', { accountId, create }, 's']]);
        return Object.keys(out.methodResponses[0][1].created ?? {}).length;
      },
    },
  },
  [`searchEvents over ${N} events`]: {
    expect: N,
    once: true,
    setup: async () => {
      const cal = await newCalendar();
      await client.createEvents(cal, Array.from({ length: N }, (_, i) => event(i)));
      return { cal };
    },
    teardown: ({ cal }) => dropCalendar(cal),
    variants: {
      '@cal/jmap searchEvents (1 request)': async ({ cal }) => (await client.searchEvents({ calendarId: cal, start: '2032-01-01T00:00:00', end: '2032-02-01T00:00:00', timeZone: 'Europe/Berlin' })).length,
      'jmap-jam requestMany query + $ref get': async ({ cal }) => {
        const [res] = await jam.requestMany((b) => {
          const q = b.CalendarEvent.query({ accountId, filter: { inCalendars: [cal], after: '2032-01-01T00:00:00', before: '2032-02-01T00:00:00' }, timeZone: 'Europe/Berlin', sort: [{ property: 'start' }] });
          return { q, g: b.CalendarEvent.get({ accountId, ids: q.$ref('/ids') }) };
        }, jamInit);
        return res.g.list.length;
      },
      'raw fetch query + #ids get': async ({ cal }) => {
        const out = await raw([
          ['CalendarEvent/query', { accountId, filter: { inCalendars: [cal], after: '2032-01-01T00:00:00', before: '2032-02-01T00:00:00' }, timeZone: 'Europe/Berlin', sort: [{ property: 'start' }] }, 'q'],
          ['CalendarEvent/get', { accountId, '#ids': { resultOf: 'q', name: 'CalendarEvent/query', path: '/ids' } }, 'g'],
        ]);
        return out.methodResponses[1][1].list.length;
      },
    },
  },
  'sync after 10 changes': {
    expect: 10,
    setup: async () => {
      const cal = await newCalendar();
      const { ids } = await client.createEvents(cal, Array.from({ length: 20 }, (_, i) => event(i)));
      const token = await client.getSyncToken();
      for (let i = 0; i < 5; i++) await client.patchEvent(ids[i], { title: `changed ${i}` });
      await client.createEvents(cal, [event(100), event(101), event(102)]);
      await client.deleteEvent(ids[18]);
      await client.deleteEvent(ids[19]);
      return { cal, token };
    },
    teardown: ({ cal }) => dropCalendar(cal),
    variants: {
      '@cal/jmap getObjectsBySyncToken': async ({ token }) => {
        const r = await client.getObjectsBySyncToken(token);
        return r.added.length + r.modified.length + r.deleted.length;
      },
      'jmap-jam requestMany changes + 2 $ref gets': async ({ token }) => {
        const [res] = await jam.requestMany((b) => {
          const c = b.CalendarEvent.changes({ accountId, sinceState: token });
          return { c, a: b.CalendarEvent.get({ accountId, ids: c.$ref('/created') }), u: b.CalendarEvent.get({ accountId, ids: c.$ref('/updated') }) };
        }, jamInit);
        return res.a.list.length + res.u.list.length + res.c.destroyed.length;
      },
      'raw fetch changes + 2 #ids gets': async ({ token }) => {
        const out = await raw([
          ['CalendarEvent/changes', { accountId, sinceState: token }, 'c'],
          ['CalendarEvent/get', { accountId, '#ids': { resultOf: 'c', name: 'CalendarEvent/changes', path: '/created' } }, 'a'],
          ['CalendarEvent/get', { accountId, '#ids': { resultOf: 'c', name: 'CalendarEvent/changes', path: '/updated' } }, 'u'],
        ]);
        const [c, a, u] = out.methodResponses.map((m) => m[1]);
        return a.list.length + u.list.length + c.destroyed.length;
      },
    },
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
try {
  for (const [title, sc] of Object.entries(scenarios)) {
    const rows = [];
    const shared = sc.once ? await sc.setup() : undefined;
    const one = async (fn, counted) => {
      const ctx = shared ?? (await sc.setup());
      Object.assign(meter, { on: counted, requests: 0, bytes: 0 });
      const t0 = performance.now();
      const n = await fn(ctx);
      const ms = performance.now() - t0;
      meter.on = false;
      if (!shared) await sc.teardown(ctx);
      if (n !== sc.expect) throw new Error(`${title}: expected ${sc.expect}, got ${n}`);
      return { ms, requests: meter.requests, bytes: meter.bytes };
    };
    const counted = {};
    for (const [name, fn] of Object.entries(sc.variants)) counted[name] = await one(fn, true); // counted pass (also warm-up)
    const samples = Object.fromEntries(Object.keys(sc.variants).map((k) => [k, []]));
    const runs = sc.runs ?? RUNS;
    for (let r = 0; r < runs; r++) for (const [name, fn] of Object.entries(sc.variants)) samples[name].push((await one(fn, false)).ms);
    if (shared) await sc.teardown(shared);
    for (const name of Object.keys(sc.variants)) rows.push({ name, ms: median(samples[name]), requests: counted[name].requests, bytes: counted[name].bytes });
    const rawMs = rows.find((r) => r.name.startsWith('raw'))?.ms;
    const jamMs = rows.find((r) => r.name.startsWith('jmap-jam'))?.ms;
    console.log(`\n## ${title} (Cyrus 3.10 on loopback, median of ${runs})\n`);
    console.log('| variant | HTTP requests | bytes (req+resp) | median ms | vs raw fetch | vs jmap-jam |\n|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.requests} | ${r.bytes.toLocaleString('en')} | ${r.ms.toFixed(1)} | ${rawMs ? (r.ms / rawMs).toFixed(2) + 'x' : '-'} | ${jamMs ? (r.ms / jamMs).toFixed(2) + 'x' : '-'} |`);
    }
    results.push({ scenario: title, rows });
  }
} finally {
  await server?.stop({ purge: true });
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/jmap.json', import.meta.url), JSON.stringify({ events: N, runs: RUNS, server: 'cyrus 3.10', results }, null, 2));
process.exit(0); // the jmap-jam client keeps nothing open, but undici's keep-alive sockets would delay exit
