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
