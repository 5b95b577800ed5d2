/**
 * `@cal/core`: what every `@cal/*` provider shares.
 * @packageDocumentation
 */
export {
  AbortedError,
  AuthenticationError,
  CalError,
  ConflictError,
  ErrorCode,
  HttpError,
  NetworkError,
  NotFoundError,
  ProtocolError,
  REDACTED,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  errorFromResponse,
  errorFromStatus,
  isCalError,
  isSecretName,
  redactBody,
  redactHeaders,
  redactText,
  redactUrl,
  type CalErrorOptions,
  type ErrorCodeValue,
  type ErrorContext,
  type RateLimitErrorOptions,
  type ValidationDetail,
  type ValidationErrorOptions,
} from './errors/index.js';

export { createHttpClient, readText } from './http/client.js';
export { DEFAULT_TIMEOUT } from './http/default-timeout.js';
export type { CommonDateTime, CommonEvent, CommonParticipant } from './common-event.js';
export type { CalRequestInit, Clock, FetchLike, HttpClient, HttpClientOptions } from './http/types.js';
export type { Middleware, MiddlewareParams, OnRequestResult, RequestMeta } from './http/middleware.js';
export { retryMiddleware, type RetryOptions } from './http/retry.js';
export { parseRetryAfter } from './http/retry-after.js';
export { throttleMiddleware } from './http/throttle.js';
export { requestHookMiddleware, type RequestEvent, type RequestHook } from './http/request-hook.js';
export { assertCredentialOrigin, assertSecureTransport, isLoopback, type OriginPolicy } from './http/origin-guard.js';
export { systemClock } from './http/clock.js';

export type { AuthStrategy } from './auth/strategy.js';
export { authMiddleware } from './auth/auth-middleware.js';
export { basicAuth } from './auth/basic.js';
export { bearerAuth } from './auth/bearer.js';
export { MemoryTokenStore } from './auth/memory-token-store.js';
export type { TokenSet, TokenStore } from './auth/tokens.js';

export type { Page } from './paginate/page.js';
export { collect, iterAll, paginate, type PaginateOptions } from './paginate/paginate.js';
