import { graphError } from './graph-errors.js';
import { preferences, type GraphReq } from './router.js';
import { eventBounds, type Mailbox, type StoredEvent } from './state.js';
import { fromEpoch, ianaZone } from './time-zones.js';

/** The zone of `Prefer: outlook.timezone` (default UTC); 400 for a name Graph would not know. */
export function preferredZone(req: GraphReq): string {
  const tz = preferences(req).get('outlook.timezone');
  if (!tz) return 'UTC';
  if (!ianaZone(tz)) throw graphError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${tz}'.`);
  return tz;
}

/** Event JSON as Graph returns it: etag, start/end in the preferred zone, `$select` applied. */
export function presentEvent(req: GraphReq, ev: StoredEvent, zone = preferredZone(req), override?: { start: number; end: number; id: string; type: string }): Record<string, unknown> {
  const bounds = override ?? eventBounds(ev.data);
  const out: Record<string, unknown> = {
    '@odata.etag': `W/"${String(ev.data['changeKey'])}"`,
    ...ev.data,
    start: fromEpoch(bounds.start, zone),
    end: fromEpoch(bounds.end, zone),
  };
  if (override) {
    out['id'] = override.id;
    out['type'] = override.type;
    out['seriesMasterId'] = ev.data.id;
    out['recurrence'] = null;
  }
  return select(req, out);
}

/** Applies `$select` (a comma list, per OData); `id` and `@odata.etag` always come back. */
export function select(req: GraphReq, obj: Record<string, unknown>): Record<string, unknown> {
  const raw = req.query.get('$select');
  if (!raw) return obj;
  const keep = new Set(raw.split(',').map((s) => s.trim()));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k === 'id' || k.startsWith('@odata') || keep.has(k)) out[k] = v;
  return out;
}

/** Sorts by `$orderby` (`start/dateTime`, `subject`, … with `asc|desc`); default start ascending. */
export function orderEvents<T extends { start: number; data: Record<string, unknown> }>(req: GraphReq, rows: T[]): T[] {
  const order = (req.query.get('$orderby') ?? 'start/dateTime').split(',')[0]?.trim() ?? '';
  const [field = 'start/dateTime', dir = 'asc'] = order.split(/\s+/);
  const sign = dir.toLowerCase() === 'desc' ? -1 : 1;
  const key = (r: T): string | number => (field.startsWith('start') ? r.start : String(r.data[field] ?? ''));
  return rows.sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}

/** Looks an event up or answers Graph's 404. */
export function requireEvent(box: Mailbox, id: string): StoredEvent {
  const ev = box.events.get(id);
  if (!ev) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return ev;
}

/** Page size: `Prefer: odata.maxpagesize`, else `$top`, else Outlook's default of 10 (paging.md). */
export function pageSize(req: GraphReq): { size: number; applied: string | undefined } {
  const max = Number(preferences(req).get('odata.maxpagesize'));
  if (Number.isFinite(max) && max > 0) return { size: Math.min(max, 1000), applied: `odata.maxpagesize=${Math.min(max, 1000)}` };
  const top = Number(req.query.get('$top'));
  if (Number.isFinite(top) && top > 0) return { size: Math.min(top, 1000), applied: undefined };
  return { size: 10, applied: undefined };
}
