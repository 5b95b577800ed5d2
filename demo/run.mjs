// The README's demo: starts the real servers (Radicale, Xandikos, Cyrus) and each provider's
// simulator, walks every provider (connect, list calendars, create, list in range, sync, delete)
// and prints one table per provider. Leaves no process running.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('./providers/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
// Local servers are needed unless every CalDAV/JMAP part points at a real account (CAL_DEMO_*).
const needsLocal = async (f) => !(await import(pathToFileURL(join(dir, f)).href)).usesRealAccount;
const serverParts = files.filter((f) => /^(caldav|jmap)/.test(f));
const wantsServers = (await Promise.all(serverParts.map(needsLocal))).some(Boolean);

let servers;
let serverSkip;
if (wantsServers) {
  try {
    const { startServers } = await import('@cal/testkit/servers');
    if (typeof startServers !== 'function') throw new Error('@cal/testkit/servers has no startServers yet');
    if (process.getuid?.() !== 0) console.log('note: not root; real servers start only if their Debian packages are installed');
    console.log('» starting Radicale, Xandikos and Cyrus on loopback…');
    servers = await startServers({ servers: ['radicale', 'xandikos', 'cyrus'] });
    Object.assign(process.env, servers.env);
  } catch (e) {
    serverSkip = `real servers could not start: ${e instanceof Error ? e.message.split('\n')[0] : e}`;
  }
}

let failures = 0;
try {
  for (const file of files) {
    const mod = await import(pathToFileURL(join(dir, file)).href);
    const title = mod.title ?? file;
    const skip = (/^(caldav|jmap)/.test(file) && !mod.usesRealAccount && serverSkip) || mod.skipReason?.(process.env);
    console.log(`\n## ${title}`);
    if (skip) {
      console.log(`skipped: ${skip}`);
      continue;
    }
    const rows = [];
    const step = async (name, fn) => {
      const t0 = performance.now();
      try {
        const result = await fn();
        rows.push({ step: name, result: String(result ?? 'ok'), ms: Math.round(performance.now() - t0) });
        return result;
      } catch (e) {
        rows.push({ step: name, result: `FAILED: ${e?.name ?? 'Error'}: ${e?.message ?? e}`, ms: Math.round(performance.now() - t0) });
        throw e;
      }
    };
    try {
      await mod.default({ env: process.env, step });
    } catch {
      failures++;
    }
    printTable(rows);
  }
} finally {
  await servers?.stop();
}
console.log(failures ? `\n${failures} provider demo(s) failed` : '\nall provider demos completed');
process.exitCode = failures ? 1 : 0;

function printTable(rows) {
  const w1 = Math.max(4, ...rows.map((r) => r.step.length));
  const w2 = Math.min(90, Math.max(6, ...rows.map((r) => r.result.length)));
  const line = `+-${'-'.repeat(w1)}-+-${'-'.repeat(w2)}-+--------+`;
  console.log(line);
  console.log(`| ${'step'.padEnd(w1)} | ${'result'.padEnd(w2)} |     ms |`);
  console.log(line);
  for (const r of rows) console.log(`| ${r.step.padEnd(w1)} | ${r.result.slice(0, w2).padEnd(w2)} | ${String(r.ms).padStart(6)} |`);
  console.log(line);
}
