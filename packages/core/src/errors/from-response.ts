import type { CalError, CalErrorOptions } from './cal-error.js';
import {
  AuthenticationError,
  ConflictError,
  HttpError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  type ValidationDetail,
} from './classes.js';
import { parseRetryAfter } from '../http/retry-after.js';

/** Extra facts a provider parsed from an error body. @public */
export interface ErrorContext extends Omit<CalErrorOptions, 'status' | 'headers'> {
  /** Field errors from a 400/422 body. */
  details?: readonly ValidationDetail[];
  /** Message to use instead of the generic one. */
  message?: string;
}

/**
 * Maps a non-2xx status to the matching `CalError` subclass. Providers call it after parsing
 * their own error body (Graph `{error:{code,message}}`, Cronofy `{errors:{…}}`, …).
 * @public
 */
export function errorFromStatus(status: number, headers: Headers | undefined, ctx: ErrorContext = {}): CalError {
  const { message: msg, details, ...rest } = ctx;
  const base = `${rest.method ?? 'HTTP'} request failed with status ${status}`;
  const message = msg ? `${msg} (HTTP ${status})` : base;
  const opts = { ...rest, status, ...(headers ? { headers } : {}) };
  if (status === 401 || status === 403) return new AuthenticationError(message, opts);
  if (status === 400 || status === 422) return new ValidationError(message, { ...opts, ...(details ? { details } : {}) });
  if (status === 404 || status === 410) return new NotFoundError(message, opts);
  if (status === 409 || status === 412) return new ConflictError(message, opts);
  if (status === 429) {
    const retryAfter = headers ? parseRetryAfter(headers.get('retry-after')) : undefined;
    return new RateLimitError(message, { ...opts, ...(retryAfter === undefined ? {} : { retryAfter }) });
  }
  if (status >= 500) return new ServerError(message, opts);
  return new HttpError(message, opts);
}

/**
 * Reads a failed `Response` (JSON when it says so, otherwise text; at most 64 KiB kept), lets the
 * provider's `parse` turn the body into context (its error code, message, field details), and
 * maps it with {@link errorFromStatus}.
 * @public
 */
export async function errorFromResponse(
  response: Response,
  ctx: ErrorContext = {},
  parse?: (response: Response, body: unknown) => ErrorContext | undefined,
): Promise<CalError> {
  let body: unknown = ctx.body;
  if (body === undefined) {
    try {
      const text = (await response.text()).slice(0, 65_536);
      body = text || undefined;
      if (text && /json/i.test(response.headers.get('content-type') ?? '')) body = JSON.parse(text);
    } catch {
      /* unreadable or not JSON: keep the text (or nothing) */
    }
  }
  return errorFromStatus(response.status, response.headers, {
    url: response.url,
    ...ctx,
    ...(body === undefined ? {} : { body }),
    ...parse?.(response, body),
  });
}
