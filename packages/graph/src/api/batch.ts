import { ProtocolError, ValidationError, parseRetryAfter, systemClock, type ValidationDetail } from '@cal/core';
import type { GraphApi } from './graph-api.js';

/** One request of a JSON batch (json-batching.md). `url` is relative to the version root (`/me/events`). @public */
export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Ids of requests that must succeed first (a failed dependency gives this one 424). */
  dependsOn?: string[];
}

/** One inner response. Always check `status`: the outer 200 only means the batch parsed. @public */
export interface BatchResponse<T = unknown> {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: T;
}

/** Options of {@link batch}. @public */
export interface BatchOptions {
  /** Rounds of re-sending throttled inner requests (429/503 by their own Retry-After). @default 3 */
  maxRetries?: number;
  /** Longest Retry-After honoured, in seconds. @default 60 */
  maxRetryAfter?: number;
  signal?: AbortSignal;
}

/** json-batching.md: at most 20 requests per batch. */
export const BATCH_LIMIT = 20;
const RETRYABLE = new Set([429, 503, 504]);

function validate(requests: BatchRequest[]): void {
  const d: ValidationDetail[] = [];
  const ids = new Set<string>();
  if (!Array.isArray(requests)) throw new ValidationError('requests must be an array', { provider: 'graph', operation: 'batch' });
  requests.forEach((r, i) => {
    const key = typeof r?.id === 'string' ? r.id.toLowerCase() : '';
    if (!key) d.push({ field: `requests[${i}].id`, description: 'non-empty string' });
    else if (ids.has(key)) d.push({ field: `requests[${i}].id`, description: `duplicate id ${r.id} (ids are case-insensitive)` });
    if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(r?.method)) d.push({ field: `requests[${i}].method`, description: 'GET, POST, PATCH, PUT or DELETE' });
    // Absolute URLs are refused: inner requests always go to the batch's own service root.
    if (typeof r?.url !== 'string' || !r.url || /^[a-z][a-z0-9+.-]*:/i.test(r.url)) d.push({ field: `requests[${i}].url`, description: 'relative URL like /me/events' });
    for (const dep of r?.dependsOn ?? []) {
      if (!ids.has(dep.toLowerCase())) d.push({ field: `requests[${i}].dependsOn`, description: `${dep} must be an earlier request of the same list` });
    }
    if (key) ids.add(key);
  });
  if (d.length) throw new ValidationError('Invalid batch', { provider: 'graph', operation: 'batch', details: d });
}

/** Splits into batches of ≤ 20, keeping every dependsOn chain inside one batch. @internal */
export function splitBatches(requests: BatchRequest[]): BatchRequest[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    return p;
  };
  for (const r of requests) {
    const id = r.id.toLowerCase();
    parent.set(id, find(id));
    for (const dep of r.dependsOn ?? []) parent.set(find(dep.toLowerCase()), find(id));
  }
  const groups = new Map<string, BatchRequest[]>();
  for (const r of requests) {
    const root = find(r.id.toLowerCase());
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  const out: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  for (const group of groups.values()) {
    if (group.length > BATCH_LIMIT) {
      throw new ValidationError(`A dependsOn chain of ${group.length} requests exceeds the batch limit of ${BATCH_LIMIT}`, { provider: 'graph', operation: 'batch', details: [{ field: 'dependsOn', description: `≤ ${BATCH_LIMIT} linked requests` }] });
    }
    if (current.length + group.length > BATCH_LIMIT) {
      out.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length) out.push(current);
  return out;
}

function toWire(r: BatchRequest, present: Set<string>): Record<string, unknown> {
  const headers = { ...(r.headers ?? {}) };
  // json-batching.md: a body needs a Content-Type header.
  if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const dependsOn = (r.dependsOn ?? []).filter((d) => present.has(d.toLowerCase()));
  return {
    id: r.id,
    method: r.method,
    url: r.url.startsWith('/') ? r.url : `/${r.url}`,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(r.body === undefined ? {} : { body: r.body }),
    ...(dependsOn.length ? { dependsOn } : {}),
  };
}

function retryAfterOf(res: BatchResponse): number | undefined {
  const key = Object.keys(res.headers ?? {}).find((h) => h.toLowerCase() === 'retry-after');
  return key ? parseRetryAfter(res.headers[key] ?? null) : undefined;
}

/**
 * Sends any number of requests through `$batch`: split into batches of ≤ 20 (dependsOn chains kept
 * together), sent one after another; inner 429/503/504 responses are re-sent after their own
 * `Retry-After` (each inner request is throttled on its own — throttling-outlook.md), together with
 * dependents that failed with 424 because of them. Returns one response per request, in input order.
 * @public
 */
export async function batch(api: GraphApi, requests: BatchRequest[], options: BatchOptions = {}): Promise<BatchResponse[]> {
  validate(requests);
  const maxRetries = options.maxRetries ?? 3;
  const maxWait = (options.maxRetryAfter ?? 60) * 1000;
  const clock = api.http.options.clock ?? systemClock;
  const results = new Map<string, BatchResponse>();

  for (const chunk of splitBatches(requests)) {
    let pending = chunk;
    for (let round = 0; pending.length; round++) {
      const present = new Set(pending.map((r) => r.id.toLowerCase()));
      const res = await api.http.json<{ responses?: BatchResponse[] }>(`${api.baseUrl}/$batch`, {
        method: 'POST',
        body: { requests: pending.map((r) => toWire(r, present)) },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (!Array.isArray(res?.responses)) throw new ProtocolError('$batch response has no responses array', { provider: 'graph' });
      for (const r of res.responses) results.set(String(r.id).toLowerCase(), { ...r, headers: r.headers ?? {} });
      const throttled = pending.filter((r) => RETRYABLE.has(results.get(r.id.toLowerCase())?.status ?? 0));
      if (!throttled.length || round >= maxRetries) break;
      const waits = throttled.map((r) => retryAfterOf(results.get(r.id.toLowerCase())!));
      // No Retry-After: exponential backoff from 1 s (throttling.md).
      const wait = Math.max(...waits.map((w) => (w === undefined ? 2 ** round * 1000 : w * 1000)));
      if (wait > maxWait) break;
      // Re-send the throttled requests and the dependents that failed only because of them.
      const again = new Set(throttled.map((r) => r.id.toLowerCase()));
      for (const r of pending) {
        if (results.get(r.id.toLowerCase())?.status === 424 && (r.dependsOn ?? []).some((d) => again.has(d.toLowerCase()))) again.add(r.id.toLowerCase());
      }
      await clock.sleep(wait, options.signal);
      pending = pending.filter((r) => again.has(r.id.toLowerCase()));
    }
  }
  return requests.map((r) => {
    const res = results.get(r.id.toLowerCase());
    if (!res) throw new ProtocolError(`$batch response is missing request ${r.id}`, { provider: 'graph' });
    return res;
  });
}
