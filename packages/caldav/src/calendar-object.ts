import { ConflictError, NotFoundError, ProtocolError, isCalError } from '@cal/core';
import { bad } from './errors.js';
import {
  fromDate,
  formatDateTime,
  getProperty,
  mainComponent,
  nextRecurrence,
  removeProperty,
  parseICalendar,
  readDateTime,
  readText,
  serializeICalendar,
  setProperty,
  toDate,
  type ICalComponent,
  type ICalDateTime,
} from '@cal/ical';
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
    if (this.occurrence?.recurrenceId) return this.#editSeries('save');
    return this.#put(this.#data);
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
    if (reply.status === 207 || reply.status < 200 || reply.status > 299) throw this.#dav.writeError(reply, 'PUT', 'Saving the calendar object');
    this.scheduleTag = reply.headers.get('schedule-tag') ?? undefined;
    this.etag = reply.headers.get('etag') ?? (await this.#fetchEtag());
    return this;
  }

  /**
   * Edits one occurrence of a series (RFC 5545 §3.8.4.4): `save` stores this instance as a
   * RECURRENCE-ID override, `delete` removes the override and adds an EXDATE to the master. The
   * series is re-read first; if it changed since this occurrence was read (ETag differs), that is
   * a ConflictError — the series is written back with If-Match, never over someone else's change.
   */
  async #editSeries(mode: 'save' | 'delete'): Promise<this> {
    const reply = await this.#dav.send('GET', this.url, { headers: { accept: 'text/calendar, */*;q=0.5' } });
    if (reply.status < 200 || reply.status > 299) throw this.#dav.error(reply, 'GET');
    const etag = reply.headers.get('etag') ?? undefined;
    if (this.etag && etag && etag !== this.etag)
      throw new ConflictError('The recurring event changed on the server since this occurrence was read', { provider: 'caldav', url: this.url, providerCode: 'etag-mismatch' });
    let series: ICalComponent;
    try {
      series = parseICalendar(reply.text);
    } catch (cause) {
      throw new ProtocolError('The server returned calendar data that is not valid iCalendar', { provider: 'caldav', url: this.url, cause });
    }
    const inst = this.item!;
    const ridProp = getProperty(inst, 'RECURRENCE-ID')!;
    const rid = toDate(readDateTime(ridProp)!).getTime();
    const sameRid = (c: ICalComponent): boolean => {
      const p = getProperty(c, 'RECURRENCE-ID');
      if (!p) return false;
      try {
        return toDate(readDateTime(p)!).getTime() === rid;
      } catch {
        return p.value === ridProp.value;
      }
    };
    series.components = series.components.filter((c) => !sameRid(c));
    if (mode === 'save') {
      bumpSequence(inst);
      series.components.push(inst);
    } else {
      const master = series.components.find((c) => c.name === inst.name && !getProperty(c, 'RECURRENCE-ID'));
      if (master) master.properties.push({ name: 'EXDATE', params: { ...ridProp.params }, value: ridProp.value });
    }
    this.etag = etag;
    return this.#put(serializeICalendar(series));
  }

  /** Deletes the resource with `If-Match` (a 412 is a ConflictError: someone changed it meanwhile). */
  async delete(): Promise<void> {
    if (this.occurrence?.recurrenceId) {
      await this.#editSeries('delete');
      return;
    }
    const reply = await this.#dav.send('DELETE', this.url, { ...(this.etag ? { headers: { 'if-match': this.etag } } : {}), idempotent: false });
    if (reply.status === 404) throw new NotFoundError('The calendar object no longer exists', { provider: 'caldav', method: 'DELETE', url: this.url, status: 404 });
    if (reply.status === 207 || reply.status < 200 || reply.status > 299) throw this.#dav.writeError(reply, 'DELETE', 'Deleting the calendar object');
  }

  /**
   * Marks a todo as done (STATUS:COMPLETED, COMPLETED, PERCENT-COMPLETE:100) and saves it.
   * A recurring todo (RRULE) is advanced instead: DTSTART/DUE move to the next recurrence, a
   * COUNT is decreased by one, and the todo stays open — unless the rule is exhausted, then it is
   * completed (python-caldav's "thisandfuture" mode, RFC 5545 §3.8.5.3).
   */
  async complete(at: Date = new Date()): Promise<this> {
    const it = this.item;
    if (!it || it.name !== 'VTODO') throw bad('complete', 'kind', 'invalid', 'complete() is only for todos');
    const rrule = getProperty(it, 'RRULE');
    if (rrule) {
      const count = /(?:^|;)COUNT=(\d+)/i.exec(rrule.value);
      const startP = getProperty(it, 'DTSTART');
      const dueP = getProperty(it, 'DUE');
      const anchor = readDateTime(startP ?? dueP);
      const next = anchor && (!count || Number(count[1]) > 1) ? await nextRecurrence(it, anchor) : undefined;
      if (anchor && next) {
        const shift = wallSeconds(next) - wallSeconds(anchor);
        for (const p of [startP, dueP]) {
          if (!p) continue;
          const moved = shiftWall(readDateTime(p)!, shift);
          setProperty(it, { name: p.name, params: { ...p.params }, value: formatDateTime(moved) });
        }
        if (count) setProperty(it, { ...rrule, value: rrule.value.replace(/COUNT=\d+/i, `COUNT=${Number(count[1]) - 1}`) });
        setProperty(it, { name: 'STATUS', params: {}, value: 'NEEDS-ACTION' });
        removeProperty(it, 'COMPLETED');
        removeProperty(it, 'PERCENT-COMPLETE');
        bumpSequence(it);
        this.setComponent(this.component);
        return this.save();
      }
    }
    setProperty(it, { name: 'STATUS', params: {}, value: 'COMPLETED' });
    setProperty(it, { name: 'COMPLETED', params: {}, value: formatDateTime(fromDate(at)) });
    setProperty(it, { name: 'PERCENT-COMPLETE', params: {}, value: '100' });
    bumpSequence(it);
    this.setComponent(this.component);
    return this.save();
  }

  /**
   * Answers an invitation (RFC 6638 §3.2.2): sets the PARTSTAT of your ATTENDEE line in every
   * component and saves with If-Match. A scheduling server (Cyrus) then sends the REPLY to the
   * organizer. `as` is your calendar address; by default the principal's
   * calendar-user-address-set (discovered by `client.principal()`).
   */
  async respond(partstat: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE', options: { as?: string } = {}): Promise<this> {
    const mine = (options.as ? [options.as] : this.#dav.addresses).map((a) => (/^[a-z][a-z0-9+.-]*:/i.test(a) || !a.includes('@') ? a : `mailto:${a}`).toLowerCase());
    if (!mine.length) throw bad('respond', 'as', 'required', 'Pass { as: "mailto:you@example.com" } or call client.principal() first');
    if (this.occurrence) throw bad('respond', 'occurrence', 'read_only', 'Answer the series: load it with cal.object(url)');
    let found = false;
    for (const c of this.component.components) {
      for (const p of c.properties) {
        if (p.name === 'ATTENDEE' && mine.includes(p.value.toLowerCase())) {
          p.params['PARTSTAT'] = partstat;
          delete p.params['RSVP'];
          found = true;
        }
      }
    }
    if (!found) throw bad('respond', 'as', 'invalid', 'You are not an attendee of this event');
    this.setComponent(this.component);
    return this.#put(this.#data, true);
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
    if (reply.status < 200 || reply.status > 299) throw this.#dav.error(reply, 'GET');
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

/** Wall-clock seconds of a DATE/DATE-TIME (zone ignored: recurrence steps are in local time). */
function wallSeconds(d: ICalDateTime): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second) / 1000;
}

function shiftWall(d: ICalDateTime, seconds: number): ICalDateTime {
  const t = new Date((wallSeconds(d) + seconds) * 1000);
  return { ...d, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: t.getUTCSeconds() };
}

function bumpSequence(it: ICalComponent): void {
  const seq = Number(getProperty(it, 'SEQUENCE')?.value ?? 0);
  setProperty(it, { name: 'SEQUENCE', params: {}, value: String(Number.isFinite(seq) ? seq + 1 : 1) });
  setProperty(it, { name: 'DTSTAMP', params: {}, value: formatDateTime(fromDate(new Date())) });
}
