import { ProtocolError, isCalError } from '@cal/core';
import {
  getProperty,
  mainComponent,
  parseICalendar,
  readDateTime,
  readText,
  serializeICalendar,
  toDate,
  type ICalComponent,
} from '@cal/ical';
import { later } from './on-demand.js';
import type { DavTransport } from './transport.js';
import { validateCalendarData } from './validate.js';

/** Facts about an expanded occurrence (`cal.events({ expand: true })`). @public */
export interface OccurrenceInfo {
  /** RECURRENCE-ID value, absent for a non-recurring event. */
  recurrenceId?: string;
  start: Date;
  end: Date;
  allDay: boolean;
}

/**
 * One calendar object resource (RFC 4791 §4.1): an event, todo or journal, possibly recurring,
 * stored at `url` with ETag `etag`. Edit `data` (or {@link CalendarObject.setComponent}) then
 * {@link CalendarObject.save}; the write is conditional, so a concurrent change is a
 * `ConflictError`, never a silent overwrite.
 * @public
 */
export class CalendarObject {
  /** Absolute URL of the resource. */
  url: string;
  /** Current ETag (quoted, as the server sent it); undefined when the server did not say. */
  etag: string | undefined;
  /** RFC 6638 §3.2.10 Schedule-Tag of a scheduling object, when the server sent one (Cyrus). */
  scheduleTag: string | undefined;
  /** Set for objects produced by expansion: one per occurrence. */
  readonly occurrence: OccurrenceInfo | undefined;
  #data: string;
  #component: ICalComponent | undefined;
  readonly #dav: DavTransport;

  /** @internal */
  constructor(dav: DavTransport, url: string, etag: string | undefined, data: string, occurrence?: OccurrenceInfo, component?: ICalComponent) {
    this.#dav = dav;
    this.url = url;
    this.etag = etag;
    this.#data = data;
    this.occurrence = occurrence;
    this.#component = component;
  }

  /** iCalendar text of the resource. Assigning validates it (ValidationError) before anything is sent. */
  get data(): string {
    return this.#data;
  }
  set data(text: string) {
    this.#component = validateCalendarData(text, 'CalendarObject.data');
    this.#data = text;
  }

