import type { OAuthGrant } from '../sim/oauth/types.js';
import { SimHttpError } from '../sim/sim-http-error.js';
import type { SimResult } from '../sim/types.js';
import { graphErrorBody } from './graph-errors.js';
import type { GraphRouter } from './router.js';

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** Inner-throttle rule for `$batch` (throttling-outlook.md: each inner request is throttled on its own). */
export interface BatchThrottle {
  /** How many inner requests (from now) answer 429. */
  times: number;
  /** `Retry-After` seconds on each. */
  retryAfter: number;
  /** Only inner requests whose url matches. */
  url?: RegExp;
}

/**
 * JSON batching (json-batching.md): at most 20 requests, unique ids, `dependsOn` order (a failed
 * dependency → 424), inner 429s with their own `Retry-After`. Responses keep request order here.
 */
export function batchHandler(router: GraphRouter, apiBase: () => string) {
  const throttles: BatchThrottle[] = [];
  let batches = 0;

  async function handle(body: unknown, grant: OAuthGrant): Promise<SimResult> {
    batches++;
    const requests = (body as { requests?: BatchItem[] } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw new SimHttpError(400, graphErrorBody('BadRequest', 'Invalid batch payload format.'));
    if (requests.length > 20) throw new SimHttpError(400, graphErrorBody('BadRequest', 'Unable to deserialize batch request content: Number of batch requests exceeds the limit of 20.'));
    const ids = new Set<string>();
    for (const r of requests) {
      const key = String(r.id).toLowerCase();
      if (!r.id || ids.has(key)) throw new SimHttpError(400, graphErrorBody('BadRequest', 'Batch request ids must be unique.'));
      if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
        throw new SimHttpError(400, graphErrorBody('BadRequest', 'Content-Type header is required when a body is present.'));
      }
      ids.add(key);
    }
    const results = new Map<string, { id: string; status: number; headers: Record<string, string>; body?: unknown }>();
    for (const r of requests) {
      const failedDep = (r.dependsOn ?? []).find((d) => {
        const res = results.get(d.toLowerCase());
        return !res || res.status >= 400;
      });
      if (failedDep !== undefined) {
        results.set(r.id.toLowerCase(), { id: r.id, status: 424, headers: { 'content-type': 'application/json' }, body: graphErrorBody('FailedDependency', 'The dependent request failed.') });
        continue;
      }
      const rule = throttles.find((t) => t.times > 0 && (!t.url || t.url.test(r.url)));
      if (rule) {
        rule.times--;
        results.set(r.id.toLowerCase(), { id: r.id, status: 429, headers: { 'retry-after': String(rule.retryAfter), 'content-type': 'application/json' }, body: graphErrorBody('ApplicationThrottled', 'Application is over its MailboxConcurrency limit.') });
        continue;
      }
      const url = new URL(r.url.startsWith('/') ? r.url : `/${r.url}`, 'http://batch.invalid');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
      let res: SimResult;
      try {
        res = await router.dispatch({ method: r.method.toUpperCase(), path: url.pathname, query: url.searchParams, headers, body: r.body === undefined ? '' : JSON.stringify(r.body), grant, apiBase: apiBase() });
      } catch (e) {
        if (!(e instanceof SimHttpError)) throw e;
        res = e.toResult();
      }
      const outHeaders: Record<string, string> = { ...(res.headers ?? {}) };
      if (res.body !== undefined) outHeaders['content-type'] = 'application/json';
      results.set(r.id.toLowerCase(), { id: r.id, status: res.status ?? 200, headers: outHeaders, ...(res.body === undefined ? {} : { body: res.body }) });
    }
    return { body: { responses: [...results.values()] } };
  }

  return {
    handle,
    throttleInBatch(rule: BatchThrottle): void {
      throttles.push({ ...rule });
    },
    get batches() {
      return batches;
    },
    reset() {
      throttles.length = 0;
      batches = 0;
    },
  };
}
