import { AbortedError, NetworkError, ProtocolError, TimeoutError, isCalError, readText, type CalError, type HttpClient } from '@cal/core';
import type { Middleware } from 'openapi-fetch';
import { cronofyError } from './errors.js';
import { utcSeconds } from './time-format.js';

/** What openapi-fetch resolves with. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * JSON body serializer for openapi-fetch: every `Date` anywhere in a body goes out as a Cronofy
 * Time (UTC, no milliseconds), because `Date#toJSON` writes milliseconds the API rejects.
 * @internal
 */
export function serializeBody(body: unknown): string {
  return JSON.stringify(body, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? utcSeconds(raw) : value;
  });
}

/** Maps a failure while reading/parsing a 2xx body (openapi-fetch throws raw errors there). */
function transportError(error: unknown, method: string, url: string): CalError {
  if (isCalError(error)) return error;
  const ctx = { provider: 'cronofy', method, url, cause: error };
  const name = (error as { name?: string } | null)?.name;
  if (error instanceof SyntaxError) return new ProtocolError('Cronofy response is not valid JSON', ctx);
  if (name === 'TimeoutError') return new TimeoutError('Timed out while reading the Cronofy response', ctx);
  if (name === 'AbortError') return new AbortedError('Aborted while reading the Cronofy response', ctx);
  return new NetworkError('The connection failed while reading the Cronofy response', ctx);
}

/** The request behind each response, so errors can name the real URL (a mocked Response has no `url`). */
const requests = new WeakMap<Response, Request>();

/**
 * openapi-fetch middleware remembering which request produced which response.
 * @internal
 */
export const rememberRequest: Middleware = {
  onResponse({ request, response }) {
    requests.set(response, request);
    return undefined;
  },
};

/**
 * Awaits an openapi-fetch call and returns its data, turning a non-2xx response into the
 * matching `CalError` through {@link cronofyError} (the single error mapping of the package).
 * @internal
 */
export async function send<T>(secrets: () => readonly string[], method: string, path: string, call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw transportError(error, method, path);
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  const url = response.url || requests.get(response)?.url || path;
  throw cronofyError(response, result.error, { method, url, secrets: secrets() });
}

/**
 * GETs an absolute URL handed back by the server (`next_page`). `http.resolve` applies core's
 * origin guard first: only the data center's API origin may receive the token, anything else is a
 * `ProtocolError` before a byte is sent.
 * @internal
 */
export async function getAbsolute<T>(http: HttpClient, secrets: () => readonly string[], href: string, signal?: AbortSignal): Promise<T> {
  const target = http.resolve(href);
  const response = await http.fetch(target, { method: 'GET', headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const text = await readText(response, 'cronofy');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (cause) {
    if (response.ok) throw new ProtocolError('Cronofy response is not valid JSON', { provider: 'cronofy', method: 'GET', url: target, cause, status: response.status });
  }
  if (!response.ok) throw cronofyError(response, body, { method: 'GET', url: target.href, secrets: secrets() });
  return body as T;
}
