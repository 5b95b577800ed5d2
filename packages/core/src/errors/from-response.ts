import type { CalError, CalErrorOptions } from './cal-error.js';
import {
  AuthenticationError,
  ConflictError,
  HttpError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
  type RateLimitErrorOptions,
  type ValidationDetail,
  type ValidationErrorOptions,
} from './classes.js';
import { parseRetryAfter } from '../http/retry-after.js';

/** Extra facts a provider parsed from an error body. @public */
export interface ErrorContext extends Omit<CalErrorOptions, 'status' | 'headers'> {
  /** Field errors from a 400/422 body. */
  details?: readonly ValidationDetail[] | undefined;
  /** Message to use instead of the generic one. */
  message?: string | undefined;
}

type ErrorClass = new (message: string, options: RateLimitErrorOptions & ValidationErrorOptions & { status: number }) => CalError;

/** The class of each specific status; other 5xx are `ServerError`, the rest `HttpError`. */
const BY_STATUS: Record<number, ErrorClass> = {
  400: ValidationError,
  401: AuthenticationError,
  403: AuthenticationError,
  404: NotFoundError,
  409: ConflictError,
  410: NotFoundError,
  412: ConflictError,
  422: ValidationError,
  429: RateLimitError,
};

/**
 * Maps a non-2xx status to the matching `CalError` subclass. Providers call it after parsing
 * their own error body (Graph `{error:{code,message}}`, Cronofy `{errors:{…}}`, …).
 * @public
 */
export function errorFromStatus(status: number, headers: Headers | undefined, ctx: ErrorContext = {}): CalError {
  const Class = BY_STATUS[status] ?? (status >= 500 ? ServerError : HttpError);
  // One options object for every class: each reads what it knows (`details`, `retryAfter`).
  return new Class(`${ctx.message || `${ctx.method ?? 'HTTP'} request failed`} (HTTP ${status})`, {
    ...ctx,
    status,
    headers,
    retryAfter: parseRetryAfter(headers?.get('retry-after')),
  });
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
      body = (await response.text()).slice(0, 65_536) || undefined;
      if (body && /json/i.test(response.headers.get('content-type') ?? '')) body = JSON.parse(body as string);
    } catch {
      /* unreadable or not JSON: keep the text (or nothing) */
    }
  }
  return errorFromStatus(response.status, response.headers, { url: response.url, ...ctx, body, ...parse?.(response, body) });
}
