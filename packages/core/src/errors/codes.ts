/**
 * Stable error codes. They never change meaning within a major version, so callers can switch on
 * `err.code` instead of on class identity (which breaks when two copies of `@cal/core` are bundled).
 * @public
 */
export const ErrorCode = {
  Unknown: 'CAL_UNKNOWN',
  Authentication: 'CAL_AUTHENTICATION',
  Validation: 'CAL_VALIDATION',
  NotFound: 'CAL_NOT_FOUND',
  Conflict: 'CAL_CONFLICT',
  RateLimit: 'CAL_RATE_LIMIT',
  Server: 'CAL_SERVER',
  Network: 'CAL_NETWORK',
  Timeout: 'CAL_TIMEOUT',
  Protocol: 'CAL_PROTOCOL',
  Http: 'CAL_HTTP',
  Aborted: 'CAL_ABORTED',
} as const;

/** Union of the values of {@link ErrorCode}; providers may add their own `CAL_*` strings. @public */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});
