import { indexCyrus } from '@cal/testkit/servers';
import { createHttpClient, basicAuth, type HttpClient } from '@cal/core';
import { createJMAPClient, type JMAPClient, type JMAPClientOptions } from '@cal/jmap';

/** CAL_CYRUS_* variables set by the testkit globalSetup (packages/testkit/src/servers/global-setup.ts). */
export function cyrusEnv() {
  const need = (k: string): string => {
    const v = process.env[k];
    if (!v) throw new Error(`${k} is not set: run through the integration project (testkit globalSetup starts Cyrus)`);
    return v;
  };
  return {
    jmapUrl: need('CAL_CYRUS_JMAP_URL'),
    davUrl: need('CAL_CYRUS_DAV_URL'),
    baseUrl: process.env['CAL_CYRUS_URL'] ?? new URL(need('CAL_CYRUS_JMAP_URL')).origin,
    user: need('CAL_CYRUS_USER'),
    pass: need('CAL_CYRUS_PASS'),
    indexCmd: need('CAL_CYRUS_INDEX_CMD'),
  };
}

export function jmapClient(extra: Partial<JMAPClientOptions> = {}): JMAPClient {
  const env = cyrusEnv();
  return createJMAPClient({ url: env.jmapUrl, username: env.user, password: env.pass, ...extra });
}

/** Plain core HTTP client for the CalDAV side of the same Cyrus account (no @cal/caldav dependency). */
export function davHttp(): HttpClient {
  const env = cyrusEnv();
  return createHttpClient({ provider: 'caldav-test', baseUrl: env.baseUrl, auth: basicAuth(env.user, env.pass) });
}

/**
 * Cyrus text search is eventually consistent (the rolling squatter indexes 100–300 ms later,
 * servers.md §C.2): index the account now instead of sleeping.
 */
export async function indexNow(): Promise<void> {
  await indexCyrus(cyrusEnv().user); // runs CAL_CYRUS_INDEX_CMD for the user
}

/** A unique marker for this run, so suites never see each other's data. */
export function marker(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
