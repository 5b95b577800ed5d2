import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvFile, reservePorts, serversScriptsDir } from '../../src/servers.js';
import { existsSync } from 'node:fs';

const dir = await mkdtemp(join(tmpdir(), 'cal-envfile-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readEnvFile', () => {
  it('reads printf %q quoted values exactly as bash would (spaces, quotes, $, newlines)', async () => {
    const file = join(dir, 'server.env');
    // what the start scripts write: `printf '%s=%q\n' NAME VALUE`
    await writeFile(
      file,
      [
        'PLAIN=http://127.0.0.1:8080/',
        'SPACES=runuser\\ -u\\ cyrus\\ --\\ /usr/lib/cyrus/bin/squatter\\ -i\\ -u',
        "QUOTES=it\\'s\\ \\\"x\\\"",
        'DOLLAR=a\\$b',
        "NEWLINE=$'a\\nb'",
        'EMPTY=\'\'',
        '',
      ].join('\n'),
    );
    expect(await readEnvFile(file)).toEqual({
      PLAIN: 'http://127.0.0.1:8080/',
      SPACES: 'runuser -u cyrus -- /usr/lib/cyrus/bin/squatter -i -u',
      QUOTES: 'it\'s "x"',
      DOLLAR: 'a$b',
      NEWLINE: 'a\nb',
      EMPTY: '',
    });
  });
});

describe('reservePorts', () => {
  it('returns distinct loopback ports', async () => {
    const ports = await reservePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const p of ports) expect(p).toBeGreaterThan(0);
  });
});

describe('serversScriptsDir', () => {
  it('finds the shipped shell scripts', () => {
    const d = serversScriptsDir();
    for (const s of ['install.sh', 'start-all.sh', 'stop-all.sh', 'start-cyrus.sh', 'stop-redis.sh']) {
      expect(existsSync(join(d, s)), s).toBe(true);
    }
  });
});
