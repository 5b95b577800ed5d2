import { WebhookVerificationError, type WebhookVerificationReason } from '../errors.js';
import { toEvent, toTime, type CalendarEvent, type Provider } from '../models.js';
import type { FetchLike } from '@cal/core';
import { decodeBase64 } from './base64.js';
import { importPublicKey } from './public-keys.js';
import { createWebhookKeyCache, sharedKeyCache, type WebhookKeyCache } from './key-cache.js';

/** Signature tolerance of the official SDKs, seconds, both directions (reference §4.5). @public */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Headers as frameworks hand them over: a `Headers`, or a record (any case; arrays use the first value). @public */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Input of {@link verifyWebhook}. Give `keys`, or `keysUrl` (fetched and cached per §4.5), or both. @public */
export interface VerifyWebhookOptions {
  headers: WebhookHeaders;
  /** The body exactly as received (never re-serialised JSON). */
  rawBody: string | Uint8Array | ArrayBuffer;
  /** `whpk_…` public keys to try. */
  keys?: readonly string[];
  /** Key endpoint, e.g. `https://connect.mobiscroll.com/.well-known/webhook-keys`. */
  keysUrl?: string;
  /** Pinned key(s) used only when no keys could be fetched from `keysUrl` (never merged). */
  fallbackKeys?: readonly string[];
  /** Verifier clock: Unix seconds or a Date. @default now */
  now?: number | Date;
  /** @default 300 */
  toleranceSeconds?: number;
  /** Key cache for `keysUrl`. @default one process-wide cache */
  keyCache?: WebhookKeyCache;
  /** Fetch for `keysUrl` when no `keyCache` is given (a private cache is made for it). */
  fetch?: FetchLike;
}

/** A changed event in a delivery. @public */
export type WebhookEvent = CalendarEvent & { readonly changeType?: 'created' | 'updated' | 'deleted' };

/** A verified delivery (reference §4.4); unknown top-level fields are kept in `raw`. @public */
export interface WebhookDelivery {
  /** `webhook-id` header: dedupe on it. */
  readonly id: string;
  readonly provider?: Provider;
  readonly userId?: string;
  readonly calendarId?: string;
  readonly events: readonly WebhookEvent[];
  readonly changeType?: 'created' | 'updated' | 'deleted' | 'mixed';
  readonly timestamp?: Date;
  readonly metadata?: Readonly<{ channelId?: string; eventCount?: number; isInitialSync?: boolean }>;
  /** The parsed JSON body. */
  readonly raw: Readonly<Record<string, unknown>>;
}

const encoder = new TextEncoder();
const fetchCaches = new WeakMap<FetchLike, WebhookKeyCache>();

