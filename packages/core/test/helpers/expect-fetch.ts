/**
 * An injected fetch that answers only the requests a test declared, in order, and fails the test
 * on anything else (openapi-fetch's "you must mock all responses", oauth4webapi's disableNetConnect).
 */
export interface Expected {
  method?: string;
  url?: string | RegExp;
  respond: (request: Request) => Response | Promise<Response>;
  /** How many times this expectation may match. @default 1 */
  times?: number;
}

export function expectFetch(expected: Expected[]) {
  const queue = expected.map((e) => ({ ...e, left: e.times ?? 1 }));
  const calls: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    calls.push(request.clone());
    const match = queue.find(
      (e) =>
        e.left > 0 &&
        (!e.method || e.method === request.method) &&
        (!e.url || (typeof e.url === 'string' ? request.url === e.url : e.url.test(request.url))),
    );
    if (!match) throw new Error(`Unexpected request: ${request.method} ${request.url}`);
    match.left--;
    return match.respond(request);
  };
  return { fetch, calls, pending: () => queue.filter((e) => e.left > 0 && e.times === undefined) };
}

export const instantClock = () => {
  let now = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    advance: (ms: number) => (now += ms),
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
};

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
