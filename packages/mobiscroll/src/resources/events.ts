import { MobiscrollConnectError, PROVIDER } from '../errors.js';
import { ProtocolError } from '@cal/core';
import type { ClientContext } from '../client.js';
import { EventsPage } from '../events-page.js';
import { toEvent, toSuccess, unwrapEvent, type CalendarEvent, type Provider, type RecurrenceMode, type SuccessResult } from '../models.js';
import { isoTime, requireFields, requireMode, requireProvider } from '../validate.js';
import type { components } from '../generated/mobiscroll-connect.js';

type S = components['schemas'];

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

/** Events (reference §3.2–3.6). @public */
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
      const page = await this.list({ ...params, ...(token === undefined ? {} : { nextPageToken: token }) });
      yield* page.events;
      if (!page.nextPageToken) return;
      if (seen.has(page.nextPageToken)) throw new ProtocolError('The server returned the same nextPageToken twice', { provider: PROVIDER });
      seen.add(page.nextPageToken);
      token = page.nextPageToken;
    }
  }

  /** `POST /event`. Accepts both documented answers (event at the root, or in `event`). */
  async create(input: CreateEventInput): Promise<CalendarEvent> {
    requireProvider('events.create', input?.provider);
    requireFields('events.create', input, ['calendarId', 'title']);
    requireFields('events.create', { start: input.start && 'x', end: input.end && 'x' }, ['start', 'end']);
    const body = { ...fields('events.create', input), provider: input.provider, calendarId: input.calendarId } as S['EventCreate'];
    const data = await this.#ctx.api('POST', '/event', { body });
    return toEvent(checkWrite(data));
  }

  /** `PUT /event`: a partial patch; `updateMode` this|following|all for recurring instances. */
  async update(input: UpdateEventInput): Promise<CalendarEvent> {
    requireProvider('events.update', input?.provider);
    requireFields('events.update', input, ['calendarId', 'eventId']);
    requireMode('events.update', 'updateMode', input.updateMode);
    const body = {
      ...fields('events.update', input),
      provider: input.provider,
      calendarId: input.calendarId,
      eventId: input.eventId,
      ...(input.recurringEventId === undefined ? {} : { recurringEventId: input.recurringEventId }),
      ...(input.updateMode === undefined ? {} : { updateMode: input.updateMode }),
    } as S['EventUpdate'];
    const data = await this.#ctx.api('PUT', '/event', { body });
    return toEvent(checkWrite(data));
  }

  /**
   * `DELETE /event`. The parameters go in the **query string**, as all seven official SDKs send them
   * (the docs and Postman show a JSON body; reference §3.6). A 200 with `success:false` throws.
   */
  async delete(input: DeleteEventInput): Promise<SuccessResult> {
    requireProvider('events.delete', input?.provider);
    requireFields('events.delete', input, ['calendarId', 'eventId']);
    requireMode('events.delete', 'deleteMode', input.deleteMode);
    const query = {
      provider: input.provider,
      calendarId: input.calendarId,
      eventId: input.eventId,
      ...(input.recurringEventId === undefined ? {} : { recurringEventId: input.recurringEventId }),
      ...(input.deleteMode === undefined ? {} : { deleteMode: input.deleteMode }),
    };
    const data = await this.#ctx.api('DELETE', '/event', { query });
    const result = toSuccess(data);
    if (!result.success) throw failed('Delete', result.message);
    return result;
  }
}

const WRITABLE = [
  'title', 'description', 'location', 'allDay', 'attendees', 'recurrence', 'custom',
  'conference', 'conferenceData', 'availability', 'privacy', 'status',
] as const;

function fields(operation: string, input: EventFieldsInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of WRITABLE) if (input[k] !== undefined) out[k] = input[k];
  const start = isoTime(operation, 'start', input.start);
  const end = isoTime(operation, 'end', input.end);
  if (start !== undefined) out.start = start;
  if (end !== undefined) out.end = end;
  return out;
}

function checkWrite(data: S['EventWriteResponse'] | undefined): S['CalendarEvent'] {
  if (!data || typeof data !== 'object') throw new ProtocolError('Empty event response', { provider: PROVIDER });
  if (data.success === false) throw failed('Write', data.message);
  const event = unwrapEvent(data);
  if (typeof event.id !== 'string') throw new ProtocolError('Event response without an id', { provider: PROVIDER, body: data });
  return event;
}

function failed(what: string, message: string | undefined): MobiscrollConnectError {
  return new MobiscrollConnectError(`${what} failed${message ? `: ${message}` : ''}`, { code: 'MOBISCROLL_OPERATION_FAILED' });
}
