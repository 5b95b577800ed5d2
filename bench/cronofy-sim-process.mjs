// Child process for cronofy.bench.mjs: runs the Cronofy simulator (built @cal/testkit) with N seeded
// external events, prints one JSON line { apiUrl, appUrl, accessToken, calendarId }, and exits when
// stdin closes. Keeping the server in another process keeps its CPU and heap out of the measurements.
import { startCronofySimulator } from '@cal/testkit/cronofy';

const total = Number(process.argv[2] ?? 10_000);
const pageSize = Number(process.argv[3] ?? 100);
const sim = await startCronofySimulator({ pageSize });
const { calendarId } = sim.addUser('bench-user');
const base = Date.UTC(2030, 0, 1);
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
sim.seedEvents(
  'bench-user',
  calendarId,
  Array.from({ length: total }, (_, i) => ({
    summary: `Event ${i}`,
    description: 'Quarterly planning with the whole team; agenda in the doc.',
    start: iso(base + i * 3_600_000),
    end: iso(base + i * 3_600_000 + 1_800_000),
    location: { description: 'Room 4' },
    attendees: [{ email: 'a@example.test', display_name: 'A', status: 'accepted' }, { email: 'b@example.test', display_name: 'B', status: 'needs_action' }],
  })),
);
const { accessToken } = sim.issueToken('bench-user');
process.stdout.write(`${JSON.stringify({ apiUrl: sim.apiUrl, appUrl: sim.appUrl, accessToken, calendarId, from: iso(base - 1000), to: iso(base + total * 3_600_000) })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await sim.close();
  process.exit(0);
});
