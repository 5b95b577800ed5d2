import { errorFromStatus, type CalError } from '@cal/core';
import { PROVIDER } from './errors.js';
import { operations } from './on-demand/load-operations.js';

/**
 * The typed error of a non-2xx response (`text` = its body, already read). The body parsing
 * (§5.1 shapes, `calendar_permission_required` accounts) loads on the first error response; if that
 * code cannot be loaded, the status alone still picks the right class.
 * @internal
 */
export async function toHttpError(response: Response, text: string, method: string, secrets: readonly string[]): Promise<CalError> {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): keep the text for the error.
  }
  try {
    return (await operations()).httpError(response, body, method, secrets);
  } catch {
    const ctx = { provider: PROVIDER, method, url: response.url, secrets, ...(text === '' ? {} : { body }) };
    return errorFromStatus(response.status, response.headers, ctx);
  }
}
