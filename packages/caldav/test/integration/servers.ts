import { serverEnv } from '@cal/testkit/servers';
import { CalDAVClient, basic } from '@cal/caldav';

/** The three CalDAV servers every integration test runs against. */
const ALL = ['radicale', 'xandikos', 'cyrus'] as const;
export type DavServer = (typeof ALL)[number];
/** All three, or the subset named in CAL_SERVERS (the testkit global setup starts only those). */
export const SERVERS: DavServer[] = ALL.filter((s) => !process.env['CAL_SERVERS'] || process.env['CAL_SERVERS'].split(',').includes(s));

export function connection(name: DavServer): { url: string; user: string; pass: string } {
  if (name === 'cyrus') {
    const e = serverEnv('cyrus');
    return { url: e.davUrl, user: e.user, pass: e.pass };
  }
  const e = serverEnv(name);
  return { url: e.url, user: e.user, pass: e.pass };
}

export function client(name: DavServer): CalDAVClient {
  const c = connection(name);
  return new CalDAVClient({ url: c.url, auth: basic(c.user, c.pass), timeout: 20_000 });
}

export function uniq(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
