/**
 * The provider-agnostic event shape every `@cal/*` provider can convert its own model to (each
 * package exports a `toCommonEvent`). It carries what a scheduling product shows and compares
 * across calendars; everything else stays in `raw`, so nothing is lost.
 *
 * Times are kept as the provider gave them (wall-clock time plus zone, or an instant) rather than
 * normalised to UTC: converting a floating or zoned time to an instant needs the zone's rules,
 * and a wrong guess would move meetings.
 * @public
 */
export interface CommonEvent<Raw = unknown> {
  /** Which package produced it: `caldav`, `jmap`, `graph`, `cronofy`, `mobiscroll`, `syncserver`. */
  readonly provider: string;
  /** The provider's id of this event (the object URL for CalDAV). */
  readonly id: string;
  /** The calendar it belongs to, when the provider says. */
  readonly calendarId?: string | undefined;
  /** iCalendar `UID` (RFC 5545 §3.8.4.7): the same meeting has it in every attendee's calendar. */
  readonly uid?: string | undefined;
  readonly title: string;
  readonly description?: string | undefined;
  readonly location?: string | undefined;
  readonly start: CommonDateTime;
  readonly end?: CommonDateTime | undefined;
  /** A whole-day event: `start`/`end` are dates (`YYYY-MM-DD`), `end` exclusive. */
  readonly allDay: boolean;
  readonly status?: 'confirmed' | 'tentative' | 'cancelled' | undefined;
  /** True for a series master or an occurrence of one. */
  readonly recurring?: boolean | undefined;
  readonly organizer?: CommonParticipant | undefined;
  readonly attendees?: readonly CommonParticipant[] | undefined;
  /** Version tag for conflict-safe updates (HTTP ETag, JMAP state or change key). */
  readonly etag?: string | undefined;
  /** Last modification, RFC 3339, when the provider says. */
  readonly updated?: string | undefined;
  /** The provider's own object, untouched. */
  readonly raw: Raw;
}

/**
 * A point in time as the provider expressed it.
 * @public
 */
export interface CommonDateTime {
  /**
   * RFC 3339. With `timeZone`: a wall-clock date-time in that zone, without offset
   * (`2026-03-01T09:00:00`). Without: an instant with `Z` or an offset, or a floating time. For
   * all-day events a date (`2026-03-01`).
   */
  readonly dateTime: string;
  /** IANA zone id (Windows zone names are mapped where known), when the time is zoned. */
  readonly timeZone?: string | undefined;
}

/**
 * An organizer or attendee.
 * @public
 */
export interface CommonParticipant {
  readonly email?: string | undefined;
  readonly name?: string | undefined;
  /** Participation status, from iCalendar PARTSTAT / JSCalendar participationStatus / Graph response. */
  readonly status?: 'accepted' | 'declined' | 'tentative' | 'needs-action' | 'delegated' | undefined;
}
