import { AbortedError, NetworkError, ProtocolError, TimeoutError, errorFromStatus, isCalError, type CalError } from '@cal/core';
import type { Middleware } from 'openapi-fetch';
import { parseCronofyError } from './errors.js';
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
 * The one place a failed Cronofy response of an openapi-fetch call becomes a `CalError`: status →
 * class (core), body → details/code ({@link parseCronofyError}), with the response's status,
 * headers and body and the request's method and URL attached. Core redacts all of them, `secrets`
 * included wherever they appear (a server echoing the token under any field name).
 */
function cronofyError(response: Response, body: unknown, method: string, url: string, secrets: readonly string[]): CalError {
  return errorFromStatus(response.status, response.headers, {
    provider: 'cronofy',
    method,
    url: response.url || url,
    secrets,
    ...(body === undefined || body === '' ? {} : { body }),
    ...parseCronofyError(response.status, body),
  });
}

/**
 * Awaits an openapi-fetch call and returns its data, turning a non-2xx response into the
 * matching `CalError` through {@link cronofyError}; paged reads and GETs get the same mapping from core (`parseError`).
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
  throw cronofyError(response, result.error, method, url, secrets());
}
