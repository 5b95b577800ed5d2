import { execFile } from 'node:child_process';
import { CalError } from '@cal/core';
import { serverEnv } from './server-env.js';


/**
 * Indexes a Cyrus user's mailboxes now (`$CAL_CYRUS_INDEX_CMD <user>`, squatter -i, ≈30 ms).
 *
 * Why: Cyrus title/text search (`CalendarEvent/query` with `title`/`text` filters) goes through Xapian,
 * fed by a rolling squatter 100–300 ms after each write (servers.md C.2). Call this after writing and
 * before asserting on a search, so the test is deterministic. Time-range queries do not need it.
 * @param user - the user to index (default `CAL_CYRUS_USER`)
 * @param env - where to read `CAL_CYRUS_*` from (default `process.env`)
 * @throws ValidationError when the Cyrus variables are missing; CalError when the indexer fails.
 * @public
 */
export async function indexCyrus(
  user?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const cyrus = serverEnv('cyrus', env);
  await new Promise<void>((resolve, reject) => {
    // the user name is passed as "$1", never spliced into the shell text
    execFile('bash', ['-c', `${cyrus.indexCmd} "$1"`, 'cyrus-index', user ?? cyrus.user], (err, _out, stderr) => {
      if (err) reject(new CalError(`Cyrus indexing failed: ${String(stderr).trim().slice(-2000)}`, { provider: 'testkit', cause: err }));
      else resolve();
    });
  });
}
