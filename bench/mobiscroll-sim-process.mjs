// Child process of bench/mobiscroll.bench.mjs: runs the Mobiscroll simulator with N seeded events, so
// the benchmark's heap measurements contain the client only. Prints one JSON line, exits on stdin end.
import { startMobiscrollSimulator } from '@cal/testkit/mobiscroll';

const n = Number(process.argv[2] ?? 20_000);
const sim = await startMobiscrollSimulator({ seed: false, accessTokenTtlSeconds: 86_400 });
sim.addAccount('user-1', 'google', 'bench@gmail.com');
sim.addCalendar('user-1', { provider: 'google', id: 'bench@gmail.com' });
sim.seedEvents('user-1', n, { provider: 'google', calendarId: 'bench@gmail.com', start: new Date('2030-01-01T00:00:00Z'), stepMinutes: 60 });
const tokens = sim.issueTokens('user-1');
process.stdout.write(`${JSON.stringify({ baseUrl: sim.baseUrl, client: sim.client, tokens })}\n`);
process.stdin.resume();
process.stdin.on('end', () => sim.close().then(() => process.exit(0)));
