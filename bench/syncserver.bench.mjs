// @cal/syncserver: listing a datastore's contents (Atom feed, OAuth 1.0 HMAC-SHA1) against the
// SyncServer simulator, for 100 / 1,000 / 5,000 items. Median of RUNS runs per variant:
// - contents.list() of @cal/syncserver (sign, fetch, hardened XML parse, typed Content objects);
// - raw fetch with a hand-made PLAINTEXT header and the body read as text (no parsing at all);
// - raw fetch + @cal/core/xml parseXml (the parse cost alone, no object model).
// The usual alternative, npm oauth-1.0a, fails RFC 5849 vectors (reference §8), so it is not a
// fair "what users would pick" baseline here; raw fetch is the floor.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseXml } from '@cal/core/xml';
import { SyncServerAPI, SyncServerAuth } from '@cal/syncserver';

const COUNTS = [100, 1_000, 5_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// The simulator runs in a child process, so this process measures only the client side.
const child = spawn(process.execPath, [fileURLToPath(new URL('./syncserver-sim-process.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
async function seed(count) {
  child.stdin.write(`${JSON.stringify({ seed: count })}\n`);
  return JSON.parse((await lines.next()).value);
}
let c;
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`);
let n = 0;
const plaintext = () =>
  `OAuth realm="", oauth_consumer_key="${c.consumerKey}", oauth_token="${c.accessKey}", oauth_signature_method="PLAINTEXT", ` +
  `oauth_timestamp="${Math.floor(Date.now() / 1000)}", oauth_nonce="bench${n++}", oauth_signature="${enc(`${enc(c.consumerSecret)}&${enc(c.accessSecret)}`)}"`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const count of COUNTS) {
    const info = await seed(count);
    c = info.credential;
    const api = new SyncServerAPI(new SyncServerAuth(c.consumerKey, c.consumerSecret, c.accessKey, c.accessSecret), { baseUrl: info.url });
    const store = await api.clients.datastore.get(info.storeId);
    const url = `${info.url}/v2/services/datastore/${store.id}/content/`;
    const variants = {
      '@cal/syncserver contents.list()': async () => (await store.contents.filter({}).list()).length,
      'raw fetch (text only)': async () => (await (await fetch(url, { headers: { authorization: plaintext(), accept: 'application/atom+xml' } })).text()).length > 0 ? count : 0,
      'raw fetch + parseXml': async () => parseXml(await (await fetch(url, { headers: { authorization: plaintext() } })).text()).children.filter((e) => e.local === 'entry').length,
    };
    const entries = Object.entries(variants);
    for (const [name, fn] of entries) {
      if ((await fn()) !== count) throw new Error(`${name} returned the wrong count`);
      for (let w = 0; w < 3; w++) await fn(); // warm-up (JIT, keep-alive socket)
    }
    // Interleaved rounds (the starting variant rotates): on a shared, noisy VM a load spike then
    // hits every variant alike instead of one whole series, so the ratios stay comparable.
    const times = entries.map(() => []);
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < entries.length; k++) {
        const v = (r + k) % entries.length;
        globalThis.gc?.(); // each variant starts from a clean heap, not the previous one's garbage
        const t0 = performance.now();
        await entries[v][1]();
        times[v].push(performance.now() - t0);
      }
    }
    entries.forEach(([name], v) => rows.push({ count, variant: name, medianMs: Number(median(times[v]).toFixed(2)) }));
  }
} finally {
  child.stdin.end();
}
// Two ratios: against the text-only floor, and against "raw fetch + parseXml" (what the client
// costs beyond parsing: signing, entry mapping, dates, objects). Target: ≤ 1.3× the latter.
console.log('| items | variant | median ms | vs raw fetch | vs raw fetch + parseXml |\n|---|---|---|---|---|');
for (const r of rows) {
  const raw = rows.find((x) => x.count === r.count && x.variant.startsWith('raw fetch (text'));
  const parsed = rows.find((x) => x.count === r.count && x.variant === 'raw fetch + parseXml');
  r.ratioVsRaw = Number((r.medianMs / raw.medianMs).toFixed(2));
  r.ratioVsParsed = Number((r.medianMs / parsed.medianMs).toFixed(2));
  console.log(`| ${r.count} | ${r.variant} | ${r.medianMs} | ${r.ratioVsRaw}× | ${r.ratioVsParsed}× |`);
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/syncserver.json', import.meta.url), JSON.stringify({ runs: RUNS, rows }, null, 2));
