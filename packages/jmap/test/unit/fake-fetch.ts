/**
 * Injected fetch for unit tests: records every request and answers from handlers written from
 * RFC 8620's wire format (session resource §2, request/response §3.3/§3.4), not from the client.
 */
export interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: any;
}

export type Handler = (req: Recorded) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export const ORIGIN = 'http://127.0.0.1:9';

export function session(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    capabilities: {
      'urn:ietf:params:jmap:core': { maxObjectsInSet: 2, maxCallsInRequest: 16 },
      'urn:ietf:params:jmap:calendars': {},
      'urn:ietf:params:jmap:tasks': {},
    },
    accounts: {
      a1: { name: 'u', isPersonal: true, isReadOnly: false, accountCapabilities: { 'urn:ietf:params:jmap:calendars': {} } },
      t1: { name: 'u', isPersonal: true, isReadOnly: false, accountCapabilities: { 'urn:ietf:params:jmap:tasks': {} } },
    },
    primaryAccounts: { 'urn:ietf:params:jmap:calendars': 'a1', 'urn:ietf:params:jmap:tasks': 't1' },
    username: 'u',
    apiUrl: '/jmap/api/',
    state: 's1',
    ...overrides,
  };
}

/** A fake server: GET /.well-known/jmap → 301 /jmap/session, GET that → session, POST /jmap/api/ → `api`. */
export function fakeServer(api: (body: any, req: Recorded) => unknown, opts: { session?: () => unknown } = {}) {
  const log: Recorded[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const text = req.body ? await req.text() : '';
    const rec: Recorded = { method: req.method, url: req.url, headers: req.headers, body: text ? JSON.parse(text) : undefined };
    log.push(rec);
    const path = new URL(req.url).pathname;
    if (req.method === 'GET' && path === '/.well-known/jmap') return new Response(null, { status: 301, headers: { location: '/jmap/session' } });
    if (req.method === 'GET' && path === '/jmap/session') return json(opts.session ? opts.session() : session());
    if (req.method === 'POST' && path === '/jmap/api/') {
      const out = api(rec.body, rec);
      return out instanceof Response ? out : json(out);
    }
    return new Response('not found', { status: 404 });
  };
  return { fetch, log, posts: () => log.filter((r) => r.method === 'POST') };
}
