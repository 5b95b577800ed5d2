// Child process for syncserver.bench.mjs: runs the SyncServer simulator so the benchmark's heap and
// event loop hold only the client. Protocol on stdin/stdout, one JSON line each:
//   → {"seed": N}   ← {"url", "storeId", "credential"}   (a datastore of alice with N vCards)
import { createInterface } from 'node:readline';
import { startSyncServerSimulator } from '@cal/testkit/syncserver';

const sim = await startSyncServerSimulator();
const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const { seed } = JSON.parse(line);
  sim.reset();
  const now = sim.state.now();
  const storeId = sim.state.newId();
  sim.state.clients.set(storeId, { id: storeId, owner: 'alice', created: now, modified: now, kind: 'datastore', name: `bench ${seed}` });
  for (let i = 0; i < seed; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    sim.state.contents.set(id, { id, store: storeId, data: `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEND:VCARD`, type: 'text/vcard', dataclass: 'contacts', title: `Person ${i}`, created: now, modified: now });
  }
  process.stdout.write(`${JSON.stringify({ url: sim.url, storeId, credential: sim.credentials[0] })}\n`);
});
rl.on('close', () => void sim.close().then(() => process.exit(0)));
