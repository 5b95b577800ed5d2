import { ProtocolError, errorFromResponse, readText, type HttpClient } from '@cal/core';
import { PROVIDER } from './constants.js';
import type { JMAPAccount, JMAPSession } from './types/core.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Fetches and parses the JMAP Session resource (RFC 8620 §2).
 *
 * Redirects are followed by hand (`redirect: 'manual'`) so every hop goes through core's origin guard
 * (`http.resolve`): credentials are never sent to an origin the caller did not allow. Cyrus answers
 * `/.well-known/jmap` with a 301 to `/jmap` (servers.md §C.4). Browsers hide manual redirects
 * (`opaqueredirect`); there the request is repeated with `redirect: 'follow'`, where the browser
 * itself strips credentials across origins.
 * @internal
 */
export async function fetchSession(http: HttpClient, url: string | URL, signal?: AbortSignal): Promise<JMAPSession> {
  let target = http.resolve(url);
  for (let hop = 0; ; hop++) {
    const init = { method: 'GET', headers: { accept: 'application/json' }, throwHttpErrors: false, ...(signal ? { signal } : {}) };
    let response = await http.request(target, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') response = await http.request(target, { ...init, redirect: 'follow' });
    const location = response.headers.get('location');
    if (REDIRECTS.has(response.status) && location) {
      await response.body?.cancel().catch(() => {});
      if (hop >= MAX_REDIRECTS) throw new ProtocolError(`Too many redirects fetching the JMAP session`, { provider: PROVIDER, url: target });
      let next: URL;
      try {
        next = new URL(location, target);
      } catch (cause) {
        throw new ProtocolError('The JMAP session redirect has an unusable Location', { provider: PROVIDER, cause, url: target });
      }
      if (!/^https?:$/.test(next.protocol)) throw new ProtocolError('JMAP session redirect to a non-HTTP URL', { provider: PROVIDER, url: target });
      target = http.resolve(next);
      continue;
    }
    if (!response.ok) throw await errorFromResponse(response, { provider: PROVIDER, method: 'GET', url: target.href });
    const text = await readText(response, PROVIDER);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new ProtocolError('The JMAP session is not JSON', { provider: PROVIDER, cause, url: target, body: text.slice(0, 512) });
    }
    return parseSession(http, body, response.url || target.href);
  }
}

/**
 * Validates a session object and resolves its URLs against the URL it came from. A relative `apiUrl`
 * (Cyrus: `/jmap/`) is resolved against the session URL and checked by the origin guard.
 * @internal
 */
export function parseSession(http: HttpClient, body: unknown, sessionUrl: string): JMAPSession {
  const bad = (what: string): never => {
    throw new ProtocolError(`Invalid JMAP session: ${what}`, { provider: PROVIDER, url: sessionUrl });
  };
  if (!isRecord(body)) return bad('not an object');
  const { apiUrl, capabilities, accounts, primaryAccounts, username, state } = body;
  if (typeof apiUrl !== 'string' || apiUrl === '') bad('apiUrl missing');
  if (!isRecord(capabilities)) bad('capabilities missing');
  if (!isRecord(accounts)) bad('accounts missing');
  const toUrl = (value: string): URL => {
    try {
      return new URL(value, sessionUrl);
    } catch {
      return bad(`unusable URL "${value.slice(0, 100)}"`);
    }
  };
  const resolveUrl = (value: unknown): string | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    // URI templates: only the scheme/authority part matters to the resolver, braces survive `new URL`.
    return toUrl(value).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  };
  const api = http.resolve(toUrl(apiUrl as string));
  return {
    capabilities: capabilities as JMAPSession['capabilities'],
    accounts: accounts as Record<string, JMAPAccount>,
    primaryAccounts: isRecord(primaryAccounts) ? (primaryAccounts as Record<string, string>) : {},
    username: typeof username === 'string' ? username : '',
    apiUrl: api.href,
    downloadUrl: resolveUrl(body['downloadUrl']),
    uploadUrl: resolveUrl(body['uploadUrl']),
    eventSourceUrl: resolveUrl(body['eventSourceUrl']),
    state: typeof state === 'string' ? state : '',
    url: sessionUrl,
    raw: body,
  };
}

/**
 * The account for a capability: the primary one if it has the capability, else the first account
 * that has it (the rule python-caldav uses too), else `undefined`.
 * @internal
 */
export function accountFor(session: JMAPSession, capability: string): string | undefined {
  const primary = session.primaryAccounts[capability];
  if (primary && session.accounts[primary]?.accountCapabilities?.[capability]) return primary;
  for (const [id, account] of Object.entries(session.accounts)) {
    if (account.accountCapabilities?.[capability]) return id;
  }
  return primary;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
