import { errorFromStatus, type CalError } from '@cal/core';
import { CalendarPermissionError, PROVIDER, blockedAccounts, parseErrorBody } from './errors.js';

/**
 * Turns a non-2xx response whose body `api.ts` already read (`body` = parsed JSON or text) into the
 * matching error: 403 `calendar_permission_required` → {@link CalendarPermissionError} with its
 * `accounts`; everything else through core's status map with the §5.1 body parsed.
 * @internal
 */
export function toHttpError(response: Response, body: unknown, method: string, secrets: readonly string[]): CalError {
  const parsed = parseErrorBody(body) ?? {};
  const ctx = { provider: PROVIDER, method, url: response.url, secrets, ...(body === undefined || body === '' ? {} : { body }) };
  const accounts = response.status === 403 ? blockedAccounts(body) : undefined;
  if (accounts) {
    return new CalendarPermissionError(`${parsed.message ?? 'Calendar permission required'} (HTTP 403)`, {
      ...ctx,
      status: 403,
      headers: response.headers,
      providerCode: 'calendar_permission_required',
      accounts,
    });
  }
  return errorFromStatus(response.status, response.headers, { ...ctx, ...parsed });
}
