import { jsCalendarToICal } from './convert/index.js';
import type { JSCalendarEvent } from './types/jscalendar.js';

/**
 * A calendar event as read over JMAP: its server id, the raw JSCalendar object, and an iCalendar view.
 * @public
 */
export class JMAPCalendarObject {
  /** Server id (Cyrus 3.10: `E-<uid>`). */
  readonly id: string;
  /** The JSCalendar object exactly as the server returned it. */
  readonly data: JSCalendarEvent;
  constructor(data: JSCalendarEvent) {
    this.id = String(data.id ?? '');
    this.data = data;
  }
  /** iCalendar `UID`. */
  get uid(): string | undefined {
    return this.data.uid;
  }
  /** Title (`SUMMARY`). */
  get title(): string | undefined {
    return this.data.title;
  }
  /** Ids of the calendars the event is in. */
  get calendarIds(): string[] {
    return Object.keys(this.data.calendarIds ?? {});
  }
  /** The event as a VCALENDAR text (RFC 5545), converted per the JSCalendar ↔ iCalendar mapping. */
  toICal(): string {
    return jsCalendarToICal(this.data);
  }
}
