// @cal/cronofy: read 10,000 events across pages (100 per page, following `pages.next_page`) from the
// Cronofy simulator, which runs in a child process. Compared with the official `cronofy` npm package
// (3.8.4, axios) on the same simulator (its `urls.api` property pointed at the simulator, the
// documented way to reach another host), and with raw fetch paging (no validation, no retries, no
// origin guard, no error mapping). Median of RUNS interleaved runs, plus retained heap.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Cronofy from 'cronofy';
import { CronofyClient } from '@cal/cronofy';

const TOTAL = Number(process.env.BENCH_CRONOFY_EVENTS ?? 10_000);
const PAGE = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const child = spawn(process.execPath, [fileURLToPath(new URL('./cronofy-sim-process.mjs', import.meta.url)), String(TOTAL), String(PAGE)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const info = JSON.parse(await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)));
const params = { from: info.from, to: info.to, tzid: 'Etc/UTC' };

const ours = new CronofyClient({ accessToken: info.accessToken, hosts: { api: info.apiUrl, app: info.appUrl } });
const theirs = new Cronofy({ access_token: info.accessToken });
theirs.urls.api = info.apiUrl;

const variants = {
  '@cal/cronofy readEvents (for await)': async () => {
    let n = 0;
    for await (const e of ours.readEvents({ fromDate: params.from, toDate: params.to, tzid: params.tzid })) if (e.summary) n++;
    return n;
  },
  'cronofy npm 3.8.4 readEvents + next_page': async () => {
    let n = 0;
    let page = await theirs.readEvents(params);
    for (;;) {
      for (const e of page.events) if (e.summary) n++;
      if (!page.pages.next_page) break;
      page = await theirs.readEvents({ next_page: page.pages.next_page });
    }
    return n;
  },
  'raw fetch + next_page': async () => {
    let n = 0;
    let url = `${info.apiUrl}/v1/events?${new URLSearchParams(params)}`;
    while (url) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${info.accessToken}` } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const page = await res.json();
      for (const e of page.events) if (e.summary) n++;
      url = page.pages.next_page;
    }
    return n;
  },
};

const gc = globalThis.gc ?? (() => {});
async function run(fn) {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const count = await fn();
  const ms = performance.now() - t0;
  if (count !== TOTAL) throw new Error(`expected ${TOTAL} events, got ${count}`);
  return { ms, heapMB: (process.memoryUsage().heapUsed - heap0) / 2 ** 20 };
}

for (let w = 0; w < 2; w++) for (const fn of Object.values(variants)) await run(fn); // warm-up
const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) for (const [name, fn] of Object.entries(variants)) samples[name].push(await run(fn)); // interleaved
child.stdin.end();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = Object.entries(samples).map(([name, s]) => ({ name, ms: median(s.map((x) => x.ms)), heapMB: median(s.map((x) => x.heapMB)) }));
const raw = rows.find((r) => r.name.startsWith('raw')).ms;
const npm = rows.find((r) => r.name.startsWith('cronofy npm')).ms;
console.log(`Read ${TOTAL} events, ${PAGE} per page (${Math.ceil(TOTAL / PAGE)} requests), simulator in a child process, median of ${RUNS} runs\n`);
console.log('| variant | median (ms) | µs / event | vs raw fetch | vs cronofy npm | heap delta (MB) |\n|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.ms.toFixed(0)} | ${((r.ms * 1000) / TOTAL).toFixed(1)} | ${(r.ms / raw).toFixed(2)}x | ${(r.ms / npm).toFixed(2)}x | ${r.heapMB.toFixed(1)} |`);
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/cronofy.json', import.meta.url), JSON.stringify({ events: TOTAL, pageSize: PAGE, runs: RUNS, results: rows }, null, 2));
