// @cal/mobiscroll: events.iterAll over up to 20,000 events served by the Mobiscroll simulator (in a
// child process, so this heap holds only the client). For each count: median time of 3 runs and the
// peak retained heap while iterating (heapUsed after a forced GC every 2,000 events). Memory must stay flat
// as the count grows, because iterAll holds one page at a time. Compared with raw fetch paging (same
// requests, no typing/Date conversion/retries/auth) and with collecting every page into one array.
// The official Node SDK cannot be pointed at another base URL (reference §6.2), so it is not compared.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MobiscrollConnectClient } from '@cal/mobiscroll';

const TOTAL = Number(process.env.BENCH_MS_EVENTS ?? 20_000);
const COUNTS = [1_000, 5_000, 10_000, 20_000].filter((c) => c <= TOTAL);
const PAGE = 250;
const RUNS = 5;

const child = spawn(process.execPath, [fileURLToPath(new URL('./mobiscroll-sim-process.mjs', import.meta.url)), String(TOTAL)], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const info = JSON.parse(await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve)));
const client = new MobiscrollConnectClient({ ...info.client, baseUrl: info.baseUrl });
await client.auth.setCredentials(info.tokens);
const start = new Date('2030-01-01T00:00:00Z');
const rangeFor = (n) => ({ start, end: new Date(start.getTime() + n * 3_600_000 - 1) });

const gc = globalThis.gc ?? (() => {});
/** Time run: no sampling. Memory run: GC + heapUsed every 2,000 events = retained heap, not garbage. */
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
  'iterAll (@cal/mobiscroll)': (n) => async (sample) => {
    let i = 0;
    for await (const e of client.events.iterAll({ ...rangeFor(n), pageSize: PAGE })) if (++i % 250 === 0 && e) sample();
    return i;
  },
  'raw fetch paging': (n) => async (sample) => {
    let i = 0;
    let token;
    const { start: s, end } = rangeFor(n);
    do {
      const q = new URLSearchParams({ start: s.toISOString(), end: end.toISOString(), pageSize: String(PAGE), ...(token ? { nextPageToken: token } : {}) });
      const res = await fetch(`${info.baseUrl}/events?${q}`, { headers: { authorization: `Bearer ${info.tokens.accessToken}` } });
      const body = await res.json();
      for (const _e of body.events) if (++i % 250 === 0) sample();
      token = body.nextPageToken;
    } while (token);
    return i;
  },
  'collect all pages into an array': (n) => async (sample) => {
    const all = [];
    let page = await client.events.list({ ...rangeFor(n), pageSize: PAGE });
    for (;;) {
      all.push(...page.events);
      sample();
      if (!page.hasMore) break;
      page = await client.events.list({ ...rangeFor(n), pageSize: PAGE, nextPageToken: page.nextPageToken });
    }
    return all.length;
  },
};

for (let w = 0; w < 2; w++) for (const v of Object.values(variants)) await v(TOTAL)(() => {}); // warm-up (JIT, sim caches)
const results = [];
for (const n of COUNTS) {
  const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < RUNS; r++) {
    // Interleaved so machine noise hits every variant alike.
    for (const [name, make] of Object.entries(variants)) runs[name].push(await measure(make(n), false));
  }
  for (const [name, make] of Object.entries(variants)) {
    const mem = await measure(make(n), true);
    if ([...runs[name], mem].some((x) => x.count !== n)) throw new Error(`${name}: expected ${n} events`);
    const ms = runs[name].map((x) => x.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    results.push({ name, n, ms, peakMB: mem.peakMB });
  }
}
child.stdin.end();

const raw = Object.fromEntries(results.filter((r) => r.name === 'raw fetch paging').map((r) => [r.n, r.ms]));
console.log('| variant | events | median time (ms) | µs / event | vs raw fetch | retained heap peak (MB) |\n|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.n} | ${r.ms.toFixed(0)} | ${((r.ms * 1000) / r.n).toFixed(1)} | ${(r.ms / raw[r.n]).toFixed(2)}x | ${r.peakMB.toFixed(1)} |`);
}
console.log(`pageSize ${PAGE}; ${RUNS} runs per cell; retained heap = heapUsed after a forced GC every 2,000 events, minus the start${globalThis.gc ? '' : ' (run with --expose-gc for stable numbers)'}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/mobiscroll.json', import.meta.url), JSON.stringify({ pageSize: PAGE, runs: RUNS, results }, null, 2));
