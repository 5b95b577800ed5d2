// @cal/graph: list 10,000 events through paged calendarView (`@odata.nextLink`, Prefer:
// odata.maxpagesize) from the Graph simulator (in a child process, so this heap holds only the
// client). Median time of 5 interleaved runs and the peak retained heap while iterating (heapUsed
// after a forced GC every 2,000 events). Compared with @microsoft/microsoft-graph-client's
// PageIterator on the same simulator and with raw fetch paging (same requests, no typing/retries).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { calendarView, createGraphApi } from '@cal/graph';
import { Client, HTTPMessageHandler, PageIterator, RedirectHandler, RetryHandler, TelemetryHandler } from '@microsoft/microsoft-graph-client';

const TOTAL = Number(process.env.BENCH_GRAPH_EVENTS ?? 10_000);
const PAGE = Number(process.env.BENCH_GRAPH_PAGE ?? 250);
const RUNS = 5;

const child = spawn(process.execPath, [fileURLToPath(new URL('./graph-sim-process.mjs', import.meta.url)), String(TOTAL)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const info = JSON.parse(await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)));
const start = '2030-01-01T00:00:00Z';
const end = new Date(Date.parse(start) + TOTAL * 3_600_000).toISOString();
const prefer = `odata.maxpagesize=${PAGE}`;

const api = createGraphApi({ accessToken: info.accessToken, baseUrl: info.baseUrl });
// Microsoft's AuthenticationHandler sends the token only over https to Graph or `customHosts`, and the
// simulator is plain http on loopback: the same default chain (retry → redirect → telemetry → fetch)
// is built with a minimal auth step in front instead.
const bearer = {
  async execute(context) {
    // It also treats only `https://` nextLinks as absolute and would prefix the http one with the
    // base URL again: undo that (one string operation per page).
    if (typeof context.request === 'string') context.request = context.request.replace(/^.*\/v1\.0\/(?=http:\/\/)/, '');
    context.options.headers = { ...(context.options.headers ?? {}), Authorization: `Bearer ${info.accessToken}` };
    return this.next.execute(context);
  },
  setNext(next) {
    this.next = next;
  },
};
const chain = [bearer, new RetryHandler(), new RedirectHandler(), new TelemetryHandler(), new HTTPMessageHandler()];
for (let i = 0; i < chain.length - 1; i++) chain[i].setNext(chain[i + 1]);
const msClient = Client.initWithMiddleware({ middleware: bearer, baseUrl: `${info.url}/`, defaultVersion: 'v1.0' });

const gc = globalThis.gc ?? (() => {});
async function measure(fn, memory) {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let k = 0;
  const sample = memory
    ? () => {
        if (++k % 8 !== 0) return;
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    : () => {};
  const t0 = performance.now();
  const count = await fn(sample);
  return { ms: performance.now() - t0, peakMB: (peak - base) / 2 ** 20, count };
}

const variants = {
  '@cal/graph calendarView': async (sample) => {
    let i = 0;
    for await (const e of calendarView(api, { start, end, pageSize: PAGE })) if (++i % 250 === 0 && e) sample();
    return i;
  },
  '@microsoft/microsoft-graph-client PageIterator': async (sample) => {
    let i = 0;
    const first = await msClient.api('/me/calendarView').query({ startDateTime: start, endDateTime: end }).header('Prefer', prefer).get();
    const it = new PageIterator(msClient, first, (e) => {
      if (++i % 250 === 0 && e) sample();
      return true;
    }, { headers: { Prefer: prefer } });
    await it.iterate();
    return i;
  },
  'raw fetch paging': async (sample) => {
    let i = 0;
    let url = `${info.baseUrl}/me/calendarView?startDateTime=${start}&endDateTime=${end}`;
    while (url) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${info.accessToken}`, prefer } });
      const body = await res.json();
      for (const _e of body.value) if (++i % 250 === 0) sample();
      url = body['@odata.nextLink'];
    }
    return i;
  },
};

for (let w = 0; w < 2; w++) for (const v of Object.values(variants)) await v(() => {}); // warm-up
const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) for (const [name, fn] of Object.entries(variants)) runs[name].push(await measure(fn, false));
const results = [];
for (const [name, fn] of Object.entries(variants)) {
  const mem = await measure(fn, true);
  if ([...runs[name], mem].some((x) => x.count !== TOTAL)) throw new Error(`${name}: expected ${TOTAL} events, got ${mem.count}`);
  const ms = runs[name].map((x) => x.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  results.push({ name, n: TOTAL, ms, peakMB: mem.peakMB });
}
child.stdin.end();

const raw = results.find((r) => r.name === 'raw fetch paging').ms;
const ms = results.find((r) => r.name.startsWith('@microsoft')).ms;
console.log('| variant | events | median time (ms) | vs raw fetch | vs microsoft-graph-client | retained heap peak (MB) |\n|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.n} | ${r.ms.toFixed(0)} | ${(r.ms / raw).toFixed(2)}x | ${(r.ms / ms).toFixed(2)}x | ${r.peakMB.toFixed(1)} |`);
}
console.log(`Prefer: odata.maxpagesize=${PAGE} (${Math.ceil(TOTAL / PAGE)} pages); ${RUNS} runs per variant; retained heap = heapUsed after a forced GC every 2,000 events, minus the start${globalThis.gc ? '' : ' (run with --expose-gc for stable numbers)'}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/graph.json', import.meta.url), JSON.stringify({ pageSize: PAGE, runs: RUNS, results }, null, 2));
