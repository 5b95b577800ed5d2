import type { CalError, ErrorContext, ValidationDetail } from '@cal/core';
import type { BlockedAccount } from '../errors.js';
import type { Kit } from './kit.js';

// Reading a non-2xx answer's body into the typed error, loaded on the first error response (an
// app whose calls succeed never loads it). The error classes come from the kit.

/** Any of the three error body shapes of reference §5.1 plus the OAuth one. */
interface WireErrorBody {
  error?: unknown;
  error_description?: unknown;
  message?: unknown;
  code?: unknown;
  details?: unknown;
  accounts?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Parses the body shapes of §5.1 — `{error}`, `{error, message}`, `{message, code?, details?}` and
 * OAuth `{error, error_description}` — into core's `ErrorContext`. Message precedence follows the
 * reference's advice: `message ?? error_description ?? error`.
 */
function parseErrorBody(body: unknown): ErrorContext | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as WireErrorBody;
  const message = str(b.message) ?? str(b.error_description) ?? str(b.error);
  const providerCode = str(b.code) ?? (str(b.message) || str(b.error_description) ? str(b.error) : undefined);
  const details = toDetails(b.details);
  return {
    ...(message ? { message } : {}),
    ...(providerCode ? { providerCode } : {}),
    ...(details.length ? { details } : {}),
  };
}

/** `details` is undocumented; the Python tests use `{field: [messages]}`. Arrays of `{field, message}` are also read. */
function toDetails(details: unknown): ValidationDetail[] {
  const out: ValidationDetail[] = [];
  if (Array.isArray(details)) {
    for (const d of details) {
      if (typeof d === 'string') out.push({ field: '', description: d });
      else if (d && typeof d === 'object') {
        const o = d as Record<string, unknown>;
        out.push({ field: str(o.field) ?? str(o.path) ?? '', description: str(o.message) ?? str(o.description) ?? JSON.stringify(o) });
      }
    }
  } else if (details && typeof details === 'object') {
    for (const [field, v] of Object.entries(details as Record<string, unknown>)) {
      for (const m of Array.isArray(v) ? v : [v]) out.push({ field, description: typeof m === 'string' ? m : JSON.stringify(m) });
    }
  }
  return out;
}

/** Reads `accounts` of a `calendar_permission_required` body. */
function blockedAccounts(body: unknown): BlockedAccount[] | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as WireErrorBody;
  if (b.code !== 'calendar_permission_required' && b.error !== 'calendar_permission_required') return undefined;
  const list = Array.isArray(b.accounts) ? b.accounts : [];
  return list
    .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
    .map((a) => ({ provider: String(a.provider ?? ''), account: String(a.account ?? '') }));
}

/**
 * Turns a non-2xx response whose body `api.ts` already read (`body` = parsed JSON or text) into the
 * matching error: 403 `calendar_permission_required` → `CalendarPermissionError` with its
 * `accounts`; everything else through core's status map with the §5.1 body parsed.
 * @internal
 */
export function createHttpErrors({ PROVIDER, CalendarPermissionError, errorFromStatus }: Kit) {
  return function httpError(response: Response, body: unknown, method: string, secrets: readonly string[]): CalError {
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
  };
}
