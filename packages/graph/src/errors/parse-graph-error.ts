import type { ErrorContext } from '@cal/core';

/** Graph's error body (concepts/errors.md). @public */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: { code: string; message: string; target?: string }[];
    innerError?: { code?: string; 'request-id'?: string; 'client-request-id'?: string; date?: string; innerError?: unknown };
  };
}

/** True when `body` has Graph's `{ error: { code, message } }` shape. @public */
export function isGraphErrorBody(body: unknown): body is GraphErrorBody {
  const e = (body as { error?: unknown } | null | undefined)?.error as { code?: unknown } | undefined;
  return typeof e === 'object' && e !== null && typeof e.code === 'string';
}

/**
 * Maps Graph's error body onto core's {@link ErrorContext}: Graph's `code` is kept as `providerCode`
 * (branch on it, never on the message — errors.md). Nested `innerError.code` (O365 reads that one,
 * a known quirk) only fills in when the top-level code is missing. Identity-platform bodies
 * (`{error: 'invalid_grant', error_description}`) are handled too.
 * @public
 */
export function parseGraphError(_response: Response, body: unknown): ErrorContext | undefined {
  if (isGraphErrorBody(body)) {
    const { code, message, details, innerError } = body.error;
    const providerCode = code || innerError?.code || 'unknown';
    return {
      message: message ? `${providerCode}: ${message}` : providerCode,
      providerCode,
      ...(details?.length ? { details: details.map((d) => ({ field: d.target ?? '', key: d.code, description: d.message })) } : {}),
    };
  }
  const o = body as { error?: unknown; error_description?: unknown } | null | undefined;
  if (typeof o?.error === 'string') {
    const desc = typeof o.error_description === 'string' ? o.error_description.split(/\r?\n/)[0] : undefined;
    return { message: desc ? `${o.error}: ${desc}` : o.error, providerCode: o.error };
  }
  return undefined;
}
