import type { CalendarEvent } from './models.js';

/**
 * One page of `GET /events` (Python `EventsListResponse`): iterable over its events, with
 * `hasMore` / `nextPageToken` for the next call.
 * @public
 */
export class EventsPage implements Iterable<CalendarEvent> {
  /** The events of this page, sorted by start across providers. */
  readonly events: readonly CalendarEvent[];
  /** Token for the next page; present only when more data exists. */
  readonly nextPageToken: string | undefined;
  /** Page size the server applied. */
  readonly pageSize: number | undefined;

  /** @internal */
  constructor(events: readonly CalendarEvent[], nextPageToken: string | undefined, pageSize: number | undefined) {
    this.events = Object.freeze(events);
    this.nextPageToken = nextPageToken;
    this.pageSize = pageSize;
    Object.freeze(this);
  }

  /** True when `nextPageToken` is set. */
  get hasMore(): boolean {
    return this.nextPageToken !== undefined;
  }

  /** Number of events on this page. */
  get length(): number {
    return this.events.length;
  }

  [Symbol.iterator](): Iterator<CalendarEvent> {
    return this.events[Symbol.iterator]();
  }
}