  /** Parsed VCALENDAR (lazily; server data that is not iCalendar is a ProtocolError). */
  get component(): ICalComponent {
    if (!this.#component) {
      try {
        this.#component = parseICalendar(this.#data);
      } catch (cause) {
        throw new ProtocolError('The server returned calendar data that is not valid iCalendar', { provider: 'caldav', url: this.url, cause, body: this.#data.slice(0, 512) });
      }
    }
    return this.#component;
  }

  /** Replaces the content with a component tree (validated). */
  setComponent(cal: ICalComponent): void {
    const text = serializeICalendar(cal);
    this.data = text;
  }

  /** The main VEVENT/VTODO/VJOURNAL (the master when recurring). */
  get item(): ICalComponent | undefined {
    return mainComponent(this.component);
  }
  /** `VEVENT`, `VTODO`, `VJOURNAL`… */
  get kind(): string | undefined {
    return this.item?.name;
  }
  /** UID of the object. */
  get uid(): string | undefined {
    return this.item ? getProperty(this.item, 'UID')?.value : undefined;
  }
  /** SUMMARY, unescaped. */
  get summary(): string | undefined {
    return this.item ? readText(getProperty(this.item, 'SUMMARY')) : undefined;
  }
  /** Start instant (occurrence start for expanded objects). */
  get start(): Date | undefined {
    if (this.occurrence) return this.occurrence.start;
    const dt = this.item ? readDateTime(getProperty(this.item, 'DTSTART')) : undefined;
    return dt ? toDate(dt) : undefined;
  }
  /** End instant (DTEND, or DUE for todos; occurrence end for expanded objects). */
  get end(): Date | undefined {
    if (this.occurrence) return this.occurrence.end;
    const it = this.item;
    const dt = it ? readDateTime(getProperty(it, 'DTEND') ?? getProperty(it, 'DUE')) : undefined;
    return dt ? toDate(dt) : undefined;
  }

  /**
   * Writes the object back with `If-Match: <etag>` (or `If-None-Match: *` when it has no ETag yet).
   * 201/204/200 are all success (Radicale answers updates with 201, servers.md §A.2). A 412,
   * 409, 403 precondition or 207-wrapped 412 becomes `ConflictError` and nothing is overwritten.
   */
  async save(): Promise<this> {
    validateCalendarData(this.#data, 'CalendarObject.save');
    return this.occurrence?.recurrenceId ? this.#editSeries('save') : this.#put(this.#data);
  }

  async #put(data: string, useScheduleTag = false): Promise<this> {
    // An attendee's reply is conditional on the Schedule-Tag (RFC 6638 §3.2.10), which does not
    // change when the server merely records other attendees' replies; every other write uses the ETag.
    const headers: Record<string, string> =
      useScheduleTag && this.scheduleTag ? { 'if-schedule-tag-match': this.scheduleTag } : this.etag ? { 'if-match': this.etag } : { 'if-none-match': '*' };
    const reply = await this.#dav.send('PUT', this.url, {
      body: data,
      contentType: 'text/calendar; charset=utf-8',
      headers,
      idempotent: false,
    });
    // A 207 to a PUT is never success: Xandikos wraps a 412 no-uid-conflict in one (servers.md §B.2).
    if (reply.status === 207 || reply.status < 200 || reply.status > 299) throw await this.#dav.writeError(reply, 'PUT', 'Saving the calendar object');
    this.scheduleTag = reply.headers.get('schedule-tag') ?? undefined;
    this.etag = reply.headers.get('etag') ?? (await this.#fetchEtag());
    return this;
  }

  /**
   * Saves (as a RECURRENCE-ID override) or deletes (as an EXDATE) this occurrence of a series
   * with If-Match on the series; see object-edits.ts, loaded on demand.
   */
  async #editSeries(mode: 'save' | 'delete'): Promise<this> {
    await later('editSeries', this, this.#dav, mode, (d) => this.#put(d));
    return this;
  }

  /** Deletes the resource with `If-Match` (a 412 is a ConflictError: someone changed it meanwhile). */
  async delete(): Promise<void> {
    if (this.occurrence?.recurrenceId) await this.#editSeries('delete');
    else await later('deleteObject', this, this.#dav);
  }

  /**
   * Marks a todo as done (STATUS:COMPLETED, COMPLETED, PERCENT-COMPLETE:100) and saves it.
   * A recurring todo (RRULE) is advanced instead: DTSTART/DUE move to the next recurrence, a
   * COUNT is decreased by one, and the todo stays open — unless the rule is exhausted, then it is
   * completed (python-caldav's "thisandfuture" mode, RFC 5545 §3.8.5.3).
   */
  async complete(at: Date = new Date()): Promise<this> {
    await later('complete', this, at);
    return this;
  }

  /**
   * Answers an invitation (RFC 6638 §3.2.2): sets the PARTSTAT of your ATTENDEE line in every
   * component and saves with If-Match. A scheduling server (Cyrus) then sends the REPLY to the
   * organizer. `as` is your calendar address; by default the principal's
   * calendar-user-address-set (discovered by `client.principal()`).
   */
  async respond(partstat: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE', options: { as?: string } = {}): Promise<this> {
    await later('respond', this, this.#dav, partstat, options.as, (d, tag) => this.#put(d, tag));
    return this;
  }
  /** `respond('ACCEPTED')`. */
  accept(options: { as?: string } = {}): Promise<this> {
    return this.respond('ACCEPTED', options);
  }
  /** `respond('DECLINED')`. */
  decline(options: { as?: string } = {}): Promise<this> {
    return this.respond('DECLINED', options);
  }

  /** Re-reads the resource (GET) and updates data and ETag. */
  async refresh(): Promise<this> {
    const reply = await this.#dav.send('GET', this.url, { headers: { accept: 'text/calendar, */*;q=0.5' } });
    if (reply.status < 200 || reply.status > 299) throw await this.#dav.error(reply, 'GET');
    this.#data = reply.text;
    this.#component = undefined;
    this.etag = reply.headers.get('etag') ?? undefined;
    this.scheduleTag = reply.headers.get('schedule-tag') ?? undefined;
    return this;
  }

  async #fetchEtag(): Promise<string | undefined> {
    // Some servers omit ETag when they rewrote the data (RFC 4791 §5.3.4); ask for it so the next
    // save stays conditional.
    try {
      const r = await this.#dav.send('HEAD', this.url);
      return r.headers.get('etag') ?? undefined;
    } catch (e) {
      if (isCalError(e)) return undefined;
      throw e;
    }
  }
}
