// Child process of bench/graph.bench.mjs: runs the Graph simulator with N seeded events, so the
// benchmark's heap measurements contain the client only. Prints one JSON line, exits on stdin end.
import { startGraphSimulator } from '@cal/testkit/graph';

const n = Number(process.argv[2] ?? 10_000);
const sim = await startGraphSimulator({ accessTokenTtlSeconds: 86_400 });
sim.seedEvents('user-1', n, new Date('2030-01-01T00:00:00Z'), 60);
const { accessToken } = sim.issueToken('user-1');
process.stdout.write(`${JSON.stringify({ url: sim.url, baseUrl: sim.baseUrl, accessToken })}\n`);
process.stdin.resume();
process.stdin.on('end', () => sim.close().then(() => process.exit(0)));
