import { ValidationError, isCalError } from '@cal/core';
import { bad } from './errors.js';
import { getProperty, parseICalendar, readDateTime, toDate, type ICalComponent } from '@cal/ical';

/**
 * Checks iCalendar text before it is sent (RFC 4791 §4.1 calendar object resource rules): it must
 * parse, hold VEVENT/VTODO/VJOURNAL components sharing one UID, each with DTSTART where required
 * and an end not before the start. Throws ValidationError; returns the parsed tree.
 */
export function validateCalendarData(text: unknown, operation: string): ICalComponent {
  if (typeof text !== 'string') throw bad(operation, 'data', 'invalid', 'Calendar data must be iCalendar text');
  let cal: ICalComponent;
  try {
    cal = parseICalendar(text);
  } catch (e) {
    if (isCalError(e) && e instanceof ValidationError) throw new ValidationError(e.message, { operation, details: e.details });
    throw e;
  }
  const items = cal.components.filter((c) => c.name === 'VEVENT' || c.name === 'VTODO' || c.name === 'VJOURNAL');
  const fail = (field: string, key: string, description: string): never => {
    throw bad(operation, field, key, `Invalid calendar object: ${description}`);
  };
  if (!items.length) fail('data', 'required', 'no VEVENT, VTODO or VJOURNAL component');
  const uids = new Set(items.map((c) => getProperty(c, 'UID')?.value));
  if (uids.has(undefined) || uids.has('')) fail('uid', 'required', 'every component needs a UID');
  if (uids.size > 1) fail('uid', 'invalid', 'all components of one resource must share the UID (RFC 4791 §4.1)');
  if (new Set(items.map((c) => c.name)).size > 1) fail('data', 'invalid', 'one resource holds one component type (RFC 4791 §4.1)');
  for (const c of items) {
    let start;
    let end;
    try {
      start = readDateTime(getProperty(c, 'DTSTART'));
      end = readDateTime(getProperty(c, c.name === 'VTODO' ? 'DUE' : 'DTEND'));
    } catch (e) {
      if (e instanceof ValidationError) fail('dtstart', 'invalid', e.message);
      throw e;
    }
    if (c.name === 'VEVENT' && !start && !getProperty(c, 'RECURRENCE-ID')) fail('start', 'required', 'a VEVENT needs DTSTART');
    if (start && end) {
      let s: number | undefined;
      let en: number | undefined;
      try {
        s = toDate(start).getTime();
        en = toDate(end).getTime();
      } catch {
        /* unknown TZID: let the server judge */
      }
      if (s !== undefined && en !== undefined && (c.name === 'VEVENT' ? en <= s && !(en === s && !start.isDate) : en < s))
        fail('end', 'end_before_start', 'end must not be before start');
    }
  }
  return cal;
}
