// Principal.makeCalendar, loaded on demand (see on-demand.ts).
import type { Calendar } from './calendar.js';
import { calendarSetProps, mkcolProps, setBody } from './dav/write-bodies.js';
import type { Kit } from './on-demand.js';
import type { MakeCalendarOptions, Principal } from './principal.js';
import type { DavTransport } from './transport.js';

/**
 * MKCALENDAR (RFC 4791 §5.3.1), falling back to extended MKCOL (RFC 5689) when MKCALENDAR is not
 * implemented (405/501). An existing collection is a ConflictError: Radicale answers 409, Cyrus
 * 403, Xandikos a 207 with 403 `resource-must-be-null` (servers.md §A.2).
 */
export async function makeCalendar(k: Kit, p: Principal, dav: DavTransport, options: MakeCalendarOptions): Promise<Calendar> {
  if (!options || typeof options.name !== 'string' || !options.name.trim())
    throw k.bad('makeCalendar', 'name', 'required', 'makeCalendar needs a non-empty name');
  if (options.id !== undefined && (typeof options.id !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(options.id)))
    throw k.bad('makeCalendar', 'id', 'invalid', 'id must be 1-100 characters of A-Z a-z 0-9 . _ -');
  const url = new URL(`${options.id ?? globalThis.crypto.randomUUID()}/`, p.calendarHomeUrl).href;
  const fields = {
    displayName: options.name,
    components: options.components ?? ['VEVENT', 'VTODO'],
    ...(options.color !== undefined ? { color: options.color } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  };
  const props = calendarSetProps(k, fields);
  let reply = await dav.send('MKCALENDAR', url, { body: setBody(k, 'c:mkcalendar', props), idempotent: false });
  if (reply.status === 405 || reply.status === 501) {
    reply = await dav.send('MKCOL', url, { body: setBody(k, 'd:mkcol', mkcolProps(props)), idempotent: false });
    if (reply.status === 405) throw new k.ConflictError('A resource already exists at that URL', { provider: 'caldav', method: 'MKCOL', url, status: 405 });
  }
  if (reply.status === 207 || reply.status < 200 || reply.status > 299) throw await dav.writeError(reply, 'MKCALENDAR', 'Creating the calendar');
  return new k.Calendar(dav, url, fields);
}
