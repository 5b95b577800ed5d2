// Profiling helper: `node --cpu-prof bench/syncserver-profile.mjs [count] [iterations]` runs only
// contents.list() against the simulator child process (the profile then holds the client alone).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SyncServerAPI, SyncServerAuth } from '@cal/syncserver';

const count = Number(process.argv[2] ?? 1000);
const iterations = Number(process.argv[3] ?? 200);
const child = spawn(process.execPath, [fileURLToPath(new URL('./syncserver-sim-process.mjs', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
child.stdin.write(`${JSON.stringify({ seed: count })}\n`);
const info = JSON.parse((await lines.next()).value);
const c = info.credential;
const api = new SyncServerAPI(new SyncServerAuth(c.consumerKey, c.consumerSecret, c.accessKey, c.accessSecret), { baseUrl: info.url });
const store = await api.clients.datastore.get(info.storeId);
const t0 = performance.now();
for (let i = 0; i < iterations; i++) if ((await store.contents.filter({}).list()).length !== count) throw new Error('wrong count');
console.log(`${iterations} × list() of ${count}: ${((performance.now() - t0) / iterations).toFixed(2)} ms each`);
child.stdin.end();
