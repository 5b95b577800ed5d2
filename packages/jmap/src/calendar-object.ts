import { lazy } from './lazy.js';
import type { JSCalendarEvent } from './types/jscalendar.js';

// The JSCalendar → iCalendar converter (with @cal/ical) is loaded on the first toICal(): every read
// returns this class, so a static import would put the converter into every app (about 3 KB gzipped).
const converter = lazy(() => import('./convert/jscal-to-ical.js'));

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
  /**
   * The event as VCALENDAR text (RFC 5545), converted per the JSCalendar ↔ iCalendar mapping.
   * Asynchronous because the converter is loaded on first use; for a synchronous conversion import
   * it: `import { jsCalendarToICal } from '@cal/jmap/ical'` and call `jsCalendarToICal(obj.data)`.
   */
  async toICal(): Promise<string> {
    return (await converter()).jsCalendarToICal(this.data);
  }
}
