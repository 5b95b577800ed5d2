import type { SimResult } from '../sim/types.js';
import { graphError } from './graph-errors.js';
import { select } from './present.js';
import { jsonBody, type GraphReq, type GraphRouter } from './router.js';
import { calendarJson, newId, type Mailbox } from './state.js';

function present(req: GraphReq, cal: Record<string, unknown>): Record<string, unknown> {
  const { groupId: _g, ...rest } = cal;
  return select(req, { '@odata.etag': `W/"${String(rest['changeKey'])}"`, ...rest });
}

function requireCalendar(box: Mailbox, id: string) {
  const cal = box.calendars.get(id);
  if (!cal) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return cal;
}

function list(req: GraphReq, items: Record<string, unknown>[]): SimResult {
  return { body: { '@odata.context': `${req.apiBase}/$metadata#Collection`, value: items.map((c) => present(req, c)) } };
}

/** calendars and calendarGroups (calendar-*.md, calendargroup-*.md, user-list-calendars.md). */
export function calendarRoutes(router: GraphRouter): void {
  router.on('GET', 'calendar', (req, box) => ({ body: present(req, requireCalendar(box, box.defaultCalendarId)) }));
  router.on('GET', 'calendars', (req, box) => list(req, [...box.calendars.values()]));
  router.on('POST', 'calendars', (req, box) => {
    const body = jsonBody(req) ?? {};
    if (typeof body['name'] !== 'string' || !body['name']) throw graphError(400, 'ErrorInvalidParameter', 'The calendar name is required.');
    for (const c of box.calendars.values()) {
      if (c['name'] === body['name']) throw graphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    const group = [...box.groups.keys()][0] as string;
    const cal = { ...calendarJson(newId('AAMkAGcal'), body['name'], box.user, group), ...pick(body, ['color', 'hexColor']) };
    box.calendars.set(cal.id, cal);
    return { status: 201, body: present(req, cal) };
  });
  router.on('GET', 'calendars/:id', (req, box, p) => ({ body: present(req, requireCalendar(box, p['id'] as string)) }));
  router.on('PATCH', 'calendars/:id', (req, box, p) => {
    const cal = requireCalendar(box, p['id'] as string);
    Object.assign(cal, pick(jsonBody(req) ?? {}, ['name', 'color']), { changeKey: newId('ck') });
    return { body: present(req, cal) };
  });
  router.on('DELETE', 'calendars/:id', (req, box, p) => {
    const cal = requireCalendar(box, p['id'] as string);
    if (cal.id === box.defaultCalendarId) throw graphError(400, 'ErrorInvalidRequest', 'The default calendar cannot be deleted.');
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== `W/"${String(cal['changeKey'])}"`) throw graphError(412, 'ErrorIrresolvableConflict', 'The change key does not match.');
    box.calendars.delete(cal.id);
    for (const [id, ev] of box.events) if (ev.calendarId === cal.id) box.events.delete(id);
    return { status: 204 };
  });
  router.on('GET', 'calendarGroups', (req, box) => list(req, [...box.groups.values()]));
  router.on('POST', 'calendarGroups', (req, box) => {
    const body = jsonBody(req) ?? {};
    if (typeof body['name'] !== 'string') throw graphError(400, 'ErrorInvalidParameter', 'The group name is required.');
    const group = { id: newId('AAMkAGgrp'), name: body['name'], classId: crypto.randomUUID(), changeKey: newId('ck') };
    box.groups.set(group.id, group);
    return { status: 201, body: present(req, group) };
  });
  router.on('DELETE', 'calendarGroups/:id', (_req, box, p) => {
    if (!box.groups.delete(p['id'] as string)) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return { status: 204 };
  });
  router.on('GET', 'calendarGroups/:id/calendars', (req, box, p) => {
    if (!box.groups.has(p['id'] as string)) throw graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return list(req, [...box.calendars.values()].filter((c) => c.groupId === p['id']));
  });
}

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
