import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calendar } from '@cal/caldav';
import { SERVERS, client, connection, uniq } from './servers.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./python-interop.py', import.meta.url));

async function python(args: string[]): Promise<Record<string, string>> {
  // /usr/bin/python3 explicitly: a pyenv shim on PATH cannot see Debian's dist-packages (servers.md).
  const { stdout } = await run('/usr/bin/python3', [SCRIPT, ...args], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string>;
}

describe.each(SERVERS)('interop with python3-caldav on %s', (server) => {
  let cal: Calendar;
  beforeAll(async () => {
    cal = await (await client(server).principal()).makeCalendar({ name: 'interop', id: uniq('interop') });
  });
  afterAll(async () => {
    await cal?.delete().catch(() => undefined);
  });

  it('an event written by @cal/caldav is read back by python-caldav', async () => {
    const uid = uniq('ts-to-py');
    await cal.createEvent({ uid, summary: 'Written by TS; read by Python, ok?', start: new Date('2025-04-14T08:00:00Z'), end: new Date('2025-04-14T09:30:00Z') });
    const { user, pass } = connection(server);
    const got = await python(['read', cal.url, user, pass, uid]);
    expect(got).toEqual({ uid, summary: 'Written by TS; read by Python, ok?', start: '2025-04-14T08:00:00+00:00', end: '2025-04-14T09:30:00+00:00' });
  });

  it('an event written by python-caldav is read back by @cal/caldav', async () => {
    const uid = uniq('py-to-ts');
    const { user, pass } = connection(server);
    await python(['write', cal.url, user, pass, uid, 'Written by Python']);
    const obj = await cal.objectByUid(uid);
    expect([obj.uid, obj.summary, obj.start?.toISOString(), obj.end?.toISOString()]).toEqual([uid, 'Written by Python', '2025-04-15T08:30:00.000Z', '2025-04-15T09:45:00.000Z']);
    const inRange = await cal.events({ start: '2025-04-15T00:00:00Z', end: '2025-04-16T00:00:00Z' });
    expect(inRange.map((o) => o.uid)).toEqual([uid]);
  });
});