function fail(reason: WebhookVerificationReason, message: string): never {
  throw new WebhookVerificationError(reason, message);
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).forEach === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (k.toLowerCase() !== name) continue;
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/**
 * Verifies a Connect webhook delivery: Standard Webhooks with `v1a` Ed25519 signatures over
 * `"{webhook-id}.{webhook-timestamp}." + raw body`, ±300 s, any `v1a` entry with any key (dual
 * signing during rotation; `v1` HMAC entries are skipped). With `keysUrl`, keys are fetched and cached
 * as the official SDKs do, and re-fetched once after a miss (60 s limit). Resolves to the parsed
 * delivery; rejects with {@link WebhookVerificationError} (`reason`).
 * @example
 * ```ts
 * const delivery = await verifyWebhook({ headers: req.headers, rawBody, keysUrl: 'https://connect.mobiscroll.com/.well-known/webhook-keys' });
 * ```
 * @public
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookDelivery> {
  const { headers, rawBody } = options;
  const bytes =
    typeof rawBody === 'string' ? encoder.encode(rawBody)
    : rawBody instanceof Uint8Array ? rawBody
    : rawBody instanceof ArrayBuffer ? new Uint8Array(rawBody)
    : fail('invalid_payload', 'rawBody must be the raw string or bytes of the request body');
  const id = header(headers ?? {}, 'webhook-id');
  const ts = header(headers ?? {}, 'webhook-timestamp');
  const sig = header(headers ?? {}, 'webhook-signature');
  if (!id || !ts || !sig) fail('missing_headers', 'webhook-id, webhook-timestamp and webhook-signature are required');
  if (!/^\d+$/.test(ts)) fail('invalid_timestamp', 'webhook-timestamp must be Unix seconds');
  const now = options.now === undefined ? Date.now() / 1000 : options.now instanceof Date ? options.now.getTime() / 1000 : options.now;
  const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(Math.floor(now) - Number(ts)) > tolerance) fail('timestamp_out_of_tolerance', `webhook-timestamp is more than ${tolerance} s away`);

  const signatures = sig
    .split(' ')
    .filter((e) => e.startsWith('v1a,'))
    .map((e) => decodeBase64(e.slice(4)))
    .filter((s): s is Uint8Array<ArrayBuffer> => s?.length === 64);
  const signed = new Uint8Array([...encoder.encode(`${id}.${ts}.`), ...bytes]);

  const cache = options.keyCache ?? (options.fetch ? cacheFor(options.fetch) : sharedKeyCache);
  const keysFor = async (fresh: boolean): Promise<readonly string[]> => {
    const keys = [...(options.keys ?? [])];
    if (options.keysUrl) {
      const fetched = await (fresh ? cache.refresh(options.keysUrl) : cache.get(options.keysUrl));
      keys.push(...(fetched.length ? fetched : options.fallbackKeys ?? []));
    } else if (!keys.length) keys.push(...(options.fallbackKeys ?? []));
    return keys;
  };

  let outcome = await check(await keysFor(false), signatures, signed);
  if (outcome !== 'ok' && options.keysUrl) outcome = await check(await keysFor(true), signatures, signed);
  if (outcome === 'no_public_keys') fail('no_public_keys', 'No usable webhook public key');
  if (outcome === 'no_matching_signature') fail('no_matching_signature', 'No v1a signature matches the public keys');
  return parseDelivery(id, bytes);
}

function cacheFor(f: FetchLike): WebhookKeyCache {
  let c = fetchCaches.get(f);
  if (!c) fetchCaches.set(f, (c = createWebhookKeyCache({ fetch: f })));
  return c;
}

async function check(keys: readonly string[], signatures: readonly Uint8Array<ArrayBuffer>[], signed: Uint8Array<ArrayBuffer>): Promise<'ok' | WebhookVerificationReason> {
  const imported = (await Promise.all(keys.map(importPublicKey))).filter((k): k is CryptoKey => k !== undefined);
  if (!imported.length) return 'no_public_keys';
  for (const s of signatures) {
    for (const k of imported) {
      if (await crypto.subtle.verify({ name: 'Ed25519' }, k, s, signed)) return 'ok';
    }
  }
  return 'no_matching_signature';
}

function parseDelivery(id: string, bytes: Uint8Array): WebhookDelivery {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    fail('invalid_payload', 'Body is not JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('invalid_payload', 'Body is not a JSON object');
  const b = raw as Record<string, unknown>;
  const provider = typeof b.provider === 'string' ? (b.provider as Provider) : undefined;
  const calendarId = typeof b.calendarId === 'string' ? b.calendarId : undefined;
  const events = (Array.isArray(b.events) ? b.events : []).map((e: Record<string, unknown>) => {
    // Python SDK: an event without provider/calendarId inherits the delivery's.
    const ev = toEvent({ provider, calendarId, ...e } as Parameters<typeof toEvent>[0]);
    return Object.freeze(e.changeType ? { ...ev, changeType: e.changeType } : ev) as WebhookEvent;
  });
  const ts = typeof b.timestamp === 'string' ? toTime(b.timestamp) : undefined;
  const out: Record<string, unknown> = { id, events: Object.freeze(events), raw: Object.freeze(b) };
  if (provider) out.provider = provider;
  if (typeof b.userId === 'string') out.userId = b.userId;
  if (calendarId) out.calendarId = calendarId;
  if (typeof b.changeType === 'string') out.changeType = b.changeType;
  if (ts instanceof Date) out.timestamp = ts;
  if (b.metadata && typeof b.metadata === 'object') out.metadata = Object.freeze({ ...(b.metadata as object) });
  return Object.freeze(out) as unknown as WebhookDelivery;
}
