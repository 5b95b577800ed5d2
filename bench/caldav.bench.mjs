// @cal/caldav against Radicale 3.1.8 (started by @cal/testkit on loopback), compared with tsdav
// (the TypeScript client users would otherwise pick), python3-caldav 0.11 (Debian, subprocess) and
// raw fetch. Per client: create N events (sequential PUTs), fetch + parse the N events with one
// time-range query (median of RUNS interleaved runs), then an incremental sync after 10 changes, counting requests
// and response bytes. Plus: a 5,000-response multistatus parsed by our stack vs tsdav's davRequest
// (xml-js). Radicale speaks HTTP/1.0 without keep-alive, so every request opens a TCP connection
// (servers.md §A.3) — the same for all clients.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { CalDAVClient, basic } from '@cal/caldav';
import { startServers } from '@cal/testkit/servers';
import ICAL from 'ical.js';
import { createDAVClient, davRequest } from 'tsdav';

const N = Number(process.env.BENCH_CALDAV_EVENTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHANGES = 10;
const RANGE = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-12-31T00:00:00Z') };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const eventStart = (i) => new Date(RANGE.start.getTime() + (i % 300) * 86400_000 + 9 * 3600_000);
const ics = (uid, i, summary = `Bench event ${i}`) => {
  const s = eventStart(i).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const e = new Date(eventStart(i).getTime() + 3600_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20250101T000000Z\r\nDTSTART:${s}\r\nDTEND:${e}\r\nSUMMARY:${summary}\r\nDESCRIPTION:A description long enough to look like a real event\\, with escaped text.\r\nLOCATION:Room ${i % 20}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
};

/** fetch that counts requests and response bytes. */
function counting() {
  const c = { requests: 0, bytes: 0 };
  c.fetch = async (input, init) => {
    c.requests++;
    const res = await fetch(input, init);
    const buf = await res.arrayBuffer();
    c.bytes += buf.byteLength;
    return new Response(res.status === 204 || res.status === 304 ? null : buf, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  c.reset = () => {
    c.requests = 0;
    c.bytes = 0;
  };
  return c;
}

const run = await startServers({ servers: ['radicale'] });
const URL0 = run.env.CAL_RADICALE_URL;
const USER = run.env.CAL_RADICALE_USER;
const PASS = run.env.CAL_RADICALE_PASS;
const results = {};
try {
  // Each client gets its own calendar. Setup (creating N events) runs client by client; the
  // fetch+parse runs are interleaved (ours, tsdav, raw, ours, …) so machine noise hits all alike.
  const clients = {};
  {
    const cnt = counting();
    const client = new CalDAVClient({ url: URL0, auth: basic(USER, PASS), fetch: cnt.fetch });
    const principal = await client.principal();
    const cal = await principal.makeCalendar({ name: 'bench-ours', id: 'bench-ours' });
    const t = performance.now();
    const objs = [];
    for (let i = 0; i < N; i++) objs.push(await cal.createEvent(ics(`ours-${i}`, i)));
    clients['@cal/caldav'] = {
      cnt,
      createMs: performance.now() - t,
      fetchParse: async () => {
        let n = 0;
        for (const e of await cal.events(RANGE)) if (e.summary && e.start) n++; // parses every iCalendar object
        return n;
      },
      sync: async (r) => {
        const token = await cal.syncToken();
        for (let i = 0; i < CHANGES; i++) {
          objs[i].data = ics(`ours-${i}`, i, `Changed ${i}`);
          await objs[i].save();
        }
        cnt.reset();
        let t0 = performance.now();
        const sync = await cal.changesSince(token);
        r.syncMs = performance.now() - t0;
        if (sync.changed.length !== CHANGES) throw new Error(`ours: sync saw ${sync.changed.length}`);
        r.syncRequests = cnt.requests;
        r.syncBytes = cnt.bytes;
        // Bytes follow the changes, not the calendar: one more change, one more sync.
        objs[CHANGES].data = ics(`ours-${CHANGES}`, CHANGES, 'Changed once more');
        await objs[CHANGES].save();
        cnt.reset();
        const one = await cal.changesSince(sync.syncToken);
        if (one.changed.length !== 1) throw new Error('ours: 1-change sync');
        r.sync1Requests = cnt.requests;
        r.sync1Bytes = cnt.bytes;
      },
      cleanup: () => cal.delete(),
    };
  }
  {
    const cnt = counting();
    const client = await createDAVClient({ serverUrl: URL0, credentials: { username: USER, password: PASS }, authMethod: 'Basic', defaultAccountType: 'caldav', fetch: cnt.fetch });
    const calUrl = `${new URL(`/${USER}/`, URL0).href}bench-tsdav/`;
    await client.makeCalendar({ url: calUrl, props: { displayname: 'bench-tsdav' } });
    const calendar = (await client.fetchCalendars()).find((c) => c.url.endsWith('/bench-tsdav/'));
    const t = performance.now();
    for (let i = 0; i < N; i++) {
      const res = await client.createCalendarObject({ calendar, iCalString: ics(`tsdav-${i}`, i), filename: `tsdav-${i}.ics` });
      if (!res.ok) throw new Error(`tsdav create ${res.status}`);
    }
    clients['tsdav 2.3'] = {
      cnt,
      createMs: performance.now() - t,
      fetchParse: async () => {
        const objs = await client.fetchCalendarObjects({ calendar, timeRange: { start: RANGE.start.toISOString(), end: RANGE.end.toISOString() } });
        // tsdav returns raw strings; its users parse them with ical.js.
        let n = 0;
        for (const o of objs) {
          const ev = new ICAL.Component(ICAL.parse(o.data)).getFirstSubcomponent('vevent');
          if (ev.getFirstPropertyValue('summary') && ev.getFirstPropertyValue('dtstart')) n++;
        }
        return n;
      },
      sync: async (r) => {
        const cal0 = (await client.fetchCalendars()).find((c) => c.url.endsWith('/bench-tsdav/'));
        const objects = await client.fetchCalendarObjects({ calendar: cal0 });
        for (let i = 0; i < CHANGES; i++) {
          const o = objects.find((x) => x.url.endsWith(`/tsdav-${i}.ics`));
          await client.updateCalendarObject({ calendarObject: { ...o, data: ics(`tsdav-${i}`, i, `Changed ${i}`) } });
        }
        cnt.reset();
        const t0 = performance.now();
        const synced = await client.smartCollectionSync({ collection: { ...cal0, objects, objectMultiGet: client.calendarMultiGet }, method: 'webdav', detailedResult: true });
        r.syncMs = performance.now() - t0;
        if (synced.objects.updated.length !== CHANGES) throw new Error(`tsdav sync saw ${synced.objects.updated.length}`);
        r.syncRequests = cnt.requests;
        r.syncBytes = cnt.bytes;
      },
      cleanup: () => client.deleteObject({ url: calUrl }),
    };
  }
  {
    const cnt = counting();
    const auth = `Basic ${btoa(`${USER}:${PASS}`)}`;
    const calUrl = new URL(`/${USER}/bench-raw/`, URL0).href;
    await fetch(calUrl, { method: 'MKCALENDAR', headers: { authorization: auth } });
    for (let i = 0; i < N; i++) await fetch(`${calUrl}raw-${i}.ics`, { method: 'PUT', headers: { authorization: auth, 'content-type': 'text/calendar' }, body: ics(`raw-${i}`, i) });
    const body = `<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:time-range start="20250101T000000Z" end="20251231T000000Z"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`;
    clients['raw fetch (no XML/iCal parse)'] = {
      cnt,
      fetchParse: async () => {
        const res = await cnt.fetch(calUrl, { method: 'REPORT', headers: { authorization: auth, depth: '1', 'content-type': 'application/xml' }, body });
        return (await res.text()).split('BEGIN:VEVENT').length - 1;
      },
      cleanup: () => fetch(calUrl, { method: 'DELETE', headers: { authorization: auth } }),
    };
  }
  const fetchTimes = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
  const fetchRequests = {};
  for (let r = 0; r < RUNS + 1; r++)
    for (const [k, c] of Object.entries(clients)) {
      c.cnt.reset();
      globalThis.gc?.();
      const t = performance.now();
      const n = await c.fetchParse();
      if (r > 0) fetchTimes[k].push(performance.now() - t);
      fetchRequests[k] = c.cnt.requests;
      if (n !== N) throw new Error(`${k}: got ${n} events`);
    }
  for (const [k, c] of Object.entries(clients)) {
    const r = { ...(c.createMs ? { createMs: c.createMs } : {}), fetchParseMs: median(fetchTimes[k]), fetchRequests: fetchRequests[k] };
    if (c.sync) await c.sync(r);
    results[k] = r;
    await c.cleanup();
  }

  // ---------------------------------------------------------------- python3-caldav
  {
    const py = String.raw`
import json, sys, time
from datetime import datetime, timezone
import caldav, requests
url, user, pw, n, runs, changes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
client = caldav.DAVClient(url=url, username=user, password=pw, auth=requests.auth.HTTPBasicAuth(user, pw))
stats = {"requests": 0, "bytes": 0}
orig = client.session.request
def counted(*a, **k):
    r = orig(*a, **k)
    stats["requests"] += 1
    stats["bytes"] += len(r.content)
    return r
client.session.request = counted
cal = client.principal().make_calendar(name="bench-py", cal_id="bench-py")
ics = json.loads(sys.stdin.read())
t = time.perf_counter()
for i in range(n):
    cal.save_event(ics[i])
create = (time.perf_counter() - t) * 1000
times = []
for r in range(runs):
    t = time.perf_counter()
    hits = cal.search(start=datetime(2025,1,1,tzinfo=timezone.utc), end=datetime(2025,12,31,tzinfo=timezone.utc), event=True, expand=False)
    k = sum(1 for h in hits if h.icalendar_component.get("SUMMARY"))
    times.append((time.perf_counter() - t) * 1000)
    assert k == n, k
times.sort()
sync0 = cal.objects_by_sync_token(load_objects=False)
objs = {str(o.url).rsplit("/", 1)[-1]: o for o in sync0}
for i in range(changes):
    o = cal.event_by_uid("py-%d" % i)
    o.data = ics[n + i]
    o.save()
stats["requests"] = 0; stats["bytes"] = 0
t = time.perf_counter()
res = cal.objects_by_sync_token(sync_token=sync0.sync_token, load_objects=True)
changed = len(list(res))
sync_ms = (time.perf_counter() - t) * 1000
print(json.dumps({"createMs": create, "fetchParseMs": times[len(times)//2], "syncMs": sync_ms, "syncRequests": stats["requests"], "syncBytes": stats["bytes"], "changed": changed}))
cal.delete()
`;
    const list = [...Array.from({ length: N }, (_, i) => ics(`py-${i}`, i)), ...Array.from({ length: CHANGES }, (_, i) => ics(`py-${i}`, i, `Changed ${i}`))];
    const child = execFile('/usr/bin/python3', ['-c', py, URL0, USER, PASS, String(N), String(RUNS), String(CHANGES)], { maxBuffer: 1 << 24, timeout: 600_000 });
    child.stdin.end(JSON.stringify(list));
    const out = await new Promise((resolve, reject) => {
      let s = '';
      let e = '';
      child.stdout.on('data', (d) => (s += d));
      child.stderr.on('data', (d) => (e += d));
      child.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error(`python exited ${code}: ${e.slice(-2000)}`))));
    });
    const r = JSON.parse(out.trim().split('\n').pop());
    results['python3-caldav 0.11'] = { ...r, fetchRequests: undefined };
  }
} finally {
  await run.stop();
}

// ---------------------------------------------------------------- 5,000-response multistatus parse
const parse = {};
{
  const resp = (i) => `<d:response><d:href>/test/cal/ev-${i}.ics</d:href><d:propstat><d:prop><d:getetag>"${i.toString(16).padStart(40, '0')}"</d:getetag><c:calendar-data>${ics(`p-${i}`, i).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
  const body = `<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">${Array.from({ length: 5000 }, (_, i) => resp(i)).join('')}</d:multistatus>`;
  const fake = async () => new Response(body, { status: 207, headers: { 'content-type': 'application/xml; charset=utf-8' } });
  const calXml = `<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/test/cal/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>`;
  let first = true;
  const oursClient = new CalDAVClient({ url: 'http://127.0.0.1:1/', auth: basic('u', 'p'), fetch: async () => (first ? ((first = false), new Response(calXml, { status: 207, headers: { 'content-type': 'application/xml' } })) : fake()) });
  const cal = await oursClient.calendar('http://127.0.0.1:1/test/cal/');
  const variants = {
    '@cal/caldav (core/xml, objects with href/etag/data)': async () => (await cal.events(RANGE)).length,
    'tsdav davRequest (xml-js compact)': async () => (await davRequest({ url: 'http://127.0.0.1:1/test/cal/', init: { method: 'REPORT', headers: {}, body: '' }, convertIncoming: false, fetch: fake })).length,
  };
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < RUNS + 1; r++)
    for (const [k, fn] of Object.entries(variants)) {
      globalThis.gc?.();
      const t = performance.now();
      const n = await fn();
      if (r > 0) times[k].push(performance.now() - t);
      if (n !== 5000) throw new Error(`${k}: ${n}`);
    }
  for (const k of Object.keys(variants)) parse[k] = median(times[k]);
  parse.bodyBytes = body.length;
}

