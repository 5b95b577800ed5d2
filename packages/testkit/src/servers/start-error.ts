import { CalError } from '@cal/core';

/**
 * `code` of the {@link CalError} thrown when a real server does not come up (or its start script is
 * missing). Follows the `CAL_*` naming of `@cal/core`'s `ErrorCode`.
 * @public
 */
export const SERVER_START_FAILED = 'CAL_TESTKIT_SERVER_START' as const;

/** A `CalError` with code {@link SERVER_START_FAILED}. @internal */
export function serverStartError(message: string, cause?: unknown): CalError {
  return new CalError(message, {
    provider: 'testkit',
    code: SERVER_START_FAILED,
    ...(cause !== undefined ? { cause } : {}),
  });
}
