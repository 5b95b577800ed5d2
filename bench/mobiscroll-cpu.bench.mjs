// @cal/mobiscroll: client-side CPU cost of events.iterAll, without a server. The page bodies are
// built up front (the wire shape of reference §3.3, as the simulator sends it) and an injected
// fetch answers from them, so the number is the client's own work: openapi-fetch, core's
// pipeline, JSON parsing, the event mapping and the async iteration. Compared with "raw" (the same
// pages through Response.json() and a plain loop). bench/mobiscroll.bench.mjs measures the same
// against the simulator over real sockets, where a loaded machine adds a lot of noise; use this
// one to judge a change to the per-event path. Reads dist (build first).
import { MobiscrollConnectClient } from '@cal/mobiscroll';

const N = Number(process.env.BENCH_MS_EVENTS ?? 10_000);
const PAGE = Number(process.env.BENCH_MS_PAGE ?? 250);
const RUNS = 31;

const pages = [];
for (let p = 0; p * PAGE < N; p++) {
  const events = [];
  for (let k = p * PAGE; k < Math.min(N, (p + 1) * PAGE); k++) {
    const start = Date.UTC(2030, 0, 1) + k * 3_600_000;
    events.push({
      provider: 'google', id: `evt_${k}`, calendarId: 'bench@gmail.com', title: `Event ${k}`, allDay: false,
      start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(), lastModified: new Date(start - 86_400_000).toISOString(),
    });
  }
  const next = (p + 1) * PAGE < N ? { nextPageToken: `p${p + 1}` } : {};
  pages.push(JSON.stringify({ events, pageSize: PAGE, ...next }));
}
const fetch = async (input) => {
  const token = new URL(input instanceof Request ? input.url : String(input)).searchParams.get('nextPageToken');
  return new Response(pages[token ? Number(token.slice(1)) : 0], { headers: { 'content-type': 'application/json' } });
};

const client = new MobiscrollConnectClient({
  clientId: 'bench', clientSecret: 'secret', redirectUri: 'https://app.example/cb', baseUrl: 'https://connect.test/api',
  tokens: { accessToken: 'at', tokenType: 'Bearer' }, fetch,
});
const variants = {
  'iterAll (@cal/mobiscroll)': async () => {
    let i = 0;
    for await (const _e of client.events.iterAll({ start: new Date(Date.UTC(2030, 0, 1)), end: new Date(Date.UTC(2031, 0, 1)), pageSize: PAGE })) i++;
    return i;
  },
  'raw (Response.json paging)': async () => {
    let i = 0;
    let token;
    do {
      const body = await (await fetch(`https://connect.test/api/events?pageSize=${PAGE}${token ? `&nextPageToken=${token}` : ''}`)).json();
      for (const _e of body.events) i++;
      token = body.nextPageToken;
    } while (token);
    return i;
  },
};

for (let w = 0; w < 10; w++) for (const run of Object.values(variants)) await run(); // JIT warm-up
const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, run] of Object.entries(variants)) {
    const t0 = performance.now();
    if ((await run()) !== N) throw new Error(`${name}: expected ${N} events`);
    times[name].push(performance.now() - t0);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const raw = median(times['raw (Response.json paging)']);
console.log('| variant | events | median (ms) | µs / event | vs raw |\n|---|---|---|---|---|');
for (const [name, t] of Object.entries(times)) {
  console.log(`| ${name} | ${N} | ${median(t).toFixed(1)} | ${((median(t) * 1000) / N).toFixed(2)} | ${(median(t) / raw).toFixed(2)}x |`);
}
console.log(`pageSize ${PAGE}; ${RUNS} interleaved runs; no server (prebuilt pages): client CPU only`);
