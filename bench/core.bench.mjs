// @cal/core pipeline overhead: 10,000 sequential GETs to a local node:http server through
// createHttpClient (bearer auth + retry middleware on, as every provider uses it) vs raw fetch.
// Rounds alternate between the two so machine noise hits both alike. Target: ≤ 1.10x raw fetch.
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { bearerAuth, createHttpClient } from '@cal/core';

const N = Number(process.env.BENCH_N ?? 10_000);
const ROUNDS = 20; // many short interleaved rounds: machine noise hits both variants alike
const body = JSON.stringify({ value: [{ id: '1', subject: 'standup' }] });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const http = createHttpClient({ provider: 'bench', baseUrl: base, auth: bearerAuth('token'), retry: { limit: 2 } });
// The same pipeline without the default 30 s timeout: Node 20's undici charges ~11 µs per request
// for following any AbortSignal (profiled), so this row shows the pipeline's own cost.
const untimed = createHttpClient({ provider: 'bench', baseUrl: base, auth: bearerAuth('token'), retry: { limit: 2 }, timeout: 0 });
const variants = {
  'raw fetch': async () => {
    const res = await fetch(`${base}/events`, { headers: { authorization: 'Bearer token', accept: 'application/json' } });
    return res.json();
  },
  '@cal/core (auth + retry)': () => http.json('/events'),
  '@cal/core (auth + retry, timeout: 0)': () => untimed.json('/events'),
};

const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (const fn of Object.values(variants)) for (let i = 0; i < 500; i++) await fn(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of Object.entries(variants)) {
    const t0 = performance.now();
    for (let i = 0; i < N / ROUNDS; i++) await fn();
    times[name].push((performance.now() - t0) / (N / ROUNDS));
  }
}
server.close();
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const raw = median(times['raw fetch']);
const rows = Object.keys(variants).map((name) => ({ name, ms: median(times[name]), ratio: median(times[name]) / raw }));
console.log(`| variant | median per request (µs) | ratio vs raw fetch |\n|---|---|---|`);
for (const r of rows) console.log(`| ${r.name} | ${(r.ms * 1000).toFixed(1)} | ${r.ratio.toFixed(2)}x |`);
console.log(`${N} sequential GETs per variant, ${ROUNDS} interleaved rounds; target ≤ 1.10x`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/core.json', import.meta.url), JSON.stringify({ n: N, rounds: ROUNDS, rows }, null, 2));
