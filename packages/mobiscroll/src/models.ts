/**
 * Typed, readonly, camelCase response models (reference §2.4, §3, §4) and the mappers from the
 * wire shapes generated from `openapi/mobiscroll-connect.yaml`. Timestamps become `Date`; a
 * date-only value (all-day `YYYY-MM-DD`) stays the original string, since turning it into a
 * `Date` would invent a time zone.
 */
import type { components } from './generated/mobiscroll-connect.js';

type S = components['schemas'];

/** A calendar provider behind Connect. @public */
export type Provider = 'google' | 'microsoft' | 'apple' | 'caldav';
/** The providers, in the order Connect lists them. @public */
export const PROVIDERS: readonly Provider[] = ['google', 'microsoft', 'apple', 'caldav'];
/** How far an edit of a recurring instance reaches. @public */
export type RecurrenceMode = 'this' | 'following' | 'all';
/** OAuth scope of a Connect authorization (reference §2.6). @public */
export type Scope = 'free-busy' | 'read' | 'read-write';

/** A connected provider account (reference §2.4). @public */
export interface ConnectedAccount {
  readonly id: string;
  readonly display?: string;
  readonly grantedScopes: readonly string[];
  /** `false`: connected but calendar permission unticked; `null`: not applicable/unknown. */
  readonly calendarPermissionGranted: boolean | null;
  readonly syncState?: 'active' | 'reauth_required';
  readonly syncStateUpdatedAt: Date | null;
}

/** `GET /oauth/connection-status`; every provider key present (missing ones default to `[]`). @public */
export interface ConnectionStatus {
  readonly connections: Readonly<Record<Provider, readonly ConnectedAccount[]>>;
  readonly limitReached: boolean;
}

/** A calendar (reference §3.1). @public */
export interface Calendar {
  readonly provider: Provider;
  readonly id: string;
  readonly title: string;
  /** IANA zone; `UTC` when the server leaves it out (as the Python SDK does). */
  readonly timeZone: string;
  readonly color?: string;
  readonly description?: string;
  readonly original?: Readonly<Record<string, unknown>>;
}

/** An attendee as returned (the input shape is a plain e-mail). @public */
export interface Attendee {
  readonly email: string;
  readonly status?: 'accepted' | 'declined' | 'tentative' | 'none';
  readonly organizer?: boolean;
}

/** Start/end: a `Date` for a date-time, the original `YYYY-MM-DD` string for a date-only value. @public */
export type EventTime = Date | string;

/** An event (reference §3.3). @public */
export interface CalendarEvent {
  readonly provider: Provider;
  readonly id: string;
  readonly calendarId: string;
  readonly title: string;
  readonly description?: string;
  readonly start: EventTime;
  readonly end: EventTime;
  readonly allDay: boolean;
  readonly recurringEventId?: string;
  readonly color?: string;
  readonly location?: string;
  readonly attendees: readonly Attendee[];
  readonly custom?: Readonly<Record<string, unknown>>;
  /** A join URL (legacy) or an object `{url, provider, …}` — both are documented. */
  readonly conference?: string | Readonly<Record<string, unknown>>;
  readonly conferenceData?: Readonly<Record<string, unknown>>;
  readonly availability?: 'busy' | 'free';
  readonly privacy?: 'public' | 'private' | 'confidential';
  readonly status?: 'confirmed' | 'tentative' | 'cancelled';
  readonly lastModified?: Date;
  readonly link?: string;
  readonly original?: Readonly<Record<string, unknown>>;
}

/** `POST /subscribe-webhook` result (reference §4.2). @public */
export interface WebhookSubscription {
  readonly success: boolean;
  readonly provider?: Provider;
  readonly channelId: string;
  readonly resourceId?: string;
  readonly expiration?: Date;
  readonly webhookUrl?: string;
  readonly serverWebhookUrl?: string;
}

/** `{ success, message? }` answers (disconnect, delete, unsubscribe, revoke). @public */
export interface SuccessResult {
  readonly success: boolean;
  readonly message?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The form Connect sends, as `toISOString()` writes it: `YYYY-MM-DDTHH:MM:SS[.sss]Z`. */
const UTC_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;
const two = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * Fast path for {@link UTC_INSTANT}: `Date.UTC` over the digits costs about half of
 * `new Date(string)`, which runs up to three times per event of `iterAll`. Values it is not sure
 * of (days past the 28th that may not exist, out-of-range fields, years before 1000 that
 * `Date.UTC` would read as 19xx) return `undefined` and go to `new Date`, so the result is
 * always what `new Date(value)` gives (test/unit/event-times.test.ts).
 */
function utcInstant(s: string): Date | undefined {
  if (s[0] === '0' || !UTC_INSTANT.test(s)) return undefined;
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  if (mo < 1 || mo > 12 || d < 1 || d > 28 || h > 23 || mi > 59 || sec > 59) return undefined;
  const ms = s.length > 20 ? two(s, 20) * 10 + s.charCodeAt(22) - 48 : 0;
  return new Date(Date.UTC(two(s, 0) * 100 + two(s, 2), mo - 1, d, h, mi, sec, ms));
}

/** A wire timestamp as a `Date`; date-only and unparsable strings are kept verbatim. @internal */
export function toTime(value: string | undefined): EventTime {
  if (value === undefined) return '';
  const fast = utcInstant(value);
  if (fast) return fast;
  if (DATE_ONLY.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d;
}

/** @internal */
export function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const d = utcInstant(value) ?? new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const NO_ATTENDEES: readonly Attendee[] = Object.freeze([]);

/**
 * Wire event → frozen `CalendarEvent`. Built field by field (never `delete`, which would drop V8
 * into slow dictionary objects), and the optional fields spelled out rather than looped over by
 * name: `out[k] = e[k]` over twelve names is a megamorphic keyed load and store per field, and
 * gives the events of one page differing hidden classes; spelled out, `iterAll` ran ~10% faster
 * (bench/mobiscroll.bench.mjs).
 * @internal
 */
export function toEvent(e: S['CalendarEvent']): CalendarEvent {
  const out: { -readonly [K in keyof CalendarEvent]?: CalendarEvent[K] } = {
    provider: e.provider,
    id: e.id,
    calendarId: e.calendarId ?? '',
    title: e.title ?? '',
    start: toTime(e.start),
    end: toTime(e.end),
    allDay: e.allDay ?? false,
    attendees: e.attendees?.length ? Object.freeze(e.attendees.map((a) => Object.freeze({ ...a }))) : NO_ATTENDEES,
  };
  if (e.description !== undefined) out.description = e.description;
  if (e.recurringEventId !== undefined) out.recurringEventId = e.recurringEventId;
  if (e.color !== undefined) out.color = e.color;
  if (e.location !== undefined) out.location = e.location;
  if (e.custom !== undefined) out.custom = e.custom;
  if (e.conference !== undefined) out.conference = e.conference;
  if (e.conferenceData !== undefined) out.conferenceData = e.conferenceData;
  if (e.availability !== undefined) out.availability = e.availability;
  if (e.privacy !== undefined) out.privacy = e.privacy;
  if (e.status !== undefined) out.status = e.status;
  if (e.link !== undefined) out.link = e.link;
  if (e.original !== undefined) out.original = e.original;
  const lm = toDate(e.lastModified);
  if (lm) out.lastModified = lm;
  return Object.freeze(out) as CalendarEvent;
}
