import { CronofyClient, type CronofyClientOptions } from '@cal/cronofy';

/** One request as the stub saw it. */
export interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  json: () => Record<string, unknown>;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

/**
 * A recording fetch: answers by `METHOD path` (first match wins, `*` = any), 202 with no body by
 * default, and keeps every request for assertions.
 */
export function stubFetch(routes: Record<string, Reply | ((seen: Seen) => Reply)> = {}) {
  const seen: Seen[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const body = await req.text();
    const s: Seen = { method: req.method, url: new URL(req.url), headers: req.headers, body, json: () => JSON.parse(body) as Record<string, unknown> };
    seen.push(s);
    const key = `${req.method} ${s.url.pathname}`;
    const route = routes[key] ?? routes[`* ${s.url.pathname}`] ?? routes['*'];
    const reply = typeof route === 'function' ? route(s) : (route ?? { status: 202 });
    const headers = new Headers(reply.headers);
    let text: string | null = null;
    if (reply.body !== undefined) {
      text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
    }
    return new Response(text, { status: reply.status ?? (text ? 200 : 202), headers });
  };
  return { fetch, seen, last: () => seen[seen.length - 1]! };
}

export const HOSTS = { api: 'https://api-uk.cronofy.com', app: 'https://app-uk.cronofy.com' };

/** A client with every credential, on the uk data center, over the stub. */
export function client(fetch: CronofyClientOptions['fetch'], extra: CronofyClientOptions = {}): CronofyClient {
  return new CronofyClient({
    clientId: 'cid',
    clientSecret: 'csecret',
    accessToken: 'user-token',
    refreshToken: 'refresh-token',
    tokenExpiration: Date.now() + 3_600_000,
    dataCenter: 'uk',
    retry: false,
    ...(fetch ? { fetch } : {}),
    ...extra,
  });
}
