/** A scripted `fetch` for unit tests: records every request, answers with the handler's Response. */
export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function fakeFetch(handler: (req: Recorded, n: number) => Response | Promise<Response> = () => json({ value: [] })) {
  const calls: Recorded[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const rec: Recorded = {
      method: req.method,
      url: req.url,
      headers: Object.fromEntries(req.headers),
      body: req.body ? await req.text() : '',
    };
    calls.push(rec);
    return handler(rec, calls.length);
  };
  return { fetch, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A clock whose sleeps return at once and are recorded. */
export function fakeClock() {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

export const TOKENS = { accessToken: 'at-secret-123', refreshToken: 'rt-secret-456', expiresAt: Date.parse('2030-01-01T00:00:00Z') };
