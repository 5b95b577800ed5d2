import type { SimResult } from '../sim/types.js';
import { graphError } from './graph-errors.js';
import { pageSize, presentEvent, preferredZone } from './present.js';
import type { GraphReq, GraphRouter } from './router.js';
import type { GraphState, Mailbox } from './state.js';
import { parseWindowBound } from './time-zones.js';
import { viewRows } from './routes-events.js';

interface Window {
  userId: string;
  calendarId: string | undefined;
  from: number;
  to: number;
  path: string;
}

interface DeltaToken extends Window {
  /** Changes with a seq above this are new for the holder of the token. */
  seq: number;
}

interface SkipToken extends Window {
  items: Record<string, unknown>[];
  offset: number;
  seqAtStart: number;
}

/**
 * Delta query for calendarView (event-delta.md, delta-query-events.md): the first round needs the
 * window; pages chain with `$skiptoken` in `@odata.nextLink`; the last page carries `@odata.deltaLink`
 * with `$deltatoken`. Deleted events come back as `{id, "@removed": {reason: "deleted"}}`. Tokens the
 * server has evicted answer `410 Gone` with code `syncStateNotFound` (concepts/errors.md).
 */
export function deltaRoutes(router: GraphRouter, state: GraphState) {
  const deltaTokens = new Map<string, DeltaToken>();
  const skipTokens = new Map<string, SkipToken>();
  let n = 0;
  const token = (p: string) => `${p}${(++n).toString(36)}${Math.random().toString(36).slice(2, 10)}`;

  function page(req: GraphReq, skip: SkipToken): SimResult {
    const { size, applied } = pageSize(req);
    const items = skip.items.slice(skip.offset, skip.offset + size);
    const body: Record<string, unknown> = { '@odata.context': `${req.apiBase}/$metadata#Collection(event)`, value: items };
    const link = new URL(`${req.apiBase}${skip.path}`);
    if (skip.offset + size < skip.items.length) {
      const t = token('sk');
      skipTokens.set(t, { ...skip, offset: skip.offset + size });
      link.searchParams.set('$skiptoken', t);
      body['@odata.nextLink'] = link.toString();
    } else {
      const t = token('dt');
      deltaTokens.set(t, { userId: skip.userId, calendarId: skip.calendarId, from: skip.from, to: skip.to, path: skip.path, seq: skip.seqAtStart });
      link.searchParams.set('$deltatoken', t);
      body['@odata.deltaLink'] = link.toString();
    }
    return { body, ...(applied ? { headers: { 'preference-applied': applied } } : {}) };
  }

  function rowsSince(req: GraphReq, box: Mailbox, w: Window, seq: number): Record<string, unknown>[] {
    const zone = preferredZone(req);
    const out: Record<string, unknown>[] = [];
    for (const r of viewRows(box, w.from, w.to, w.calendarId)) {
      if (r.ev.seq <= seq) continue;
      out.push(presentEvent(req, r.ev, zone, r.occ ? { ...r.occ, start: r.start, end: r.end } : undefined));
    }
    for (const t of box.tombstones) {
      if (t.seq <= seq || (w.calendarId && t.calendarId !== w.calendarId)) continue;
      out.push({ '@odata.type': '#microsoft.graph.event', id: t.id, '@removed': { reason: 'deleted' } });
    }
    return out;
  }

  const handler = (req: GraphReq, box: Mailbox, calendarId?: string): SimResult => {
    const skip = req.query.get('$skiptoken');
    const delta = req.query.get('$deltatoken');
    const path = req.path.replace(/\?.*$/, '');
    if (skip) {
      const s = skipTokens.get(skip);
      if (!s || s.userId !== box.user.id) throw graphError(410, 'syncStateNotFound', 'The sync state generation is not found.', { location: `${req.apiBase}${path}` });
      return page(req, s);
    }
    if (delta) {
      const d = deltaTokens.get(delta);
      if (!d || d.userId !== box.user.id) {
        throw graphError(410, 'syncStateNotFound', 'The sync state generation is not found. Start a full synchronization.', { location: `${req.apiBase}${path}` });
      }
      const seqAtStart = state.seq;
      return page(req, { ...d, items: rowsSince(req, box, d, d.seq), offset: 0, seqAtStart });
    }
    const from = parseWindowBound(req.query.get('startDateTime'));
    const to = parseWindowBound(req.query.get('endDateTime'));
    if (Number.isNaN(from) || Number.isNaN(to)) {
      throw graphError(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
    }
    const w: Window = { userId: box.user.id, calendarId, from, to, path };
    return page(req, { ...w, items: rowsSince(req, box, w, -1).filter((i) => !('@removed' in i)), offset: 0, seqAtStart: state.seq });
  };

  router.on('GET', 'calendarView/delta()', (req, box) => handler(req, box));
  router.on('GET', 'calendarView/delta', (req, box) => handler(req, box));
  router.on('GET', 'calendar/calendarView/delta()', (req, box) => handler(req, box, box.defaultCalendarId));
  router.on('GET', 'calendars/:cal/calendarView/delta()', (req, box, p) => handler(req, box, p['cal']));

  return {
    /** Evicts every delta and skip token: the next use answers 410 syncStateNotFound. */
    expireDeltaTokens(): void {
      deltaTokens.clear();
      skipTokens.clear();
    },
    reset(): void {
      deltaTokens.clear();
      skipTokens.clear();
    },
  };
}
