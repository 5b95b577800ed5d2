export { CalError, isCalError, type CalErrorOptions } from './cal-error.js';
export {
  AbortedError,
  AuthenticationError,
  ConflictError,
  HttpError,
  NetworkError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  type RateLimitErrorOptions,
  type ValidationDetail,
  type ValidationErrorOptions,
} from './classes.js';
export { ErrorCode, type ErrorCodeValue } from './codes.js';
export { errorFromResponse, errorFromStatus, type ErrorContext } from './from-response.js';
export { REDACTED, isSecretName, redactBody, redactHeaders, redactText, redactUrl } from './redact.js';
