import createClient from 'openapi-fetch';
import { NetworkError, ProtocolError, isCalError, type CalError, type FetchLike } from '@cal/core';
import type { paths } from './generated/mobiscroll-connect.js';
import { MobiscrollConnectError, PROVIDER } from './errors.js';
import { toHttpError } from './http-errors.js';

// The REST calls go through openapi-fetch (the family's decided REST client), typed from the
// package's OpenAPI document (`openapi/mobiscroll-connect.yaml`, generated into
// `generated/mobiscroll-connect.ts`), with core's `fetch` seam underneath. `Api` is a thin typed
// façade over it so the resources share one error mapping.

/** HTTP methods Connect uses. @internal */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Op<P extends keyof paths, M extends Method> = NonNullable<paths[P][Lowercase<M>]>;
type Json<T> = T extends { content: { 'application/json': infer J } } ? J : undefined;
type Data<O> = O extends { responses: { 200: infer R } } ? Json<R> : undefined;
type Query<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type Body<O> = O extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** Per-call input, typed by the operation. @internal */
export interface ApiInit<O> {
  query?: Query<O>;
  body?: Body<O>;
  signal?: AbortSignal;
}

/**
 * One Connect call: resolves to the parsed 200 body (`undefined` when empty), or throws — non-2xx
 * → the typed status error (§5.1 body parsed); a 2xx body that is not JSON → `ProtocolError`;
 * a transport failure that is not already a `CalError` (undici's `TypeError: terminated` for a
 * body cut mid-way) → `NetworkError`. Never a raw TypeError.
 * @internal
 */
export type Api = <P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  init?: ApiInit<Op<P, M>>,
) => Promise<Data<Op<P, M>> | undefined>;

/** An {@link Api} over one of core's HTTP clients (`fetch` carries auth, retries, timeouts, the hook). @internal */
export function createApi(fetch: FetchLike, baseUrl: string, secrets: () => readonly string[]): Api {
  const client = createClient<paths>({ baseUrl, fetch: (request: Request) => fetch(request) });
  // The client's `request(method, path, init)` form: one generic call instead of one per verb.
  const request = client.request as unknown as (
    method: string,
    path: string,
    init: { params: { query?: unknown }; body?: unknown; signal?: AbortSignal; parseAs: 'text' },
  ) => Promise<{ data?: string; error?: string; response: Response }>;
  return async (method, path, init = {}) => {
    try {
      // Text, parsed here: an empty 200 body is an empty result, and bad JSON a ProtocolError.
      const { data, error, response } = await request(method.toLowerCase(), path, {
        params: { query: init.query },
        ...(init.body === undefined ? {} : { body: init.body }),
        ...(init.signal ? { signal: init.signal } : {}),
        parseAs: 'text',
      });
      const text = (response.ok ? data : error) ?? '';
      if (!response.ok) throw await toHttpError(response, text, method, secrets());
      return text ? JSON.parse(text) : undefined;
    } catch (cause) {
      throw wrap(cause, method, secrets());
    }
  };
}

function wrap(cause: unknown, method: string, secrets: readonly string[]): CalError {
  if (isCalError(cause)) return cause;
  const ctx = { cause, provider: PROVIDER, method, secrets };
  if (cause instanceof SyntaxError) return new ProtocolError('Response is not valid JSON', ctx);
  if (cause instanceof TypeError) return new NetworkError(`Network error: ${cause.message}`, ctx);
  return new MobiscrollConnectError(cause instanceof Error ? cause.message : String(cause), ctx);
}
