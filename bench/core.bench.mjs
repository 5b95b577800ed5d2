// @cal/core pipeline overhead: 10,000 sequential GETs to a local node:http server through
// createHttpClient (bearer auth + retry middleware on, as every provider uses it) vs raw fetch and ky.
// Rounds alternate between variants so machine noise hits all alike. Target: ≤ 1.10x raw fetch.
// Run through `pnpm bench` (node --expose-gc).
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_TIMEOUT, bearerAuth, createHttpClient } from '@cal/core';
import ky from 'ky';

const N = Number(process.env.BENCH_N ?? 10_000);
const ROUNDS = 40; // many short interleaved rounds: machine noise hits every variant alike
const body = JSON.stringify({ value: [{ id: '1', subject: 'standup' }] });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const auth = bearerAuth('token');
// Core has no default timeout (like fetch); the provider packages set 30 s (DEFAULT_TIMEOUT).
const http = createHttpClient({ provider: 'bench', baseUrl: base, auth, retry: { limit: 2 } });
const httpTimed = createHttpClient({ provider: 'bench', baseUrl: base, auth, retry: { limit: 2 }, timeout: DEFAULT_TIMEOUT });
// ky is what people reach for when they want retries and hooks on fetch.
const kyOptions = { prefixUrl: base, retry: { limit: 2 }, hooks: { beforeRequest: [(req) => req.headers.set('authorization', 'Bearer token')] } };
const kyUntimed = ky.create({ ...kyOptions, timeout: false });
const kyTimed = ky.create({ ...kyOptions, timeout: DEFAULT_TIMEOUT });
const headers = { authorization: 'Bearer token', accept: 'application/json' };
const variants = {
  'raw fetch': async () => (await fetch(`${base}/events`, { headers })).json(),
  '@cal/core (auth + retry)': () => http.json('/events'),
  'ky (auth hook + retry)': () => kyUntimed.get('events').json(),
  // With a 30 s timeout, as every provider package defaults to: each side passes an AbortSignal,
  // which Node 20's undici charges ~13 µs per request to follow.
  'raw fetch + AbortSignal.timeout(30 s)': async () =>
    (await fetch(`${base}/events`, { headers, signal: AbortSignal.timeout(DEFAULT_TIMEOUT) })).json(),
  '@cal/core (auth + retry, 30 s timeout)': () => httpTimed.json('/events'),
  'ky (auth hook + retry, 30 s timeout)': () => kyTimed.get('events').json(),
};
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

/** Runs the named variants interleaved round by round; returns each one's per-round µs/request. */
async function runGroup(names) {
  const t = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      const fn = variants[name];
      const t0 = performance.now();
      for (let i = 0; i < N / ROUNDS; i++) await fn();
      t[name].push(((performance.now() - t0) / (N / ROUNDS)) * 1000);
    }
  }
  return t;
}

/** `a` against `b` from one group: both medians, their ratio, and the median of per-round ratios. */
function compare(group, a, b) {
  // Per-round ratios pair each round with its neighbour, so slow drift of the machine's speed
  // (raw fetch on this VM varies 200–320 µs between runs) cancels out.
  const paired = median(group[a].map((x, i) => x / group[b][i]));
  return { a, b, aUs: median(group[a]), bUs: median(group[b]), ratio: median(group[a]) / median(group[b]), paired };
}

for (const fn of Object.values(variants)) for (let i = 0; i < 500; i++) await fn(); // warm-up
// Three groups: the target pair alone (ky allocates the most, and its garbage would be collected
// on a neighbour's clock), then with ky, then all three with a 30 s timeout.
const [RAW, CORE, KY, RAW_T, CORE_T, KY_T] = Object.keys(variants);
const target = await runGroup([RAW, CORE]);
const withKy = await runGroup([RAW, CORE, KY]);
const timed = await runGroup([RAW_T, CORE_T, KY_T]);
server.close();

const rows = [
  compare(target, CORE, RAW),
  compare(withKy, CORE, KY),
  compare(withKy, KY, RAW),
  compare(timed, CORE_T, RAW_T),
  compare(timed, CORE_T, KY_T),
  compare(timed, KY_T, RAW_T),
];
console.log('| variant | against | median µs/request | ratio of medians | median of paired round ratios |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.a} | ${r.b} | ${r.aUs.toFixed(1)} vs ${r.bUs.toFixed(1)} | ${r.ratio.toFixed(2)}x | ${r.paired.toFixed(2)}x |`);
const goal = rows[0];
console.log(
  `${N} sequential GETs per variant and group, ${ROUNDS} interleaved rounds. ` +
    `Target, @cal/core (auth + retry) ≤ 1.10x raw fetch: ${goal.ratio.toFixed(2)}x ${goal.ratio <= 1.1 ? 'MET' : 'MISSED'}`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/core.json', import.meta.url), JSON.stringify({ n: N, rounds: ROUNDS, rows }, null, 2));
