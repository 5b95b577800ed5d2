import type { ClientContext } from '../client.js';
import { ProtocolError } from '@cal/core';
import { PROVIDER } from '../errors.js';
import { EventsPage } from '../events-page.js';
import { toEvent, type CalendarEvent, type Provider, type RecurrenceMode, type SuccessResult } from '../models.js';
import { isoTime } from '../validate.js';
import { operations } from '../on-demand/load-operations.js';

/** Server-side cap of `pageSize` (reference §3.2); the Python/PHP SDKs cap client-side too. */
const MAX_PAGE_SIZE = 1000;

/** Input of {@link EventsResource.list}. @public */
export interface ListEventsParams {
  /** Range start; a `Date` is sent as `toISOString()`. Server default: first day of this month. */
  start?: Date | string;
  /** Range end. Server default: last day of this month. */
  end?: Date | string;
  /** Calendars per provider, e.g. `{ google: ['a@x.com'] }`; omit for all calendars. */
  calendarIds?: Partial<Record<Provider, readonly string[]>>;
  /** 1–1000 (capped at 1000); shared across providers. @default server 250 */
  pageSize?: number;
  /** Continue after a previous page. */
  nextPageToken?: string;
  /** Expand recurring series into instances. @default server true */
  singleEvents?: boolean;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** Recurrence rule of a created series (reference §3.4). @public */
export interface RecurrenceInput {
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval?: number;
  count?: number;
  /** `YYYYMMDDTHHMMSSZ`; exclusive with `count`. */
  until?: string;
  byDay?: readonly ('MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU')[];
  byMonthDay?: readonly number[];
  byMonth?: readonly number[];
}

/** Writable event fields (reference §3.4). @public */
export interface EventFieldsInput {
  title?: string;
  start?: Date | string;
  end?: Date | string;
  description?: string;
  location?: string;
  allDay?: boolean;
  /** E-mail addresses (the output shape is objects). */
  attendees?: readonly string[];
  recurrence?: RecurrenceInput;
  custom?: Record<string, unknown>;
  /** Join URL (legacy). */
  conference?: string;
  conferenceData?: { provider?: string; autoGenerate?: boolean };
  availability?: 'busy' | 'free';
  privacy?: 'public' | 'private' | 'confidential';
  status?: 'confirmed' | 'tentative' | 'cancelled';
}

/** Input of {@link EventsResource.create}. @public */
export interface CreateEventInput extends EventFieldsInput {
  provider: Provider;
  calendarId: string;
  title: string;
  start: Date | string;
  end: Date | string;
}

/** Input of {@link EventsResource.update}: a partial patch. @public */
export interface UpdateEventInput extends EventFieldsInput {
  provider: Provider;
  calendarId: string;
  eventId: string;
  /** Series id, needed when targeting an instance. */
  recurringEventId?: string;
  /** For recurring events; omitted = the single event or the series master. */
  updateMode?: RecurrenceMode;
}

/** Input of {@link EventsResource.delete}. @public */
export interface DeleteEventInput {
  provider: Provider;
  calendarId: string;
  eventId: string;
  recurringEventId?: string;
  /** `this` cancels one instance, `following` truncates the series, `all` removes it. */
  deleteMode?: RecurrenceMode;
}

/**
 * Events (reference §3.2–3.6). The writes load on first use (`on-demand/`), so an app that only
 * reads events does not bundle them up front.
 * @public
 */
export class EventsResource {
  readonly #ctx: ClientContext;
  /** @internal */
  constructor(ctx: ClientContext) {
    this.#ctx = ctx;
  }

  /** One page of `GET /events`. Iterate the result; follow `page.nextPageToken` while `page.hasMore`. */
  async list(params: ListEventsParams = {}): Promise<EventsPage> {
    const query: Record<string, string | number> = {};
    const start = isoTime('events.list', 'start', params.start);
    const end = isoTime('events.list', 'end', params.end);
    if (start !== undefined) query.start = start;
    if (end !== undefined) query.end = end;
    if (params.pageSize !== undefined) query.pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(params.pageSize)));
    if (params.calendarIds !== undefined) query.calendarIds = JSON.stringify(params.calendarIds);
    if (params.nextPageToken !== undefined) query.nextPageToken = params.nextPageToken;
    if (params.singleEvents !== undefined) query.singleEvents = String(params.singleEvents);
    const data = await this.#ctx.api('GET', '/events', { query, ...(params.signal ? { signal: params.signal } : {}) });
    return new EventsPage((data?.events ?? []).map(toEvent), data?.nextPageToken || undefined, data?.pageSize);
  }

  /**
   * Every event of the range, page by page (Python `iter_all`). Lazy and flat in memory: only the
   * current page is held; `break` stops fetching. A repeated page token is a `ProtocolError`.
   */
  async *iterAll(params: Omit<ListEventsParams, 'nextPageToken'> & { nextPageToken?: string } = {}): AsyncGenerator<CalendarEvent, void, undefined> {
    let token = params.nextPageToken;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.list(token === undefined ? params : { ...params, nextPageToken: token });
      // A plain loop, not `yield* page.events`: yield* wraps the array in an async-from-sync
      // iterator, one more promise job per event (bench/mobiscroll.bench.mjs).
      for (const e of page.events) yield e;
      if (!page.nextPageToken) return;
      if (seen.has(page.nextPageToken)) throw new ProtocolError('The server returned the same nextPageToken twice', { provider: PROVIDER });
      seen.add(page.nextPageToken);
      token = page.nextPageToken;
    }
  }

  /** `POST /event`. Accepts both documented answers (event at the root, or in `event`). */
  async create(input: CreateEventInput): Promise<CalendarEvent> {
    return (await operations()).createEvent(this.#ctx, input);
  }

  /** `PUT /event`: a partial patch; `updateMode` this|following|all for recurring instances. */
  async update(input: UpdateEventInput): Promise<CalendarEvent> {
    return (await operations()).updateEvent(this.#ctx, input);
  }

  /**
   * `DELETE /event`. The parameters go in the **query string**, as all seven official SDKs send them
   * (the docs and Postman show a JSON body; reference §3.6). A 200 with `success:false` throws.
   */
  async delete(input: DeleteEventInput): Promise<SuccessResult> {
    return (await operations()).deleteEvent(this.#ctx, input);
  }
}