// ---------------------------------------------------------------- report
const ours = results['@cal/caldav'];
const fmt = (x) => (x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (x, base) => (x === undefined || base === undefined ? '—' : `${(x / base).toFixed(2)}x`);
console.log(`\n## CalDAV on Radicale: ${N} events, median of ${RUNS} for fetch+parse\n`);
console.log('| client | create N (ms) | fetch+parse N (ms) | vs ours | requests | sync after 10 changes (ms) | sync requests | sync bytes |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [k, r] of Object.entries(results))
  console.log(`| ${k} | ${fmt(r.createMs)} | ${fmt(r.fetchParseMs)}${r.fetchOnlyMs ? ` (fetch only ${fmt(r.fetchOnlyMs)})` : ''} | ${ratio(r.fetchParseMs, ours.fetchParseMs)} | ${r.fetchRequests ?? '—'} | ${fmt(r.syncMs)} | ${r.syncRequests ?? '—'} | ${r.syncBytes ?? '—'} |`);
console.log(`\n@cal/caldav sync after 1 change: ${ours.sync1Requests} requests, ${ours.sync1Bytes} bytes (after ${CHANGES} changes: ${ours.syncBytes} bytes; calendar holds ${N} events)`);
console.log(`\n## 5,000-response multistatus (${(parse.bodyBytes / 1e6).toFixed(1)} MB), median of ${RUNS}\n`);
console.log('| parser | ms | vs ours |\n|---|---|---|');
const base = parse['@cal/caldav (core/xml, objects with href/etag/data)'];
for (const [k, v] of Object.entries(parse)) if (k !== 'bodyBytes') console.log(`| ${k} | ${fmt(v)} | ${ratio(v, base)} |`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/caldav.json', import.meta.url), JSON.stringify({ events: N, runs: RUNS, server: 'Radicale 3.1.8', results, multistatus5000: parse }, null, 2));
