
import type { FetchLike } from '@cal/core';

/** One entry of the key endpoint (`/.well-known/webhook-keys`, reference §4.5). @public */
export interface WebhookKey {
  readonly id?: string;
  readonly alg?: string;
  readonly key: string;
  readonly status?: string;
}

/** Options of {@link createWebhookKeyCache}. @public */
export interface WebhookKeyCacheOptions {
  /** Clock in epoch ms (tests). @default Date.now */
  now?: () => number;
  /** Fetch for the key endpoint. @default globalThis.fetch */
  fetch?: FetchLike;
}

/**
 * Per-URL cache of webhook public keys with the official SDKs' rules (reference §4.5): honour
 * `Cache-Control: max-age` (default 1 h, capped at 24 h); fetch timeout 10 s; at most one fetch
 * per URL per 60 s; concurrent fetches share one request; the last good keys survive a failed fetch.
 * @public
 */
export interface WebhookKeyCache {
  /** Keys for `url`, fetched when missing or stale (subject to the 60 s limit). */
  get(url: string): Promise<readonly string[]>;
  /** Fetches again if the 60 s limit allows (after a signature miss); returns the keys then held. */
  refresh(url: string): Promise<readonly string[]>;
  /** Forgets everything. */
  clear(): void;
}

const DEFAULT_MAX_AGE = 3600;
const MAX_MAX_AGE = 86_400;
const MIN_INTERVAL_MS = 60_000;
const FETCH_TIMEOUT_MS = 10_000;

interface Entry {
  keys: readonly string[];
  expiresAt: number;
  lastAttempt: number;
  inflight?: Promise<readonly string[]> | undefined;
}

/** Creates an independent key cache. @public */
export function createWebhookKeyCache(options: WebhookKeyCacheOptions = {}): WebhookKeyCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  function fetchKeys(url: string, entry: Entry): Promise<readonly string[]> {
    entry.inflight ??= (async () => {
      entry.lastAttempt = now();
      try {
        const f = options.fetch ?? (globalThis.fetch as FetchLike);
        const res = await f(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        if (!res.ok) return entry.keys;
        const body = (await res.json()) as { keys?: unknown };
        const keys = parseKeys(body);
        entry.keys = keys;
        entry.expiresAt = now() + maxAge(res.headers.get('cache-control')) * 1000;
        return keys;
      } catch {
        // Keep the last good keys; the 60 s limit stops a dead endpoint from being hammered.
        return entry.keys;
      } finally {
        entry.inflight = undefined;
      }
    })();
    return entry.inflight;
  }

  function entryOf(url: string): Entry {
    let e = entries.get(url);
    if (!e) {
      e = { keys: [], expiresAt: 0, lastAttempt: -Infinity };
      entries.set(url, e);
    }
    return e;
  }

  return {
    async get(url) {
      const e = entryOf(url);
      if (e.inflight) return e.inflight;
      if (e.keys.length && e.expiresAt > now()) return e.keys;
      if (now() - e.lastAttempt < MIN_INTERVAL_MS) return e.keys;
      return fetchKeys(url, e);
    },
    async refresh(url) {
      const e = entryOf(url);
      if (e.inflight) return e.inflight;
      if (now() - e.lastAttempt < MIN_INTERVAL_MS) return e.keys;
      return fetchKeys(url, e);
    },
    clear: () => entries.clear(),
  };
}

/** Keeps entries whose `key` starts with `whpk_` and whose `alg` is absent or `ed25519` (any case). */
function parseKeys(body: { keys?: unknown } | null): string[] {
  const list = Array.isArray(body?.keys) ? body.keys : [];
  const out: string[] = [];
  for (const k of list as WebhookKey[]) {
    if (!k || typeof k.key !== 'string' || !k.key.startsWith('whpk_')) continue;
    if (k.alg !== undefined && String(k.alg).toLowerCase() !== 'ed25519') continue;
    out.push(k.key);
  }
  return out;
}

function maxAge(header: string | null): number {
  const m = header ? /max-age=(\d+)/i.exec(header) : null;
  const v = m ? Number(m[1]) : DEFAULT_MAX_AGE;
  return Math.min(Number.isFinite(v) ? v : DEFAULT_MAX_AGE, MAX_MAX_AGE);
}

/** The process-wide cache `verifyWebhook` uses unless given another. @internal */
export const sharedKeyCache: WebhookKeyCache = /* @__PURE__ */ createWebhookKeyCache();

