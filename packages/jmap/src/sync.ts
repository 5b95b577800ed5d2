import { ProtocolError } from '@cal/core';
import type { Kit } from './on-demand.js';
import type { JMAPCalendarObject } from './calendar-object.js';
import type { Transport } from './transport.js';

/** Result of {@link JMAPClient.getObjectsBySyncToken}. @public */
export interface SyncResult {
  /** Events created since the token (as they are now). */
  readonly added: JMAPCalendarObject[];
  /** Events changed since the token (as they are now). */
  readonly modified: JMAPCalendarObject[];
  /** Ids of events destroyed since the token. */
  readonly deleted: string[];
  /** The state to pass next time: the FINAL state after all pages (python-caldav drops it). */
  readonly syncToken: string;
  /**
   * True when the server could not calculate changes from the token (`cannotCalculateChanges`,
   * RFC 8620 §5.2): `added` then holds EVERY event and the caller must replace its copy wholesale.
   */
  readonly fullResync: boolean;
  /** Number of HTTP requests the sync took (one per `hasMoreChanges` page). */
  readonly requests: number;
}

/** Options of {@link JMAPClient.getObjectsBySyncToken}. @public */
export interface SyncOptions {
  /** Page size hint for `CalendarEvent/changes` (`maxChanges`). */
  readonly maxChanges?: number;
  /** Safety cap on pages (default 1000). */
  readonly maxPages?: number;
  /** Cancels the requests. */
  readonly signal?: AbortSignal;
}

/**
 * Changes since `token`. Each page is ONE request: `CalendarEvent/changes` plus two `CalendarEvent/get`
 * calls whose `#ids` reference its `/created` and `/updated` (RFC 8620 §3.7). While `hasMoreChanges`
 * is true it keeps paging from `newState` and returns the final state (python-caldav raises there).
 * @internal
 */
export async function getObjectsBySyncToken(k: Kit, t: Transport, token: string, opts: SyncOptions = {}): Promise<SyncResult> {
  k.requireId(token, 'syncToken', 'getObjectsBySyncToken');
  if (opts.maxChanges !== undefined && !(Number.isInteger(opts.maxChanges) && opts.maxChanges > 0)) {
    throw k.invalid('maxChanges', 'getObjectsBySyncToken', 'must be a positive integer');
  }
  const send = opts.signal ? { signal: opts.signal } : {};
  // Page size: never more ids than one /get may take (RFC 8620 §2 maxObjectsInGet), so the two
  // referenced gets cannot fail with requestTooLarge.
  const maxChanges = opts.maxChanges ?? (await maxObjectsInGet(k, t, opts.signal));
  const created = new Set<string>();
  const updated = new Set<string>();
  const destroyed = new Set<string>();
  const objects = new Map<string, JMAPCalendarObject>();
  let since = token;
  let requests = 0;
  const maxPages = opts.maxPages ?? 1000;
  for (;;) {
    const ch = k.call('CalendarEvent/changes', { sinceState: since, ...(maxChanges ? { maxChanges } : {}) });
    const gc = k.call('CalendarEvent/get', { '#ids': ch.ref('/created') });
    const gu = k.call('CalendarEvent/get', { '#ids': ch.ref('/updated') });
    const res = await t.send([ch, gc, gu], send);
    requests++;
    const r = res.result(ch);
    if (!r.ok) {
      if (r.error instanceof k.JMAPMethodError && r.error.type === 'cannotCalculateChanges') return fullResync(k, t, requests, maxChanges, opts.signal);
      throw r.error;
    }
    const page = r.value;
    for (const id of page.created) created.add(id);
    for (const id of page.updated) if (!created.has(id)) updated.add(id);
    for (const id of page.destroyed) {
      objects.delete(id);
      updated.delete(id);
      // Created and destroyed within the window: the caller never saw it, report nothing.
      if (!created.delete(id)) destroyed.add(id);
    }
    for (const e of [...res.get(gc).list, ...res.get(gu).list]) {
      const o = new k.JMAPCalendarObject(e);
      objects.set(o.id, o);
    }
    if (!page.hasMoreChanges) {
      since = page.newState;
      break;
    }
    if (page.newState === since) {
      throw new ProtocolError('CalendarEvent/changes reported hasMoreChanges without advancing the state', { provider: k.PROVIDER, body: page });
    }
    since = page.newState;
    if (requests >= maxPages) throw new ProtocolError(`Sync did not finish within ${maxPages} pages`, { provider: k.PROVIDER });
  }
  const pick = (ids: Set<string>) => [...ids].map((id) => objects.get(id)).filter((o): o is JMAPCalendarObject => o !== undefined);
  return { added: pick(created), modified: pick(updated), deleted: [...destroyed], syncToken: since, fullResync: false, requests };
}

async function maxObjectsInGet(k: Kit, t: Transport, signal?: AbortSignal): Promise<number | undefined> {
  const core = (await t.getSession(signal)).capabilities['urn:ietf:params:jmap:core'] as { maxObjectsInGet?: unknown } | undefined;
  const n = Number(core?.maxObjectsInGet);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The token is unusable: read everything and flag a full resync. The state is read in the SAME request
 * as the first page, before the data, so changes made while paging show up in the next sync. Pages are
 * `CalendarEvent/query` + a `#ids` get, sized to `maxObjectsInGet`.
 */
async function fullResync(k: Kit, t: Transport, requests: number, pageSize: number | undefined, signal?: AbortSignal): Promise<SyncResult> {
  const send = signal ? { signal } : {};
  const limit = pageSize ?? 500;
  const added: JMAPCalendarObject[] = [];
  let state = '';
  for (let position = 0; ; position += limit) {
    const s = k.call('CalendarEvent/get', { ids: [] });
    const q = k.call('CalendarEvent/query', { position, limit, calculateTotal: true });
    const g = k.call('CalendarEvent/get', { '#ids': q.ref('/ids') });
    const res = await t.send(position === 0 ? [s, q, g] : [q, g], send);
    requests++;
    if (position === 0) state = res.get(s).state;
    const ids = res.get(q).ids;
    added.push(...res.get(g).list.map((e) => new k.JMAPCalendarObject(e)));
    if (ids.length < limit) break;
  }
  return { added, modified: [], deleted: [], syncToken: state, fullResync: true, requests };
}
