import { NotFoundError } from '@cal/core';
import { bad } from './errors.js';
import { Calendar, type BusyPeriod, type TimeRange } from './calendar.js';
import type { CalendarObject } from './calendar-object.js';
import * as bodies from './dav/bodies.js';
import { later } from './on-demand.js';
import { asCollection, pathKey } from './dav/href.js';
import { propHref } from './dav/multistatus.js';
import { CALDAV, DAV } from './dav/namespaces.js';
import type { DavTransport } from './transport.js';
import { children, childText } from '@cal/core/xml';
import { prop } from './dav/multistatus.js';

/** Options of {@link Principal.makeCalendar}. @public */
export interface MakeCalendarOptions {
  /** Display name. */
  name: string;
  /** Path segment of the new collection; defaults to a random UUID. */
  id?: string;
  /** supported-calendar-component-set, default `['VEVENT', 'VTODO']`. */
  components?: string[];
  color?: string;
  description?: string;
}

/** Facts read from the principal resource. @public */
export interface PrincipalInfo {
  url: string;
  calendarHomeUrl: string;
  displayName?: string;
  /** `calendar-user-address-set` (RFC 6638 §2.4.1), e.g. `mailto:` addresses. */
  addresses: string[];
  /** RFC 6638 scheduling inbox/outbox, when the server offers scheduling (Cyrus). */
  scheduleInboxUrl?: string;
  scheduleOutboxUrl?: string;
}

/**
 * The authenticated user's principal (RFC 5397) and calendar home (RFC 4791 §6.2.1).
 * @public
 */
export class Principal implements PrincipalInfo {
  readonly url: string;
  readonly calendarHomeUrl: string;
  readonly displayName?: string;
  readonly addresses: string[];
  readonly scheduleInboxUrl?: string;
  readonly scheduleOutboxUrl?: string;
  readonly #dav: DavTransport;

  /** @internal */
  constructor(dav: DavTransport, info: PrincipalInfo) {
    this.#dav = dav;
    Object.assign(this, info);
    this.url = info.url;
    this.calendarHomeUrl = asCollection(info.calendarHomeUrl);
    this.addresses = info.addresses;
    if (info.addresses.length) dav.addresses = info.addresses;
  }

  /** Calendars in the home (PROPFIND Depth 1; only `CALDAV:calendar` collections, so Cyrus' Inbox/Outbox are left out). */
  async calendars(): Promise<Calendar[]> {
    const ms = await this.#dav.multistatus('PROPFIND', this.calendarHomeUrl, { body: bodies.propfind(bodies.CALENDAR_PROPS), depth: '1' });
    const home = pathKey(this.calendarHomeUrl);
    const out: Calendar[] = [];
    for (const r of ms.responses) {
      if (pathKey(r.href) === home) continue;
      const c = Calendar.fromResponse(this.#dav, r);
      if (c) out.push(c);
    }
    return out;
  }

  /** One calendar by display name (or by last path segment), or by URL. NotFoundError when absent. */
  async calendar(by: { name: string } | { url: string }): Promise<Calendar> {
    if (by && 'url' in by && typeof by.url === 'string') return later('calendarAt', this.#dav, by.url, this.calendarHomeUrl, true);
    if (!by || !('name' in by) || typeof by.name !== 'string')
      throw bad('calendar', 'name', 'required', 'calendar() needs { name } or { url }');
    const all = await this.calendars();
    const hit = all.find((c) => c.displayName === by.name) ?? all.find((c) => pathKey(c.url).split('/').pop() === by.name);
    if (!hit) throw new NotFoundError(`No calendar named ${by.name}`, { provider: 'caldav', url: this.calendarHomeUrl });
    return hit;
  }

  /**
   * Free/busy of other users through the scheduling outbox (RFC 6638 §5: POST of a VFREEBUSY
   * REQUEST). Returns busy periods per attendee address. Servers without scheduling (Radicale,
   * Xandikos) give a `CAL_CALDAV_UNSUPPORTED` ProtocolError.
   */
  async freeBusy(options: TimeRange & { attendees: string[] }): Promise<Record<string, BusyPeriod[]>> {
    return later('outboxFreeBusy', this, this.#dav, options);
  }

  /**
   * Scheduling messages in the inbox (RFC 6638 §2.2): invitations (METHOD:REQUEST), replies,
   * cancellations. Servers without scheduling give a `CAL_CALDAV_UNSUPPORTED` ProtocolError.
   */
  async inbox(): Promise<CalendarObject[]> {
    return later('inbox', this, this.#dav);
  }

  /**
   * Creates a calendar (MKCALENDAR, RFC 4791 §5.3.1), falling back to extended MKCOL (RFC 5689)
   * when MKCALENDAR is not implemented (405/501). An existing collection is a ConflictError:
   * Radicale answers 409, Cyrus 403, Xandikos a 207 with 403 `resource-must-be-null` (servers.md §A.2).
   */
  async makeCalendar(options: MakeCalendarOptions): Promise<Calendar> {
    return later('makeCalendar', this, this.#dav, options);
  }
}

/** @internal Reads principal properties from a PROPFIND response. */
export function readPrincipal(dav: DavTransport, url: string, ms: { responses: import('./dav/multistatus.js').DavResponse[] }): Principal {
  const r = ms.responses[0];
  const home = r && propHref(r, CALDAV, 'calendar-home-set', url);
  // Addresses are hrefs: mailto: URIs, or (Radicale) a relative principal path, resolved here.
  // mailto: ones first, since they are what ATTENDEE/ORGANIZER lines carry.
  const addresses = (r ? children(prop(r, CALDAV, 'calendar-user-address-set'), DAV, 'href').map((h) => h.text.trim()) : [])
    .map((a) => (/^[a-z][a-z0-9+.-]*:/i.test(a) ? a : new URL(a, url).href))
    .sort((a, b) => Number(b.startsWith('mailto:')) - Number(a.startsWith('mailto:')));
  const inbox = r && propHref(r, CALDAV, 'schedule-inbox-URL', url);
  const outbox = r && propHref(r, CALDAV, 'schedule-outbox-URL', url);
  const displayName = r ? childText(r.propstats.find((p) => p.status === 200)?.prop, DAV, 'displayname') : undefined;
  return new Principal(dav, {
    url,
    // No calendar-home-set (GMX, caldav-jmap.md §1.2): the principal itself is the home.
    calendarHomeUrl: home ?? url,
    addresses,
    ...(displayName ? { displayName } : {}),
    ...(inbox ? { scheduleInboxUrl: inbox } : {}),
    ...(outbox ? { scheduleOutboxUrl: outbox } : {}),
  });
}
